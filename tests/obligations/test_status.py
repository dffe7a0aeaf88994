"""Status on a date: the day before, on and after the due date, and the window's edge."""

from __future__ import annotations

import datetime as dt

import pytest

from equitykit.obligations import status_on

DUE = dt.date(2025, 3, 30)


@pytest.mark.parametrize(("as_of", "window", "expected"), [
    ("2025-03-31", 60, "overdue"),
    ("2025-03-30", 60, "due"),
    ("2025-03-29", 60, "due"),
    ("2025-03-29", 0, "upcoming"),
    ("2025-03-30", 0, "due"),
    ("2025-01-29", 60, "due"),
    ("2025-01-28", 60, "upcoming"),
])
def test_status_around_the_due_date(as_of: str, window: int, expected: str) -> None:
    assert status_on(DUE, dt.date.fromisoformat(as_of), window, met=None) == expected


@pytest.mark.parametrize("as_of", ["2025-01-01", "2025-03-30", "2026-01-01"])
@pytest.mark.parametrize("met", ["met", "met-late", "met-timing-unknown"])
def test_met_wins_whatever_the_date(as_of: str, met: str) -> None:
    assert status_on(DUE, dt.date.fromisoformat(as_of), 60, met=met) == met
