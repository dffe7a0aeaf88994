"""An EDS2 assessment after an EDS 2022 one: the report says the two are not compared (it crashed)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

from .conftest import write_files

EDS2_2025 = """\
id: 2025-26
framework: eds2
period_start: 2025-04-01
period_end: 2026-03-31
outcomes:
  1.1: {characteristics: [age, sex, race]}
"""


def test_eds2_report_after_an_eds2022_assessment(trust_root: Path) -> None:
    write_files(trust_root, {"eds/2025-26.yaml": EDS2_2025})
    result = CliRunner().invoke(app, ["report", "eds", str(trust_root), "--format", "md", "--as-of", "2026-06-30"])
    assert result.exit_code == 0, result.output
    assert "EDS2 summary 2025-26" in result.stdout
    assert "the previous assessment 2024-25 used eds2022, not eds2, so the two are not compared" in result.stdout
    assert "Grading 2024-25" not in result.stdout and "Previous year" not in result.stdout  # nothing to compare
