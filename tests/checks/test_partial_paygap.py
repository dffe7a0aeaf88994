"""A pay gap record may hold any part of the fourteen GOV.UK figures: validate warns (EK441) only for a year
the body had to publish the whole set, 0 is a figure, and reports show what is there."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.records.paygap import PayGapFigures
from equitykit.records.repository import load_records
from equitykit.reporting.reports import render_report

runner = CliRunner()
GAPS_ONLY = """id: 2024-03-31
snapshot: 2024-03-31
figures:
  DiffMeanHourlyPercent: 0
  DiffMedianHourlyPercent: 0.0
"""


def _with_headcount(root: Path, employees: int) -> None:
    path = root / "equitykit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "headcount:\n", f"headcount:\n  - date: 2024-03-31\n    employees: {employees}\n", 1), encoding="utf-8")


def _problems(root: Path) -> list[dict]:
    result = runner.invoke(app, ["validate", str(root), "--format", "json", "--as-of", "2026-06-01"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["problems"]


def test_zero_is_a_figure_and_left_out_is_not() -> None:
    figures = PayGapFigures.model_validate({"DiffMeanHourlyPercent": 0, "DiffMeanBonusPercent": None,
                                            "MaleBonusPercent": None})
    assert figures.given("DiffMeanHourlyPercent")
    assert figures.given("DiffMeanBonusPercent")  # null bonus gap: no bonuses to compare
    assert not figures.given("MaleBonusPercent") and not figures.given("DiffMedianHourlyPercent")
    assert len(figures.missing()) == 12


def test_a_partial_set_is_a_warning_for_a_year_the_body_had_to_publish(valid_root: Path) -> None:
    _with_headcount(valid_root, 1200)
    (valid_root / "paygap" / "2024-03-31.yaml").write_text(GAPS_ONLY, encoding="utf-8")
    problems = _problems(valid_root)
    assert [(p["code"], p["severity"], p["line"], p["path"]) for p in problems] == [
        ("EK441", "warning", 3, "figures")]
    assert "12 of the 14 statutory figures are not recorded" in problems[0]["message"]
    assert "paygap import" in problems[0]["message"]


@pytest.mark.parametrize("employees", [249, None])
def test_no_warning_where_the_duty_did_not_apply_or_is_unknown(valid_root: Path, employees: int | None) -> None:
    if employees is not None:
        _with_headcount(valid_root, employees)
    (valid_root / "paygap" / "2024-03-31.yaml").write_text(GAPS_ONLY, encoding="utf-8")
    assert _problems(valid_root) == []


def test_quartiles_and_bonus_rules_skip_figures_not_published(valid_root: Path) -> None:
    _with_headcount(valid_root, 1200)
    (valid_root / "paygap" / "2024-03-31.yaml").write_text(
        GAPS_ONLY + "  MaleLowerQuartile: 40.0\n  FemaleBonusPercent: 0\n", encoding="utf-8")
    assert [p["code"] for p in _problems(valid_root)] == ["EK441"]


def test_the_report_shows_what_is_there(valid_root: Path) -> None:
    (valid_root / "paygap" / "2024-03-31.yaml").write_text(
        GAPS_ONLY + "  MaleLowerQuartile: 40.0\n  FemaleLowerQuartile: 60.0\n", encoding="utf-8")
    records = load_records(valid_root, dt.date(2026, 6, 1))
    text = render_report("paygap", records, dt.date(2026, 6, 1), "md")
    assert "| 1\\. Mean gender pay gap in hourly pay | 0.0% |" in text
    assert "| 3\\. Mean gender pay gap in bonus pay | not published |" in text
    assert "Some quartiles were not published, and have no bar." in text


def test_the_calendar_says_what_the_record_holds(valid_root: Path) -> None:
    _with_headcount(valid_root, 1200)
    (valid_root / "paygap" / "2024-03-31.yaml").write_text(GAPS_ONLY + "submitted: 2025-04-02\n", encoding="utf-8")
    result = runner.invoke(app, ["deadlines", str(valid_root), "--as-of", "2025-06-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    notes = {o["id"]: o["note"] for o in json.loads(result.stdout)}
    assert notes["gpg-2024"].endswith("figures recorded (2 of the 14; the others are not "
                                      "recorded); submitted to GOV.UK 2025-04-02, 3 days late")
