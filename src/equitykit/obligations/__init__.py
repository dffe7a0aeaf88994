"""Deadlines: which duties apply to a body, when each falls due and whether it was met.

`deadlines(records, as_of, window)` is the entry point; `RULES` holds the duties as data
(id, legal basis, schedule); reporters render the result as text, JSON, an explanation or
an iCalendar file.

Decisions where the sources are silent (see also `evidence` for which publication covers what):
- Only records dated on or before `--as-of` count (publications, action completion, updates), so
  a past `--as-of` shows the position as it was then.
- Rolling duties show one obligation, the next due date; it is never `met`, because the latest
  publication restarts the clock (its id and date are in the note). With no publication the
  regulations' first date applies, and is long past, so the duty is overdue.
- Fixed cycles show the latest cycle already past its due date and the next one.
- `due` means not met and due within `window` days (the due date itself included); `overdue`
  starts the day after.
- Headcount: the latest entry on or before the snapshot date (31 March; for the Scottish pay
  duties, 31 March before the 30 April due date; for employee information, `--as-of`). With none,
  whether the duty applies is `unknown` (never assumed, never overdue) and the note says which
  headcount to add.
- A body sees only its own jurisdiction's duties: the Schedule 1 gender pay gap is England's.
- EDS, WRES and WDES are NHS England standards: only the kinds of body they apply to see them
  (`records.sectors`: trusts, ICBs; CCGs the EDS and WRES, not the WDES).
- The calendar runs from `established` (ICBs: 1 July 2022) to `dissolved` (CCGs: 1 July 2022);
  without `established`, from the first publication on record (`lifetime`). A fixed cycle counts
  when the body existed at its snapshot and until its due date; a rolling duty's first due date is
  one interval after the start, if later than the regulations' date.
- A fixed-cycle duty is not shown before its first cycle opens (no gender pay gap on a 2013 date).
- Before 31 March 2017 the 2011 regulations' first dates apply (equality information by
  31 January 2012, SI 2011/2260 reg 2(2)).
- Planned and draft publications meet no duty; they show as `in_hand` on the obligation they
  name (by period or record), or on the first unmet one. A recorded modern slavery statement opts
  the body in to tracking that duty.
- `calendar.overrides` replace the due date of a duty (wres, wdes, eds, gender-pay-gap, ...)
  in the year that default due date falls in.
- Not-applicable obligations are left out of the iCalendar export.
"""

from __future__ import annotations

from .deadlines import DEFAULT_WINDOW, Deadlines, deadlines, in_reading_order
from .model import STATUSES, Obligation, Source, Status, status_on
from .rules import RULES, Rule

__all__ = ["DEFAULT_WINDOW", "Deadlines", "Obligation", "RULES", "Rule", "STATUSES", "Source", "Status",
           "deadlines", "in_reading_order", "status_on"]
