"""An action of the equality action plan (an action plan is the set of actions)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .common import Aim, IsoDate, Model, Record, Slug, Status, Text, Update


class Milestone(Model):
    """A step of an action planned for a period of the year."""

    due: IsoDate = Field(description="When the step is due.", examples=["2025-09-30"])
    activity: Text = Field(description="What will be done.", examples=["Recruit and train the first cohort"])
    done: bool = Field(False, description="Whether the step is done.")


class Action(Record):
    """One action: what will be done, by whom, by when, and how it is going."""

    renamed: ClassVar[dict[str, str]] = {"lead_officer": "lead"}

    title: Text = Field(description="The action in one sentence.")
    description: str | None = Field(None, description="Detail of the action.")
    work_stream: Text = Field(description="Work stream or task group, e.g. Equality impact assessments.")
    lead: Text = Field(description="Responsible officer (a role, not a person's name).")
    objectives: list[str] = Field(default_factory=list, description="Ids of the objectives it serves.")
    characteristics: list[Slug] = Field(default_factory=list, description="Characteristics addressed.")
    barrier: str | None = Field(None, description="The barrier or issue the action tackles.")
    psed_aims: list[Aim] = Field(default_factory=list, description="General duty aims it advances.")
    eds_outcomes: list[str] = Field(default_factory=list, description="EDS outcome codes it supports.")
    outcome: str | None = Field(None, description="The expected outcome or measure of success.")
    start: IsoDate | None = Field(None, description="When work starts.")
    due: IsoDate = Field(description="When the action is due to be complete.")
    completed: IsoDate | None = Field(None, description="When it was completed (required if complete).")
    status: Status = Field(description="not-started, in-progress, complete or ongoing.")
    milestones: list[Milestone] = Field(default_factory=list, description="Steps by period.")
    updates: list[Update] = Field(default_factory=list, description="Dated progress updates.")
