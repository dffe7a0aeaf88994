"""An objective's start as published (issue 22): a plan that gives only an end ("roadmap to 2018") is recorded
without a start. Validate warns once for each folder (EK454), never an error; reports show the period as "to"
its end, in both languages; the calendar invents no clock: the yearly update is due a year after the first dated
update, and none before one (the four-year duty to publish objectives runs from the publications)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.obligations import deadlines
from equitykit.records.repository import load_records

runner = CliRunner()
AS_OF = dt.date(2026, 1, 15)
START = "start: 2024-04-01\n"


def _without_start(root: Path, updated: bool = False) -> Path:
    """Three objectives with no start (OBJ-01 to OBJ-03); with `updated`, OBJ-02 has an update in May 2025."""
    objective = (root / "objectives" / "OBJ-01.yaml").read_text(encoding="utf-8").replace(START, "")
    for number in (1, 2, 3):
        text = objective.replace("OBJ-01", f"OBJ-0{number}")
        if updated and number == 2:
            text += "updates:\n  - date: 2025-05\n    note: Half of the clinics book ahead.\n"
        (root / "objectives" / f"OBJ-0{number}.yaml").write_text(text, encoding="utf-8")
    return root


def test_validate_warns_once_for_each_folder_and_passes(valid_root: Path) -> None:
    result = runner.invoke(app, ["validate", str(_without_start(valid_root)), "--format", "json",
                                 "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.stdout
    found = [(p["file"], p["severity"], p["message"].split(";")[0])
             for p in json.loads(result.stdout)["problems"] if p["code"] == "EK454"]
    assert found == [("objectives/OBJ-01.yaml", "warning", "3 objectives give no start date (OBJ-01, OBJ-02, OBJ-03)")]


def test_an_objective_with_a_start_is_not_warned(valid_root: Path) -> None:
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json", "--as-of", AS_OF.isoformat()])
    assert "EK454" not in {p["code"] for p in json.loads(result.stdout)["problems"]}


def test_reports_show_the_period_to_its_end_in_both_languages(valid_root: Path) -> None:
    root = _without_start(valid_root)
    for lang, words in (("en", "to 31 March 2028"), ("cy", "hyd at 31 Mawrth 2028")):
        for fmt in ("md", "html"):
            result = runner.invoke(app, ["report", "objectives", str(root), "--format", fmt, "--lang", lang,
                                         "--as-of", AS_OF.isoformat()])
            assert result.exit_code == 0, result.output
            assert words in result.stdout, (lang, fmt)
            assert "2024" not in result.stdout.split("OBJ-01")[1].split("OBJ-02")[0], (lang, fmt)


def test_the_calendar_invents_no_clock_for_the_yearly_update(valid_root: Path) -> None:
    found = deadlines(load_records(_without_start(valid_root, updated=True)), AS_OF)
    assert found.find("objective-OBJ-01-update") is None  # no start, no update: nothing to count a year from
    update = found.find("objective-OBJ-02-update")
    assert update is not None and update.due == dt.date(2026, 5, 1)  # a year after May 2025's first day
    end = found.find("objective-OBJ-01")
    assert end is not None and end.due == dt.date(2028, 3, 31)
    assert [name for name, _day in end.dates] == ["end"]  # no start shown for --explain
    # the four-year duty to publish objectives runs from the publications, whatever the records give
    duty = found.find("england-equality-objectives")
    assert duty is not None
    assert duty.status == deadlines(load_records(valid_root), AS_OF).find("england-equality-objectives").status


def test_an_end_more_than_four_years_away_is_not_judged_without_a_start(valid_root: Path) -> None:
    root = _without_start(valid_root)
    path = root / "objectives" / "OBJ-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("end: 2028-03-31", "end: 2035"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(root), "--format", "json", "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.stdout
    assert "EK406" not in {p["code"] for p in json.loads(result.stdout)["problems"]}
