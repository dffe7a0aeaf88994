"""Gradings of NHS Equality Delivery System assessments: EDS 2022 scores and ratings, EDS2 grades.

EDS 2022: each of the 11 outcomes is scored 0-3; the overall score is their sum, rated 0-7
Undeveloped, 8-21 Developing, 22-32 Achieving, 33 Excelling. Domains show their total and outcome
scores, without domain ratings (there are no published domain thresholds).

EDS2: an outcome's grade follows from the protected characteristics it has evidence and plans for
(only the nine of the Equality Act count; an organisation's own extra ones do not): none, 1 or 2
Undeveloped; 3-5 Developing; 6-8 Achieving. Excelling needs evidence that the majority of people in
all nine groups fare well, so equitykit grades Excelling only when `all_fare_well` is true and all
nine are evidenced; nine evidenced without it is Achieving, and `all_fare_well` without all nine
evidenced is graded from the count alone. An outcome may instead carry its grade as published
(`grade`), which is used when no characteristics are given; when both are given the computed grade
is used and `equitykit validate` warns if the published one differs (EK437).

An assessment with an outcome missing or ungraded is incomplete: it lists the missing codes and is
never rated. An assessment may also hold its results as published (`published`: the overall total and
rating, each domain's score or rating), with or without its outcomes' grades: the grading carries them
as figures marked as published, beside what can be computed, and an incomplete assessment is compared
with another through its published total. The change on the previous assessment (the latest that ended
earlier) is given only when both use the same framework.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..records.common import PROTECTED_CHARACTERISTICS
from ..records.eds import Eds, EdsOutcome, PublishedDomain
from ..records.frameworks import EDS2, EDS2022, FRAMEWORKS, Framework
from .figures import Figure, published

GRADES = ("Undeveloped", "Developing", "Achieving", "Excelling")
"""The four grades, lowest first; an EDS 2022 outcome score is the index of its grade."""
EDS2022_RATINGS = ((0, "Undeveloped"), (8, "Developing"), (22, "Achieving"), (33, "Excelling"))
"""The lowest overall EDS 2022 score of each rating."""


class EdsAssessmentMissing(LookupError):
    """There is no EDS assessment, or none with the id asked for."""


@dataclass(frozen=True, slots=True)
class OutcomeScore:
    """One EDS 2022 outcome: its score and the grade the score stands for (None if not scored)."""

    code: str
    text: str
    score: int | None
    grade: str | None


@dataclass(frozen=True, slots=True)
class DomainScore:
    """One EDS 2022 domain: its outcomes and their total (None while any is not scored)."""

    name: str
    outcomes: tuple[OutcomeScore, ...]
    total: int | None
    missing: tuple[str, ...]
    published: Figure | None = None
    published_rating: str | None = None


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """The overall EDS 2022 score and rating against the previous assessment."""

    previous_id: str
    previous_score: int
    previous_rating: str
    score_change: int
    rating_change: str


@dataclass(frozen=True, slots=True)
class OutcomeGrade:
    """One EDS2 outcome: the protected characteristics evidenced and its grade (None if ungraded)."""

    code: str
    text: str
    characteristics: tuple[str, ...]
    all_fare_well: bool
    grade: str | None
    published: str | None = None
    computed: str | None = None


@dataclass(frozen=True, slots=True)
class GoalSummary:
    """One EDS2 goal: its outcomes and how many are at each grade (every grade listed)."""

    name: str
    outcomes: tuple[OutcomeGrade, ...]
    grade_counts: dict[str, int]
    missing: tuple[str, ...]
    published_rating: str | None = None


@dataclass(frozen=True, slots=True)
class GradeChange:
    """An EDS2 outcome's grade against the previous assessment: improved, declined or unchanged."""

    code: str
    previous: str
    current: str
    movement: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """Which assessment a result is compared with, or why it is not."""

    previous_id: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class GradeCount:
    """How many outcomes are at one grade: as the outcomes' own grades give it (None unless every outcome is
    graded), and as published (None where the publication gives no count for the grade); `codes` the outcomes
    graded so."""

    grade: str
    computed: int | None
    published: int | None
    codes: tuple[str, ...] = ()

    @property
    def differs(self) -> bool:
        return self.computed is not None and self.published is not None and self.computed != self.published


@dataclass(frozen=True, slots=True)
class Eds2022Grading:
    """An EDS 2022 assessment graded: per domain, overall, and against the previous one."""

    id: str
    period_start: dt.date
    period_end: dt.date
    domains: tuple[DomainScore, ...]
    missing: tuple[str, ...]
    score: int | None
    rating: str | None
    comparison: Comparison
    change: ScoreChange | None
    published: Figure | None = None
    """The overall score as published (None when the assessment records none)."""
    published_rating: str | None = None
    note: str | None = None
    grade_counts: tuple[GradeCount, ...] = ()
    """How many outcomes are at each grade, as published and from the outcomes' grades (empty without counts)."""

    framework = EDS2022.name

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True, slots=True)
class Eds2Grading:
    """An EDS2 assessment graded: per goal, and each outcome's grade against the previous one."""

    id: str
    period_start: dt.date
    period_end: dt.date
    goals: tuple[GoalSummary, ...]
    missing: tuple[str, ...]
    comparison: Comparison
    changes: tuple[GradeChange, ...] | None
    published_rating: str | None = None
    note: str | None = None
    grade_counts: tuple[GradeCount, ...] = ()
    """How many outcomes are at each grade, as published and from the outcomes' grades (empty without counts)."""

    framework = EDS2.name

    @property
    def complete(self) -> bool:
        return not self.missing


EdsGrading = Eds2022Grading | Eds2Grading


def eds2022_rating(score: int) -> str:
    """The rating of an overall EDS 2022 score (0-33)."""
    if not 0 <= score <= 33:
        raise ValueError(f"an EDS 2022 overall score is 0 to 33, not {score}")
    return next(rating for lowest, rating in reversed(EDS2022_RATINGS) if score >= lowest)


def eds2_grade(characteristics: Sequence[str], all_fare_well: bool) -> str:
    """The EDS2 grade of an outcome from the characteristics it has evidence and plans for."""
    evidenced = len(protected(characteristics))
    if evidenced == len(PROTECTED_CHARACTERISTICS) and all_fare_well:
        return "Excelling"
    if evidenced >= 6:
        return "Achieving"
    return "Developing" if evidenced >= 3 else "Undeveloped"


def protected(characteristics: Sequence[str]) -> tuple[str, ...]:
    """The distinct protected characteristics among `characteristics`, in the Act's order."""
    return tuple(slug for slug in PROTECTED_CHARACTERISTICS if slug in characteristics)


def grade_eds(assessments: Sequence[Eds], period: str | None = None) -> EdsGrading:
    """Grade the assessment with id `period` (default: the latest to end) against the one before.

    Raises `EdsAssessmentMissing` when there is no assessment, or none with that id.
    """
    current = _choose(assessments, period)
    earlier = [other for other in assessments if other.period_end < current.period_end]
    previous = max(earlier, key=lambda other: other.period_end, default=None)
    if current.framework == EDS2022.name:
        return _grade_eds2022(current, previous)
    return _grade_eds2(current, previous)


def _choose(assessments: Sequence[Eds], period: str | None) -> Eds:
    if not assessments:
        raise EdsAssessmentMissing("there is no EDS assessment; add one to eds/, e.g. eds/2024-25.yaml")
    if period is None:
        return max(assessments, key=lambda assessment: assessment.period_end)
    chosen = next((assessment for assessment in assessments if assessment.id == period), None)
    if chosen is None:
        known = ", ".join(sorted(assessment.id for assessment in assessments))
        raise EdsAssessmentMissing(f"there is no EDS assessment with id {period}; the assessments are {known}")
    return chosen


def _comparison(current: Eds, previous: Eds | None) -> Comparison:
    if previous is None:
        return Comparison(None, "there is no earlier assessment to compare with")
    if previous.framework != current.framework:
        return Comparison(previous.id, f"the previous assessment {previous.id} used {previous.framework}, "
                                       f"not {current.framework}, so the two are not compared")
    return Comparison(previous.id, None)


def _missing(assessment: Eds, framework: Framework) -> tuple[str, ...]:
    return tuple(code for code in framework.codes if _grade_of(assessment, code) is None)


def _grade_of(assessment: Eds, code: str) -> str | None:
    outcome = assessment.outcomes.get(code)
    if outcome is None:
        return None
    if assessment.framework == EDS2022.name:
        return None if outcome.score is None else GRADES[outcome.score]
    return computed_eds2_grade(outcome) or outcome.grade


def computed_eds2_grade(outcome: EdsOutcome) -> str | None:
    """The EDS2 grade the evidence gives: None unless its characteristics are listed (an empty list
    means none) or it is said that all groups fare well; the same reading as `equitykit validate`."""
    if outcome.characteristics is None and not outcome.all_fare_well:
        return None
    return eds2_grade(outcome.characteristics or [], outcome.all_fare_well)


def grade_counts(assessment: Eds) -> tuple[GradeCount, ...]:
    """How many outcomes are at each grade (EDS 2022: at each score, 0 Undeveloped to 3 Excelling), lowest grade
    first: computed from the outcomes' grades when every outcome is graded, and as published. A grade the
    publication gives no count for is taken as none when its counts add up to every outcome (15 achieving and 3
    developing of EDS2's 18 outcomes: none undeveloped or excelling); else it is not known. Empty when neither is
    known."""
    framework = FRAMEWORKS[assessment.framework]
    grades = {code: _grade_of(assessment, code) for code in framework.codes}
    complete = all(grade is not None for grade in grades.values())
    given: dict[str, int] = {str(grade): count for grade, count in assessment.published.grades.items()} if (
        assessment.published) else {}
    every = bool(given) and sum(given.values()) == len(framework.codes)
    if not complete and not given:
        return ()
    return tuple(GradeCount(grade, sum(g == grade for g in grades.values()) if complete else None,
                            given.get(grade, 0 if every else None),
                            tuple(code for code, g in grades.items() if g == grade) if complete else ())
                 for grade in GRADES)


def _published_domain(assessment: Eds, place: int) -> PublishedDomain | None:
    domains = assessment.published.domains if assessment.published else {}
    return next((domain for number, domain in domains.items() if number == str(place)), None)


def published_total(assessment: Eds) -> Figure | None:
    """An EDS 2022 assessment's overall score as published, if it records one."""
    total = assessment.published.total if assessment.published else None
    return None if total is None else published(total, "")


def _grade_eds2022(current: Eds, previous: Eds | None) -> Eds2022Grading:
    domains = []
    for place, name in enumerate(EDS2022.groups, start=1):
        outcomes = tuple(
            OutcomeScore(outcome.code, outcome.text, _score(current, outcome.code), _grade_of(current, outcome.code))
            for outcome in EDS2022.outcomes if outcome.group == name
        )
        missing = tuple(outcome.code for outcome in outcomes if outcome.score is None)
        total = None if missing else sum(outcome.score or 0 for outcome in outcomes)
        given = _published_domain(current, place)
        domains.append(DomainScore(name, outcomes, total, missing,
                                   None if given is None or given.score is None else published(given.score, ""),
                                   None if given is None else given.rating))
    missing = _missing(current, EDS2022)
    score = None if missing else sum(domain.total or 0 for domain in domains)
    rating = None if score is None else eds2022_rating(score)
    comparison = _comparison(current, previous)
    result = current.published
    return Eds2022Grading(current.id, current.period_start, current.period_end, tuple(domains), missing, score,
                          rating, *_score_change(comparison, previous, current), published_total(current),
                          None if result is None else result.rating, None if result is None else result.note,
                          _published_counts(current))


def overall(assessment: Eds) -> tuple[int, str, bool] | None:
    """An EDS 2022 assessment's overall score and rating, and whether they are as published: computed when
    every outcome is scored, else as published (the rating of the published total when no rating was
    published); None when neither."""
    if not _missing(assessment, EDS2022):
        score = sum(_score(assessment, code) or 0 for code in EDS2022.codes)
        return score, eds2022_rating(score), False
    result = assessment.published
    if result is None or result.total is None:
        return None
    return result.total, result.rating or eds2022_rating(result.total), True


def _score(assessment: Eds, code: str) -> int | None:
    outcome = assessment.outcomes.get(code)
    return None if outcome is None else outcome.score


def _score_change(comparison: Comparison, previous: Eds | None,
                  current: Eds) -> tuple[Comparison, ScoreChange | None]:
    if previous is None or comparison.note is not None:
        return comparison, None
    now, before = overall(current), overall(previous)
    if now is None:
        return Comparison(previous.id, "this assessment is incomplete, so it is not compared"), None
    if before is None:
        return Comparison(previous.id, f"the previous assessment {previous.id} is incomplete, so it is not "
                                       "compared"), None
    score, rating, _as_published = now
    previous_score, previous_rating, _was_published = before
    movement = "unchanged" if previous_rating == rating else f"{previous_rating} to {rating}"
    return comparison, ScoreChange(previous.id, previous_score, previous_rating, score - previous_score,
                                   movement)


def _grade_eds2(current: Eds, previous: Eds | None) -> Eds2Grading:
    goals = []
    for place, name in enumerate(EDS2.groups, start=1):
        outcomes = tuple(_outcome_grade(current, outcome.code, outcome.text)
                         for outcome in EDS2.outcomes if outcome.group == name)
        counts = {grade: sum(outcome.grade == grade for outcome in outcomes) for grade in GRADES}
        missing = tuple(outcome.code for outcome in outcomes if outcome.grade is None)
        given = _published_domain(current, place)
        goals.append(GoalSummary(name, outcomes, counts, missing, None if given is None else given.rating))
    comparison = _comparison(current, previous)
    changes = None
    if previous is not None and comparison.note is None:
        changes = tuple(_grade_changes(current, previous))
    result = current.published
    return Eds2Grading(current.id, current.period_start, current.period_end, tuple(goals),
                       _missing(current, EDS2), comparison, changes, None if result is None else result.rating,
                       None if result is None else result.note, _published_counts(current))


def _published_counts(assessment: Eds) -> tuple[GradeCount, ...]:
    """The counts of outcomes at each grade where the assessment publishes them (with the computed ones beside)."""
    counts = grade_counts(assessment)
    return counts if any(count.published is not None for count in counts) else ()


def _outcome_grade(assessment: Eds, code: str, text: str) -> OutcomeGrade:
    outcome = assessment.outcomes.get(code)
    if outcome is None:
        return OutcomeGrade(code, text, (), False, None)
    return OutcomeGrade(code, text, protected(outcome.characteristics or []), outcome.all_fare_well,
                        _grade_of(assessment, code), outcome.grade, computed_eds2_grade(outcome))


def _grade_changes(current: Eds, previous: Eds) -> list[GradeChange]:
    changes = []
    for code in EDS2.codes:
        now, before = _grade_of(current, code), _grade_of(previous, code)
        if now is None or before is None:
            continue
        step = GRADES.index(now) - GRADES.index(before)
        movement = "improved" if step > 0 else "declined" if step < 0 else "unchanged"
        changes.append(GradeChange(code, before, now, movement))
    return changes
