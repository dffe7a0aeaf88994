"""One member of a system, read and summarised: the row it gets and the counts it adds to the pool.

A member is read through the same repository code as any records folder, summarised, and let go
before the next is read, so memory holds one member's records at a time, whatever the system's size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..checks.validate import check_records
from ..metrics import wdes, wres
from ..metrics.eds import Eds2022Grading, EdsAssessmentMissing, eds2022_rating, grade_eds
from ..metrics.standards import Groups, Likelihood, LikelihoodSpec, WorkforceDataMissing, total_counts
from ..obligations import deadlines
from ..problem import Problem
from ..records.kinds import ORGANISATION_FILE
from ..records.organisation import NHS_SECTORS
from ..records.paygap import PayGap
from ..records.repository import RecordSet, load_records
from ..records.workforce import Workforce

Role = Literal["system", "member"]
SYSTEM_PATH = "."
"""How the system's own records folder is named in the table."""


@dataclass(frozen=True, slots=True)
class StandardSpec:
    """What pooling needs to know of a standard: its groups, its process count, and each likelihood
    with the `StandardCounts` fields of those meeting the outcome and of the population."""

    name: str
    short: str
    groups: Groups
    compute: Callable[..., Any]
    process: str
    training: bool
    likelihoods: tuple[tuple[LikelihoodSpec, str, str], ...]


WRES = StandardSpec("wres", "WRES", wres.WRES_GROUPS, wres.wres_indicators, "disciplinary", True, (
    (wres.APPOINTMENT, "appointed", "shortlisted"), (wres.DISCIPLINARY, "process", "staff"),
    (wres.TRAINING, "training", "staff")))
WDES = StandardSpec("wdes", "WDES", wdes.WDES_GROUPS, wdes.wdes_metrics, "capability", False, (
    (wdes.APPOINTMENT, "appointed", "shortlisted"), (wdes.CAPABILITY, "process", "staff")))
STANDARDS = (WRES, WDES)


@dataclass(frozen=True, slots=True)
class StandardCounts:
    """The counts of one standard at one snapshot that pooled figures are summed from (unknown left out);
    `bands` the staff of each (staff group, band) of indicator 1 / metric 1."""

    staff: Mapping[str, int]
    shortlisted: Mapping[str, int]
    appointed: Mapping[str, int]
    process: Mapping[str, int]
    training: Mapping[str, int]
    bands: Mapping[tuple[str, str], Mapping[str, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PayGapEntry:
    """A member's published pay gap at one snapshot: the two hourly gaps and the headcounts, if given."""

    snapshot: dt.date
    mean: float
    median: float
    male: int | None
    female: int | None


@dataclass(frozen=True, slots=True)
class MemberSummary:
    """One row of the system table, and what the member adds to the system figures.

    `unreadable` says why the folder could not be read at all (then most fields are empty).
    `workforce` maps each snapshot date (on or before the as-of date) to each standard's counts;
    `paygap` holds every published gender pay gap on or before that date, oldest first.
    """

    path: str
    role: Role
    name: str
    sector: str | None = None
    threshold: int = 5
    unreadable: str | None = None
    errors: int = 0
    warnings: int = 0
    first_error: str | None = None
    overdue: tuple[str, ...] = ()
    due: tuple[str, ...] = ()
    eds: str | None = None
    wres: tuple[Likelihood, ...] = ()
    wres_snapshot: dt.date | None = None
    wdes: tuple[Likelihood, ...] = ()
    wdes_snapshot: dt.date | None = None
    objectives_in_progress: int = 0
    workforce: Mapping[dt.date, Mapping[str, StandardCounts]] = field(default_factory=dict)
    paygap: tuple[PayGapEntry, ...] = ()

    @property
    def nhs(self) -> bool:
        """Whether the NHS workforce standards apply to the member."""
        return self.sector in NHS_SECTORS

    @property
    def latest_paygap(self) -> PayGapEntry | None:
        return self.paygap[-1] if self.paygap else None

    @property
    def has_problems(self) -> bool:
        """Whether the member could not be read or has records with errors."""
        return self.unreadable is not None or self.errors > 0


def read_member(system_root: Path, path: str, as_of: dt.date, window: int) -> MemberSummary:
    """Read the member folder `path` (relative to the system root) and summarise it on `as_of`.

    Never raises for bad input: a folder that is missing, is not a records folder or cannot be read
    gives a summary whose `unreadable` says why and what to do.
    """
    role: Role = "system" if path == SYSTEM_PATH else "member"
    folder = system_root / path
    why = _unreadable(folder, path)
    if why is not None:
        return MemberSummary(path, role, path, unreadable=why)
    try:
        records = load_records(folder)
    except OSError as exc:
        return MemberSummary(path, role, path, unreadable=f"cannot be read: {exc.strerror or exc}")
    return summarise(records, path, role, as_of, window)


def _unreadable(folder: Path, path: str) -> str | None:
    try:
        if not folder.is_dir():
            return (f"the folder {path} does not exist; correct its path under `members:`, or fetch it "
                    "(for a git submodule: git submodule update --init)")
        if not (folder / ORGANISATION_FILE).is_file():
            return f"{path} has no {ORGANISATION_FILE}, so it is not a records folder; run `equitykit init` there"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    return None


def summarise(records: RecordSet, path: str, role: Role, as_of: dt.date, window: int) -> MemberSummary:
    """The summary of one loaded records folder on `as_of`."""
    problems = check_records(records)
    errors = [p for p in problems if p.severity == "error"]
    checked = MemberSummary(path, role, path, errors=len(errors), warnings=len(problems) - len(errors),
                            first_error=_where(errors[0], path) if errors else None)
    organisation = records.organisation
    if organisation is None:
        return replace(checked, unreadable=f"its {ORGANISATION_FILE} has problems, so nothing else can be "
                       "worked out; run `equitykit validate` in that folder")
    obligations = deadlines(records, as_of, window).obligations
    workforce = [w for w in records.of("workforce") if w.snapshot <= as_of]
    wres, wres_snapshot = _headline(WRES, workforce)
    wdes, wdes_snapshot = _headline(WDES, workforce)
    return replace(
        checked, name=organisation.name, sector=organisation.sector, threshold=organisation.suppression_threshold,
        overdue=tuple(o.title for o in obligations if o.status == "overdue"),
        due=tuple(o.title for o in obligations if o.status == "due"),
        eds=_eds(records, as_of),
        wres=wres, wres_snapshot=wres_snapshot, wdes=wdes, wdes_snapshot=wdes_snapshot,
        objectives_in_progress=sum(o.status == "in-progress" for o in records.of("objective")),
        workforce={w.snapshot: _counts(w) for w in workforce},
        paygap=tuple(entry for p in sorted(records.of("paygap"), key=lambda p: p.snapshot)
                     if p.snapshot <= as_of and (entry := _paygap(p)) is not None),
    )


def _where(problem: Problem, path: str) -> str:
    return f"{Path(path, problem.file).as_posix()}:{problem.line}:{problem.column}: {problem.message}"


def _eds(records: RecordSet, as_of: dt.date) -> str | None:
    assessments = [a for a in records.of("eds") if a.period_end <= as_of]
    try:
        grading = grade_eds(assessments)
    except EdsAssessmentMissing:
        return None
    if isinstance(grading, Eds2022Grading) and grading.missing and grading.published is not None:
        rating = grading.published_rating or eds2022_rating(int(grading.published.value or 0))
        return f"{grading.id}: {rating} ({grading.published.value}, as published)"
    if grading.missing:
        return f"{grading.id}: incomplete"
    if isinstance(grading, Eds2022Grading):
        return f"{grading.id}: {grading.rating} ({grading.score})"
    return f"{grading.id}: EDS2 graded by outcome"


def _headline(spec: StandardSpec, workforce: list[Workforce]) -> tuple[tuple[Likelihood, ...], dt.date | None]:
    try:
        result = spec.compute(workforce)
    except WorkforceDataMissing:
        return (), None
    return result.likelihoods, result.snapshot


def _counts(record: Workforce) -> dict[str, StandardCounts]:
    counts = {}
    for spec in STANDARDS:
        data = getattr(record, spec.name)
        if data is None:
            continue
        groups = spec.groups
        counts[spec.name] = StandardCounts(
            staff=total_counts(data.bands, groups),
            shortlisted=groups.counts(data.shortlisted),
            appointed=groups.counts(data.appointed),
            process=groups.counts(getattr(data, spec.process)),
            training=groups.counts(data.training) if spec.training else {},
            bands={(band.staff_group, band.band): groups.counts(band) for band in data.bands},
        )
    return counts


def _paygap(record: PayGap) -> PayGapEntry | None:
    """The gender pay gap of a record that gives both hourly gaps (not another characteristic's pay gaps, nor
    a partial set without them)."""
    figures, given = record.figures, record.counts
    if figures is None or figures.DiffMeanHourlyPercent is None or figures.DiffMedianHourlyPercent is None:
        return None
    return PayGapEntry(record.snapshot, figures.DiffMeanHourlyPercent, figures.DiffMedianHourlyPercent,
                       None if given is None else given.male_relevant, None if given is None else given.female_relevant)
