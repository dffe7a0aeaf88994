"""Gender pay gap (SI 2017/353 Sch 1): 250 or more employees on 31 March, due 30 March next year."""

from __future__ import annotations

import datetime as dt

import pytest
from obligation_builders import evaluate, organisation, publication


def _england(employees: dict[str, int]) -> object:
    return organisation("england", headcount=employees)


@pytest.mark.parametrize(("employees", "status"), [(249, "not-applicable"), (250, "overdue")])
def test_the_250_threshold_on_the_snapshot_date(employees: int, status: str) -> None:
    gap = evaluate(_england({"2024-03-31": employees}), [], "2025-06-01")["gpg-2024"]
    assert gap.status == status
    if status == "not-applicable":
        assert gap.note == "249 employees on 31 March 2024: below the 250 threshold for the gender pay gap"


def test_the_latest_headcount_on_or_before_the_snapshot_counts() -> None:
    body = _england({"2023-03-31": 300, "2024-03-30": 240, "2024-04-01": 900})
    assert evaluate(body, [], "2025-06-01")["gpg-2024"].status == "not-applicable"
    assert "240 employees on 30 March 2024" in evaluate(body, [], "2025-06-01")["gpg-2024"].note


def test_unknown_headcount_is_reported_unknown_with_the_fix_never_overdue() -> None:
    gap = evaluate(_england({"2025-03-31": 100}), [], "2025-06-01")["gpg-2024"]
    assert gap.status == "unknown"
    assert "add the headcount at 31 March 2024" in (gap.hint or "") and "headcount:" not in (gap.note or "")
    assert "250 or more employees" in gap.note


def test_unknown_headcount_with_a_publication_is_met() -> None:
    paper = publication("PUB-001", "gender-pay-gap", "2025-03-01", period="2024-25")
    gap = evaluate(_england({"2025-03-31": 100}), [paper], "2025-06-01")["gpg-2024"]
    assert (gap.status, gap.evidence) == ("met", "PUB-001")


@pytest.mark.parametrize(("as_of", "shown", "status"), [
    ("2025-03-29", "gpg-2024", "due"),
    ("2025-03-30", "gpg-2024", "due"),
    ("2025-03-31", "gpg-2024", "overdue"),
])
def test_due_30_march_after_the_snapshot(as_of: str, shown: str, status: str) -> None:
    found = evaluate(_england({"2023-03-31": 400}), [], as_of)
    assert found[shown].due == dt.date(2025, 3, 30)
    assert found[shown].status == status


def test_shows_the_latest_cycle_already_due_and_the_next() -> None:
    found = evaluate(_england({"2023-03-31": 400}), [], "2025-03-31")
    assert sorted(i for i in found if i.startswith("gpg-")) == ["gpg-2024", "gpg-2025"]
    assert found["gpg-2025"].due == dt.date(2026, 3, 30)
    assert sorted(i for i in evaluate(_england({"2023-03-31": 400}), [], "2025-03-30")
                  if i.startswith("gpg-")) == ["gpg-2023", "gpg-2024"]


def test_2020_reporting_year_was_due_5_october_2021() -> None:
    body = _england({"2019-03-31": 400})
    assert evaluate(body, [], "2021-06-01")["gpg-2020"].due == dt.date(2021, 10, 5)
    assert evaluate(body, [], "2021-10-05")["gpg-2020"].status == "due"
    assert evaluate(body, [], "2021-10-06")["gpg-2020"].status == "overdue"
    assert evaluate(body, [], "2021-10-06")["gpg-2021"].due == dt.date(2022, 3, 30)


@pytest.mark.parametrize("period", ["2024-25", "2024/25", "2024-2025"])
def test_met_by_a_publication_naming_the_period(period: str) -> None:
    paper = publication("PUB-007", "gender-pay-gap", "2025-03-01", period=period)
    gap = evaluate(_england({"2024-03-31": 400}), [paper], "2025-06-01")["gpg-2024"]
    assert (gap.status, gap.evidence) == ("met", "PUB-007")


def test_met_by_a_publication_linking_the_snapshot_figures() -> None:
    paper = publication("PUB-007", "gender-pay-gap", "2025-03-01", records=["paygap/2024-03-31"])
    assert evaluate(_england({"2024-03-31": 400}), [paper], "2025-06-01")["gpg-2024"].evidence == "PUB-007"


def test_a_publication_without_a_period_covers_the_cycle_it_was_on_time_for() -> None:
    body = _england({"2023-03-31": 400})
    paper = publication("PUB-007", "gender-pay-gap", "2025-03-01")
    found = evaluate(body, [paper], "2025-06-01")
    assert found["gpg-2024"].evidence == "PUB-007"
    assert found["gpg-2025"].status == "upcoming"


def test_a_late_publication_still_meets_the_cycle_and_says_how_late() -> None:
    paper = publication("PUB-007", "gender-pay-gap", "2025-04-09")
    gap = evaluate(_england({"2024-03-31": 400}), [paper], "2025-06-01")["gpg-2024"]
    assert (gap.status, gap.evidence) == ("met-late", "PUB-007")
    assert "published 2025-04-09, 10 days late" in gap.note


def test_a_publication_of_another_period_or_duty_does_not_cover() -> None:
    papers = [publication("PUB-007", "gender-pay-gap", "2024-03-01", period="2022-23"),
              publication("PUB-008", "equality-information", "2025-03-01")]
    gap = evaluate(_england({"2024-03-31": 400}), papers, "2025-06-01")["gpg-2024"]
    assert (gap.status, gap.evidence) == ("overdue", None)


@pytest.mark.parametrize("jurisdiction", ["wales", "scotland"])
def test_schedule_1_is_for_england_only_and_other_bodies_never_see_it(jurisdiction: str) -> None:
    body = organisation(jurisdiction, headcount={"2024-03-31": 5000})
    assert not [i for i in evaluate(body, [], "2025-06-01") if i.startswith("gpg-")]


def test_a_calendar_override_replaces_the_due_date_of_that_year() -> None:
    body = organisation("england", headcount={"2024-03-31": 400},
                        calendar={"overrides": [{"duty": "gender-pay-gap", "year": 2025, "due": "2025-04-30"}]})
    gap = evaluate(body, [], "2025-04-30")["gpg-2024"]
    assert (gap.due, gap.status) == (dt.date(2025, 4, 30), "due")
    assert ("due date set in calendar.overrides", dt.date(2025, 4, 30)) in gap.dates
