"""A publication known only to be out by a date (`published_by`: the date of a page that lists it) meets a duty as
issue 22 item 1's rule says: `met` when the latest day the evidence allows is on or before the due date, `met-late`
when its earliest day is after it, otherwise `met-timing-unknown`. Its earliest day is not known, so it is never
late for sure. One that names no cycle meets the cycle its date falls in, or an earlier one whose window it may
fall in, never a later one."""

from __future__ import annotations

import datetime as dt

import pytest
from obligation_builders import evaluate, organisation, publication

from equitykit.obligations.evidence import covering, publications_of
from equitykit.obligations.rules import RULES
from equitykit.obligations.statutory import statutory_obligations

BODY = organisation("england", headcount={"2023-03-31": 1200, "2024-03-31": 1200, "2025-03-31": 1200})
GPG = next(rule for rule in RULES if rule.id == "gpg")
"""The gender pay gap: the 2024 snapshot's cycle opens on 31 March 2024 and is due by 30 March 2025; the 2025
snapshot's opens on 31 March 2025."""


def out_by(by: str, published: str | None = None, period: str | None = "2024-25"):
    return publication("PUB-001", "gender-pay-gap", published, period=period, published_by=by)


@pytest.mark.parametrize(("by", "status", "note"), [
    ("2025-03-29", "met", "published by 2025-03-29"),  # a day before the due date
    ("2025-03-30", "met", "published by 2025-03-30"),  # the due date itself
    ("2025-04-02", "met-timing-unknown",  # a day after: it may have come out any day before
     "published by 2025-04-02; whether by the due date, 2025-03-30, is not known"),
    ("2025-02", "met", "published by 2025-02"),  # a month before
    ("2025-03", "met-timing-unknown",  # the month of the due date: out by 31 March
     "published by 2025-03; whether by the due date, 2025-03-30, is not known"),
    ("2025-04", "met-timing-unknown", "published by 2025-04; whether by the due date, 2025-03-30, is not known"),
    ("2024", "met", "published by 2024"),  # a year before
    ("2025", "met-timing-unknown", "published by 2025; whether by the due date, 2025-03-30, is not known"),
    ("2026", "met-timing-unknown",  # a year after: still never late for sure
     "published by 2026; whether by the due date, 2025-03-30, is not known"),
])
def test_a_named_cycle_is_met_by_the_date_it_was_out_by(by: str, status: str, note: str) -> None:
    gap = evaluate(BODY, [out_by(by)], "2026-01-01")["gpg-2024"]
    assert (gap.status, gap.evidence) == (status, "PUB-001")
    assert gap.note.endswith(f"; {note}")


@pytest.mark.parametrize(("published", "by", "status", "note"), [
    ("2025", "2025-03-15", "met", "published 2025, out by 2025-03-15"),  # its year, narrowed by the page's date
    ("2025-03", "2025-04-10", "met-timing-unknown",  # the page's date narrows nothing
     "published 2025-03; whether by the due date, 2025-03-30, is not known"),
    ("2025-04-02", "2025-04-10", "met-late", "published 2025-04-02, 3 days late"),  # its own day rules
])
def test_its_own_date_and_the_date_it_was_out_by_together(published: str, by: str, status: str, note: str) -> None:
    gap = evaluate(BODY, [out_by(by, published)], "2025-12-01")["gpg-2024"]
    assert gap.status == status
    assert gap.note.endswith(f"; {note}")


@pytest.mark.parametrize(("by", "cycle", "status"), [
    ("2025-03-29", "2024", "met"),  # in the 2024 snapshot's window, before its due date
    ("2025-03-30", "2024", "met"),  # on its due date
    ("2025-03-31", "2025", "met"),  # the day the 2025 snapshot's cycle opens: that cycle
    ("2025-06-01", "2025", "met"),
    ("2025-03", "2024", "met-timing-unknown"),  # March 2025 may be 1 March: the 2025 cycle had not opened
    ("2025-04", "2025", "met"),  # all of April is in the 2025 cycle's window
    ("2025", "2024", "met-timing-unknown"),  # may be January 2025: never the later cycle
    ("2024", "2023", "met-timing-unknown"),
])
def test_with_no_period_it_meets_the_cycle_its_date_falls_in_never_a_later_one(by: str, cycle: str,
                                                                                status: str) -> None:
    as_of = dt.date(2026, 12, 1)
    cycles = GPG.schedule.cycles(BODY, as_of)  # type: ignore[union-attr]
    history = publications_of([out_by(by, period=None)], GPG.publication_duties, as_of)
    covered = covering(cycles, history)
    assert list(covered) == [cycle]
    shown = {o.id: o for o in statutory_obligations(BODY, history, dt.date.fromisoformat(f"{int(cycle) + 1}-06-01"),
                                                      60)}
    assert shown[f"gpg-{cycle}"].status == status


def test_an_earlier_cycle_whose_window_it_may_fall_in_when_its_own_is_met() -> None:
    """The 2025 cycle is met by a publication that names it: the page's publication is the 2024 snapshot's."""
    as_of = dt.date(2026, 12, 1)
    dated = publication("PUB-002", "gender-pay-gap", "2025-05-01", period="2025-26")
    history = publications_of([out_by("2025-06-01", period=None), dated], GPG.publication_duties, as_of)
    covered = covering(GPG.schedule.cycles(BODY, as_of), history)  # type: ignore[union-attr]
    assert {key: p.id for key, p in covered.items()} == {"2025": "PUB-002", "2024": "PUB-001"}


def test_before_its_date_it_is_not_known_to_be_out() -> None:
    gap = evaluate(BODY, [out_by("2025-03-29")], "2025-03-01")["gpg-2024"]
    assert (gap.status, gap.evidence) == ("due", None)


def test_a_rolling_clock_runs_from_the_date_it_was_out_by_at_the_latest() -> None:
    listed = publication("PUB-001", "equality-information", None, published_by="2023-07-14")
    information = evaluate(BODY, [listed], "2023-07-14")["england-equality-information"]
    assert (information.status, information.due) == ("upcoming", dt.date(2024, 7, 14))
    assert information.note.startswith(
        "last published by 2023-07-14 (PUB-001), its own date not recorded; due again within 1 year of it: by "
        "2024-07-14 at the latest, earlier if it came out before 2023-07-14")
    assert evaluate(BODY, [listed], "2024-07-15")["england-equality-information"].status == "overdue"
    by_month = publication("PUB-001", "equality-information", None, published_by="2023-07")
    note = evaluate(BODY, [by_month], "2023-08-01")["england-equality-information"].note
    assert "by 2024-07-31 at the latest, earlier if it came out before 2023-07-31" in note


def test_a_dated_publication_after_it_restarts_the_clock() -> None:
    listed = publication("PUB-001", "equality-information", None, published_by="2023-07-14")
    later = publication("PUB-002", "equality-information", "2023-09")
    information = evaluate(BODY, [listed, later], "2023-10-01")["england-equality-information"]
    assert information.due == dt.date(2024, 9, 1)


def test_with_no_established_date_the_calendar_starts_at_the_date_it_was_out_by() -> None:
    body = organisation("england", established=None, headcount={"2024-03-31": 1200})
    listed = publication("PUB-001", "equality-information", None, published_by="2023-07-14")
    information = evaluate(body, [listed], "2023-08-01")["england-equality-information"]
    assert information.due == dt.date(2024, 7, 14)
    found = evaluate(body, [listed], "2023-08-01")
    assert any("the first publication on record, PUB-001 (by 2023-07-14)" in (o.note or "") for o in found.values())
