"""`report actions --format json`: the actions the report selects (by `--plan` and `--tag`), for other tools.

The selection is the Markdown report's own (`select_actions`). Each action is given as its record holds it
(dates at the precision written: 2025, 2025-10 or 2025-10-01), beside what is derived from it on the as-of
date: its status or "not-stated", whether it is overdue, and its tags in words. Each KPI of the selection is
given once, with the actions that carry it, as the report's "Progress on KPIs" table gives it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Literal

from ...records.action import Action, ActionStatus
from ...records.objective import Kpi, MilestoneKpi
from ...records.plan import Plan
from ...records.repository import RecordSet
from ..metrics_json import jsonable
from .actions import is_overdue, kpi_met, plan_kpis, select_actions, status_counts
from .context import Builder
from .tags import tag_text

NOT_STATED: Literal["not-stated"] = "not-stated"


@dataclass(frozen=True)
class TagName:
    """A tag as written (hia:3) and in words in the language asked for ("High impact action 3")."""

    tag: str
    name: str


@dataclass(frozen=True)
class SelectedAction:
    """One action selected: its record as written, and what is derived from it on the as-of date."""

    record: Action
    status: ActionStatus | Literal["not-stated"]
    overdue: bool
    due_by: dt.date | None
    tags: list[TagName]


@dataclass(frozen=True)
class SelectedKpi:
    """A KPI of the selection, given once: as written, the ids of the actions that define or share it (in the
    selection), and whether it is met (a numeric KPI's latest figure at its target) or done (a milestone)."""

    kpi: Kpi | MilestoneKpi
    actions: list[str]
    met: bool


@dataclass(frozen=True)
class SelectionSummary:
    """The counts of the report's summary: actions by status (those with none stated apart), overdue, KPIs."""

    actions: int
    by_status: dict[str, int]
    not_stated: int
    overdue: int
    kpis: int
    kpis_met: int


@dataclass(frozen=True)
class SelectionPeriod:
    """The period the actions are planned over: the plan's, or the financial year's."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class ActionsSelection:
    """The actions `report actions` selects, with the plan and tag that chose them."""

    as_of: dt.date
    plan: Plan | None
    tag: TagName | None
    period: SelectionPeriod
    summary: SelectionSummary
    actions: list[SelectedAction]
    kpis: list[SelectedKpi]


def actions_selection(records: RecordSet, as_of: dt.date, year: str | None = None, plan: str | None = None,
                      tag: str | None = None) -> ActionsSelection:
    """The selection of `report actions` (the same function chooses for every format), in the language being
    written (tags in words). Raises ReportUnavailable for an unknown plan, tag or year."""
    builder = Builder(records, as_of)
    selection = select_actions(builder, year, plan, tag)
    actions = selection.actions

    def tag_name(tag: str) -> TagName:
        return TagName(tag, tag_text(builder, tag))

    selected = [SelectedAction(action, action.status or NOT_STATED, is_overdue(action, as_of), action.due_by,
                               [tag_name(t) for t in action.tags]) for action in actions]
    kpis = [SelectedKpi(kpi, carriers, kpi_met(kpi)) for kpi, carriers in plan_kpis(builder, actions)]
    summary = SelectionSummary(
        actions=len(actions), by_status=status_counts(actions),
        not_stated=sum(1 for action in actions if action.status is None),
        overdue=sum(1 for item in selected if item.overdue), kpis=len(kpis), kpis_met=sum(1 for k in kpis if k.met))
    return ActionsSelection(as_of, selection.plan, tag_name(tag) if tag else None,
                            SelectionPeriod(selection.start, selection.end), summary, selected, kpis)


def actions_json(selection: ActionsSelection) -> str:
    """The selection as indented JSON (schemas/output/report-actions.schema.json)."""
    return json.dumps(jsonable(selection), indent=2, ensure_ascii=False)
