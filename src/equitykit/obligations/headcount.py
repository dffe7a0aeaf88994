"""Employee thresholds: which headcount entry counts on a snapshot date, and whether a duty applies."""

from __future__ import annotations

import datetime as dt

from ..records.organisation import Headcount, Organisation
from .dates import spoken_date
from .model import Applicability


def headcount_on(organisation: Organisation, snapshot: dt.date) -> Headcount | None:
    """The latest headcount entry on or before `snapshot`, or None if there is none."""
    earlier = [entry for entry in organisation.headcount if entry.date <= snapshot]
    return max(earlier, key=lambda entry: entry.date, default=None)


def threshold(organisation: Organisation, snapshot: dt.date, minimum: int, what: str) -> Applicability:
    """Whether the body had at least `minimum` employees on `snapshot` for `what`.

    With no entry on or before the snapshot the headcount is unknown, and so is whether the duty
    applies: never assumed, and the reason says which headcount to add.
    """
    entry = headcount_on(organisation, snapshot)
    if entry is None:
        return Applicability(None, f"headcount at {spoken_date(snapshot)} unknown, so whether {what} applies "
                                   f"({minimum} or more employees) cannot be told: add the headcount at "
                                   f"{spoken_date(snapshot)} under headcount: in equitykit.yaml")
    on = f"{entry.employees} employees on {entry.date}"
    if entry.employees < minimum:
        return Applicability(False, f"{on}: below the {minimum} threshold for {what}")
    return Applicability(True, f"{on}: at or above the {minimum} threshold for {what}")
