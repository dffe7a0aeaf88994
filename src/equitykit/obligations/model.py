"""The result of the deadline computation: one obligation, its due date, status and evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..i18n import N_, _, ngettext, pgettext
from ..records.dates import PartialDate

Status = Literal["met", "met-late", "met-timing-unknown", "due", "overdue", "upcoming", "unknown", "not-applicable"]
STATUSES: tuple[Status, ...] = ("overdue", "due", "unknown", "upcoming", "met-late", "met-timing-unknown", "met",
                                "not-applicable")
MET: frozenset[str] = frozenset({"met", "met-late", "met-timing-unknown"})
"""The statuses of a duty met: on time, late, or at a time not known against the due date."""


def in_context(context: str, message: str) -> str:
    """Mark `message` for translation in `context` without translating it now (see `status_words`)."""
    return message


STATUS_CONTEXT = "deadline status"
"""The message context of the status words: `due` the status is told apart from `due` the date."""
STATUS_WORDS: dict[str, str] = {  # the context is written out: message extraction reads only literals
    "overdue": in_context("deadline status", "overdue"), "due": in_context("deadline status", "due"),
    "upcoming": in_context("deadline status", "upcoming"), "met": in_context("deadline status", "met"),
    "met-late": in_context("deadline status", "met late"),
    "met-timing-unknown": in_context("deadline status", "met, timing not known"),
    "unknown": in_context("deadline status", "unknown"),
    "not-applicable": in_context("deadline status", "not applicable")}
"""Each status in words (English; `status_words` gives them in the language being written)."""


def status_words(status: str) -> str:
    """A deadline status in words, in the language being written: overdue, yn hwyr."""
    return pgettext(STATUS_CONTEXT, STATUS_WORDS[status])


@dataclass(frozen=True)
class Applicability:
    """Whether a duty applies to the body (on a snapshot date), and why in words.

    `applies` is None when it cannot be told (the headcount on the snapshot date is unknown). `reason` is in
    plain words, fit for published output; `hint` says what to write in the records to tell (CLI only)."""

    applies: bool | None
    reason: str | None = None
    hint: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record-level obligation comes from: a file relative to the root and a 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Obligation:
    """One duty (or one cycle of a duty) that applies to the body, and how it stands on a date.

    `evidence` names the publication that met it (for actions: none; `note` says when it was
    completed); `in_hand` a planned or draft publication that will meet it once published. `dates`
    lists the dates the due date was worked out from, for `--explain`. `note` is in plain words, fit for a
    published calendar; `hint` says what to write in the records (the command line adds it to the note);
    `met_by` is the title of the publication that met it; `english_title` the title in English where it
    comes from a record with no text in the language being written (a calendar marks it as English).
    """

    id: str
    duty: str
    title: str
    due: dt.date
    status: Status
    basis: str
    description: str
    evidence: str | None = None
    source: Source | None = None
    note: str | None = None
    dates: tuple[tuple[str, PartialDate | dt.date], ...] = field(default_factory=tuple)
    in_hand: str | None = None
    hint: str | None = None
    met_by: str | None = None
    english_title: str | None = None

    @property
    def note_and_hint(self) -> str | None:
        """The note with what to write in the records to settle it, for the command line."""
        return "; ".join(part for part in (self.note, self.hint) if part) or None

    def to_dict(self) -> dict[str, object]:
        """The obligation with stable keys, for `--format json`."""
        return {
            "id": self.id,
            "duty": self.duty,
            "title": self.title,
            "due": self.due.isoformat(),
            "status": self.status,
            "basis": self.basis,
            "evidence": self.evidence,
            "source": None if self.source is None else {"file": self.source.file, "line": self.source.line},
            "note": self.note_and_hint,
            "in_hand": self.in_hand,
        }


def public_basis(basis: str) -> str:
    """A duty's legal or contractual basis for the public: without the parts that explain which
    setting of equitykit.yaml moves a date (those stay in `equitykit deadlines --explain`)."""
    parts = [part for part in basis.split("; ") if "calendar." not in part and "equitykit.yaml" not in part]
    return "; ".join(parts)


Timing = Literal["met", "met-late", "met-timing-unknown"]


def timing(day: PartialDate | None, due: dt.date) -> Timing:
    """Whether something done on `day` was on time for `due`: `met` when the latest day the date allows is on or
    before the due date, `met-late` when its earliest day is after it, `met-timing-unknown` when it straddles it
    or no date is recorded."""
    return timing_between(None, None, due) if day is None else timing_between(day.earliest, day.latest, due)


def timing_between(first: dt.date | None, last: dt.date | None, due: dt.date) -> Timing:
    """Whether something done on a day from `first` to `last` was on time for `due` (either may be unknown,
    None): `met` when the last day is on or before the due date, `met-late` when the first is after it, else
    `met-timing-unknown`. A publication known only to be out by a date has no first day: never late, for sure."""
    if last is not None and last <= due:
        return "met"
    if first is not None and first > due:
        return "met-late"
    return "met-timing-unknown"


@dataclass(frozen=True)
class TimingNotes:
    """The words of a note on when something was done against its due date, one per timing (and, for a late
    day, "so many days late" for a number of days); each takes {date}, {due} and {days}."""

    on_time: str
    unknown: str
    late: str
    days_late: Callable[[int], str]


PUBLISHED_NOTES = TimingNotes(
    N_("published {date}"), N_("published {date}; whether by the due date, {due}, is not known"),
    N_("published {date}, after the due date, {due}"),
    lambda days: ngettext("published {date}, {days} day late", "published {date}, {days} days late", days))
COMPLETED_NOTES = TimingNotes(
    N_("completed {date}"), N_("completed {date}; whether by the due date, {due}, is not known"),
    N_("completed {date}, after the due date, {due}"),
    lambda days: ngettext("completed {date}, {days} day late", "completed {date}, {days} days late", days))


def timing_note(notes: TimingNotes, day: PartialDate, due: dt.date) -> str:
    """When something was done, against its due date: on time; so many days late (a day); after the due date
    (a month or a year wholly after it); or not known to be either (one that straddles it)."""
    found = timing(day, due)
    if found == "met":
        return _(notes.on_time).format(date=day)
    if found == "met-timing-unknown":
        return _(notes.unknown).format(date=day, due=due)
    if not day.is_day:
        return _(notes.late).format(date=day, due=due)
    late = (day.earliest - due).days
    return notes.days_late(late).format(date=day, days=late)


def status_on(due: dt.date, as_of: dt.date, window: int, met: Timing | None) -> Status:
    """Met as it was met (on time, late, or at a time not known); if not met, overdue after the due date, due from
    `window` days before it, else upcoming."""
    if met is not None:
        return met
    if as_of > due:
        return "overdue"
    if (due - as_of).days <= window:
        return "due"
    return "upcoming"
