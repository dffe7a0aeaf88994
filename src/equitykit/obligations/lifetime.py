"""When a body's calendar starts and ends: no duty falls due before it existed or after it was dissolved.

The calendar starts on `established` (or the day its kind of body began: ICBs 1 July 2022); without
one, on the first publication it records (its date, or the date it was out by), so a new folder does not
show duties back to 2012. It ends on `dissolved` (CCGs: 1 July 2022).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..i18n import _
from ..records.organisation import Organisation
from ..records.publication import Publication
from .cycles import Cycle
from .dates import add_years


@dataclass(frozen=True)
class Lifetime:
    """The days a body's duties run: from `start` (inclusive) to `end` (exclusive); None is open.

    `from_records`: the start is the first publication on record, not the body's own date, so a
    cycle counts when it falls due on or after it (its publication may be that first record).
    """

    start: dt.date | None
    end: dt.date | None
    start_reason: str | None = None
    """What the start is, in words: the body's establishment, or its first publication on record."""
    from_records: bool = False

    def covers(self, cycle: Cycle) -> bool:
        """Whether the body existed at the cycle's snapshot (or opening) and until its due date."""
        began = cycle.due if self.from_records else cycle.snapshot or cycle.opens
        return (self.start is None or began >= self.start) and (self.end is None or cycle.due < self.end)

    def first_due(self, regulations_first: dt.date, years: int) -> dt.date:
        """The first due date of a rolling duty: the regulations' date, or one interval after the start."""
        if self.start is None:
            return regulations_first
        return max(regulations_first, add_years(self.start, years))

    def ended_before(self, due: dt.date) -> str | None:
        """Why a duty due on `due` does not apply to a dissolved body, or None."""
        if self.end is not None and due >= self.end:
            return _("the body ceased to exist on {date}, before this fell due").format(date=self.end)
        return None


def lifetime(organisation: Organisation, publications: list[Publication], as_of: dt.date) -> Lifetime:
    """The body's lifetime from `established`/`dissolved`, its kind of body, or its first publication."""
    start = organisation.existed_from
    reason = None if start is None else _("the body's establishment on {date}").format(date=start)
    if start is None:
        out = sorted(((p.known_date, p) for p in publications
                      if p.is_out and p.known_date is not None and p.known_date.earliest <= as_of),
                     key=lambda pair: (pair[0].order, pair[1].id))
        if out:
            day, first = out[0]
            start = day.earliest
            when = str(day) if first.published is not None else _("by {date}").format(date=day)
            reason = _("the first publication on record, {id} ({date}); add established: to equitykit.yaml to check "
                       "earlier years").format(id=first.id, date=when)
            return Lifetime(start, organisation.existed_until, reason, from_records=True)
    return Lifetime(start, organisation.existed_until, reason)
