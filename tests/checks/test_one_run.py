"""All problems of a file in one run: the reference and domain problems of its valid parts are
reported together with its schema problems, never one wave after another."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()


def _codes(root: Path, file: str) -> list[tuple[str, int, int]]:
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1, result.output
    return [(p["code"], p["line"], p["column"]) for p in json.loads(result.stdout)["problems"] if p["file"] == file]


def _edit(root: Path, file: str, *pairs: tuple[str, str]) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def test_reference_problems_are_reported_with_schema_problems_in_one_run(valid_root: Path) -> None:
    _edit(valid_root, "actions/ACT-001.yaml", ("objectives: [OBJ-01]", "objectives: [OBJ-1]"),
          ("characteristics: [disability]", "characteristics: [Race, disabilty]"))
    assert _codes(valid_root, "actions/ACT-001.yaml") == [("EK302", 5, 14), ("EK206", 6, 19), ("EK304", 6, 25)]


def test_a_required_field_that_fails_does_not_set_off_rules_that_read_it(valid_root: Path) -> None:
    _edit(valid_root, "actions/ACT-001.yaml", ("status: complete", "status: Complete"),
          ("objectives: [OBJ-01]", "objectives: [OBJ-09]"))
    # completed: with a status that is not complete would be EK416; the status is not known, so no EK416
    assert [code for code, _, _ in _codes(valid_root, "actions/ACT-001.yaml")] == ["EK302", "EK204"]


def test_domain_problems_of_the_valid_parts_are_reported_with_schema_problems(valid_root: Path) -> None:
    _edit(valid_root, "eias/EIA-2025-001.yaml", ("review: 2026-02-20", "review: soon"),
          ("impact: negative, evidence: Fewer accessible transport options in the evening., "
           'mitigation: "Patient transport extended to 21:00."', "impact: negative, evidence: Fewer buses."),
          ("  race:", "  Race:"))
    codes = _codes(valid_root, "eias/EIA-2025-001.yaml")
    assert [code for code, _, _ in codes] == ["EK404", "EK206", "EK205"]  # EK402 would only repeat `Race`
