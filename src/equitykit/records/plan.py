"""An action plan as the body publishes it: its title, period, version or status words, framework, and its
headings (work streams) in their order, each with an optional lead and description; actions name their plan
and sit under one of its headings (their `work_stream`)."""

from __future__ import annotations

from pydantic import Field

from .action import Leads
from .bilingual import welsh
from .common import Model, Record, Slug, Text
from .dates import PartialDate


class PlanPeriod(Model):
    """The period a plan covers."""

    start: PartialDate = Field(description="When the plan starts: a day, a month (2025-04) or a year, as printed.",
                               examples=["2025-04-01"])
    end: PartialDate = Field(description="When the plan ends: a day, a month (2026-03) or a year, as printed.",
                             examples=["2026-03-31"])


class Heading(Model):
    """A heading (work stream, theme, priority) of a plan; it may have no actions yet."""

    title: Text = Field(description="The heading as the plan prints it; actions under it give it as their "
                                    "work_stream.", examples=["Inclusive recruitment"])
    title_cy: Text | None = welsh("title")
    lead: Leads | None = Field(None, description="Who leads the heading's work (a role, or a list of them), if the "
                                                 "plan says.", examples=["Director of People"])
    lead_cy: Leads | None = welsh("lead")
    description: str | None = Field(None, description="What the plan says under the heading before its actions.")
    description_cy: str | None = welsh("description")


class Plan(Record):
    """One action plan: a WRES or WDES action plan, an EDI improvement plan, a directorate's equality plan."""

    title: Text = Field(description="The plan's title as published.", examples=["WRES action plan 2025-26"])
    title_cy: Text | None = welsh("title")
    period: PlanPeriod | None = Field(None, description="The period the plan covers, if it says.")
    version: str | None = Field(None, description="Its version or status words as printed, e.g. Working document "
                                                  "or Version 3, approved by the board.",
                                examples=["Working document"])
    version_cy: str | None = welsh("version")
    framework: Slug | None = Field(
        None, description="The framework the plan answers to: wres, wdes, hia (NHS EDI Improvement Plan), psed, "
                          "eds, or one of the body's own tag frameworks.", examples=["wres"])
    description: str | None = Field(None, description="What the plan says of itself, in a short paragraph.")
    description_cy: str | None = welsh("description")
    headings: list[Heading] = Field(default_factory=list,
                                    description="Its headings (work streams) in the plan's order; a heading may "
                                                "have no actions yet.")
