"""Which publication meets which obligation.

- Only publications of the obligation's duty published on or before `--as-of` count.
- Rolling duties: the latest such publication restarts the clock.
- Fixed cycles: a publication whose `period` names a cycle (2024-25, 2024/25 or 2024-2025 are
  the same) or whose `records` link the cycle's record (paygap/2024-03-31, eds/2024-25,
  workforce/2025-03-31) covers that cycle; a period that names no cycle covers nothing.
- One with no period may cover a cycle it was published on time for (between the cycle opening
  and its due date) or, late, the latest cycle already past its due date; of those still unmet,
  the one whose due date is nearest the publication date (a gender pay gap published on
  9 April 2025 is the 2024 snapshot's, ten days late, not the 2025 snapshot's, a year early).
- One known only to be out by a date (`published_by`, a page's date that lists it) and naming no cycle
  covers the cycle the date falls in, or an earlier one whose window it may fall in: the latest still unmet
  that opened on or before the date's first day. Never a later cycle: one that opened after that day may
  not have begun when it came out (out by March 2025 may be out on 1 March, before a cycle opening on
  31 March). It comes after the publications with a date of their own, whose place is surer; and counts
  from the date's first day (before it, it is not known to be out).
- Each publication covers at most one cycle; each cycle is covered by the earliest publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from ..records.dates import PartialDate
from ..records.publication import Publication
from .cycles import Cycle

_LONG_YEAR_PAIR = re.compile(r"^(\d{4})-\d{2}(\d{2})$")


def normalise_period(period: str) -> str:
    """A period label in one spelling: `2024/25` and `2024-2025` become `2024-25`."""
    label = period.strip().replace("/", "-").replace(" to ", "-")
    pair = _LONG_YEAR_PAIR.match(label)
    return f"{pair.group(1)}-{pair.group(2)}" if pair else label


def publications_of(publications: list[Publication], duties: Collection[str], as_of: dt.date) -> list[Publication]:
    """The publications of a duty (any of `duties`: its own, and any that meet it too) published on or before
    `as_of` (any day their date allows), oldest first; then those known to be out by a date from that date's
    first day on, by that date; then those out with no date (planned and draft ones meet no duty)."""
    ours = [p for p in publications if p.duty in duties and p.is_out]
    dated = sorted((p for p in ours if p.is_dated and p.published_on.earliest <= as_of),
                   key=lambda p: (p.published_on.order, p.id))
    out_by = sorted((p for p in ours if p.is_out_by and _out_by(p).earliest <= as_of),
                    key=lambda p: (_out_by(p).order, p.id))
    return dated + out_by + sorted((p for p in ours if p.published is None and p.published_by is None),
                                   key=lambda p: p.id)


def in_hand(publications: list[Publication], duties: Collection[str]) -> list[Publication]:
    """The publications of a duty (any of `duties`) in hand: planned or draft."""
    return [p for p in publications if p.duty in duties and p.status != "published"]


def names_cycle(cycle: Cycle, publication: Publication) -> bool:
    """Whether a publication's period or linked records name this cycle."""
    period = None if publication.period is None else normalise_period(publication.period)
    return period in cycle.periods or bool(set(publication.records) & cycle.links)


def covering(cycles: list[Cycle], publications: list[Publication]) -> dict[str, Publication]:
    """The publication that covers each cycle, by cycle key (publications of one duty, oldest first)."""
    covered: dict[str, Publication] = {}
    undated: list[Publication] = []
    for publication in publications:
        named = _named_cycle(cycles, publication) if publication.period or publication.records else None
        if named is None and publication.period is None and (publication.is_dated or publication.is_out_by):
            undated.append(publication)
        elif named is not None and named.key not in covered:
            covered[named.key] = publication
    for publication in undated:
        if publication.is_dated:
            day = publication.published_on
            open_cycles = [c for c in _candidates(cycles, day) if c.key not in covered]
            chosen = min(open_cycles, key=lambda c: (_days_apart(day, c.due), c.due), default=None)
        else:
            chosen = max((c for c in cycles if c.key not in covered and c.opens <= _out_by(publication).earliest),
                         key=lambda c: (c.opens, c.due), default=None)
        if chosen is not None:
            covered[chosen.key] = publication
    return covered


def _out_by(publication: Publication) -> PartialDate:
    """The date a publication with no published date is known to be out by."""
    if publication.published_by is None:
        raise ValueError(f"{publication.id} has no published_by date")
    return publication.published_by


def _named_cycle(cycles: list[Cycle], publication: Publication) -> Cycle | None:
    return next((c for c in cycles if names_cycle(c, publication)), None)


def _candidates(cycles: list[Cycle], published: PartialDate) -> list[Cycle]:
    """The cycles a publication may have been on time for (any day it allows from the cycle's opening to its due
    date), then the latest one it was surely late for."""
    on_time = [c for c in cycles if published.overlaps(c.opens, c.due)]
    late = [c for c in cycles if c.due < published.earliest][-1:]
    return on_time + late


def _days_apart(published: PartialDate, due: dt.date) -> int:
    """Days between a publication date and a due date: none when the date allows the due date itself."""
    if published.latest < due:
        return (due - published.latest).days
    return max((published.earliest - due).days, 0)
