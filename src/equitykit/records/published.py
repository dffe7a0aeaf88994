"""A figure as the body printed it: the text (or number) copied from its publication, and the number in it.

A published WRES or WDES page writes a relative likelihood as `1.84`, `1.84 times as likely` or, by a
slip, `1.84%`; a survey result as `30.1%`; a board difference as `-3.2 pp` or `−3.2%`. The record keeps
what was printed; `printed_number` reads the number from it (the first number in the text, with
thousands separators and a typographic minus understood), at the precision printed: `1.80` stays two
decimal places, so that a computed figure is compared with it at that precision.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, Field

_MINUSES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-"})
_NUMBER = re.compile(r"(?<![\d.])([-+]?)\s?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?")


def printed_number(printed: str | float | int) -> Decimal | None:
    """The number a printed figure states, at the precision printed; None when the text has none."""
    if isinstance(printed, bool):
        return None
    if isinstance(printed, (int, float)):
        return Decimal(repr(printed)) if isinstance(printed, float) else Decimal(printed)
    return next(iter(printed_numbers(printed)), None)


def printed_numbers(text: str) -> list[Decimal]:
    """Every number a printed text states, in order, at the precision printed ("rose from 1,200 to 3,100.5"
    gives 1200 and 3100.5)."""
    numbers = []
    for match in _NUMBER.finditer(text.translate(_MINUSES)):
        sign, whole, fraction = match.groups()
        if whole is None and fraction is None:
            continue
        numbers.append(Decimal(f"{sign or ''}{(whole or '0').replace(',', '')}{fraction or ''}"))
    return numbers


def printed_text(printed: str | float | int) -> str:
    """A printed figure as text, as it was written in the record."""
    return printed if isinstance(printed, str) else repr(printed) if isinstance(printed, float) else str(printed)


def _has_number(printed: str | float | int) -> str | float | int:
    if printed_number(printed) is None:
        raise ValueError(f"'{printed}' has no number in it; copy the figure as printed, for example 1.84, "
                         "1.84 times as likely or 30.1%")
    return printed


Printed = Annotated[
    str | float | int,
    AfterValidator(_has_number),
    Field(description="The figure as printed: a number, or the text around it (1.84 times as likely, 30.1%).",
          examples=["1.84 times as likely"]),
]
"""A figure as printed in a publication; it must contain a number."""


def numbers_as_text(value: Any) -> Any:
    """A mapping keyed by indicator, metric or domain number with each key as text: YAML reads `2:` as the
    number 2, and the number a person writes is the indicator's (`"2"`, `"4a(i)"` or `"10"` alike)."""
    if isinstance(value, dict):
        return {str(key) if isinstance(key, int) and not isinstance(key, bool) else key: item
                for key, item in value.items()}
    return value
