"""Validation of what real plans publish (issue 11): several leads, due dates that are ongoing or a period,
revised due dates, risks, carried-forward actions, milestone measures, targets without baselines and EDS2
grades as published; each problem at its line, each lawful form accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()
ACTION = "actions/ACT-001.yaml"
OBJECTIVE = "objectives/OBJ-01.yaml"
EDS2 = """\
id: 2020-21
framework: eds2
period_start: 2020-04-01
period_end: 2021-03-31
outcomes:
  1.1: {grade: Achieving}
  1.2: {grade: Achieving, characteristics: [age, disability, race, sex, religion-belief, sexual-orientation]}
  1.3: {grade: Achieving, characteristics: [age, disability, race]}
"""


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[tuple[str, str, int, str]]:
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    return [(p["code"], p["severity"], p["line"], p["path"]) for p in json.loads(result.stdout)["problems"]]


@pytest.mark.parametrize("new", [
    "lead: [Head of Patient Experience, HR Business Partner]",
    "lead: Head of Patient Experience",
    "lead:\n  - Interim Programme Lead- Corporate Services\n  - Human Resources Business Partner",
])
def test_a_lead_is_one_officer_or_a_list(valid_root: Path, new: str) -> None:
    edit(valid_root, ACTION, "lead: Head of Patient Experience", new)
    assert problems(valid_root) == []


def test_an_empty_list_of_leads_is_an_error_at_its_line(valid_root: Path) -> None:
    edit(valid_root, ACTION, "lead: Head of Patient Experience", "lead: []")
    assert problems(valid_root) == [("EK206", "error", 4, "lead")]


def test_a_list_of_leads_under_the_older_name_is_read_with_a_warning(valid_root: Path) -> None:
    edit(valid_root, ACTION, "lead: Head of Patient Experience",
         "lead_officer: [Head of Patient Experience, HR Business Partner]")
    assert problems(valid_root) == [("EK425", "warning", 4, "lead_officer")]
    result = runner.invoke(app, ["report", "actions", str(valid_root), "--format", "md", "--as-of", "2025-06-01"])
    assert "| Head of Patient Experience; HR Business Partner |" in result.stdout


def test_lead_and_its_older_name_together_is_an_error(valid_root: Path) -> None:
    edit(valid_root, ACTION, "lead: Head of Patient Experience",
         "lead: Head of Equality\nlead_officer: Head of Patient Experience")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["severity"], problem["line"], problem["path"]) == (
        "EK202", "error", 5, "lead_officer")
    assert "older name of `lead`, which is here too; keep `lead`" in problem["message"]


@pytest.mark.parametrize("due", ["ongoing", "{start: 2025-04-01, end: 2025-05-31}", "2025-09-30"])
def test_a_due_date_is_a_day_ongoing_or_a_period(valid_root: Path, due: str) -> None:
    edit(valid_root, ACTION, "due: 2025-09-30", f"due: {due}")
    assert problems(valid_root) == []


def test_a_due_date_in_words_says_what_to_write(valid_root: Path) -> None:
    edit(valid_root, ACTION, "due: 2025-09-30", "due: soon")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["line"], problem["path"]) == ("EK205", 7, "due")
    assert "YYYY-MM-DD (or YYYY-MM or YYYY when the plan gives no day), as `ongoing`, or as a period with start: " \
           "and end:" in problem["message"]


def test_a_bad_day_in_a_due_period_is_found_at_its_line(valid_root: Path) -> None:
    edit(valid_root, ACTION, "due: 2025-09-30", "due:\n  start: 2025-04-01\n  end: 2025-02-30")
    assert problems(valid_root) == [("EK205", "error", 9, "due.end")]


def test_a_due_period_that_ends_before_it_starts_is_an_error(valid_root: Path) -> None:
    edit(valid_root, ACTION, "due: 2025-09-30", "due: {start: 2025-06-01, end: 2025-04-30}")
    assert problems(valid_root) == [("EK409", "error", 7, "due.end")]


def test_revised_due_dates_and_risks_validate(valid_root: Path) -> None:
    edit(valid_root, ACTION, "due: 2025-09-30", """due: 2026-01-31
due_history:
  - due: 2025-07-31
    revised: 2025-06-01
    reason: Training paused during the pandemic.
  - reason: Due by date amended.
risks:
  - risk: Small number of VSMs in the organisation.
    mitigation: The equality and inclusion service will continue to support delivery.
  - mitigation: Ensure action forms part of ICS and place plans.""")
    assert problems(valid_root) == []


def test_a_revision_needs_its_reason(valid_root: Path) -> None:
    edit(valid_root, ACTION, "due: 2025-09-30", "due: 2026-01-31\ndue_history:\n  - due: 2025-07-31")
    assert problems(valid_root) == [("EK201", "error", 9, "due_history[0].reason")]


def test_carried_forward_says_what_carries_it(valid_root: Path) -> None:
    edit(valid_root, ACTION, "status: complete\ncompleted: 2025-09-12", "status: carried-forward")
    assert problems(valid_root) == [("EK435", "error", 8, "status")]
    edit(valid_root, ACTION, "status: carried-forward", "status: carried-forward\ncarried_by: Workforce plan")
    assert problems(valid_root) == []


def test_carried_by_on_an_action_not_carried_forward_is_an_error(valid_root: Path) -> None:
    edit(valid_root, ACTION, "completed: 2025-09-12", "completed: 2025-09-12\ncarried_by: ACT-009")
    assert problems(valid_root) == [("EK435", "error", 10, "carried_by")]


def test_a_milestone_measure_sits_beside_a_numeric_one(valid_root: Path) -> None:
    edit(valid_root, OBJECTIVE, "measures:\n", "measures:\n  - description: Board-level lead in post\n"
         "    by: 2020-10-31\n    done: true\n    done_on: 2020-09-01\n")
    assert problems(valid_root) == []


def test_a_milestone_with_a_bad_date_is_found_at_its_line(valid_root: Path) -> None:
    edit(valid_root, OBJECTIVE, "measures:\n", "measures:\n  - description: Lead in post\n    by: October\n")
    assert problems(valid_root) == [("EK205", "error", 12, "measures[0].by")]


def test_a_numeric_measure_still_needs_its_unit(valid_root: Path) -> None:
    edit(valid_root, OBJECTIVE, "    unit: percent\n", "")
    assert problems(valid_root) == [("EK201", "error", 11, "measures[0].unit")]


def test_a_target_without_a_baseline_is_a_warning(valid_root: Path) -> None:
    edit(valid_root, OBJECTIVE, "    baseline: {value: 62.0, date: 2024-03-31}\n", "")
    assert problems(valid_root) == [("EK407", "warning", 13, "measures[0].target")]


def test_a_started_objective_without_a_target_is_an_error(valid_root: Path) -> None:
    edit(valid_root, OBJECTIVE, "    target: {value: 95.0, date: 2028-03-31}\n", "")
    assert problems(valid_root) == [("EK407", "error", 11, "measures[0]")]


def test_interim_targets_and_a_wres_indicator_validate(valid_root: Path) -> None:
    edit(valid_root, OBJECTIVE, "    unit: percent\n",
         "    unit: percent\n    indicator: {standard: wres, number: '1'}\n"
         "    trajectory:\n      - {value: 70, date: 2025-03-31}\n      - {value: 80, date: 2026-03-31}\n")
    assert problems(valid_root) == []


def test_an_indicator_number_is_checked(valid_root: Path) -> None:
    edit(valid_root, OBJECTIVE, "    unit: percent\n",
         "    unit: percent\n    indicator: {standard: wres, number: '12'}\n")
    assert [(code, path) for code, _, _, path in problems(valid_root)] == [("EK206", "measures[0].indicator.number")]


def test_eds2_grades_as_published_with_or_without_the_characteristics(valid_root: Path) -> None:
    (valid_root / "eds" / "2020-21.yaml").write_text(EDS2, encoding="utf-8")
    found = [p for p in json.loads(runner.invoke(app, ["validate", str(valid_root), "--format", "json"]).stdout)[
        "problems"] if p["file"] == "eds/2020-21.yaml"]
    # 1.1 (grade only) and 1.2 (grade agreeing with six characteristics) are graded and say nothing;
    # 1.3 was published as Achieving but three characteristics give Developing.
    assert [(p["code"], p["severity"], p["line"], p["path"]) for p in found if p["code"] == "EK437"] == [
        ("EK437", "warning", 8, "outcomes.1.3.grade")]
    assert "published as Achieving, but the characteristics evidenced (3 of the nine) give Developing" in [
        p["message"] for p in found if p["code"] == "EK437"][0]
    assert "1.1" not in next(p["message"] for p in found if p["code"] == "EK415")


def test_a_grade_on_an_eds_2022_outcome_is_a_warning_naming_the_score(valid_root: Path) -> None:
    edit(valid_root, "eds/2024-25.yaml", "1B: {score: 1}", "1B: {score: 1, grade: Developing}")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["severity"]) == ("EK437", "warning")
    assert "write score: 1 instead" in problem["message"]


def test_a_milestone_problem_is_described_in_the_milestones_own_words(valid_root: Path) -> None:
    edit(valid_root, OBJECTIVE, "measures:\n", "measures:\n  - by: 2025-01-01\n    donne: true\n")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    messages = {p["code"]: p["message"] for p in json.loads(result.stdout)["problems"]}
    assert messages["EK201"].endswith("add it: What is to be done, e.g. Board-level health inequalities lead in post")
    assert messages["EK202"] == "`donne` is not a known key; did you mean `done`?"


def test_an_eds2_code_written_as_a_number_says_to_quote_it(valid_root: Path) -> None:
    edit(valid_root, ACTION, "status: complete", "eds_outcomes: [1.1]\nstatus: complete")
    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    [problem] = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["path"]) == ("EK203", "eds_outcomes[0]")
    assert problem["message"].endswith('YAML reads 1.1 as a number: put it in quotes, e.g. "1.1"')
