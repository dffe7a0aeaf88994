"""Small-number suppression: published counts below the organisation's threshold are hidden.

A count from 1 to threshold - 1 is shown as `[c]`, and so is any percentage, likelihood or
difference computed from such a count. A count of 0 is shown: it discloses no individual. A share
rests on the smaller non-zero side (`metrics.figures.disclosure_count`), so 0% or 100% of a small
group is suppressed too: it would say something about every member.
Suppression happens here, in the builders, so templates never see a suppressed number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...metrics.figures import Figure

SUPPRESSED = "[c]"


def is_small(count: int | None, threshold: int) -> bool:
    """Whether a count discloses too few people to publish (1 to threshold - 1; 0 is published)."""
    return count is not None and 0 < count < threshold


@dataclass
class Suppressor:
    """Formats counts and figures for publication, remembering whether anything was suppressed."""

    threshold: int
    used: bool = field(default=False)

    def count(self, value: int | None, missing: str = "not recorded") -> str:
        if value is None:
            return missing
        if is_small(value, self.threshold):
            self.used = True
            return SUPPRESSED
        return f"{value:,}"

    def rests_on(self, *counts: int | None) -> bool:
        """Whether any of the counts a figure rests on is small; records that a value was hidden."""
        small = any(is_small(count, self.threshold) for count in counts)
        self.used = self.used or small
        return small

    def figure(self, value: Figure | None, unit: str = "", signed: bool = False,
               missing: str = "not available") -> str:
        """A computed figure, `[c]` when it rests on a small count, or why it is missing."""
        if value is None:
            return missing
        if is_small(value.min_count, self.threshold):
            self.used = True
            return SUPPRESSED
        if value.value is None:
            return value.reason or missing
        return number(value.value, unit, signed)

    def footnote(self) -> str | None:
        if not self.used:
            return None
        return (f"{SUPPRESSED} Not published: the figure is a number of people from 1 to "
                f"{self.threshold - 1}, or is calculated from one, and could identify individuals. "
                "A count of 0 is published because it identifies no one.")


def number(value: Decimal | float | int, unit: str = "", signed: bool = False) -> str:
    """A number as published: thousands separated, a sign if asked, then its unit."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    text = f"{value:,}" if isinstance(value, int) else f"{value:,f}"
    if signed and value > 0:
        text = "+" + text
    return f"{text}{unit}"
