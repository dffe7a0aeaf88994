"""Calendar arithmetic: whole years, months and month-day settings."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from equitykit.obligations.dates import add_months, add_years, on_month_day, year_label


@pytest.mark.parametrize(("day", "years", "expected"), [
    ("2024-02-29", 1, "2025-02-28"),
    ("2024-02-29", 4, "2028-02-29"),
    ("2024-02-29", 2, "2026-02-28"),
    ("2025-03-30", 1, "2026-03-30"),
    ("2023-02-28", 1, "2024-02-28"),
])
def test_add_years_keeps_the_day_except_29_february(day: str, years: int, expected: str) -> None:
    assert add_years(dt.date.fromisoformat(day), years) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("day", "months", "expected"), [
    ("2025-03-31", 6, "2025-09-30"),
    ("2024-12-31", 6, "2025-06-30"),
    ("2024-08-31", 6, "2025-02-28"),
    ("2023-08-31", 6, "2024-02-29"),
])
def test_add_months_clamps_to_the_last_day_of_the_month(day: str, months: int, expected: str) -> None:
    assert add_months(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(expected)


def test_month_day_settings_clamp_in_short_months() -> None:
    assert on_month_day(2025, "02-29") == dt.date(2025, 2, 28)
    assert on_month_day(2024, "02-29") == dt.date(2024, 2, 29)
    assert on_month_day(2025, "10-31") == dt.date(2025, 10, 31)


def test_year_label_spans_the_century() -> None:
    assert year_label(2024) == "2024-25"
    assert year_label(2099) == "2099-00"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2900, 12, 31)), st.integers(1, 50))
def test_add_years_is_a_whole_number_of_years_later(day: dt.date, years: int) -> None:
    later = add_years(day, years)
    assert (later.year, later.month) == (day.year + years, day.month)
    assert later.day == day.day or (day.month, day.day, later.day) == (2, 29, 28)
