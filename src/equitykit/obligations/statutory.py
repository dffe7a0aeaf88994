"""Evaluate the duty rules for one body on a date: due dates, status and evidence."""

from __future__ import annotations

import datetime as dt

from ..i18n import N_, _, ngettext
from ..records.dates import PartialDate, date_words
from ..records.organisation import Organisation
from ..records.publication import PUBLICATION_STATUS_WORDS, Publication
from .cycles import Cycle, Fixed, Rolling, latest_and_next
from .dates import add_years
from .evidence import covering, in_hand, names_cycle, publications_of
from .lifetime import Lifetime, lifetime
from .model import PUBLISHED_NOTES, Obligation, Status, status_on, timing, timing_between, timing_note
from .plans import record_text
from .rules import RULES, Rule


def statutory_obligations(organisation: Organisation, publications: list[Publication],
                          as_of: dt.date, window: int) -> list[Obligation]:
    """Every rule the body sees, evaluated on `as_of` against its publications, within its lifetime."""
    found: list[Obligation] = []
    life = lifetime(organisation, publications, as_of)
    for rule in RULES:
        if not rule.seen_by(organisation):
            continue
        history = publications_of(publications, rule.publication_duties, as_of)
        pending = in_hand(publications, rule.publication_duties)
        excluded = rule.excluded(organisation, history + pending) if rule.excluded else None
        if isinstance(rule.schedule, Rolling):
            found.append(_rolling(rule, rule.schedule, organisation, history, pending, excluded, life, as_of,
                                  window))
        else:
            found.extend(_fixed(rule, rule.schedule, organisation, history, pending, excluded, life, as_of,
                                window))
    return found


def _rolling(rule: Rule, schedule: Rolling, organisation: Organisation, history: list[Publication],
             pending: list[Publication], excluded: str | None, life: Lifetime, as_of: dt.date,
             window: int) -> Obligation:
    last = max((p for p in history if p.is_dated or p.is_out_by), key=_clock_restart, default=None)
    regulations_first, first_basis = schedule.first(as_of)
    dates: tuple[tuple[str, PartialDate | dt.date], ...]
    if last is None:
        due = life.first_due(regulations_first, schedule.years)
        dates = ((N_("first due date"), due),)
        if due == regulations_first:
            clock = _("no publication on record; the first was due by {due} ({basis})").format(
                due=due, basis=_(first_basis))
        else:
            clock = ngettext("no publication on record; the first is due by {due}, {years} year after {start}",
                             "no publication on record; the first is due by {due}, {years} years after {start}",
                             schedule.years).format(due=due, years=schedule.years, start=life.start_reason)
    elif last.published is None and last.published_by is not None:
        by = last.published_by
        last_day = _clock_restart(last)[0]  # the latest day `by` allows: out by July is out by 31 July
        due = add_years(last_day, schedule.years)
        dates = ((N_("last published by"), by), (N_("due at the latest"), due))
        clock = ngettext("last published by {date} ({id}), its own date not recorded; due again within {years} year "
                         "of it: by {due} at the latest, earlier if it came out before {last_day}",
                         "last published by {date} ({id}), its own date not recorded; due again within {years} "
                         "years of it: by {due} at the latest, earlier if it came out before {last_day}",
                         schedule.years).format(date=by, id=last.id, years=schedule.years, due=due, last_day=last_day)
    else:
        due = add_years(_clock_restart(last)[0], schedule.years)  # a month or a year: from its first day
        dates = ((N_("last published"), last.published_on), (N_("due"), due))
        clock = ngettext("last published {date} ({id}); due again within {years} year",
                         "last published {date} ({id}); due again within {years} years",
                         schedule.years).format(date=last.published_on, id=last.id, years=schedule.years)
    excluded = excluded or life.ended_before(due)
    condition = rule.condition(organisation, as_of) if rule.condition else None
    status: Status = "not-applicable" if excluded else status_on(due, as_of, window, met=None)
    planned = None if excluded else (pending[0] if pending else None)
    note = _join(excluded, clock, condition.reason if condition else None, _in_hand_note(planned),
                 _undated_note([p for p in history if p.known_date is None]))
    basis = _(rule.basis if first_basis == schedule.first_basis else first_basis)
    return _obligation(rule, rule.id, _(rule.title), due, status, None, note, dates, basis,
                       planned.id if planned else None, condition.hint if condition else None)


def _clock_restart(publication: Publication) -> tuple[dt.date, dt.date, str]:
    """The day a rolling duty's clock runs from after a publication: its published date's first day (a month or
    a year: the earliest it allows); for one known only to be out by a date, that date's last day, the latest the
    clock can run from (its note says so). Then its last day and its id, to order two from one day."""
    if publication.published is not None:
        return publication.published.earliest, publication.published.latest, publication.id
    last = publication.out_between[1]
    if last is None:
        raise ValueError(f"{publication.id} has no date")
    return last, last, publication.id


def _fixed(rule: Rule, schedule: Fixed, organisation: Organisation, history: list[Publication],
           pending: list[Publication], excluded: str | None, life: Lifetime, as_of: dt.date,
           window: int) -> list[Obligation]:
    if as_of < schedule.cycle(organisation, schedule.first_year).opens:
        return []  # the duty's first cycle had not begun (the gender pay gap on a 2013 date)
    cycles = schedule.cycles(organisation, as_of, life.covers)
    covered = covering(cycles, history)
    if excluded:
        return [_cycle_obligation(rule, organisation, cycle, "not-applicable", None, excluded)
                for cycle in latest_and_next(cycles, as_of, _due)[-1:]]
    found = []
    shown = latest_and_next(cycles, as_of, _due)
    for cycle in shown:
        condition = rule.condition(organisation, cycle.snapshot or cycle.due) if rule.condition else None
        publication = covered.get(cycle.key)
        status: Status
        if publication is None and condition is not None and condition.applies is None:
            status = "unknown"
        elif condition is not None and condition.applies is False:
            status = "not-applicable"
        else:
            status = status_on(cycle.due, as_of, window,
                               met=None if publication is None else timing_between(*publication.out_between,
                                                                                    cycle.due))
        planned = None if publication is not None or status == "not-applicable" else _planned_for(cycle, pending)
        start = _calendar_start(life, cycle) if cycle is shown[0] else None
        note = _join(condition.reason if condition else None, _lateness(publication, cycle), _in_hand_note(planned),
                     start)
        found.append(_cycle_obligation(rule, organisation, cycle, status, publication, note, planned,
                                       condition.hint if condition else None))
    return found


def _calendar_start(life: Lifetime, cycle: Cycle) -> str | None:
    """When the calendar starts at the first publication on record, say so on the earliest cycle shown
    (earlier cycles are left out, and `established` would bring them back)."""
    if not life.from_records:
        return None
    return _("earlier cycles are not shown: the calendar starts at {start}").format(start=life.start_reason)


def _planned_for(cycle: Cycle, pending: list[Publication]) -> Publication | None:
    """The planned or draft publication naming this cycle, else one that names no cycle."""
    named = [p for p in pending if names_cycle(cycle, p)]
    loose = [p for p in pending if p.period is None and not p.records]
    return next(iter(named or loose), None)


def _undated_note(undated: list[Publication]) -> str | None:
    """Publications of a rolling duty out with no date: they cannot restart the clock."""
    if not undated:
        return None
    return _("{ids} published, date not recorded: add its published: date to restart the clock").format(
        ids=", ".join(p.id for p in undated))


def _in_hand_note(planned: Publication | None) -> str | None:
    if planned is None:
        return None
    title, status = record_text(planned, "title").rstrip("."), _(PUBLICATION_STATUS_WORDS[planned.status])
    if planned.planned:
        return _("in hand: {title} ({status}, expected {date}); it meets the duty once published").format(
            title=title, status=status, date=date_words(planned.planned))
    return _("in hand: {title} ({status}); it meets the duty once published").format(title=title, status=status)


def _due(cycle: Cycle) -> dt.date:
    return cycle.due


def _lateness(publication: Publication | None, cycle: Cycle) -> str | None:
    if publication is None:
        return None
    found = timing_between(*publication.out_between, cycle.due)
    if publication.published is None and publication.published_by is None:
        return _("published, date not recorded")
    if publication.published is None:
        if found == "met":
            return _("published by {date}").format(date=publication.published_by)
        return _("published by {date}; whether by the due date, {due}, is not known").format(
            date=publication.published_by, due=cycle.due)
    if found != timing(publication.published, cycle.due):  # out by a date earlier than its own date allows
        return _("published {date}, out by {by}").format(date=publication.published, by=publication.published_by)
    return timing_note(PUBLISHED_NOTES, publication.published, cycle.due)


def _cycle_obligation(rule: Rule, organisation: Organisation, cycle: Cycle, status: Status,
                      publication: Publication | None, note: str | None, planned: Publication | None = None,
                      hint: str | None = None) -> Obligation:
    return _obligation(rule, f"{rule.id}-{cycle.key}", f"{_(rule.title)}, {cycle.label}", cycle.due, status,
                       publication.id if publication else None, note, cycle.dates, rule.basis_for(organisation),
                       planned.id if planned else None, hint,
                       record_text(publication, "title").rstrip(".") if publication else None)


def _obligation(rule: Rule, obligation_id: str, title: str, due: dt.date, status: Status,
                evidence: str | None, note: str | None, dates: tuple[tuple[str, PartialDate | dt.date], ...],
                basis: str, planned: str | None, hint: str | None = None, met_by: str | None = None) -> Obligation:
    return Obligation(id=obligation_id, duty=rule.duty, title=title, due=due, status=status,
                      basis=basis, description=_(rule.description), evidence=evidence,
                      note=note, dates=dates, in_hand=planned, hint=hint, met_by=met_by)


def _join(*parts: str | None) -> str | None:
    text = "; ".join(part for part in parts if part)
    return text or None
