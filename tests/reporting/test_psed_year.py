"""The annual PSED report covers one reporting year (1 April to 31 March): by default the last one that
ended before --as-of, or the one --year names; the cover says which. EIAs and engagement are those of
that year (it counted the twelve months up to today, so the bundled example run today showed none)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "northfield-trust"


def psed(*args: str):
    return CliRunner().invoke(app, ["report", "psed", str(EXAMPLE), "--as-of", "2026-12-01", *args])


def test_psed_report_covers_the_last_reporting_year_ended_before_as_of() -> None:
    result = psed()
    assert result.exit_code == 0, result.output
    assert "# Public Sector Equality Duty annual report 2025-26" in result.stdout
    assert "in the reporting year 2025-26, 1 April 2025 to 31 March 2026" in result.stdout
    assert "EIA-2025-001: Managing attendance policy" in result.stdout  # completed 4 April 2025
    assert "EIA-2025-003" not in result.stdout  # completed 21 March 2025, the year before
    assert "Patient portal letters listening sessions" in result.stdout  # 18 June 2025
    assert "No engagement activity recorded" not in result.stdout


def test_psed_report_year_option_chooses_the_year() -> None:
    result = psed("--year", "2024-25", "--format", "html")
    assert result.exit_code == 0, result.output
    assert "Public Sector Equality Duty annual report 2024-25" in result.stdout
    assert "EIA-2025-003" in result.stdout and "EIA-2025-001" not in result.stdout
    assert "EDS 2022 grading panel for 2024-25" in result.stdout


@pytest.mark.parametrize(("args", "says"), [
    (("--year", "2025"), "--year '2025' is not a reporting year; write it like 2025-26"),
    (("--year", "2025-27"), "not a reporting year"),
])
def test_psed_report_year_that_names_no_year_is_a_usage_error(args: tuple[str, ...], says: str) -> None:
    result = psed(*args)
    assert result.exit_code == 2 and says in result.stderr


def test_year_option_on_a_report_without_years_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["report", "wres", str(EXAMPLE), "--year", "2025-26"])
    assert result.exit_code == 2 and "--year applies to the psed and actions reports only" in result.stderr


def test_report_actions_year_chooses_the_year_of_the_plan() -> None:
    result = CliRunner().invoke(app, ["report", "actions", str(EXAMPLE), "--as-of", "2025-06-01", "--year", "2024-25"])
    assert result.exit_code == 0, result.output
    assert "## Action plan 1 April 2024 to 31 March 2025" in result.stdout
    assert "| Apr to May 2024 |" in result.stdout
    default = CliRunner().invoke(app, ["report", "actions", str(EXAMPLE), "--as-of", "2025-06-01"])
    assert "## Action plan 1 April 2025 to 31 March 2026" in default.stdout
    wrong = CliRunner().invoke(app, ["report", "actions", str(EXAMPLE), "--year", "2024"])
    assert wrong.exit_code == 2 and "--year '2024' is not a reporting year; write it like 2025-26" in wrong.stderr
