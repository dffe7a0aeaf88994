"""Published figures: exact unrounded values, rounded half up once, or absent with a reason.

Counts are whole numbers, so every figure is computed as an exact ``Fraction``; survey percentages
given in the records are read as written (``14.65`` is exactly 14.65, not the nearest binary float).
Rounding happens once, at the end, with halves rounded away from zero, so 1.125 gives 1.13 and
-0.65 gives -0.7.

A figure says where it came from (`source`): computed from counts, as published by the body (copied
from its publication, without the counts behind it), or imported from a national source (the GOV.UK
gender pay gap service). A published or imported figure keeps the text as printed, the year of its
source (the NHS Staff Survey year of a survey indicator) and its comparators (the national figure,
last year's figure as then published). Reports, trends, charts, `diff`, suppression and the "published
and computed disagree" warnings all read this one shape, whatever the standard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Literal

Source = Literal["computed", "published", "imported"]
"""Where a figure came from: computed from counts, as published by the body, or imported (GOV.UK)."""

PERCENT_PLACES = 1
"""Percentages and percentage points are published to one decimal place."""
LIKELIHOOD_PLACES = 2
"""Relative likelihoods are published to two decimal places."""


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Round exactly to `places` decimal places, halves away from zero (never -0)."""
    scaled, remainder = divmod(abs(value) * 10**places, 1)
    rounded = int(scaled) + (remainder >= Fraction(1, 2))
    return Decimal(-rounded if value < 0 else rounded).scaleb(-places)


def exact(value: float | int) -> Fraction:
    """A number from a record as written: 14.65 is 1465/100."""
    return Fraction(str(value))


@dataclass(frozen=True, slots=True)
class Comparator:
    """A figure published beside another to compare it with: `kind` is `national` or `previous-year`."""

    kind: str
    value: Decimal
    printed: str


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: `value` rounded for publication and `unrounded` for further sums.

    Both are None when the figure cannot be computed, and `reason` says why. `min_count` is the
    smallest count the figure rests on (None when it rests on no counts), so that a reporter can
    suppress small numbers. `source` says where it came from; a published or imported one keeps
    `printed` (the text as printed), `year` (its source year) and `comparators`.
    """

    value: Decimal | None
    unrounded: Fraction | None
    min_count: int | None
    reason: str | None = None
    source: Source = "computed"
    printed: str | None = None
    year: int | None = None
    comparators: tuple[Comparator, ...] = ()

    @property
    def known(self) -> bool:
        return self.unrounded is not None

    @property
    def as_published(self) -> bool:
        """Whether the figure was taken from a publication rather than computed from counts."""
        return self.source != "computed"

    def comparator(self, kind: str) -> Comparator | None:
        return next((c for c in self.comparators if c.kind == kind), None)


def figure(value: Fraction, places: int, min_count: int | None) -> Figure:
    """A computed figure rounded half up to `places`."""
    return Figure(round_half_up(value, places), value, min_count)


def unknown(reason: str, min_count: int | None = None) -> Figure:
    """A figure that cannot be computed, and why."""
    return Figure(None, None, min_count, reason)


def disclosure_count(part: int, whole: int) -> int:
    """The fewest people a share `part` of `whole` tells about: the smaller of the part and the rest.

    A zero on one side tells about everyone on the other (0% of 3 says all 3 are outside the
    group), so zeros are skipped; 0 only when `whole` is 0.
    """
    return min((side for side in (part, whole - part) if side > 0), default=0)


def percentage(part: int, whole: int, reason_if_empty: str, min_count: int | None = None) -> Figure:
    """`part` as a percentage of `whole`; resting on `min_count` (default `disclosure_count`)."""
    smallest = disclosure_count(part, whole) if min_count is None else min_count
    if whole == 0:
        return unknown(reason_if_empty, smallest)
    return figure(Fraction(100 * part, whole), PERCENT_PLACES, smallest)


def given_percentage(value: float | None, responses: int | None, reason_if_missing: str) -> Figure:
    """A percentage given in a record (a survey result), with the number of responses behind it."""
    if value is None:
        return unknown(reason_if_missing, responses)
    return figure(exact(value), PERCENT_PLACES, responses)


def difference(minuend: Figure, subtrahend: Figure, places: int = PERCENT_PLACES) -> Figure:
    """`minuend - subtrahend` on unrounded values (percentage points, or a change in a ratio)."""
    smallest = min_of(minuend.min_count, subtrahend.min_count)
    if minuend.unrounded is None or subtrahend.unrounded is None:
        return unknown(minuend.reason or subtrahend.reason or "", smallest)
    return figure(minuend.unrounded - subtrahend.unrounded, places, smallest)


def min_of(*counts: int | None) -> int | None:
    """The smallest of the counts that are known."""
    known = [count for count in counts if count is not None]
    return min(known) if known else None


def published(printed: str | float | int | None, reason_if_missing: str, *, year: int | None = None,
              comparators: Sequence[tuple[str, str | float | int | None]] = (),
              source: Source = "published") -> Figure:
    """A figure as printed in a publication (`source` published, or imported from a national source):
    its number at the precision printed, resting on no counts we hold; unknown with `reason_if_missing`
    when nothing was printed. `comparators` are (kind, printed) pairs, None where not given."""
    from ..records.published import printed_number, printed_text  # pydantic: not on the pay gap computation's path

    if printed is None:
        return Figure(None, None, None, reason_if_missing, source, None, year)
    number = printed_number(printed)
    if number is None:  # records are validated to hold a number; a stray one is not a figure
        return Figure(None, None, None, reason_if_missing, source, printed_text(printed), year)
    kept = tuple(Comparator(kind, value, printed_text(text)) for kind, text in comparators
                 if text is not None and (value := printed_number(text)) is not None)
    return Figure(number, Fraction(number), None, None, source, printed_text(printed), year, kept)


def decimal_places(value: Decimal) -> int:
    """How many decimal places a number is written with (0 for a whole number)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def agrees(computed: Figure, as_published: Figure) -> bool:
    """Whether a computed figure rounds (half up, from its unrounded value) to the figure as published, at
    the precision printed: 1.786 agrees with a published 1.79 and with 1.8, not with 1.78. True when
    either is unknown: there is nothing to disagree about."""
    if computed.unrounded is None or as_published.value is None:
        return True
    return round_half_up(computed.unrounded, decimal_places(as_published.value)) == as_published.value


def with_source(value: Figure, source: Source) -> Figure:
    """The same figure marked with another source."""
    return replace(value, source=source)
