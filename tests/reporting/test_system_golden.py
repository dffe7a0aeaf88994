"""The system report of the fixture system (tests/fixtures/system) matches its golden files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

from .conftest import check_golden

SYSTEM = Path(__file__).parents[1] / "fixtures" / "system" / "staffordshire-icb"


@pytest.mark.parametrize("output_format", ["md", "html"])
def test_system_report_matches_golden(output_format: str) -> None:
    result = CliRunner().invoke(app, ["report", "system", str(SYSTEM), "--format", output_format,
                                      "--as-of", "2025-11-30"])
    assert result.exit_code == 1, result.output  # written; the broken member is named on stderr
    assert "../broken-member" in result.stderr
    check_golden(f"system.{output_format}", result.stdout)
