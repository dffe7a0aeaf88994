"""Fixed reporting cycles (one per year or per second or fourth year) and the rolling clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from ..i18n import N_
from ..records.organisation import Organisation

T = TypeVar("T")


@dataclass(frozen=True)
class Cycle:
    """One occurrence of a fixed-date duty.

    `key` ends the obligation's id (gpg-2024). A publication covers the cycle when its `period`
    is one of `periods`, when it links one of `links`, or, with no period, when it was published
    between `opens` and `due` (or late, after `due` and before the next cycle opens).
    """

    key: str
    label: str
    due: dt.date
    opens: dt.date
    periods: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()
    snapshot: dt.date | None = None
    dates: tuple[tuple[str, dt.date], ...] = ()


CycleOf = Callable[[Organisation, int], Cycle]
"""Builds the cycle of a year (the year the rule counts in, e.g. a snapshot year)."""


@dataclass(frozen=True)
class Fixed:
    """Cycles of `duty` every `step` years from `first_year`; `cycle` builds each one.

    A due date in `calendar.overrides` for the duty and the year of the default due date
    replaces that due date.
    """

    duty: str
    first_year: int
    step: int
    cycle: CycleOf

    def cycles(self, organisation: Organisation, until: dt.date,
               keep: Callable[[Cycle], bool] | None = None) -> list[Cycle]:
        """Every cycle `keep` accepts (default: all), from the first up to and including the first one
        due on or after `until`; when none is kept, the search stops a few years after `until`."""
        found: list[Cycle] = []
        year = self.first_year
        while True:
            cycle = self._overridden(organisation, self.cycle(organisation, year))
            kept = keep is None or keep(cycle)
            if kept:
                found.append(cycle)
            if cycle.due >= until and (kept or cycle.due.year > until.year + self.step + 1):
                return found
            year += self.step

    def _overridden(self, organisation: Organisation, cycle: Cycle) -> Cycle:
        override = next((o for o in organisation.calendar.overrides
                         if o.duty == self.duty and o.year == cycle.due.year), None)
        if override is None:
            return cycle
        return replace(cycle, due=override.due,
                       dates=(*cycle.dates, (N_("due date set in calendar.overrides"), override.due)))


@dataclass(frozen=True)
class Earlier:
    """Regulations in force until `until` (exclusive), with their own first due date and basis."""

    until: dt.date
    first_due: dt.date
    basis: str


@dataclass(frozen=True)
class Rolling:
    """Due `years` after the last publication; with none, due on the regulations' first date.

    `earlier` holds the regulations that applied before these came into force (SI 2011/2260
    before SI 2017/353): on a date before `until`, their first due date and basis apply.
    """

    years: int
    first_due: dt.date
    first_basis: str
    earlier: Earlier | None = None

    def first(self, as_of: dt.date) -> tuple[dt.date, str]:
        """The regulations' first due date and its basis, under the regulations in force on `as_of`."""
        if self.earlier is not None and as_of < self.earlier.until:
            return self.earlier.first_due, self.earlier.basis
        return self.first_due, self.first_basis


def latest_and_next(items: list[T], as_of: dt.date, due: Callable[[T], dt.date]) -> list[T]:
    """Of items in due-date order, the ones worth showing on `as_of`: the latest already past and the next."""
    past = [item for item in items if due(item) < as_of]
    future = [item for item in items if due(item) >= as_of]
    return past[-1:] + future[:1]
