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
  the threshold is treated as reached and the note says so.
- The Schedule 1 gender pay gap applies to bodies in England only; Welsh bodies get one
  not-applicable row saying their pay differences belong in the annual report (SI 2011/1064), and
  Scottish bodies one saying reg 7 of SSI 2012/162 applies instead.
- EDS, WRES and WDES are NHS England standards: bodies in Wales and Scotland do not see them;
  English bodies outside the NHS sectors get one not-applicable row each.
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
