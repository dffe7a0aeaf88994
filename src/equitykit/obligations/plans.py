"""Obligations the body set itself: action due dates, objective end dates and annual updates, EIA reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypedDict

from pydantic import BaseModel

from ..i18n import N_, SOURCE_LANGUAGE, _, current_language, language
from ..records.action import Action
from ..records.bilingual import WELSH_SUFFIX
from ..records.common import status_text
from ..records.dates import PartialDate
from ..records.eia import Eia
from ..records.loader import Loc
from ..records.objective import Objective
from ..records.repository import LoadedRecord, RecordSet, slim
from ..records.terms import PlanTerms, plan_terms
from .dates import add_years
from .model import COMPLETED_NOTES, Obligation, Source, Status, status_on, timing, timing_note

ACTION_BASIS = N_("The body's equality action plan: the action's due date")
OBJECTIVE_WORDS: dict[bool, tuple[str, str, str, str]] = {
    False: (N_("The body's equality objectives: the objective's end date"),
            N_("The body's equality objectives: a dated progress update at least a year after the last"),
            N_("Achieve the objective by its end date (lead: {lead})."),
            N_("Record a dated progress update on the objective at least once a year.")),
    True: (N_("The body's equality outcomes: the outcome's end date"),
           N_("The body's equality outcomes: a dated progress update at least a year after the last"),
           N_("Achieve the outcome by its end date (lead: {lead})."),
           N_("Record a dated progress update on the outcome at least once a year.")),
}
"""The basis and rule of an objective's end date and of its annual update, as (end basis, update basis, end rule,
update rule): in objective words, or in outcome words for a body in Scotland (`PlanTerms.outcomes`)."""
REVIEW_BASIS = N_("The equality impact assessment's own review date")


def record_text(part: BaseModel, field: str) -> str:
    """A record's text in the language being written: its Welsh version in Welsh, or the English marked as
    not yet translated (never silently English in a Welsh calendar); a list of texts (several leads) joined."""
    english = getattr(part, field)
    if not english:
        return ""
    welsh = getattr(part, field + WELSH_SUFFIX, None)
    if current_language() == SOURCE_LANGUAGE:
        return _joined(english)
    if welsh:
        return _joined(welsh)
    return _("{text} [English only: no Welsh text yet]").format(text=_joined(english))


class Titles(TypedDict):
    title: str
    english_title: str | None


def titled(part: BaseModel, heading: Callable[[str], str] = str) -> Titles:
    """An obligation's `title` from a record's title (`heading` words it, e.g. "Review: {title}"), and its
    `english_title`: the whole title in English where the record has no title in the language being written."""
    title = heading(record_text(part, "title"))
    if current_language() == SOURCE_LANGUAGE or getattr(part, "title" + WELSH_SUFFIX, None):
        return {"title": title, "english_title": None}
    with language(SOURCE_LANGUAGE):
        return {"title": title, "english_title": heading(record_text(part, "title"))}


def _joined(text: str | list[str]) -> str:
    return "; ".join(text) if isinstance(text, list) else text


PLAN_KINDS = ("action", "objective", "eia")
"""The kinds of record that set obligations of their own, in the order their obligations are listed."""


def plan_obligations(records: RecordSet, as_of: dt.date, window: int) -> list[Obligation]:
    """The record-level obligations of every valid action, objective and EIA, with file and line."""
    terms = _terms(records)
    return [obligation for kind in PLAN_KINDS for record in records.loaded(kind)
            for obligation in record_obligations(record, terms, as_of, window)]


def _terms(records: RecordSet) -> PlanTerms:
    """The words of the body whose records these are (objectives, or Scotland's outcomes)."""
    return plan_terms(records.organisation.jurisdiction if records.organisation else None)


def record_obligations(record: LoadedRecord, terms: PlanTerms, as_of: dt.date, window: int) -> list[Obligation]:
    """The obligations one record sets itself, if it is a valid action, objective or EIA (none otherwise)."""
    model, kind = record.model, record.kind.name
    if model is None:
        return []
    if kind == "action":
        # An ongoing action has no deadline; one carried forward is due under what carries it on.
        if model.due_by is not None and model.status != "carried-forward":
            return [_action(record, model, model.due_by, as_of, window)]
    elif kind == "objective":
        return [_objective_end(record, model, terms, as_of, window),
                *_objective_updates(record, model, terms, as_of, window)]
    elif kind == "eia" and model.review is not None:
        return [_eia_review(record, model, model.review, as_of, window)]
    return []


class PlanObligations:
    """The record-level obligations taken from each record as it is read (`load_records`' `each`), so that a
    folder of any size is never held whole: each record names the lines it needs while its file is read, and
    then keeps only what the calendar reads once every record is loaded (the publications and pay gap records).
    """

    READ_LATER = ("publication", "paygap")

    def __init__(self, as_of: dt.date, window: int):
        self.as_of, self.window = as_of, window
        self._by_kind: dict[str, list[Obligation]] = {kind: [] for kind in PLAN_KINDS}

    def __call__(self, record: LoadedRecord, records: RecordSet) -> None:
        if record.kind.name in self._by_kind:
            terms = _terms(records)
            self._by_kind[record.kind.name].extend(record_obligations(record, terms, self.as_of, self.window))
        if record.kind.folder is not None:  # the organisation stays whole
            slim(record, None if record.kind.name in self.READ_LATER else ())

    @property
    def found(self) -> list[Obligation]:
        """Every obligation taken, in the order of `plan_obligations`."""
        return [obligation for kind in PLAN_KINDS for obligation in self._by_kind[kind]]


def _source(record: LoadedRecord, loc: Loc) -> Source:
    line = record.document.span(loc).key_line if record.document is not None else 1
    return Source(record.file, line)


def _action(record: LoadedRecord, action: Action, due: dt.date, as_of: dt.date, window: int) -> Obligation:
    done = action.status == "complete" and (action.completed is None or action.completed.earliest <= as_of)
    if not done and action.completed is not None and action.status == "complete":
        note = _("completed {date}, after {today}").format(date=action.completed, today=as_of)
    elif not done:
        note = _("status: {status}").format(status=status_text(action.status).lower())
    elif action.completed is None:
        note = _("marked complete without a completed date")
    else:
        note = timing_note(COMPLETED_NOTES, action.completed, due)
    return Obligation(id=f"action-{action.id}", duty="action", **titled(action), due=due,
                      status=_stated(action.status, status_on(due, as_of, window,
                                                              met=timing(action.completed, due) if done else None)),
                      basis=_(ACTION_BASIS),
                      description=_("Complete the action by its due date (lead: {lead}).").format(
                          lead=record_text(action, "lead")) if action.lead is not None
                      else _("Complete the action by its due date."),
                      source=_source(record, ("due",)), note=note,
                      dates=((N_("due"), due),) + (((N_("completed"), action.completed),)
                                                   if action.completed else ()))


def _stated(record_status: str | None, status: Status) -> Status:
    """A record's obligation status; `unknown` (never overdue) when the record states no status."""
    return "unknown" if record_status is None else status


def _objective_end(record: LoadedRecord, objective: Objective, terms: PlanTerms, as_of: dt.date,
                   window: int) -> Obligation:
    done = objective.status == "complete" and (objective.completed is None or objective.completed.earliest <= as_of)
    note = (_("completed {date}").format(date=objective.completed) if done and objective.completed
            else _("status: {status}").format(status=status_text(objective.status).lower()))
    end = objective.end.latest
    return Obligation(id=f"objective-{objective.id}", duty="objective", **titled(objective),
                      due=end,
                      status=_stated(objective.status, status_on(
                          end, as_of, window, met=timing(objective.completed, end) if done else None)),
                      basis=_(OBJECTIVE_WORDS[terms.outcomes][0]),
                      description=_(OBJECTIVE_WORDS[terms.outcomes][2]).format(
                          lead=record_text(objective, "lead") or _("not stated")),
                      source=_source(record, ("end",)), note=note,
                      dates=tuple((name, day) for name, day in ((N_("start"), objective.start),
                                                                (N_("end"), objective.end)) if day is not None))


def _objective_updates(record: LoadedRecord, objective: Objective, terms: PlanTerms, as_of: dt.date,
                       window: int) -> list[Obligation]:
    """The next annual progress update: a year after the last one (or after the start), rolling.

    Like the equality information duty, the clock restarts at each update, so an update
    published a little late still counts and the next is due a year after it. An objective published with no
    start and not yet updated has no clock to count from: none is due until its first dated update (no start is
    invented; the four-year duty to publish objectives runs from the publications, not from the records).
    """
    if objective.status == "complete":
        return []
    earlier = [update.date for update in objective.updates if update.date.earliest <= as_of]
    last = max(earlier, key=lambda day: day.order, default=None)
    since = last or objective.start
    if since is None:
        return []
    due = add_years(since.earliest, 1)  # a month or a year: the clock runs from its first day
    if due >= objective.end.latest:
        return []
    note = _("last updated {date}").format(date=last) if last else _("no update yet")
    dates = ((N_("last update"), last),) if last else ((N_("start"), since),)
    return [Obligation(id=f"objective-{objective.id}-update", duty="objective-update",
                       **titled(objective, lambda title: _("Annual progress update: {title}").format(title=title)),
                       due=due, status=status_on(due, as_of, window, met=None),
                       basis=_(OBJECTIVE_WORDS[terms.outcomes][1]), description=_(OBJECTIVE_WORDS[terms.outcomes][3]),
                       source=_source(record, ("updates",) if objective.updates else ("start",)),
                       note=note, dates=(*dates, (N_("due"), due)))]


def _eia_review(record: LoadedRecord, eia: Eia, review: PartialDate, as_of: dt.date,
                window: int) -> Obligation:
    done = eia.reviewed is not None and eia.reviewed.earliest <= as_of
    return Obligation(id=f"eia-{eia.id}-review", duty="eia-review",
                      **titled(eia, lambda title: _("Review: {title}").format(title=title)),
                      due=review.latest,
                      status=status_on(review.latest, as_of, window,
                                       met=timing(eia.reviewed, review.latest) if done else None),
                      basis=_(REVIEW_BASIS),
                      description=_("Review the assessment (owner: {owner}).").format(owner=record_text(eia, "owner")),
                      source=_source(record, ("review",)),
                      note=_("reviewed {date}").format(date=eia.reviewed) if done else None,
                      dates=((N_("review"), review),) + (((N_("reviewed"), eia.reviewed),) if eia.reviewed else ()))
