"""Deadlines: which duties apply to a body, when each falls due and whether it was met.

`deadlines(records, as_of, window)` is the entry point; `RULES` holds the duties as data
(id, legal basis, schedule); reporters render the result as text, JSON, an explanation or
an iCalendar file.
"""

from __future__ import annotations

from .deadlines import DEFAULT_WINDOW, Deadlines, deadlines, in_reading_order
from .model import STATUSES, Obligation, Source, Status, status_on
from .rules import RULES, Rule

__all__ = ["DEFAULT_WINDOW", "Deadlines", "Obligation", "RULES", "Rule", "STATUSES", "Source", "Status",
           "deadlines", "in_reading_order", "status_on"]
