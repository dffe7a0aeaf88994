"""The iCalendar export: parsed back with the icalendar library, folded and escaped per RFC 5545."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from obligation_builders import organisation

from equitykit.obligations import Deadlines, Obligation
from equitykit.obligations.ics import escape_text, fold, ics_calendar

AS_OF = dt.date(2025, 6, 1)
TRICKY_TITLE = "Review recruitment, shortlisting; and\nappointment data \\ by band"


def _result(*obligations: Obligation) -> Deadlines:
    return Deadlines(organisation(code="RXX"), AS_OF, 60, list(obligations))


def _obligation(obligation_id: str, title: str, due: str, status: str = "upcoming") -> Obligation:
    return Obligation(id=obligation_id, duty="action", title=title, due=dt.date.fromisoformat(due),
                      status=status, basis="SI 2017/353 reg 4(2), employee information reg 4(4)",
                      description="Publish the information; a long description " * 5)


def _events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_one_all_day_event_per_applicable_obligation() -> None:
    text = ics_calendar(_result(_obligation("action-ACT-001", "First", "2025-09-30"),
                                _obligation("gpg-2025", "Gender pay gap", "2026-03-30", "overdue"),
                                _obligation("modern-slavery-2024-25", "Statement", "2025-09-30",
                                            "not-applicable")))
    events = _events(text)
    assert [str(e["UID"]) for e in events] == ["action-ACT-001@rxx.equitykit", "gpg-2025@rxx.equitykit"]
    assert [e.decoded("DTSTART") for e in events] == [dt.date(2025, 9, 30), dt.date(2026, 3, 30)]
    assert [e.decoded("DTEND") for e in events] == [dt.date(2025, 10, 1), dt.date(2026, 3, 31)]
    assert events[0].decoded("DTSTAMP") == dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
    assert "Basis: SI 2017/353 reg 4(2), employee information reg 4(4)" in str(events[1]["DESCRIPTION"])
    assert "Status on the date of export: overdue" in str(events[1]["DESCRIPTION"])


def test_a_title_with_commas_semicolons_backslashes_and_newlines_round_trips() -> None:
    text = ics_calendar(_result(_obligation("action-ACT-002", TRICKY_TITLE, "2025-07-01")))
    assert "SUMMARY:Review recruitment\\, shortlisting\\; and\\nappointment data \\\\ by band" in text.replace(
        "\r\n ", "")
    assert str(_events(text)[0]["SUMMARY"]) == TRICKY_TITLE


def test_crlf_line_endings_and_lines_of_at_most_75_octets() -> None:
    text = ics_calendar(_result(_obligation("action-ACT-003", "Ünïcödé title " * 12, "2025-07-01")))
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")
    assert "\n" not in "".join(lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # the long lines were folded
    assert str(_events(text)[0]["SUMMARY"]) == "Ünïcödé title " * 12


def test_uids_are_stable_between_runs_and_dates() -> None:
    first = ics_calendar(_result(_obligation("gpg-2025", "Gender pay gap", "2026-03-30")))
    later = Deadlines(organisation(code="RXX"), dt.date(2025, 7, 1), 60,
                      [_obligation("gpg-2025", "Gender pay gap", "2026-03-30", "due")])
    assert _events(first)[0]["UID"] == _events(ics_calendar(later))[0]["UID"]


@pytest.mark.parametrize(("value", "escaped"), [
    ("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\r\nb\nc\rd", "a\\nb\\nc\\nd")])
def test_escape_text(value: str, escaped: str) -> None:
    assert escape_text(value) == escaped


@given(st.text(min_size=0, max_size=400).filter(lambda s: "\r" not in s and "\n" not in s))
def test_folding_unfolds_to_the_original_and_never_splits_a_character(line: str) -> None:
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(part.encode("utf-8")) <= (75 if i == 0 else 74) for i, part in enumerate(parts))
