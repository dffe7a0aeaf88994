"""An action of the equality action plan (an action plan is the set of actions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Discriminator, Field, PlainValidator, Tag, WithJsonSchema

from .bilingual import welsh
from .common import Aim, CharacteristicSlug, Model, Record, Span, Text, Update
from .dates import AS_WRITTEN, HOW_TO_WRITE, PartialDate
from .objective import ActionMeasure, Kpi, MilestoneKpi
from .tags import TagRef

ActionStatus = Literal["not-started", "in-progress", "complete", "ongoing", "carried-forward"]
"""An action's status; `carried-forward` means another action or plan carries it on (see carried_by)."""
ONGOING = "ongoing"


class Milestone(Model):
    """A step of an action planned for a period of the year."""

    due: PartialDate = Field(description="When the step is due: a day, a month or a year.", examples=["2025-09-30"])
    activity: Text = Field(description="What will be done.", examples=["Recruit and train the first cohort"])
    activity_cy: Text | None = welsh("activity")
    done: bool = Field(False, description="Whether the step is done.")


class DuePeriod(Span):
    """A due date given as a period, e.g. April to May 2013: the action is due by its end."""

    start: PartialDate = Field(description="First day (or month, or year) of the period.")
    end: PartialDate = Field(description="Last day (or month, or year) of the period; the action is due by then.")


def _due_date(value: Any) -> Any:
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        if not str(exc).startswith(HOW_TO_WRITE):
            raise
        meant = str(exc).partition("; did you mean")[2]
        raise ValueError("write the due date as YYYY-MM-DD (or YYYY-MM or YYYY when the plan gives no day), as "
                         "`ongoing`, or as a period with start: and end:" + (f"; did you mean{meant}" if meant
                                                                            else "")) from None


def _due_kind(value: Any) -> str:
    if value == ONGOING:
        return "ongoing"
    return "period" if isinstance(value, dict) or isinstance(value, DuePeriod) else "date"


Due = Annotated[
    Annotated[Annotated[PartialDate, PlainValidator(_due_date, json_schema_input_type=PartialDate),
                        WithJsonSchema(AS_WRITTEN, mode="serialization")], Tag("date")]
    | Annotated[Literal["ongoing"], Tag("ongoing")]
    | Annotated[DuePeriod, Tag("period")],
    Discriminator(_due_kind),
]
"""A due date: a day, a month or a year (YYYY-MM-DD, YYYY-MM, YYYY), `ongoing` (no end date), or a period
with start: and end:."""


Leads = Annotated[
    Annotated[Text, Tag("one")] | Annotated[list[Text], Field(min_length=1), Tag("several")],
    Discriminator(lambda value: "several" if isinstance(value, list) else "one"),
]
"""One responsible officer, or a list of them, kept as written."""


class DueRevision(Model):
    """An earlier due date and why it was changed; kept so the history is never overwritten."""

    due: Due | None = Field(None, description="The due date as it was before the change, if recorded.",
                            examples=["2025-03-31"])
    revised: PartialDate | None = Field(None, description="When the due date was changed: a day, a month or a year.",
                                        examples=["2025-02-14"])
    reason: Text = Field(description="Why it was changed, e.g. training paused during the pandemic.",
                         examples=["Training paused during the pandemic"])
    reason_cy: Text | None = welsh("reason")


class Risk(Model):
    """A risk to delivering the action and how it is mitigated."""

    risk: str | None = Field(None, description="What could stop or delay the action (may be left out when only "
                                               "a mitigation is recorded).",
                             examples=["Recruiting managers do not attend the training"])
    risk_cy: str | None = welsh("risk")
    mitigation: str | None = Field(None, description="How the risk is reduced or managed.",
                                   examples=["Training is a condition of sitting on a panel"])
    mitigation_cy: str | None = welsh("mitigation")


class Action(Record):
    """One action: what will be done, by whom, by when, and how it is going."""

    renamed: ClassVar[dict[str, str]] = {"lead_officer": "lead"}

    title: Text = Field(description="The action in one sentence.")
    title_cy: Text | None = welsh("title")
    description: str | None = Field(None, description="Detail of the action.")
    description_cy: str | None = welsh("description")
    plan: str | None = Field(None, description="The id of the plan it belongs to (plans/), if the body keeps more "
                                               "than one plan.", examples=["wres-2025-26"])
    work_stream: Text = Field(description="Work stream or task group, e.g. Equality impact assessments; under a "
                                          "plan, one of its headings.")
    work_stream_cy: Text | None = welsh("work_stream")
    lead: Leads | None = Field(None, description="Responsible officer (a role, not a person's name), or a list of "
                                                 "them as published; left out where the plan names none.")
    lead_cy: Leads | None = welsh("lead")
    objectives: list[str] = Field(default_factory=list, description="Ids of the objectives it serves.")
    characteristics: list[CharacteristicSlug] = Field(default_factory=list,
                                                    description="Characteristics addressed.")
    barrier: str | None = Field(None, description="The barrier or issue the action tackles.")
    barrier_cy: str | None = welsh("barrier")
    psed_aims: list[Aim] = Field(default_factory=list, description="General duty aims it advances.")
    eds_outcomes: list[str] = Field(default_factory=list, description="EDS outcome codes it supports.")
    outcome: str | None = Field(None, description="The expected outcome or measure of success.")
    outcome_cy: str | None = welsh("outcome")
    start: PartialDate | None = Field(None, description="When work starts: a day, a month or a year.")
    due: Due | None = Field(None, description="When the action is due: YYYY-MM-DD (or YYYY-MM or YYYY, as the plan "
                                              "gives it), `ongoing`, or a period with start: and end:; left out "
                                              "where the plan gives no date.")
    due_history: list[DueRevision] = Field(
        default_factory=list, description="Earlier due dates, oldest first, each with the reason it changed.")
    completed: PartialDate | None = Field(None, description="When it was completed: a day, a month or a year "
                                                            "(required if complete).")
    status: ActionStatus | None = Field(
        None, description="not-started, in-progress, complete, ongoing or carried-forward; left out where the plan "
        "states none (reports then say Not stated).")
    carried_by: str | None = Field(
        None, description="With carried-forward: the action id or the plan that carries this action on.")
    risks: list[Risk] = Field(default_factory=list, description="Risks to delivery and their mitigations.")
    milestones: list[Milestone] = Field(default_factory=list, description="Steps by period.")
    updates: list[Update] = Field(default_factory=list, description="Dated progress updates.")
    measures: list[ActionMeasure] = Field(
        default_factory=list, description="KPIs: numeric measures (unit, baseline, targets) or milestones (by a "
                                          "date), each with an optional id and owner; or the id of a KPI another "
                                          "action defines, to share it.",
        examples=[[{"id": "appointment-likelihood", "description": "Relative likelihood of White applicants being "
                    "appointed from shortlisting compared to BME applicants", "unit": "ratio",
                    "baseline": {"value": 1.56, "date": "2025-03-31"}, "target": {"value": 1.25, "date": "2026-03-31"},
                    "owner": "Head of Resourcing"}]])
    tags: list[TagRef] = Field(default_factory=list, description="Tags by framework, e.g. hia:3, wres:2, wdes:4, "
                                                                 "or the body's own (declared in equitykit.yaml).")

    @property
    def kpis(self) -> tuple[Kpi | MilestoneKpi, ...]:
        """The KPIs the action defines (not those it shares from another action)."""
        return tuple(measure for measure in self.measures if not isinstance(measure, str))

    @property
    def leads(self) -> tuple[str, ...]:
        """The responsible officers, one or several."""
        if self.lead is None:
            return ()
        return (self.lead,) if isinstance(self.lead, str) else tuple(self.lead)

    @property
    def due_by(self) -> dt.date | None:
        """The day the action is due by: the last day its due date allows (a period's end); None when ongoing or
        when the plan gives no due date."""
        return due_by(self.due)


def due_by(due: PartialDate | str | DuePeriod | None) -> dt.date | None:
    """The last day a due date allows: a date's latest day, a period's end, or None for `ongoing` or none given."""
    return None if due is None or isinstance(due, str) else due.latest


def kpis_by_id(actions: Iterable[Action]) -> dict[str, tuple[Action, Kpi | MilestoneKpi]]:
    """Every KPI given an id, with the action that defines it (the first, in id order, if two define one)."""
    found: dict[str, tuple[Action, Kpi | MilestoneKpi]] = {}
    for action in sorted(actions, key=lambda a: a.id):
        for kpi in action.kpis:
            if kpi.id is not None:
                found.setdefault(kpi.id, (action, kpi))
    return found
