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
    assert [(p["code"], p["line"], p["path"]) for p in problems] == [("EK419", 4, "lead_officer")]
