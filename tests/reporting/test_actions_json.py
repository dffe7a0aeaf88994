"""Issue 24: `report actions --format json`, the actions the report selects by --plan and --tag, for other tools:
valid against its published schema, the same selection as the Markdown report, each action as its record holds
it (dates at the precision written, status or not-stated) with its tags, plan and KPIs, and every exit code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from editing import edit
from equitykit.cli import app

REPO = Path(__file__).parents[2]
TRUST = REPO / "examples" / "northfield-trust"
SCHEMA = json.loads((REPO / "schemas" / "output" / "report-actions.schema.json").read_text(encoding="utf-8"))
AS_OF = "2025-10-15"
PLAN = "wres-wdes-2025-26"
runner = CliRunner()


def selection(*arguments: str, exit_code: int = 0) -> dict:
    result = runner.invoke(app, ["report", "actions", *arguments, "--format", "json", "--as-of", AS_OF])
    assert result.exit_code == exit_code, result.output
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


def ids(data: dict) -> list[str]:
    return [action["record"]["id"] for action in data["actions"]]




def test_the_plan_and_tag_select_actions_with_their_tags_plan_and_shared_kpis() -> None:
    data = selection(str(TRUST), "--plan", PLAN, "--tag", "hia:2")
    assert ids(data) == ["ACT-004", "ACT-005"]
    assert data["plan"]["id"] == PLAN and data["plan"]["version"].startswith("Working document")
    assert [heading["title"] for heading in data["plan"]["headings"]] == [
        "Workforce", "Bullying and harassment", "Health and wellbeing", "Governance"]
    assert data["tag"] == {"tag": "hia:2", "name": "High impact action 2"}
    assert data["period"] == {"start": "2025-04-01", "end": "2026-03-31"}
    first = data["actions"][0]
    assert first["record"]["tags"] == ["hia:2", "wres:2", "priority:1"]
    assert first["tags"][2] == {"tag": "priority:1", "name": "Priority area 1: Inclusive recruitment"}
    assert (first["status"], first["overdue"], first["due_by"]) == ("in-progress", True, "2025-09-30")
    assert data["actions"][1]["record"]["measures"][0] == "appointment-likelihood"  # shared, as written
    shared = [kpi for kpi in data["kpis"] if kpi["kpi"].get("id") == "appointment-likelihood"]
    assert len(shared) == 1 and shared[0]["actions"] == ["ACT-004", "ACT-005"] and shared[0]["met"] is False
    assert data["summary"] | {"by_status": None} == {"actions": 2, "by_status": None, "not_stated": 0, "overdue": 1,
                                                     "kpis": 2, "kpis_met": 1}
    assert data["summary"]["by_status"]["complete"] == 1


@pytest.mark.parametrize("arguments", [(), ("--plan", PLAN), ("--tag", "hia:2"), ("--tag", "wres:2"),
                                       ("--plan", PLAN, "--tag", "wdes:5"), ("--tag", "priority:2")])
def test_the_json_selects_the_actions_the_markdown_report_shows(arguments: tuple[str, ...]) -> None:
    markdown = runner.invoke(app, ["report", "actions", str(TRUST), *arguments, "--as-of", AS_OF]).stdout
    plan = markdown.split("## Actions by heading")[-1].split("## Action plan")[-1]
    shown = sorted(set(re.findall(r"^\| (ACT-\d+)[ :]", plan, re.MULTILINE)))
    assert shown and ids(selection(str(TRUST), *arguments)) == sorted(shown, key=lambda a: int(a[4:]))


def test_dates_are_given_as_written_and_a_status_not_stated_says_so(trust: Path) -> None:
    action = trust / "actions" / "ACT-006.yaml"
    edit(action, "due: 2025-10-31", "due: 2025-12")
    text = action.read_text(encoding="utf-8")
    action.write_text(re.sub(r"^status: .*\n", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    data = selection(str(trust), "--tag", "wdes:8")
    [item] = [a for a in data["actions"] if a["record"]["id"] == "ACT-006"]
    assert item["record"]["due"] == "2025-12" and item["due_by"] == "2025-12-31"
    assert item["record"]["status"] is None and item["status"] == "not-stated" and item["overdue"] is False
    assert data["summary"]["not_stated"] == 1 and sum(data["summary"]["by_status"].values()) == len(ids(data)) - 1


def test_tags_in_words_follow_the_language_asked_for() -> None:
    data = selection(str(TRUST), "--tag", "hia:2", "--lang", "cy")
    assert data["tag"] == {"tag": "hia:2", "name": "Cam gweithredu effaith uchel 2"}


def test_the_output_can_be_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "selection.json"
    result = runner.invoke(app, ["report", "actions", str(TRUST), "--tag", "wres:3", "--format", "json",
                                 "--out", str(out), "--as-of", AS_OF])
    assert result.exit_code == 0 and result.stdout == ""
    assert [a["record"]["id"] for a in json.loads(out.read_text(encoding="utf-8"))["actions"]] == ["ACT-007"]


@pytest.mark.parametrize(("arguments", "message"), [
    (("--tag", "hai:2"), "did you mean `hia`?"),
    (("--tag", "wdes:4c"), "did you mean `wdes:4`?"),
    (("--plan", "wres-wdes-2025-25"), f"did you mean `{PLAN}`?"),
    (("--year", "2025"), "write it like 2025-26"),
    (("--lang", "all"), "choose --lang cy or --lang en"),
    (("--templates", "."), "JSON has no template"),
])
def test_a_usage_error_exits_2_with_the_fix(arguments: tuple[str, ...], message: str) -> None:
    result = runner.invoke(app, ["report", "actions", str(TRUST), *arguments, "--format", "json", "--as-of", AS_OF])
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


@pytest.mark.parametrize("kind", ["psed", "eias", "wres"])
def test_only_the_actions_report_has_json(kind: str) -> None:
    result = runner.invoke(app, ["report", kind, str(TRUST), "--format", "json"])
    assert result.exit_code == 2 and "report actions --format json" in result.stderr


def test_records_with_errors_are_left_out_and_named_with_exit_1(trust: Path) -> None:
    edit(trust / "actions" / "ACT-005.yaml", "status: complete", "status: finished")
    data = selection(str(trust), "--tag", "hia:2", exit_code=1)
    assert ids(data) == ["ACT-004"]
    result = runner.invoke(app, ["report", "actions", str(trust), "--format", "json", "--as-of", AS_OF])
    assert "actions/ACT-005.yaml" in result.stderr and "left out of the selection" in result.stderr
