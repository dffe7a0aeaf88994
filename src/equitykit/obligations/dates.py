"""Calendar arithmetic for deadlines: whole years and months, and month-day settings."""

from __future__ import annotations

import calendar
import datetime as dt

from ..records.dates import PartialDate, date_words
from ..records.years import year_label

__all__ = ["ONE_DAY", "add_months", "add_years", "on_month_day", "spoken_date", "year_label"]

ONE_DAY = dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day (31 March + 6 months = 30 September)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def on_month_day(year: int, month_day: str) -> dt.date:
    """The date of an `MM-DD` setting in `year`, clamped to the month's last day (02-29 in 2025 is 28 February)."""
    month, day = (int(part) for part in month_day.split("-"))
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def spoken_date(day: PartialDate | dt.date) -> str:
    """A date as people read it at its precision, in the language being written: 31 March 2025, 31 Mawrth 2025,
    Mawrth 2025."""
    return date_words(day)
