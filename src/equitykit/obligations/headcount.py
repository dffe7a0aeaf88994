"""Employee thresholds: which headcount entry counts on a snapshot date, and whether a duty applies."""

from __future__ import annotations

import datetime as dt

from ..i18n import _
from ..records.dates import at_precision
from ..records.organisation import Organisation
from .dates import spoken_date
from .model import Applicability


def threshold(organisation: Organisation, snapshot: dt.date, minimum: int, what: str) -> Applicability:
    """Whether the body had at least `minimum` employees on `snapshot` for `what`.

    With no entry on or before the snapshot the headcount is unknown, and so is whether the duty
    applies: never assumed, and the reason says which headcount to add.
    """
    entry = organisation.headcount_on(snapshot)
    if entry is None:
        return Applicability(None, _("the number of employees on {date} is not recorded, so whether {what} applies "
                                     "({minimum} or more employees) cannot be told").format(
            date=spoken_date(snapshot), what=what, minimum=minimum),
            _("add the headcount at {date} under headcount: in equitykit.yaml").format(date=spoken_date(snapshot)))
    on = at_precision(entry.date, _("{employees} employees on {date}"), _("{employees} employees in {month}"),
                      _("{employees} employees in {year}"), employees=entry.employees)
    if entry.employees < minimum:
        return Applicability(False, _("{on}: below the {minimum} threshold for {what}").format(
            on=on, minimum=minimum, what=what))
    return Applicability(True, _("{on}: at or above the {minimum} threshold for {what}").format(
        on=on, minimum=minimum, what=what))
