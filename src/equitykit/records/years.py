"""Reporting years: the financial year (1 April to 31 March unless the organisation says otherwise),
labelled by its first calendar year and the last two digits of the next, e.g. 2025-26."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

YEAR_LABEL = re.compile(r"^(\d{4})-(\d{2})$")


def year_label(first_year: int) -> str:
    """The label of a year that starts in `first_year` and ends in the next, e.g. 2024-25."""
    return f"{first_year}-{(first_year + 1) % 100:02d}"


@dataclass(frozen=True)
class ReportingYear:
    """One reporting year: its first and last day."""

    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return year_label(self.start.year)


def year_starting(first_year: int, start_month_day: str = "04-01") -> ReportingYear:
    """The reporting year that starts in `first_year` on the organisation's `MM-DD` start day."""
    month, day = (int(part) for part in start_month_day.split("-"))
    start = dt.date(first_year, month, min(day, calendar.monthrange(first_year, month)[1]))
    following = dt.date(first_year + 1, month, min(day, calendar.monthrange(first_year + 1, month)[1]))
    return ReportingYear(start, following - dt.timedelta(days=1))


def year_holding(day: dt.date, start_month_day: str = "04-01") -> ReportingYear:
    """The reporting year that `day` falls in."""
    year = year_starting(day.year, start_month_day)
    return year if year.start <= day else year_starting(day.year - 1, start_month_day)


def last_year_ended_before(day: dt.date, start_month_day: str = "04-01") -> ReportingYear:
    """The latest reporting year whose last day is before `day`."""
    return year_starting(year_holding(day, start_month_day).start.year - 1, start_month_day)


def year_of_label(label: str, start_month_day: str = "04-01") -> ReportingYear | None:
    """The reporting year a label such as 2025-26 names, or None if it names none."""
    found = YEAR_LABEL.match(label)
    if not found or (int(found[1]) + 1) % 100 != int(found[2]):
        return None
    return year_starting(int(found[1]), start_month_day)


_WRITTEN_YEAR = re.compile(r"^(\d{4})\s*(?:[-/–]|to)\s*(\d{2}|\d{4})$")


def year_as_written(text: str, start_month_day: str = "04-01") -> ReportingYear | None:
    """The reporting year a label names as documents write it: 2020/21, 2020-21, 2020-2021, 2020 to 2021 (the second
    year the one after the first); None if it names none."""
    found = _WRITTEN_YEAR.match(text.strip())
    if not found:
        return None
    first, second = int(found[1]), int(found[2])
    following = first + 1
    if second != (following if second >= 1000 else following % 100):
        return None
    return year_starting(first, start_month_day)
