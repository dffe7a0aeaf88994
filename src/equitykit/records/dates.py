"""A date of some precision: a year, a month or a day, as a document gives it.

A person copying a date from a publication often has only "2025" or "October 2023". `PartialDate` holds
exactly that, with the earliest and latest day it allows. Everything that compares dates asks for those
two days (on time is when the latest day is on or before the due date, late when the earliest is after
it), and everything that shows a date asks `date_words`, which writes it at the precision held, in the
language being written ("2025", "October 2023", "1 October 2023"; "Hydref 2023" in Welsh). A span of
whole months or years reads as them: 1 to 31 October 2023 is "October 2023".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from ..i18n import _, after_to, long_date, month_and_year
from .years import year_of_label

Precision = Literal["year", "month", "day"]

FIRST_YEAR, LAST_YEAR = 1000, 9999
YEAR_OR_MONTH = r"^\d{4}(-(0[1-9]|1[0-2]))?$"
"""YYYY or YYYY-MM, as text (a day is a JSON Schema `date`)."""
DAY = r"^\d{4}-\d{2}-\d{2}$"
"""A day's shape, beside its `date` format: a validator need not check formats (JSON Schema 2020-12 leaves them
annotations), and without it any text would pass as a day (`due: ongoing` would then match two branches)."""
AS_WRITTEN = {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
              "description": "A date at the precision written: YYYY, YYYY-MM or YYYY-MM-DD."}
"""The JSON Schema of a date as output writes it: always text, at its precision."""
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

HOW_TO_WRITE = "write the date as YYYY-MM-DD, or as YYYY-MM or YYYY when the source gives no day or month"


class PartialDate:
    """A year, a month of a year, or a day: `month` and `day` are None where the source gives none.

    Immutable and hashable; equal when year, month and day are (2025-10 is not 2025-10-01). Not a dataclass,
    so that a model dumped in Python keeps it as it is, as it keeps a `datetime.date`."""

    __slots__ = ("year", "month", "day")
    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(f"the year must have four digits; {HOW_TO_WRITE}")
        if month is None and day is not None:
            raise ValueError("a day needs its month")
        if month is not None and not 1 <= month <= 12:
            raise ValueError("there is no such month; check the month (01 to 12)")
        if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError("that day does not exist; check the day and the month")
        for name, value in (("year", year), ("month", month), ("day", day)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a PartialDate cannot be changed")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        """The day `day`, at a day's precision."""
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """A date as a record holds it: YYYY (also a bare number, as YAML reads 2025), YYYY-MM or YYYY-MM-DD.

        Anything else is a ValueError saying how to write it and, where the text reads as a date
        ("Sept 2021", "1 October 2023", "31/03/2025"), which value was meant."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return cls.of(value)
        if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
            return cls(value)
        if isinstance(value, str):
            found = _ISO.match(value)
            if found:
                year, month, day = found.groups()
                try:
                    return cls(int(year), None if month is None else int(month), None if day is None else int(day))
                except ValueError:
                    if year_of_label(value):
                        raise ValueError(f"{value} names a reporting year, not a date; {HOW_TO_WRITE}") from None
                    raise
            meant = reading_of(value)
            if meant is not None:
                raise ValueError(f"{HOW_TO_WRITE}; did you mean `{meant.isoformat()}`?")
        raise ValueError(f"{HOW_TO_WRITE}, for example 2025-03-31, 2025-03 or 2025")

    @property
    def precision(self) -> Precision:
        """How much of the date the source gave: a year, a month or a day."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def earliest(self) -> dt.date:
        """The first day the date allows: 2025 is 1 January 2025, 2025-10 is 1 October 2025."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date allows: 2025 is 31 December 2025, 2025-02 is 28 February 2025."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def is_day(self) -> bool:
        return self.day is not None

    @property
    def order(self) -> tuple[dt.date, dt.date]:
        """A sort key: by the earliest day, then the latest (2025-01-01, then 2025-01, then 2025: the same first
        day, the shorter first)."""
        return self.earliest, self.latest

    def on_or_before(self, day: dt.date) -> bool | None:
        """Whether the date is on or before `day`: True when its latest day is, False when its earliest day
        is after it, None when it straddles `day` (it cannot be told)."""
        if self.latest <= day:
            return True
        if self.earliest > day:
            return False
        return None

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """Whether any day the date allows falls from `start` to `end` (a reporting year, say): 2024 overlaps
        both 2023-24 and 2024-25."""
        return self.earliest <= end and self.latest >= start

    def isoformat(self) -> str:
        """YYYY, YYYY-MM or YYYY-MM-DD, as precise as the date is."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.isoformat(), when_used="json"))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        if handler.mode == "serialization":
            return dict(AS_WRITTEN)
        return {"anyOf": [{"type": "string", "format": "date", "pattern": DAY},
                          {"type": "string", "pattern": YEAR_OR_MONTH},
                          {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}]}


def earliest(value: PartialDate | dt.date) -> dt.date:
    """The first day a date allows (a day is itself)."""
    return value.earliest if isinstance(value, PartialDate) else value


def latest(value: PartialDate | dt.date) -> dt.date:
    """The last day a date allows (a day is itself)."""
    return value.latest if isinstance(value, PartialDate) else value


def date_words(value: PartialDate | dt.date) -> str:
    """A date as people read it, at the precision held, in the language being written: 2025, October 2023,
    1 October 2023 (Welsh: Hydref 2023, 1 Hydref 2023)."""
    if isinstance(value, PartialDate) and value.month is None:
        return str(value.year)
    if isinstance(value, PartialDate) and value.day is None:
        return month_and_year(value.earliest)
    return long_date(earliest(value))


def at_precision(when: PartialDate | dt.date, on_day: str, in_month: str, in_year: str, /, **fields: object) -> str:
    """The one of three texts that fits the date's precision, filled in with `fields` and the date in words: `on_day`
    names it {date} ("on 1 March 2013"), `in_month` {month} ("in March 2013"), `in_year` {year} ("in 2013").
    Each comes translated, since a language may say each differently (Welsh: "ar", "ym mis", "yn")."""
    precision = when.precision if isinstance(when, PartialDate) else "day"
    template, name = {"day": (on_day, "date"), "month": (in_month, "month"), "year": (in_year, "year")}[precision]
    return template.format(**fields, **{name: date_words(when)})


def span_words(start: PartialDate | dt.date | None, end: PartialDate | dt.date) -> str:
    """A span of dates in words, each end at its precision ("April 2013 to May 2013", "1 April 2025 to
    31 March 2026"); a span of exactly one month or one year reads as it: 1 to 31 October 2023 is
    "October 2023"; a span whose start the source does not give reads "to March 2018"."""
    if start is None:
        return _("to {end}").format(end=after_to(date_words(end)))
    whole = _whole(earliest(start), latest(end))
    if whole is not None:
        return date_words(whole)
    return _("{start} to {end}").format(start=date_words(start), end=after_to(date_words(end)))


def _whole(first: dt.date, last: dt.date) -> PartialDate | None:
    """The one month or year the span covers exactly, or None."""
    if first.year != last.year or first.day != 1 or last.day != calendar.monthrange(last.year, last.month)[1]:
        return None
    if (first.month, last.month) == (1, 12):
        return PartialDate(first.year)
    return PartialDate(first.year, first.month) if first.month == last.month else None


# did you mean: a date written as people write it, read back as the value meant

_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _name = calendar.month_name[_number].lower()
    _MONTHS[_name] = _MONTHS[_name[:3]] = _number
_MONTHS["sept"] = 9
_WELSH_MONTHS = ("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi",
                 "hydref", "tachwedd", "rhagfyr")
for _number, _name in enumerate(_WELSH_MONTHS, start=1):
    _MONTHS.setdefault(_name, _number)
_MONTHS["chwef"] = 2
_MONTHS["ebr"] = 4
_MONTHS["meh"] = 6
_MONTHS["gorff"] = 7
_MONTHS["tach"] = 11
_MONTHS["rhag"] = 12

_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH_WORD = r"([A-Za-z]+)\.?"
_WORDS = (  # (pattern, (day group, month group, year group)), month as a word
    (re.compile(rf"^{_ORDINAL}\s+(?:of\s+)?{_MONTH_WORD},?\s+(\d{{4}})$", re.I), (1, 2, 3)),
    (re.compile(rf"^{_MONTH_WORD}\s+{_ORDINAL},?\s+(\d{{4}})$", re.I), (2, 1, 3)),
    (re.compile(rf"^{_MONTH_WORD},?\s*[-/ ]?\s*(\d{{4}})$", re.I), (0, 1, 2)),
)
_NUMBERS = (  # numbers only: day/month/year as written in the UK, year/month[/day], month/year
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), (1, 2, 3)),
    (re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})[/.](\d{1,2})$"), (0, 2, 1)),
    (re.compile(r"^(\d{4})-(\d)$"), (0, 2, 1)),
    (re.compile(r"^(\d{1,2})[/.-](\d{4})$"), (0, 1, 2)),
)


def reading_of(text: str) -> PartialDate | None:
    """The date a text written as people write dates most likely means ("Sept 2021" is 2021-09,
    "1st October 2023" 2023-10-01, "31/03/2025" 2025-03-31), or None."""
    text = " ".join(text.strip().split())
    for pattern, (day, month, year) in _WORDS:
        found = pattern.match(text)
        if found and found.group(month).lower() in _MONTHS:
            return _made(found.group(year), _MONTHS[found.group(month).lower()], found.group(day) if day else None)
    for pattern, (day, month, year) in _NUMBERS:
        found = pattern.match(text)
        if found:
            return _made(found.group(year), int(found.group(month)), found.group(day) if day else None)
    return None


def _made(year: str, month: int, day: str | None) -> PartialDate | None:
    try:
        return PartialDate(int(year), month, None if day is None else int(day))
    except ValueError:
        return None
