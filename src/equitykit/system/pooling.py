"""System figures pooled from members' counts, never averaged from their published figures.

For one snapshot date, the counts of every member with that standard's data on exactly that date
are added group by group, and the figures are computed from the sums with the same functions a
single organisation uses. A member without data on that date is listed as missing with the reason,
never counted as zero. The pooled process likelihood (WRES 3, WDES 3) is a single year's, since the
members' snapshots a year earlier may not line up. Pay gap figures cannot be pooled from published
figures (a median of medians means nothing), so only the relevant employees are added up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..metrics.figures import Figure
from ..metrics.standards import DEFAULT_BAND, Likelihood, pooled, relative_likelihood, share
from .members import MemberSummary, StandardCounts, StandardSpec


@dataclass(frozen=True, slots=True)
class Missing:
    """A member left out of a pooled figure, and why."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class PooledStandard:
    """A standard's system figures at one snapshot: the focus group's share of staff and the likelihoods,
    and the counts each included member added (`contributions`, in the order of `included`)."""

    standard: str
    snapshot: dt.date
    included: tuple[str, ...]
    missing: tuple[Missing, ...]
    staff: dict[str, int]
    share: Figure
    likelihoods: tuple[Likelihood, ...]
    contributions: tuple[StandardCounts, ...]
    bands: tuple[tuple[str, str, Figure], ...] = ()
    """The focus group's share of each (staff group, band), pooled from the members' band counts."""


@dataclass(frozen=True, slots=True)
class PooledPayGap:
    """Relevant employees added up over the members that gave them for one snapshot, and each included
    member's men and women (`contributions`, in the order of `included`)."""

    snapshot: dt.date
    included: tuple[str, ...]
    missing: tuple[Missing, ...]
    male: int
    female: int
    contributions: tuple[tuple[int, int], ...]

    @property
    def total(self) -> int:
        return self.male + self.female


def snapshots(members: Iterable[MemberSummary], spec: StandardSpec) -> list[dt.date]:
    """Every snapshot date on which some member has the standard's data, oldest first."""
    return sorted({day for member in members for day, counts in member.workforce.items() if spec.name in counts})


def pool_standard(members: Sequence[MemberSummary], spec: StandardSpec,
                  snapshot: dt.date | None = None) -> PooledStandard | None:
    """The standard's pooled figures on `snapshot` (default: the latest date any member has); None if
    no member has the standard's data."""
    dates = snapshots(members, spec)
    if not dates:
        return None
    day = dates[-1] if snapshot is None else snapshot
    found: list[StandardCounts] = []
    included: list[str] = []
    missing: list[Missing] = []
    for member in members:
        counts = member.workforce.get(day, {}).get(spec.name)
        if counts is None:
            missing.append(Missing(member.name, _why_missing(member, spec, day)))
        else:
            found.append(counts)
            included.append(member.name)
    return _pooled_figures(spec, day, found, tuple(included), tuple(missing))


def pool_trend(members: Sequence[MemberSummary], spec: StandardSpec) -> list[PooledStandard]:
    """The standard's pooled figures on every snapshot date any member has, oldest first."""
    return [found for day in snapshots(members, spec) if (found := pool_standard(members, spec, day))]


def _why_missing(member: MemberSummary, spec: StandardSpec, day: dt.date) -> str:
    if member.unreadable is not None:
        return "its records could not be read"
    if not member.nhs:
        return f"the {spec.short} does not apply to it, as it is not an NHS body"
    dates = [d for d, counts in member.workforce.items() if spec.name in counts]
    if not dates:
        return f"no {spec.short} data recorded"
    return f"no {spec.short} data dated {day.isoformat()}, its latest is {max(dates).isoformat()}"


def _pooled_figures(spec: StandardSpec, day: dt.date, found: list[StandardCounts], included: tuple[str, ...],
                    missing: tuple[Missing, ...]) -> PooledStandard:
    def summed(name: str) -> dict[str, int]:
        zero = dict.fromkeys((spec.groups.focus, spec.groups.reference), 0)
        return pooled(zero, *(getattr(counts, name) for counts in found))

    staff = summed("staff")
    likelihoods = tuple(relative_likelihood(likelihood, spec.groups, summed(met), summed(population), DEFAULT_BAND)
                        for likelihood, met, population in spec.likelihoods)
    zero = dict.fromkeys((spec.groups.focus, spec.groups.reference), 0)
    keys = list(dict.fromkeys(key for counts in found for key in counts.bands))
    bands = tuple((group, band, share(pooled(zero, *(counts.bands.get((group, band), zero) for counts in found)),
                                      spec.groups)) for group, band in keys)
    return PooledStandard(spec.name, day, included, missing, staff, share(staff, spec.groups), likelihoods,
                          tuple(found), bands)


def pool_paygap(members: Sequence[MemberSummary], snapshot: dt.date | None = None) -> PooledPayGap | None:
    """Relevant employees on `snapshot` (default: the latest any member published), added over the
    members that gave them; None if no member published a pay gap."""
    dates = sorted({entry.snapshot for member in members for entry in member.paygap})
    if not dates:
        return None
    day = dates[-1] if snapshot is None else snapshot
    included: list[str] = []
    missing: list[Missing] = []
    contributions: list[tuple[int, int]] = []
    for member in members:
        entry = next((e for e in member.paygap if e.snapshot == day), None)
        if entry is None:
            latest = member.latest_paygap
            missing.append(Missing(member.name, "its records could not be read" if member.unreadable else
                                   f"no pay gap dated {day.isoformat()}" +
                                   (f", its latest is {latest.snapshot.isoformat()}" if latest else "")))
        elif entry.male is None or entry.female is None:
            missing.append(Missing(member.name, "its pay gap record does not give the relevant employees"))
        else:
            included.append(member.name)
            contributions.append((entry.male, entry.female))
    return PooledPayGap(day, tuple(included), tuple(missing), sum(m for m, _ in contributions),
                        sum(f for _, f in contributions), tuple(contributions))
