"""Every obligation of a records folder on a date, in the order people read them."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, replace

from ..i18n import _, ngettext
from ..records.dates import earliest
from ..records.organisation import Organisation
from ..records.repository import RecordSet
from .model import Obligation
from .plans import plan_obligations
from .statutory import statutory_obligations

DEFAULT_WINDOW = 60
"""Days before a due date from which an unmet obligation is `due` rather than `upcoming`."""

_RANK = {"overdue": 0, "not-applicable": 2}


@dataclass(frozen=True)
class Deadlines:
    """The obligations of one body on `as_of`, and how many record files could not be used."""

    organisation: Organisation
    as_of: dt.date
    window: int
    obligations: list[Obligation]
    files_with_problems: int = 0

    def find(self, obligation_id: str) -> Obligation | None:
        """The obligation with this id, if any."""
        return next((o for o in self.obligations if o.id == obligation_id), None)

    def closest(self, obligation_id: str) -> list[str]:
        """Known ids that look like `obligation_id`, best first."""
        return difflib.get_close_matches(obligation_id, [o.id for o in self.obligations], n=3, cutoff=0.5)

    def any_with(self, *statuses: str) -> bool:
        """Whether any obligation has one of these statuses."""
        return any(o.status in statuses for o in self.obligations)


def in_reading_order(obligations: list[Obligation]) -> list[Obligation]:
    """Overdue first, then by due date; not-applicable last."""
    return sorted(obligations, key=lambda o: (_RANK.get(o.status, 1), o.due, o.id))


def with_pay_gap_record(obligation: Obligation, records: RecordSet) -> Obligation:
    """A gender pay gap cycle with what its record holds: how many of the fourteen figures, and when they were
    submitted to GOV.UK (the duty itself is met by a publication, as every other)."""
    snapshot = next((day for name, day in obligation.dates if name == "snapshot date"), None)
    if obligation.duty != "gender-pay-gap" or snapshot is None:
        return obligation
    found = records.find("paygap", snapshot.isoformat())
    record = found.model if found is not None else None
    if record is None or record.figures is None:
        return obligation
    missing = len(record.figures.missing())
    given = len(type(record.figures).model_fields) - missing
    parts = [_("figures recorded") + (
        _(" (all 14)") if not missing else _(" ({given} of the 14; the others are not recorded)").format(given=given))]
    if record.submitted is not None:
        late = (earliest(record.submitted) - obligation.due).days  # a month or a year: late only if all of it is
        parts.append(_("submitted to GOV.UK {date}").format(date=record.submitted) if late <= 0 else
                     ngettext("submitted to GOV.UK {date}, {days} day late", "submitted to GOV.UK {date}, {days} days "
                              "late", late).format(date=record.submitted, days=late))
    return replace(obligation, note="; ".join(part for part in (obligation.note, *parts) if part))


def deadlines(records: RecordSet, as_of: dt.date, window: int = DEFAULT_WINDOW,
              planned: list[Obligation] | None = None) -> Deadlines:
    """Every duty and self-set obligation of the folder on `as_of`, from its valid records; `planned`, if given,
    holds the records' own obligations, taken as they were read (`PlanObligations`).

    Raises ValueError if the organisation file is not valid (nothing can be worked out without it).
    """
    if records.organisation is None:
        raise ValueError("equitykit.yaml has problems; run `equitykit validate` to see them")
    found = [with_pay_gap_record(obligation, records)
             for obligation in statutory_obligations(records.organisation, records.of("publication"), as_of, window)]
    found += plan_obligations(records, as_of, window) if planned is None else planned
    broken = {p.file for p in records.problems if p.severity == "error"}
    return Deadlines(records.organisation, as_of, window, in_reading_order(found), len(broken))
