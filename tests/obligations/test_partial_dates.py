"""The calendar with dates of some precision: a duty is `met` when the latest day its publication's date allows
is on or before the due date, `met-late` when the earliest day is after it, and otherwise `met-timing-unknown`;
a publication out with no date meets the cycle it names, at a time not known."""

from __future__ import annotations

import pytest
from obligation_builders import evaluate, organisation, publication

from equitykit.i18n import language
from equitykit.obligations.model import status_words

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
