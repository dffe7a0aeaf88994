"""A highlight of the year: a dated progress point or a headline figure that an annual report carries and no
objective holds ("42 community projects funded", "staff network membership rose from 120 to 310", "ranked 45th
in the Stonewall Workplace Equality Index"). It is copied as published: its text, the figure with its unit (and
the figure it changed from, where the report gives one), when it happened, and what it serves. Reports show
it under "Progress this year"; nothing is computed into it but the change between two figures given."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag

from .bilingual import welsh
from .common import CharacteristicSlug, Model, Record, Span, Text
from .dates import PartialDate

MONEY_UNITS = frozenset({"£", "gbp", "pounds", "pound"})
PERCENT_UNITS = frozenset({"%", "percent", "per cent", "percentage"})
POSITION_UNITS = frozenset({"position", "place", "rank", "ranking"})
"""Units a report writes its own way: £120,000; 12.5%; position 45 (a lower number is a higher place)."""


def unit_kind(unit: str) -> str:
    """How a figure's unit is written: `money`, `percent`, `position` or `count` (a figure and its unit's words)."""
    key = unit.strip().lower()
    if key in MONEY_UNITS:
        return "money"
    if key in PERCENT_UNITS:
        return "percent"
    return "position" if key in POSITION_UNITS else "count"


class HighlightFigure(Model):
    """The headline figure of a highlight, as published."""

    value: float = Field(description="The figure as a number, as published: 42; 120000 for £120,000; 12.5 for 12.5%; "
                                     "45 for 45th place.", examples=[42])
    unit: Text = Field(description="What the figure counts, as published (community projects, groups, members); £ "
                                   "for a sum of money, % for a percentage, position for a place in a ranking.",
                       examples=["community projects"])
    unit_cy: Text | None = welsh("unit")
    earlier: float | None = Field(None, description="The figure it changed from, where the report gives one: the 120 "
                                                    "of 'rose from 120 to 310'. Reports then show the change.",
                                  examples=[120])

    def same_in_every_language(self, field: str) -> bool:
        """A unit reports write their own way (£, %, position) is not shown as text, so it needs no Welsh."""
        return field == "unit" and unit_kind(self.unit) != "count"


class HighlightPeriod(Span):
    """A period given by its first and last date, e.g. April 2024 to March 2025."""

    start: PartialDate = Field(description="When it began: a day, a month (2024-04) or a year, as published.",
                               examples=["2024-04"])
    end: PartialDate = Field(description="When it ended: a day, a month (2025-03) or a year, as published.",
                             examples=["2025-03"])


def _period_kind(value: Any) -> str:
    return "period" if isinstance(value, (dict, HighlightPeriod)) else "date"


When = Annotated[
    Annotated[PartialDate, Tag("date")] | Annotated[HighlightPeriod, Tag("period")],
    Discriminator(_period_kind),
]
"""When a highlight happened: a day, a month or a year (YYYY-MM-DD, YYYY-MM, YYYY), or a period with start: and
end:."""


class Highlight(Record):
    """One highlight of the year: a progress point or headline figure as the annual report gives it."""

    text: Text = Field(description="The highlight as published, in a sentence.",
                       examples=["42 community projects funded through the equality grants scheme"])
    text_cy: Text | None = welsh("text")
    period: When | None = Field(None, description="When it happened: YYYY-MM-DD, YYYY-MM or YYYY as the report gives "
                                                  "it, or a period with start: and end:. Without one, it is shown in "
                                                  "every year's report.", examples=["2024-10"])
    figure: HighlightFigure | None = Field(None, description="Its headline figure with the unit, if it has one.")
    characteristics: list[CharacteristicSlug] = Field(default_factory=list,
                                                    description="Characteristics it concerns.")
    objectives: list[str] = Field(default_factory=list, description="Ids of the objectives it shows progress on.")
    actions: list[str] = Field(default_factory=list, description="Ids of the actions it came from.")

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """Whether it happened (any day its period allows) from `start` to `end`; one with no period always does."""
        return self.period is None or (self.period.earliest <= end and self.period.latest >= start)
