"""Record-level obligations: actions, objectives and their annual updates, EIA reviews, with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from equitykit.obligations import deadlines
from equitykit.records.repository import load_records

ORGANISATION = """\
name: Testshire Council
sector: local-authority
jurisdiction: england
headcount:
  - date: 2025-03-31
    employees: 1200
alternative_formats:
  email: equality@testshire.example
"""

ACTION = """\
id: ACT-014
title: Train recruiting managers in inclusive shortlisting
work_stream: Recruitment
lead: Head of Resourcing
due: 2025-09-30
status: {status}
{completed}"""

OBJECTIVE = """\
id: OBJ-01
title: Improve access to services for Deaf residents
characteristics: [disability]
psed_aims: [advance-equality]
lead: Director of Customer Services
start: 2024-04-01
end: 2028-03-31
status: in-progress
measures:
  - description: Appointments with a BSL interpreter booked in advance
    unit: percent
updates:
  - date: 2025-03-15
    note: Video interpreting live in two contact centres.
"""

EIA = """\
id: EIA-2025-001
title: Change to library opening hours
subject: service
new_or_existing: changed
owner: Head of Libraries
aims: Longer evening opening.
affected: [public]
started: 2025-01-06
characteristics:
  age: {impact: positive}
review: 2026-02-20
"""


def _root(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "equitykit.yaml").write_text(ORGANISATION)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def _found(root: Path, as_of: str) -> dict:
    result = deadlines(load_records(root), dt.date.fromisoformat(as_of))
    return {o.id: o for o in result.obligations}


@pytest.mark.parametrize(("status", "completed", "as_of", "expected", "note"), [
    ("in-progress", "", "2025-09-30", "due", "status: in progress"),
    ("in-progress", "", "2025-10-01", "overdue", "status: in progress"),
    ("not-started", "", "2025-06-01", "upcoming", "status: not started"),
    ("complete", "completed: 2025-10-03\n", "2025-11-01", "met-late", "completed 2025-10-03, 3 days late"),
    ("complete", "completed: 2025-09\n", "2025-11-01", "met", "completed 2025-09"),
    ("complete", "completed: 2025-10\n", "2025-11-01", "met-late", "completed 2025-10, after the due date, 2025-09-30"),
    ("complete", "completed: '2025'\n", "2026-01-01", "met-timing-unknown",
     "completed 2025; whether by the due date, 2025-09-30, is not known"),
    ("complete", "completed: 2025-10-03\n", "2025-10-02", "overdue", "completed 2025-10-03, after 2025-10-02"),
])
def test_action_due_date_and_completion(tmp_path: Path, status: str, completed: str, as_of: str,
                                        expected: str, note: str) -> None:
    root = _root(tmp_path, {"actions/ACT-014.yaml": ACTION.format(status=status, completed=completed)})
    action = _found(root, as_of)["action-ACT-014"]
    assert (action.due, action.status, action.note) == (dt.date(2025, 9, 30), expected, note)
    assert (action.source.file, action.source.line) == ("actions/ACT-014.yaml", 5)
    assert action.evidence is None


def test_objective_end_and_annual_updates(tmp_path: Path) -> None:
    found = _found(_root(tmp_path, {"objectives/OBJ-01.yaml": OBJECTIVE}), "2025-06-01")
    end = found["objective-OBJ-01"]
    assert (end.due, end.status, str(end.source)) == (dt.date(2028, 3, 31), "upcoming", "objectives/OBJ-01.yaml:7")
    update = found["objective-OBJ-01-update"]
    assert (update.due, update.status, update.note) == (dt.date(2026, 3, 15), "upcoming", "last updated 2025-03-15")
    assert str(update.source) == "objectives/OBJ-01.yaml:12"


def test_an_objective_update_is_due_a_year_after_the_last(tmp_path: Path) -> None:
    root = _root(tmp_path, {"objectives/OBJ-01.yaml": OBJECTIVE})
    assert _found(root, "2026-03-15")["objective-OBJ-01-update"].status == "due"
    assert _found(root, "2026-03-16")["objective-OBJ-01-update"].status == "overdue"
    assert _found(root, "2025-03-14")["objective-OBJ-01-update"].due == dt.date(2025, 4, 1)


def test_no_update_is_asked_for_after_the_objective_ends(tmp_path: Path) -> None:
    text = OBJECTIVE.replace("end: 2028-03-31", "end: 2026-01-31")
    assert "objective-OBJ-01-update" not in _found(_root(tmp_path, {"objectives/OBJ-01.yaml": text}), "2025-06-01")


def test_eia_review_date(tmp_path: Path) -> None:
    found = _found(_root(tmp_path, {"eias/EIA-2025-001.yaml": EIA}), "2026-02-21")
    review = found["eia-EIA-2025-001-review"]
    assert (review.due, review.status, str(review.source)) == (dt.date(2026, 2, 20), "overdue",
                                                              "eias/EIA-2025-001.yaml:11")


@pytest.mark.parametrize(("reviewed", "as_of", "expected"), [
    ("2026-02-10", "2026-02-21", "met"),      # reviewed before the date
    ("2026-03-01", "2026-03-02", "met-late"),  # reviewed late still counts once done, as late
    ("2026-03-01", "2026-02-21", "overdue"),  # a review dated after --as-of has not happened yet
])
def test_eia_review_met_by_its_reviewed_date(tmp_path: Path, reviewed: str, as_of: str, expected: str) -> None:
    text = EIA + f"reviewed: {reviewed}\n"
    review = _found(_root(tmp_path, {"eias/EIA-2025-001.yaml": text}), as_of)["eia-EIA-2025-001-review"]
    assert review.status == expected
    assert review.note == (f"reviewed {reviewed}" if expected.startswith("met") else None)


@pytest.mark.parametrize(("completed", "as_of", "expected", "note"), [
    ("2027-11-30", "2028-04-01", "met", "completed 2027-11-30"),
    ("2028-05-01", "2028-04-01", "overdue", "status: complete"),  # completion after --as-of
])
def test_objective_end_met_by_its_completed_date(tmp_path: Path, completed: str, as_of: str, expected: str,
                                                 note: str) -> None:
    text = OBJECTIVE.replace("status: in-progress", f"status: complete\ncompleted: {completed}")
    end = _found(_root(tmp_path, {"objectives/OBJ-01.yaml": text}), as_of)["objective-OBJ-01"]
    assert (end.status, end.note) == (expected, note)


def test_invalid_records_are_left_out_and_counted(tmp_path: Path) -> None:
    broken = ACTION.format(status="finished", completed="")
    root = _root(tmp_path, {"actions/ACT-014.yaml": broken, "eias/EIA-2025-001.yaml": EIA})
    result = deadlines(load_records(root), dt.date(2025, 6, 1))
    assert result.files_with_problems == 1
    assert "action-ACT-014" not in {o.id for o in result.obligations}
    assert "eia-EIA-2025-001-review" in {o.id for o in result.obligations}


def test_an_invalid_organisation_file_stops_the_computation(tmp_path: Path) -> None:
    (tmp_path / "equitykit.yaml").write_text("name: Testshire Council\n")
    with pytest.raises(ValueError, match="equitykit validate"):
        deadlines(load_records(tmp_path), dt.date(2025, 6, 1))


@pytest.mark.parametrize(("jurisdiction", "basis", "description"), [
    ("england", "The body's equality objectives: the objective's end date",
     "Achieve the objective by its end date (lead: Director of Customer Services)."),
    ("wales", "The body's equality objectives: the objective's end date",
     "Achieve the objective by its end date (lead: Director of Customer Services)."),
    ("scotland", "The body's equality outcomes: the outcome's end date",
     "Achieve the outcome by its end date (lead: Director of Customer Services)."),
])
def test_a_body_in_scotland_reads_its_outcomes_in_the_calendar(tmp_path: Path, jurisdiction: str, basis: str,
                                                              description: str) -> None:
    """The same objectives/ record is an equality outcome in Scotland (SSI 2012/162 reg 4): its end date and its
    annual update read in outcome words; England and Wales keep objective words."""
    root = _root(tmp_path, {"objectives/OBJ-01.yaml": OBJECTIVE})
    organisation = ORGANISATION.replace("jurisdiction: england", f"jurisdiction: {jurisdiction}")
    (root / "equitykit.yaml").write_text(organisation)
    found = _found(root, "2025-06-01")
    assert (found["objective-OBJ-01"].basis, found["objective-OBJ-01"].description) == (basis, description)
    update = found["objective-OBJ-01-update"]
    word = "outcome" if jurisdiction == "scotland" else "objective"
    assert update.description == f"Record a dated progress update on the {word} at least once a year."
    assert update.basis.startswith(f"The body's equality {word}s: a dated progress update")
