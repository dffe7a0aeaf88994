"""The calendar with dates of some precision: a duty is `met` when the latest day its publication's date allows
is on or before the due date, `met-late` when the earliest day is after it, and otherwise `met-timing-unknown`;
a publication out with no date meets the cycle it names, at a time not known."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from obligation_builders import evaluate, organisation, publication

from equitykit.i18n import language
from equitykit.obligations.cycles import Cycle, Fixed, Rolling
from equitykit.obligations.dates import add_months, add_years
from equitykit.obligations.model import status_words
from equitykit.obligations.rules import RULES, Rule
from equitykit.records.dates import PartialDate
from equitykit.records.organisation import Organisation

BODY = organisation("england", headcount={"2024-03-31": 1200})
DUE = "2025-03-30"
"""The 2024 snapshot's gender pay gap is due by 30 March 2025."""


@pytest.mark.parametrize(("published", "status", "note"), [
    ("2025-03-29", "met", "published 2025-03-29"),  # a day before
    ("2025-03-30", "met", "published 2025-03-30"),  # the day itself
    ("2025-04-02", "met-late", "published 2025-04-02, 3 days late"),  # a day after
    ("2025-02", "met", "published 2025-02"),  # a month before
    ("2025-04", "met-late", "published 2025-04, after the due date, 2025-03-30"),  # a month after
    ("2025-03", "met-timing-unknown",
     "published 2025-03; whether by the due date, 2025-03-30, is not known"),  # a month straddling
    ("2024", "met", "published 2024"),  # a year before
    ("2026", "met-late", "published 2026, after the due date, 2025-03-30"),  # a year after
    ("2025", "met-timing-unknown",
     "published 2025; whether by the due date, 2025-03-30, is not known"),  # a year straddling
    (None, "met-timing-unknown", "published, date not recorded"),  # out, with no date
])
def test_on_time_late_or_not_known_by_the_precision_of_the_date(published: str | None, status: str,
                                                                 note: str) -> None:
    paper = publication("PUB-001", "gender-pay-gap", published, period="2024-25")
    gap = evaluate(BODY, [paper], "2026-01-15")["gpg-2024"]
    assert (gap.status, gap.evidence) == (status, "PUB-001")
    assert gap.note.endswith(f"; {note}")


def test_a_publication_with_no_period_is_placed_by_the_days_its_date_allows() -> None:
    """A month straddling the due date may have been on time: it meets that cycle, not the next one."""
    paper = publication("PUB-001", "gender-pay-gap", "2025-03")
    found = evaluate(BODY, [paper], "2025-06-01")
    assert (found["gpg-2024"].status, found["gpg-2024"].evidence) == ("met-timing-unknown", "PUB-001")


def test_an_undated_publication_cannot_restart_a_rolling_clock() -> None:
    undated = publication("PUB-009", "equality-information", None)
    information = evaluate(BODY, [undated], "2025-06-01")["england-equality-information"]
    assert information.status == "overdue"
    assert "PUB-009 published, date not recorded: add its published: date to restart the clock" in information.note


def test_a_rolling_clock_runs_from_the_first_day_of_a_month() -> None:
    paper = publication("PUB-001", "equality-information", "2024-10")
    information = evaluate(BODY, [paper], "2025-06-01")["england-equality-information"]
    assert information.due.isoformat() == "2025-10-01"


@pytest.mark.parametrize(("status", "english", "welsh"), [
    ("met-late", "met late", "wedi'i gyflawni'n hwyr"),
    ("met-timing-unknown", "met, timing not known", "wedi'i gyflawni, amseriad heb ei wybod"),
])
def test_the_new_statuses_have_words_in_both_languages(status: str, english: str, welsh: str) -> None:
    assert status_words(status) == english
    with language("cy"):
        assert status_words(status) == welsh


FIXED = [rule for rule in RULES if isinstance(rule.schedule, Fixed)]
"""Every duty met by a publication on a fixed due date (a rolling one restarts its clock instead: below)."""
BODIES = {"england": "nhs-trust", "wales": "local-authority", "scotland": "local-authority"}
"""A body each duty applies to: an NHS trust in England sees the NHS standards and the pay gaps too."""
HEADCOUNT = {f"{year}-03-31": 1200 for year in range(2012, 2031)}
CASES = [  # (case, the publication date from the due date, the status)
    ("day before", lambda due: (due - dt.timedelta(days=1)).isoformat(), "met"),
    ("day after", lambda due: (due + dt.timedelta(days=3)).isoformat(), "met-late"),
    ("month before", lambda due: f"{add_months(due, -1):%Y-%m}", "met"),
    ("month after", lambda due: f"{add_months(due, 1):%Y-%m}", "met-late"),
    ("month straddling", lambda due: f"{due:%Y-%m}", "met-timing-unknown"),
    ("year before", lambda due: str(due.year - 1), "met"),
    ("year after", lambda due: str(due.year + 1), "met-late"),
    ("year straddling", lambda due: str(due.year), "met-timing-unknown"),
]


def fixed_cycle(rule: Rule, overridden: bool) -> tuple[Organisation, Cycle, dt.date]:
    """A body the duty applies to, the duty's cycle nearest 2024 (due mid-month through calendar.overrides, so that
    a month can straddle it, when `overridden`), and a day before the next cycle's due date to look on."""
    schedule = rule.schedule
    assert isinstance(schedule, Fixed)
    year = schedule.first_year + schedule.step * ((2024 - schedule.first_year) // schedule.step)
    jurisdiction = sorted(rule.jurisdictions)[0]
    plain = organisation(jurisdiction, BODIES[jurisdiction], HEADCOUNT)
    key, due = schedule.cycle(plain, year).key, schedule.cycle(plain, year).due
    middle = [{"duty": schedule.duty, "year": due.year, "due": f"{due:%Y-%m}-15"}]
    calendar = {"overrides": middle} if overridden else {}
    body = organisation(plain.jurisdiction, plain.sector, HEADCOUNT, calendar=calendar)
    cycle = next(cycle for cycle in schedule.cycles(body, due) if cycle.key == key)
    assert cycle.due == (due.replace(day=15) if overridden else due), (cycle, due)
    return body, cycle, schedule.cycle(body, year + schedule.step).due - dt.timedelta(days=1)


def met_status(rule: Rule, body: Organisation, cycle: Cycle, published: str, as_of: dt.date) -> str:
    paper = publication("PUB-001", rule.duty, published, period=sorted(cycle.periods)[0])
    found = evaluate(body, [paper], as_of.isoformat())[f"{rule.id}-{cycle.key}"]
    assert found.evidence == "PUB-001", found
    return found.status


@pytest.mark.parametrize(("case", "published", "status"), CASES, ids=[case for case, *_ in CASES])
@pytest.mark.parametrize("rule", FIXED, ids=[rule.id for rule in FIXED])
def test_every_duty_met_on_a_fixed_date_tells_on_time_late_or_not_known(rule: Rule, case: str, published: Any,
                                                                       status: str) -> None:
    body, cycle, as_of = fixed_cycle(rule, overridden=True)
    assert met_status(rule, body, cycle, published(cycle.due), as_of) == status


@pytest.mark.parametrize("rule", FIXED, ids=[rule.id for rule in FIXED])
def test_the_month_of_a_due_date_at_a_month_end_is_on_time(rule: Rule) -> None:
    """Without an override: most of these duties fall due on a month's last day, which no month straddles."""
    body, cycle, as_of = fixed_cycle(rule, overridden=False)
    month_end = add_months(cycle.due.replace(day=1), 1) - dt.timedelta(days=1) == cycle.due
    expected = "met" if month_end else "met-timing-unknown"
    assert met_status(rule, body, cycle, f"{cycle.due:%Y-%m}", as_of) == expected


ROLLING = [rule for rule in RULES if isinstance(rule.schedule, Rolling)]


@pytest.mark.parametrize("precision", ["2024", "2024-10", "2024-10-17"])
@pytest.mark.parametrize("rule", ROLLING, ids=[rule.id for rule in ROLLING])
def test_every_rolling_clock_runs_from_the_first_day_a_date_allows(rule: Rule, precision: str) -> None:
    assert isinstance(rule.schedule, Rolling)
    jurisdiction = sorted(rule.jurisdictions)[0]
    body = organisation(jurisdiction, BODIES[jurisdiction], HEADCOUNT)
    found = evaluate(body, [publication("PUB-001", rule.duty, precision)], "2025-06-01")[rule.id]
    first = PartialDate.parse(precision).earliest
    assert found.due == add_years(first, rule.schedule.years), found
