"""Evaluate the duty rules for one body on a date: due dates, status and evidence."""

from __future__ import annotations

import datetime as dt

from ..records.organisation import Organisation
from ..records.publication import Publication
from .cycles import Cycle, Fixed, Rolling, latest_and_next
from .evidence import covering, publications_of
from .model import Obligation, Status, status_on
from .rules import RULES, Rule


def statutory_obligations(organisation: Organisation, publications: list[Publication],
                          as_of: dt.date, window: int) -> list[Obligation]:
    """Every rule of the body's jurisdiction, evaluated on `as_of` against its publications."""
    found: list[Obligation] = []
    for rule in RULES:
        if organisation.jurisdiction not in rule.jurisdictions:
            continue
        history = publications_of(publications, rule.duty, as_of)
        if isinstance(rule.schedule, Rolling):
            found.append(_rolling(rule, rule.schedule, organisation, history, as_of, window))
        else:
            found.extend(_fixed(rule, rule.schedule, organisation, history, as_of, window))
    return found


def _rolling(rule: Rule, schedule: Rolling, organisation: Organisation, history: list[Publication],
             as_of: dt.date, window: int) -> Obligation:
    last = history[-1] if history else None
    due = schedule.due_after(last.published if last else None)
    dates: tuple[tuple[str, dt.date], ...]
    if last is None:
        dates = (("first due date", due),)
        clock = f"no publication on record; the first was due by {due} ({schedule.first_basis})"
    else:
        dates = (("last published", last.published), ("due", due))
        clock = f"last published {last.published} ({last.id}); due again within {schedule.years} " \
                f"year{'s' * (schedule.years != 1)}"
    excluded = rule.excluded(organisation) if rule.excluded else None
    condition = rule.condition(organisation, as_of) if rule.condition else None
    status: Status = "not-applicable" if excluded else status_on(due, as_of, window, met=False)
    note = _join(excluded, clock, condition.reason if condition else None)
    return _obligation(rule, rule.id, rule.title, due, status, None, note, dates)


def _fixed(rule: Rule, schedule: Fixed, organisation: Organisation, history: list[Publication],
           as_of: dt.date, window: int) -> list[Obligation]:
    cycles = schedule.cycles(organisation, as_of)
    covered = covering(cycles, history)
    excluded = rule.excluded(organisation) if rule.excluded else None
    if excluded:
        return [_cycle_obligation(rule, cycle, "not-applicable", None, excluded)
                for cycle in latest_and_next(cycles, as_of, _due)[-1:]]
    found = []
    for cycle in latest_and_next(cycles, as_of, _due):
        condition = rule.condition(organisation, cycle.snapshot or cycle.due) if rule.condition else None
        publication = covered.get(cycle.key)
        if condition is not None and not condition.applies:
            status: Status = "not-applicable"
        else:
            status = status_on(cycle.due, as_of, window, met=publication is not None)
        note = _join(condition.reason if condition else None, _lateness(publication, cycle))
        found.append(_cycle_obligation(rule, cycle, status, publication, note))
    return found


def _due(cycle: Cycle) -> dt.date:
    return cycle.due


def _lateness(publication: Publication | None, cycle: Cycle) -> str | None:
    if publication is None:
        return None
    late = (publication.published - cycle.due).days
    when = f"published {publication.published}"
    return f"{when}, {late} day{'s' * (late != 1)} late" if late > 0 else when


def _cycle_obligation(rule: Rule, cycle: Cycle, status: Status, publication: Publication | None,
                      note: str | None) -> Obligation:
    return _obligation(rule, f"{rule.id}-{cycle.key}", f"{rule.title}, {cycle.label}", cycle.due, status,
                       publication.id if publication else None, note, cycle.dates)


def _obligation(rule: Rule, obligation_id: str, title: str, due: dt.date, status: Status,
                evidence: str | None, note: str | None,
                dates: tuple[tuple[str, dt.date], ...]) -> Obligation:
    return Obligation(id=obligation_id, duty=rule.duty, title=title, due=due, status=status,
                      basis=rule.basis, description=rule.description, evidence=evidence,
                      note=note, dates=dates)


def _join(*parts: str | None) -> str | None:
    text = "; ".join(part for part in parts if part)
    return text or None
