"""A first year's report (one workforce snapshot, one pay gap record, one EDS assessment) leaves the
comparison with last year out, instead of columns headed and filled with "no data"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "northfield-trust"


@pytest.fixture
def first_year(tmp_path: Path) -> Path:
    """The example with only its first workforce snapshot, pay gap figures and EDS2 assessment (and without
    its history as published)."""
    root = tmp_path / "first-year"
    shutil.copytree(EXAMPLE, root)
    for snapshot in ("2022-03-31", "2023-03-31", "2025-03-31"):
        (root / "workforce" / f"{snapshot}.yaml").unlink()
    for later in ("2022-23", "2023-24", "2024-25"):
        (root / "eds" / f"{later}.yaml").unlink()
    return root


@pytest.mark.parametrize("output_format", ["md", "html"])
@pytest.mark.parametrize("kind", ["wres", "wdes", "paygap", "eds", "psed"])
def test_first_year_report_leaves_the_comparison_out(first_year: Path, kind: str, output_format: str) -> None:
    result = CliRunner().invoke(app, ["report", kind, str(first_year), "--format", output_format,
                                      "--as-of", "2025-10-01"])
    assert result.exit_code == 0, result.output
    for words in ("no data", "Last year", "Previous year", "Grading  ", "share  "):
        assert words not in result.stdout, words
    if kind in ("wres", "psed"):
        assert "BME share 31 March 2024" in result.stdout


def test_report_with_an_earlier_year_keeps_the_comparison(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "wres", str(EXAMPLE), "--format", "md", "--as-of", "2025-10-01"])
    assert result.exit_code == 0, result.output
    assert "BME share 31 March 2024" in result.stdout and "Last year (31 March 2024)" in result.stdout
