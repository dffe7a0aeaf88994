"""A status the plan did not state: actions and objectives may leave `status` out. Validate warns once for each
folder; reports say "Not stated" with no colour and count them in no status; the calendar never calls them
overdue."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.obligations import deadlines
from equitykit.records.repository import load_records
from equitykit.reporting.reports import build_report

runner = CliRunner()
AS_OF = dt.date(2026, 1, 15)


def _without_statuses(root: Path) -> Path:
    action = (root / "actions" / "ACT-001.yaml").read_text(encoding="utf-8")
    action = action.replace("status: complete\ncompleted: 2025-09-12\n", "")
    for number in (1, 2, 3):
        (root / "actions" / f"ACT-00{number}.yaml").write_text(
            action.replace("ACT-001", f"ACT-00{number}"), encoding="utf-8")
    objective = root / "objectives" / "OBJ-01.yaml"
    objective.write_text(objective.read_text(encoding="utf-8").replace("status: in-progress\n", ""),
                         encoding="utf-8")
    return root


def test_validate_warns_once_for_each_folder_and_passes(valid_root: Path) -> None:
    result = runner.invoke(app, ["validate", str(_without_statuses(valid_root)), "--format", "json",
                                 "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.stdout
    found = [(p["file"], p["severity"]) for p in json.loads(result.stdout)["problems"] if p["code"] == "EK450"]
    assert found == [("actions/ACT-001.yaml", "warning"), ("objectives/OBJ-01.yaml", "warning")]
    message = next(p["message"] for p in json.loads(result.stdout)["problems"] if p["code"] == "EK450")
    assert message.startswith("3 actions state no status (ACT-001, ACT-002, ACT-003)")


def test_reports_say_not_stated_with_no_colour_and_count_them_in_no_status(valid_root: Path) -> None:
    records = load_records(_without_statuses(valid_root))
    report = build_report("actions", records, AS_OF)
    cells = [cell for section in report.sections for sub in (section, *section.subsections)
             for block in sub.blocks for row in getattr(block, "rows", ()) for cell in row]
    assert any(cell.text == "Not stated" and cell.status is None for cell in cells)
    counts = {row[0].text: row[1].text for block in report.sections[0].blocks for row in getattr(block, "rows", ())}
    assert all(counts[words] == "0" for words in ("Not started", "In progress", "Complete", "Ongoing"))
    assert counts["Overdue"] == "0"
    plan = build_report("objectives", records, AS_OF)
    facts = [fact for section in plan.sections for sub in (section, *section.subsections) for block in sub.blocks
             for fact in getattr(block, "items", ())]
    assert any(fact.term == "Status" and fact.value == "Not stated" and fact.status is None for fact in facts)


def test_the_calendar_never_calls_an_action_without_a_status_overdue(valid_root: Path) -> None:
    found = deadlines(load_records(_without_statuses(valid_root)), AS_OF)
    action = found.find("action-ACT-001")
    assert action is not None
    assert (action.status, action.note) == ("unknown", "status: not stated")


def test_an_objective_as_published_warns_for_each_part_it_leaves_out(valid_root: Path) -> None:
    objective = valid_root / "objectives" / "OBJ-01.yaml"
    text = objective.read_text(encoding="utf-8")
    objective.write_text(text.split("measures:")[0].replace("lead: Director of Nursing\n", "")
                         .replace("characteristics: [disability]\n", "").replace("psed_aims: [advance-equality]\n", ""),
                         encoding="utf-8")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json", "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.stdout
    messages = [p["message"] for p in json.loads(result.stdout)["problems"] if p["code"] == "EK451"]
    assert len(messages) == 4
    assert any("specific and measurable" in message for message in messages)
    report = build_report("objectives", load_records(valid_root), AS_OF)
    facts = {fact.term: fact.value for section in report.sections for sub in (section, *section.subsections)
             for block in sub.blocks for fact in getattr(block, "items", ())}
    assert (facts["Responsible officer"], facts["General duty aims"]) == ("Not stated", "None given")
