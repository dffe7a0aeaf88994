"""Obligations the body set itself: action due dates, objective end dates and annual updates, EIA reviews."""

from __future__ import annotations

import datetime as dt

from ..records.action import Action
from ..records.eia import Eia
from ..records.loader import Loc
from ..records.objective import Objective
from ..records.repository import LoadedRecord, RecordSet
from .dates import add_years
from .model import Obligation, Source, status_on

ACTION_BASIS = "The body's equality action plan: the action's due date"
OBJECTIVE_BASIS = "The body's equality objectives: the objective's end date"
UPDATE_BASIS = "The body's equality objectives: a dated progress update at least a year after the last"
REVIEW_BASIS = "The equality impact assessment's own review date"


def plan_obligations(records: RecordSet, as_of: dt.date, window: int) -> list[Obligation]:
    """The record-level obligations of every valid action, objective and EIA, with file and line."""
    found: list[Obligation] = []
    for record in records.loaded("action"):
        if record.model is not None:
            found.append(_action(record, record.model, as_of, window))
    for record in records.loaded("objective"):
        if record.model is not None:
            found.append(_objective_end(record, record.model, as_of, window))
            found.extend(_objective_updates(record, record.model, as_of, window))
    for record in records.loaded("eia"):
        if record.model is not None and record.model.review is not None:
            found.append(_eia_review(record, record.model, record.model.review, as_of, window))
    return found


def _source(record: LoadedRecord, loc: Loc) -> Source:
    line = record.document.span(loc).key_line if record.document is not None else 1
    return Source(record.file, line)


def _action(record: LoadedRecord, action: Action, as_of: dt.date, window: int) -> Obligation:
    done = action.status == "complete" and (action.completed is None or action.completed <= as_of)
    if not done and action.completed is not None and action.status == "complete":
        note = f"completed {action.completed}, after {as_of}"
    elif not done:
        note = f"status {action.status}"
    elif action.completed is None:
        note = "marked complete without a completed date"
    else:
        late = (action.completed - action.due).days
        note = f"completed {action.completed}" + (f", {late} day{'s' * (late != 1)} late" if late > 0 else "")
    return Obligation(id=f"action-{action.id}", duty="action", title=action.title, due=action.due,
                      status=status_on(action.due, as_of, window, met=done), basis=ACTION_BASIS,
                      description=f"Complete the action by its due date (lead: {action.lead}).",
                      source=_source(record, ("due",)), note=note,
                      dates=(("due", action.due),) + ((("completed", action.completed),)
                                                      if action.completed else ()))


def _objective_end(record: LoadedRecord, objective: Objective, as_of: dt.date,
                   window: int) -> Obligation:
    done = objective.status == "complete" and (objective.completed is None or objective.completed <= as_of)
    note = f"completed {objective.completed}" if done and objective.completed else f"status {objective.status}"
    return Obligation(id=f"objective-{objective.id}", duty="objective", title=objective.title,
                      due=objective.end, status=status_on(objective.end, as_of, window, met=done),
                      basis=OBJECTIVE_BASIS,
                      description=f"Achieve the objective by its end date (lead: {objective.lead}).",
                      source=_source(record, ("end",)), note=note,
                      dates=(("start", objective.start), ("end", objective.end)))


def _objective_updates(record: LoadedRecord, objective: Objective, as_of: dt.date,
                       window: int) -> list[Obligation]:
    """The next annual progress update: a year after the last one (or after the start), rolling.

    Like the equality information duty, the clock restarts at each update, so an update
    published a little late still counts and the next is due a year after it.
    """
    if objective.status == "complete":
        return []
    earlier = [update.date for update in objective.updates if update.date <= as_of]
    last = max(earlier, default=None)
    due = add_years(last or objective.start, 1)
    if due >= objective.end:
        return []
    note = f"last updated {last}" if last else "no update yet"
    dates = (("last update", last),) if last else (("start", objective.start),)
    return [Obligation(id=f"objective-{objective.id}-update", duty="objective-update",
                       title=f"Annual progress update: {objective.title}", due=due,
                       status=status_on(due, as_of, window, met=False), basis=UPDATE_BASIS,
                       description="Record a dated progress update on the objective at least once a year.",
                       source=_source(record, ("updates",) if objective.updates else ("start",)),
                       note=note, dates=(*dates, ("due", due)))]


def _eia_review(record: LoadedRecord, eia: Eia, review: dt.date, as_of: dt.date,
                window: int) -> Obligation:
    done = eia.reviewed is not None and eia.reviewed <= as_of
    return Obligation(id=f"eia-{eia.id}-review", duty="eia-review", title=f"Review: {eia.title}",
                      due=review, status=status_on(review, as_of, window, met=done),
                      basis=REVIEW_BASIS, description=f"Review the assessment (owner: {eia.owner}).",
                      source=_source(record, ("review",)), note=f"reviewed {eia.reviewed}" if done else None,
                      dates=(("review", review),) + ((("reviewed", eia.reviewed),) if eia.reviewed else ()))
