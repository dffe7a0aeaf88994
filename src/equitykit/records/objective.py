"""An equality objective: specific and measurable, set at least every four years."""

from __future__ import annotations

from pydantic import Field

from .common import Aim, IsoDate, Model, Record, Slug, Status, Text, Update


class MeasureValue(Model):
    """A value of a measure at a date."""

    value: float = Field(description="The figure, as a number (percentages without the % sign).", examples=[10.0])
    date: IsoDate = Field(description="The date the figure applies to.", examples=["2025-03-31"])


class Progress(MeasureValue):
    """A figure recorded on the way to the target."""

    note: str | None = Field(None, description="What the figure means or where it came from.",
                             examples=["WRES 2025, indicator 1"])


class Measure(Model):
    """How progress towards an objective is measured."""

    description: Text = Field(description="What is measured, e.g. BME staff in bands 8a and above.")
    unit: Text = Field(description="Unit of the figures, e.g. percent, count, score.")
    source: str | None = Field(None, description="Where the figures come from, e.g. WRES indicator 1.")
    baseline: MeasureValue | None = Field(None, description="The starting figure.")
    target: MeasureValue | None = Field(None, description="The figure to reach and by when.")
    progress: list[Progress] = Field(default_factory=list, description="Figures since the baseline.")


class Objective(Record):
    """One equality objective of the equality objective plan."""

    title: Text = Field(description="The objective in one sentence.")
    description: str | None = Field(None, description="Why this objective, in a short paragraph.")
    characteristics: list[Slug] = Field(min_length=1, description="Characteristics it addresses.")
    barrier: str | None = Field(
        None, description="The barriers and issues at play, e.g. as identified in EDS engagement."
    )
    psed_aims: list[Aim] = Field(min_length=1, description="The general duty aims it advances.")
    eds_outcomes: list[str] = Field(default_factory=list, description="EDS outcome codes it supports.")
    lead: Text = Field(description="Responsible officer (a role, not a person's name).")
    start: IsoDate = Field(description="When the objective starts.")
    end: IsoDate = Field(description="When it ends; at most four years after the start.")
    completed: IsoDate | None = Field(None, description="When the objective was achieved (with status complete).")
    status: Status = Field(description="not-started, in-progress, complete or ongoing.")
    measures: list[Measure] = Field(min_length=1, description="How progress is measured.")
    updates: list[Update] = Field(default_factory=list, description="Annual progress updates.")
