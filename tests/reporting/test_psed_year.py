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
    assert result.exit_code == 2 and "--year applies to the psed, actions and objectives reports only" in result.stderr


def test_report_actions_year_chooses_the_year_of_the_plan() -> None:
    result = CliRunner().invoke(app, ["report", "actions", str(EXAMPLE), "--as-of", "2025-06-01", "--year", "2024-25"])
    assert result.exit_code == 0, result.output
    assert "## Action plan 1 April 2024 to 31 March 2025" in result.stdout
    assert "| Apr to May 2024 |" in result.stdout
    default = CliRunner().invoke(app, ["report", "actions", str(EXAMPLE), "--as-of", "2025-06-01"])
    assert "## Action plan 1 April 2025 to 31 March 2026" in default.stdout
    wrong = CliRunner().invoke(app, ["report", "actions", str(EXAMPLE), "--year", "2024"])
    assert wrong.exit_code == 2 and "--year '2024' is not a reporting year; write it like 2025-26" in wrong.stderr


def _trust_with_eds(tmp_path: Path, *years: str) -> Path:
    """The example trust with an EDS 2022 assessment added for each of `years` (a copy of its 2024-25 one)."""
    import shutil

    root = tmp_path / "trust"
    shutil.copytree(EXAMPLE, root)
    text = (root / "eds" / "2024-25.yaml").read_text(encoding="utf-8")
    for label in years:
        first = int(label[:4])
        (root / "eds" / f"{label}.yaml").write_text(
            text.replace("id: 2024-25", f"id: {label}")
            .replace("period_start: 2024-04-01", f"period_start: {first}-04-01")
            .replace("period_end: 2025-03-31", f"period_end: {first + 1}-03-31")
            .replace("graded_on: 2025-01-22", f"graded_on: {first + 1}-01-22"), encoding="utf-8")
    return root


def _eds_section(report: str) -> str:
    return report[report.index("## Equality Delivery System"):report.index("## Workforce profile")]


def test_psed_report_shows_the_eds_of_its_reporting_year_not_a_later_one(tmp_path: Path) -> None:
    root = _trust_with_eds(tmp_path, "2025-26", "2026-27")
    result = CliRunner().invoke(app, ["report", "psed", str(root), "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    eds = _eds_section(result.stdout)
    assert "EDS 2022 summary 2025-26" in eds and "2026-27" not in eds
    assert "this is the latest one before it" not in eds


def test_psed_report_shows_the_latest_eds_ended_before_its_year_and_says_so(tmp_path: Path) -> None:
    root = _trust_with_eds(tmp_path, "2026-27")
    result = CliRunner().invoke(app, ["report", "psed", str(root), "--as-of", "2026-12-01"])
    assert result.exit_code == 0, result.output
    eds = _eds_section(result.stdout)
    assert "EDS 2022 summary 2024-25" in eds and "2026-27" not in eds
    assert ("No EDS assessment is recorded for the reporting year 2025-26; this is the latest one before it, for "
            "1 April 2024 to 31 March 2025.") in eds
