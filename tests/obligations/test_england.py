"""England (SI 2017/353): equality information every year and objectives every four, rolling."""

from __future__ import annotations

import datetime as dt

import pytest
from obligation_builders import evaluate, organisation, publication

ENGLAND = organisation("england")


def test_no_publication_history_is_overdue_from_the_first_statutory_dates() -> None:
    found = evaluate(ENGLAND, [], "2025-06-01")
    information = found["england-equality-information"]
    assert (information.due, information.status) == (dt.date(2018, 3, 30), "overdue")
    assert "no publication on record" in information.note
    objectives = found["england-equality-objectives"]
    assert (objectives.due, objectives.status) == (dt.date(2012, 4, 6), "overdue")


def test_only_england_rules_and_no_nhs_standards_apply_to_an_english_council() -> None:
    found = evaluate(ENGLAND, [], "2025-06-01")
    assert not any(i.startswith(("wales-", "scotland-")) for i in found)
    assert {"england-equality-information", "england-equality-objectives", "gpg-2024", "gpg-2025",
            "modern-slavery-2024-25"} <= set(found)
    assert not [i for i in found if i.startswith(("eds-", "wres-", "wdes-"))]


@pytest.mark.parametrize(("as_of", "expected"), [
    ("2025-05-09", "due"),
    ("2025-05-10", "due"),
    ("2025-05-11", "overdue"),
    ("2025-03-10", "upcoming"),
])
def test_first_ever_publication_starts_the_one_year_clock(as_of: str, expected: str) -> None:
    first = publication("PUB-001", "equality-information", "2024-05-10")
    information = evaluate(ENGLAND, [first], as_of)["england-equality-information"]
    assert information.due == dt.date(2025, 5, 10)
    assert information.status == expected
    assert "last published 2024-05-10 (PUB-001)" in information.note


def test_29_february_plus_one_year_is_28_february() -> None:
    leap = publication("PUB-001", "equality-information", "2024-02-29")
    assert evaluate(ENGLAND, [leap], "2024-06-01")["england-equality-information"].due == dt.date(2025, 2, 28)
    assert evaluate(ENGLAND, [leap], "2025-02-28")["england-equality-information"].status == "due"
    assert evaluate(ENGLAND, [leap], "2025-03-01")["england-equality-information"].status == "overdue"


def test_the_latest_publication_of_the_right_duty_resets_the_clock() -> None:
    history = [publication("PUB-001", "equality-information", "2023-01-31"),
               publication("PUB-002", "equality-information", "2024-01-15"),
               publication("PUB-003", "equality-objectives", "2024-12-01")]
    assert evaluate(ENGLAND, history, "2024-06-01")["england-equality-information"].due == dt.date(2025, 1, 15)


def test_a_publication_after_as_of_does_not_count_yet() -> None:
    history = [publication("PUB-001", "equality-information", "2024-01-15"),
               publication("PUB-002", "equality-information", "2025-01-10")]
    assert evaluate(ENGLAND, history, "2025-01-09")["england-equality-information"].due == dt.date(2025, 1, 15)
    assert evaluate(ENGLAND, history, "2025-01-10")["england-equality-information"].due == dt.date(2026, 1, 10)


@pytest.mark.parametrize(("employees", "required"), [(149, False), (150, True)])
def test_employee_information_only_from_150_employees(employees: int, required: bool) -> None:
    body = organisation("england", headcount={"2025-03-31": employees})
    information = evaluate(body, [], "2025-06-01")["england-equality-information"]
    assert information.status == "overdue"  # the duty applies either way
    expected = "employee information required" if required else "employee information not required"
    assert f"{expected}: {employees} employees on 31 March 2025" in information.note


def test_unknown_headcount_says_employee_information_cannot_be_told_and_how_to_fix_it() -> None:
    body = organisation("england", headcount={"2026-03-31": 90})
    note = evaluate(body, [], "2025-06-01")["england-equality-information"].note
    obligation = evaluate(body, [], "2025-06-01")["england-equality-information"]
    assert "the number of employees on 1 June 2025 is not recorded" in note
    assert obligation.hint == "add the headcount at 1 June 2025 under headcount: in equitykit.yaml"
    assert "equitykit.yaml" not in note  # the note is published (the calendar); the fix is for the command line
    assert "add the headcount at 1 June 2025" in obligation.to_dict()["note"]
    assert "employee information required" not in note


@pytest.mark.parametrize(("as_of", "expected"), [
    ("2028-04-05", "due"), ("2028-04-06", "due"), ("2028-04-07", "overdue")])
def test_objectives_every_four_years_from_the_last_publication(as_of: str, expected: str) -> None:
    objectives = publication("PUB-001", "equality-objectives", "2024-04-06")
    found = evaluate(ENGLAND, [objectives], as_of)["england-equality-objectives"]
    assert (found.due, found.status) == (dt.date(2028, 4, 6), expected)
    assert found.basis.startswith("SI 2017/353 reg 5")
