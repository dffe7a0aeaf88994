"""An action's lead and due date as published (issue 22): a plan that names no lead or gives no due date is
recorded without them. Validate warns once for each folder (EK453); reports say "Not stated"; an action without a
due date is never overdue and has no deadline in the calendar."""

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


def _without_lead_or_due(root: Path) -> Path:
    """Three actions in progress that were due in 2025 (overdue on AS_OF): ACT-001 and ACT-002 without a lead,
    ACT-002 and ACT-003 without a due date."""
    action = (root / "actions" / "ACT-001.yaml").read_text(encoding="utf-8").replace(
        "status: complete\ncompleted: 2025-09-12\n", "status: in-progress\n")
    lead, due = "lead: Head of Patient Experience\n", "due: 2025-09-30\n"
    for number, removed in ((1, (lead,)), (2, (lead, due)), (3, (due,))):
        text = action.replace("ACT-001", f"ACT-00{number}")
        for line in removed:
            text = text.replace(line, "")
        (root / "actions" / f"ACT-00{number}.yaml").write_text(text, encoding="utf-8")
    return root


def test_validate_warns_once_for_each_folder_and_passes(valid_root: Path) -> None:
    result = runner.invoke(app, ["validate", str(_without_lead_or_due(valid_root)), "--format", "json",
                                 "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.stdout
    found = [(p["file"], p["severity"], p["message"].split(";")[0])
             for p in json.loads(result.stdout)["problems"] if p["code"] == "EK453"]
    assert found == [("actions/ACT-001.yaml", "warning", "2 actions name no lead (ACT-001, ACT-002)"),
                     ("actions/ACT-002.yaml", "warning", "2 actions give no due date (ACT-002, ACT-003)")]


def test_reports_say_not_stated_and_never_call_them_overdue(valid_root: Path) -> None:
    root = _without_lead_or_due(valid_root)
    result = runner.invoke(app, ["report", "actions", str(root), "--format", "md", "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert "| Overdue | 1 |" in page  # ACT-001 only: the other two give no due date
    assert "| ACT-001: Procure a video BSL interpreting service | Not stated | 30 September 2025 |" in page
    assert "Objectives: OBJ-01 | Not stated | | | | | | | Not stated | In progress |" in page  # ACT-002
    assert "| Head of Patient Experience | | | | | | | Not stated | In progress |" in page  # ACT-003
    plan = runner.invoke(app, ["report", "objectives", str(root), "--format", "md", "--as-of", AS_OF.isoformat()])
    assert plan.exit_code == 0, plan.output
    assert "ACT-002: Procure a video BSL interpreting service | Not stated | Not stated | In progress |" in plan.stdout
    welsh = runner.invoke(app, ["report", "actions", str(root), "--format", "md", "--lang", "cy",
                                "--as-of", AS_OF.isoformat()])
    assert welsh.exit_code == 0 and "Heb ei nodi" in welsh.stdout
    data = json.loads(runner.invoke(app, ["report", "actions", str(root), "--format", "json",
                                          "--as-of", AS_OF.isoformat()]).stdout)
    assert [a["overdue"] for a in data["actions"]] == [True, False, False]


def test_the_calendar_gives_no_deadline_without_a_due_date(valid_root: Path) -> None:
    found = deadlines(load_records(_without_lead_or_due(valid_root)), AS_OF)
    assert found.find("action-ACT-002") is None and found.find("action-ACT-003") is None
    action = found.find("action-ACT-001")
    assert action is not None and action.status == "overdue"
    assert action.description == "Complete the action by its due date."
