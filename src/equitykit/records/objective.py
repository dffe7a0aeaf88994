"""An equality objective: specific and measurable, set at least every four years."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from .bilingual import welsh
from .common import Aim, CharacteristicSlug, IsoDate, Model, Record, Slug, Status, Text, Update
from .dates import PartialDate
from .tags import TagRef

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


class KpiFields(Model):
    """What a measure of an action (a KPI) adds to an objective's measure: an id to share it by, an owner."""

    id: Slug | None = Field(None, description="A name for the KPI, so that other actions can share it by writing "
                                              "this name in their measures.", examples=["bme-shortlisting"])
    owner: str | None = Field(None, description="Who owns the KPI, as the plan gives it (a role or initials).",
                              examples=["Head of Resourcing"])
    owner_cy: str | None = welsh("owner")


class Kpi(KpiFields, Measure):
    """A numeric KPI of an action: figures from a baseline towards a target."""


class MilestoneKpi(KpiFields, MilestoneMeasure):
    """A milestone KPI of an action: something done, or not yet done, by a date."""


def _kpi_kind(value: Any) -> str:
    return "shared" if isinstance(value, str) else _measure_kind(value)


ActionMeasure = Annotated[
    Annotated[Kpi, Tag("numeric")] | Annotated[MilestoneKpi, Tag("milestone")] | Annotated[Slug, Tag("shared")],
    Discriminator(_kpi_kind),
]
"""A KPI of an action: a numeric measure, a milestone (one with `by:`), or the id of a KPI another action
defines (shared, and shown once)."""


class Objective(Record):
    """One equality objective of the equality objective plan."""

    title: Text = Field(description="The objective in one sentence.")
    title_cy: Text | None = welsh("title")
    description: str | None = Field(None, description="Why this objective, in a short paragraph.")
    description_cy: str | None = welsh("description")
    characteristics: list[CharacteristicSlug] = Field(
        default_factory=list, description="Characteristics it addresses (left out where the source names none; "
        "validate then warns).")
    barrier: str | None = Field(
        None, description="The barriers and issues at play, e.g. as identified in EDS engagement."
    )
    barrier_cy: str | None = welsh("barrier")
    psed_aims: list[Aim] = Field(default_factory=list, description="The general duty aims it advances (left out "
                                 "where the source names none; validate then warns).")
    eds_outcomes: list[str] = Field(default_factory=list, description="EDS outcome codes it supports.")
    lead: Text | None = Field(None, description="Responsible officer (a role, not a person's name); left out where "
                                    "the source names none (validate then warns).")
    lead_cy: Text | None = welsh("lead")
    start: PartialDate | None = Field(None, description="When the objective starts (a day, a month or a year); left "
                                      "out where the source gives none (validate then warns).")
    end: PartialDate = Field(description="When it ends, at most four years after the start; a year given alone "
                                         "ends on its last day.")
    completed: PartialDate | None = Field(None, description="When the objective was achieved (with status complete).")
    status: Status | None = Field(None, description="not-started, in-progress, complete or ongoing; left out where "
                                        "the plan states none (reports then say Not stated).")
    measures: list[AnyMeasure] = Field(
        default_factory=list, description="How progress is measured: numeric measures (unit, baseline, target) or "
        "milestones (by a date, done or not); left out where the source publishes none (validate then warns).")
    updates: list[Update] = Field(default_factory=list, description="Annual progress updates.")
    tags: list[TagRef] = Field(default_factory=list, description="Tags by framework, e.g. hia:3, wres:2, wdes:4, "
                                                                 "or the body's own (declared in equitykit.yaml).")
