"""Warnings are reported but pass validation, unless --strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()


@pytest.mark.parametrize(("file", "old", "new", "code", "line"), [
    ("objectives/OBJ-01.yaml", "status: in-progress", "status: in-progress\ncompleted: 2025-01-31", "EK416", 10),
    ("actions/ACT-001.yaml", "status: complete", "status: ongoing", "EK416", 9),
    ("eds/2024-25.yaml", "  3C: {score: 1}\n", "", "EK415", 5),
    ("equitykit.yaml", "sector: nhs-trust", "sector: icb\nestablished: 2020-04-01", "EK431", 3),
    ("equitykit.yaml", "sector: nhs-trust", "sector: ccg\ndissolved: 2023-04-01", "EK431", 3),
    ("publications/PUB-001.yaml", "published: 2025-02-20\n", "", "EK430", 1),  # out, with no date in the source
    # complete, with no date of completion in the source (plans often say "Complete" and no more)
    ("actions/ACT-001.yaml", "completed: 2025-09-12\n", "", "EK408", 8),
    ("objectives/OBJ-01.yaml", "status: in-progress\n", "status: complete\n", "EK408", 9),
])
def test_warning_passes_unless_strict(valid_root: Path, file: str, old: str, new: str, code: str,
                                      line: int) -> None:
    path = valid_root / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    assert result.exit_code == 0
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["severity"], p["line"]) for p in problems] == [(code, "warning", line)]
    assert runner.invoke(app, ["validate", str(valid_root), "--strict"]).exit_code == 1


def test_placeholder_text_is_a_warning_at_its_line(valid_root: Path) -> None:
    path = valid_root / "actions" / "ACT-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Head of Patient Experience", "To be written"),
                    encoding="utf-8")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    assert result.exit_code == 0
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["line"], p["path"]) for p in problems] == [("EK419", 4, "lead")]


def test_old_lead_officer_key_is_read_with_a_warning_at_its_line(valid_root: Path) -> None:
    path = valid_root / "actions" / "ACT-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("lead:", "lead_officer:"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    assert result.exit_code == 0, result.output
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["severity"], p["line"], p["path"]) for p in problems] == [
        ("EK425", "warning", 4, "lead_officer")]
    assert "now called `lead`" in problems[0]["message"]


def test_old_lead_officer_key_keeps_its_line_for_other_problems(valid_root: Path) -> None:
    path = valid_root / "actions" / "ACT-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("lead: Head of Patient Experience",
                                                             "lead_officer: ''"), encoding="utf-8")
    problems = json.loads(runner.invoke(app, ["validate", str(valid_root), "--format", "json"]).stdout)["problems"]
    assert {(p["code"], p["line"]) for p in problems} == {("EK425", 4), ("EK206", 4)}


def test_validate_accepts_as_of_and_a_completion_date_after_it_is_a_warning(valid_root: Path) -> None:
    on_the_day = runner.invoke(app, ["validate", str(valid_root), "--as-of", "2025-09-12", "--format", "json"])
    assert on_the_day.exit_code == 0, on_the_day.output
    codes = [(p["file"], p["code"], p["path"]) for p in json.loads(on_the_day.stdout)["problems"]]
    assert ("actions/ACT-001.yaml", "EK426", "completed") not in codes
    before = runner.invoke(app, ["validate", str(valid_root), "--as-of", "2025-09-11", "--format", "json"])
    assert before.exit_code == 0
    problems = [p for p in json.loads(before.stdout)["problems"] if p["file"] == "actions/ACT-001.yaml"]
    assert [(p["code"], p["severity"], p["path"], p["line"]) for p in problems] == [
        ("EK426", "warning", "completed", 9)]
    assert "today is 2025-09-11" in problems[0]["message"]


def test_validate_as_of_that_is_not_a_date_is_a_usage_error(valid_root: Path) -> None:
    result = runner.invoke(app, ["validate", str(valid_root), "--as-of", "31/03/2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize(("file", "old", "new", "line", "path"), [
    ("equitykit.yaml", "sector: nhs-trust", "sector: nhs-trust\ngovernance: To be written.", 3, "governance"),
    ("actions/ACT-001.yaml", "Head of Patient Experience", "To be written, once the post is filled", 4, "lead"),
    ("actions/ACT-001.yaml", "Head of Patient Experience", "Head of Patient Experience\nlead_cy: To be written",
     5, "lead_cy"),
])
def test_validate_warns_about_placeholder_text_in_any_shown_text(valid_root: Path, file: str, old: str, new: str,
                                                                  line: int, path: str) -> None:
    target = valid_root / file
    target.write_text(target.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    assert result.exit_code == 0, result.output
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["line"], p["path"]) for p in problems if p["code"] == "EK419"] == [("EK419", line, path)]
    assert "To be written" in problems[0]["message"]
