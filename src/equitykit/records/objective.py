"""An equality objective: specific and measurable, set at least every four years."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from .bilingual import welsh
from .common import Aim, CharacteristicSlug, IsoDate, Model, Record, Status, Text, Update
from .dates import PartialDate

Standard = Literal["wres", "wdes"]


class MeasureValue(Model):
    """A value of a measure at a date."""

    value: float = Field(description="The figure, as a number (percentages without the % sign).", examples=[10.0])
    date: IsoDate = Field(description="The date the figure applies to.", examples=["2025-03-31"])


class Progress(MeasureValue):
    """A figure recorded on the way to the target."""

    note: str | None = Field(None, description="What the figure means or where it came from.",
                             examples=["WRES 2025, indicator 1"])
    note_cy: str | None = welsh("note")


class Indicator(Model):
    """A WRES indicator or WDES metric that a measure tracks; its target is shown in that report."""

    standard: Standard = Field(description="wres or wdes.")
    number: str = Field(pattern=r"^(10|[1-9])[a-z]?$", description="Indicator or metric number, e.g. 1, 9 or 9a.",
                        examples=["1"])


class Measure(Model):
    """A numeric measure: figures from a baseline towards a target."""

    description: Text = Field(description="What is measured, e.g. BME staff in bands 8a and above.")
    description_cy: Text | None = welsh("description")
    unit: Text = Field(description="Unit of the figures, e.g. percent, count, score.")
    source: str | None = Field(None, description="Where the figures come from, e.g. WRES indicator 1.")
    source_cy: str | None = welsh("source")
    indicator: Indicator | None = Field(None, description="The WRES indicator or WDES metric it tracks.")
    baseline: MeasureValue | None = Field(None, description="The starting figure.")
    target: MeasureValue | None = Field(None, description="The figure to reach and by when.")
    trajectory: list[MeasureValue] = Field(
        default_factory=list, description="Interim targets on the way, e.g. one a year, each with its date.")
    progress: list[Progress] = Field(default_factory=list, description="Figures since the baseline.")


class MilestoneMeasure(Model):
    """A milestone measure: something done, or not yet done, by a date."""

    description: Text = Field(description="What is to be done, e.g. Board-level health inequalities lead in post.")
    description_cy: Text | None = welsh("description")
    source: str | None = Field(None, description="Where its completion is recorded.")
    source_cy: str | None = welsh("source")
    by: PartialDate = Field(description="The date it is to be done by (a day, a month or a year).")
    done: bool = Field(False, description="Whether it has been done.")
    done_on: PartialDate | None = Field(None, description="When it was done.")


def _measure_kind(value: Any) -> str:
    if isinstance(value, MilestoneMeasure) or (isinstance(value, dict) and "by" in value):
        return "milestone"
    return "numeric"


AnyMeasure = Annotated[
    Annotated[Measure, Tag("numeric")] | Annotated[MilestoneMeasure, Tag("milestone")],
    Discriminator(_measure_kind),
]
"""A numeric measure, or a milestone measure (one with `by:`)."""


class Objective(Record):
    """One equality objective of the equality objective plan."""

    title: Text = Field(description="The objective in one sentence.")
    title_cy: Text | None = welsh("title")
    description: str | None = Field(None, description="Why this objective, in a short paragraph.")
    description_cy: str | None = welsh("description")
    characteristics: list[CharacteristicSlug] = Field(min_length=1, description="Characteristics it addresses.")
    barrier: str | None = Field(
        None, description="The barriers and issues at play, e.g. as identified in EDS engagement."
    )
    barrier_cy: str | None = welsh("barrier")
    psed_aims: list[Aim] = Field(min_length=1, description="The general duty aims it advances.")
    eds_outcomes: list[str] = Field(default_factory=list, description="EDS outcome codes it supports.")
    lead: Text = Field(description="Responsible officer (a role, not a person's name).")
    lead_cy: Text | None = welsh("lead")
    start: PartialDate = Field(description="When the objective starts (a day, a month or a year).")
    end: PartialDate = Field(description="When it ends, at most four years after the start; a year given alone "
                                         "ends on its last day.")
    completed: PartialDate | None = Field(None, description="When the objective was achieved (with status complete).")
    status: Status = Field(description="not-started, in-progress, complete or ongoing.")
    measures: list[AnyMeasure] = Field(
        min_length=1, description="How progress is measured: numeric measures (unit, baseline, target) or "
                                  "milestones (by a date, done or not).")
    updates: list[Update] = Field(default_factory=list, description="Annual progress updates.")
