"""Dates at the precision published (issue 22): a measure's figures ("75% of staff by March 2013") and the
organisation's headcount ("163 staff as at March 2021") may be a month or a year. A chart places a figure at the
latest day its date allows; the headcount thresholds read a month that contains or precedes the snapshot day, and
a year only once it has ended (within it, EK432 warns)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.i18n import language
from equitykit.obligations.headcount import threshold
from equitykit.records.objective import MeasureValue
from equitykit.records.organisation import Headcount, Organisation

SNAPSHOT = dt.date(2021, 3, 31)


@pytest.mark.parametrize(("written", "shown", "day"), [
    ("2013-03-31", "2013-03-31", dt.date(2013, 3, 31)),
    ("2013-03", "2013-03", dt.date(2013, 3, 31)),
    (2013, "2013", dt.date(2013, 12, 31)),
    ("2024-02", "2024-02", dt.date(2024, 2, 29)),
])
def test_a_measure_figure_keeps_its_precision_and_stands_at_its_latest_day(written, shown: str,
                                                                           day: dt.date) -> None:
    value = MeasureValue.model_validate({"value": 75, "date": written})
    assert value.date.isoformat() == shown and value.day == day
    assert value.model_dump(mode="json")["date"] == shown


@pytest.mark.parametrize(("written", "before", "on", "after"), [
    # day, month, year × a snapshot before the date, within it (or on it), and after it
    ("2021-03-31", False, True, True),
    ("2021-03", False, True, True),   # "as at March 2021" holds 31 March 2021
    ("2021-02", False, True, True),   # a month that precedes the snapshot day counts, as an earlier day does
    ("2021-04", False, False, True),
    ("2021", False, False, True),     # the year holds 31 March 2021 but cannot tell it: only once it has ended
    ("2020", False, True, True),
])
def test_which_headcount_stands_for_a_snapshot(written: str, before: bool, on: bool, after: bool) -> None:
    entry = Headcount.model_validate({"date": written, "employees": 300})
    snapshots = {"before": dt.date(2019, 3, 31), "on": SNAPSHOT, "after": dt.date(2022, 3, 31)}
    assert {name: entry.counts_on(day) for name, day in snapshots.items()} == {
        "before": before, "on": on, "after": after}


def _organisation(*headcount: tuple[str, int]) -> Organisation:
    return Organisation.model_validate({"name": "Testshire Council", "sector": "local-authority",
                                        "jurisdiction": "england", "alternative_formats": {"email": "a@b.example"},
                                        "headcount": [{"date": date, "employees": n} for date, n in headcount]})


def test_the_gender_pay_gap_threshold_is_decided_from_a_month() -> None:
    assert threshold(_organisation(("2021-03", 300)), SNAPSHOT, 250, "the gender pay gap").applies is True
    assert threshold(_organisation(("2021-03", 163)), SNAPSHOT, 250, "the gender pay gap").applies is False
    # the latest entry that can stand for the day, by its earliest then latest day
    assert _organisation(("2020-03-31", 400), ("2021-03", 163)).headcount_on(SNAPSHOT).employees == 163
    unknown = threshold(_organisation(("2021", 300)), SNAPSHOT, 250, "the gender pay gap")
    assert unknown.applies is None and unknown.hint is not None


@pytest.mark.parametrize(("written", "english", "welsh"), [
    ("2021-03-31", "300 employees on 31 March 2021", "300 o gyflogeion ar 31 Mawrth 2021"),
    ("2021-03", "300 employees in March 2021", "300 o gyflogeion ym mis Mawrth 2021"),
    ("2020", "300 employees in 2020", "300 o gyflogeion yn 2020"),
])
def test_the_threshold_names_the_headcount_date_in_words_at_its_precision(written: str, english: str,
                                                                          welsh: str) -> None:
    body = _organisation((written, 300))
    assert threshold(body, SNAPSHOT, 250, "the gender pay gap").reason == (
        f"{english}: at or above the 250 threshold for the gender pay gap")
    with language("cy"):
        assert threshold(body, SNAPSHOT, 250, "y bwlch cyflog rhwng y rhywiau").reason.startswith(f"{welsh}: ")


def test_the_calendar_says_the_headcount_month_in_words_and_json_keeps_its_dates(valid_root: Path) -> None:
    path = valid_root / "equitykit.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("headcount:\n  - date: ") + len("headcount:\n  - date: ")
    path.write_text(text[:start] + "2024-03" + text[text.index("\n", start):], encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(app, ["deadlines", str(valid_root), "--as-of", "2025-06-01"])
    assert shown.exit_code == 0, shown.output
    assert " employees in March 2024: " in " ".join(shown.stdout.split()) and "2024-03:" not in shown.stdout
    welsh = runner.invoke(app, ["deadlines", str(valid_root), "--as-of", "2025-06-01", "--lang", "cy"])
    assert " o gyflogeion ym mis Mawrth 2024: " in " ".join(welsh.stdout.split())
    found = json.loads(runner.invoke(app, ["deadlines", str(valid_root), "--as-of", "2025-06-01",
                                           "--format", "json"]).stdout)
    notes = [o["note"] for o in found if "employees in March 2024" in (o["note"] or "")]
    assert notes and all(o["due"] == dt.date.fromisoformat(o["due"]).isoformat() for o in found)


def test_a_headcount_for_a_year_is_a_warning(valid_root: Path) -> None:
    path = valid_root / "equitykit.yaml"
    text = path.read_text(encoding="utf-8")
    assert "headcount:\n  - date: " in text
    start = text.index("headcount:\n  - date: ") + len("headcount:\n  - date: ")
    path.write_text(text[:start] + "2021" + text[text.index("\n", start):], encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(valid_root), "--format", "json", "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.stdout
    found = [(p["path"], p["severity"]) for p in json.loads(result.stdout)["problems"] if p["code"] == "EK432"]
    assert found == [("headcount[0].date", "warning")]
