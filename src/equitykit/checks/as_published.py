"""Results as published beside what can be computed: where the two disagree, a warning (EK455).

A workforce snapshot may hold WRES indicators and WDES metrics as the body published them (`published`)
beside the counts: each figure is computed from the counts and compared at the precision printed
(`metrics.figures.agrees`). An EDS assessment may hold its overall total and rating and its domains'
scores as published beside its outcomes' scores: each is compared with the sum of the scores; and how many
outcomes are at each grade as published, compared with the outcomes' own grades (EK457). The report shows the
computed figure; the warning says which one the publication printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..metrics.eds import EDS2022_RATINGS, eds2022_rating, grade_counts
from ..metrics.figures import agrees, published
from ..metrics.standards import NOT_GIVEN, WorkforceDataMissing
from ..metrics.wdes import WDES_GROUPS, wdes_metrics, wdes_parts
from ..metrics.wres import WRES_GROUPS, wres_indicators, wres_parts
from ..records.frameworks import EDS2022, FRAMEWORKS
from ..records.published import printed_text
from ..records.repository import RecordSet
from .registry import Finding, rule

STANDARDS: dict[str, tuple[Callable[..., Any], Callable[[Any], dict], str]] = {
    "wres": (wres_indicators, wres_parts, "indicator"), "wdes": (wdes_metrics, wdes_parts, "metric")}
PARTS = ("value", "bme", "white", "disabled", "non_disabled", "overall", "voting", "executive")
"""The figures a published indicator may hold, in the order the warnings name them."""


def _reported(standard: str) -> dict[str, tuple[str, ...]]:
    """The parts each indicator or metric of a standard reports."""
    groups = (WRES_GROUPS if standard == "wres" else WDES_GROUPS).names
    if standard == "wres":
        return {"1": ("value",), "2": ("value",), "3": ("value",), "4": ("value",),
                **{number: tuple(groups) for number in ("5", "6", "7", "8")}, "9": ("voting", "executive")}
    return {"1": ("value",), "2": ("value",), "3": ("value",),
            **{number: tuple(groups) for number in ("4a(i)", "4a(ii)", "4a(iii)", "4b", "5", "6", "7", "8")},
            "9a": (*groups, "overall"), "10": ("voting", "executive")}


@rule("EK456", "workforce", severity="warning")
def published_parts_reported(workforce, records: RecordSet) -> Iterator[Finding]:
    if workforce.published is None:
        return
    for standard in STANDARDS:
        reported = _reported(standard)
        for number, entry in getattr(workforce.published, standard).items():
            for part in PARTS:
                if getattr(entry, part, None) is not None and part not in reported[number]:
                    expected = " and ".join(reported[number])
                    yield ("published", standard, number, part), (
                        f"{standard.upper()} {STANDARDS[standard][2]} {number} does not report `{part}`, so the "
                        f"report cannot show it; record its figures as {expected}")


@rule("EK455", "workforce", severity="warning", across={"workforce": None})
def published_agrees_with_counts(workforce, records: RecordSet) -> Iterator[Finding]:
    if workforce.published is None:
        return
    history = [record for record in records.of("workforce") if record.snapshot <= workforce.snapshot]
    if workforce not in history:
        history.append(workforce)
    for standard, (compute, parts_of, item) in STANDARDS.items():
        entries = getattr(workforce.published, standard)
        if not entries or getattr(workforce, standard) is None:
            continue
        try:
            computed = parts_of(compute(history, workforce.snapshot))
        except WorkforceDataMissing:
            continue
        for number, entry in entries.items():
            for part in PARTS:
                printed = getattr(entry, part, None)
                figure = computed.get((number, part))
                if printed is None or figure is None:
                    continue
                as_published = published(printed, NOT_GIVEN)
                if not agrees(figure, as_published):
                    yield ("published", standard, number, part), (
                        f"{standard.upper()} {item} {number}{'' if part == 'value' else f' ({part})'} was "
                        f"published as {printed_text(printed)}, but this snapshot's counts and survey results give "
                        f"{figure.value}; the report shows {figure.value}: check the counts and the figure as printed "
                        "(a note: can say why they differ)")


@rule("EK455", "eds", severity="warning")
def published_agrees_with_scores(eds, records: RecordSet) -> Iterator[Finding]:
    result = eds.published
    if result is None or eds.framework != EDS2022.name:
        return
    scores = {code: outcome.score for code, outcome in eds.outcomes.items() if outcome.score is not None}
    if all(code in scores for code in EDS2022.codes):
        total = sum(scores.values())
        if result.total is not None and result.total != total:
            yield ("published", "total"), (
                f"the overall score was published as {result.total}, but the outcomes' scores add up to {total}; "
                f"the report shows {total} with the published {result.total} beside it: check the scores")
        if result.rating is not None and result.rating != eds2022_rating(total):
            yield ("published", "rating"), (
                f"the rating was published as {result.rating}, but the outcomes' scores ({total}) give "
                f"{eds2022_rating(total)}; the report shows {eds2022_rating(total)} with the published rating "
                "beside it")
    for place, name in enumerate(EDS2022.groups, start=1):
        given = result.domains.get(str(place))
        codes = [outcome.code for outcome in EDS2022.outcomes if outcome.group == name]
        if given is None or given.score is None or not all(code in scores for code in codes):
            continue
        domain_total = sum(scores[code] for code in codes)
        if given.score != domain_total:
            yield ("published", "domains", str(place), "score"), (
                f"domain {place} was published with a score of {given.score}, but its outcomes' scores "
                f"({', '.join(codes)}) add up to {domain_total}; the report shows {domain_total}: check the scores")


@rule("EK456", "eds", severity="warning")
def published_stated_once(eds, records: RecordSet) -> Iterator[Finding]:
    result = eds.published
    if result is None or result.total is None or result.rating is None or eds.framework != EDS2022.name:
        return
    if result.rating != eds2022_rating(result.total) and not result.note:
        bands = ", ".join(f"{rating} from {lowest}" for lowest, rating in EDS2022_RATINGS)
        yield ("published", "rating"), (
            f"the published total {result.total} gives {eds2022_rating(result.total)} ({bands}), but the rating "
            f"was published as {result.rating}; both are kept as published: add a note: saying what the "
            "publication says of it")


@rule("EK457", "eds", severity="warning")
def published_grade_counts_agree(eds, records: RecordSet) -> Iterator[Finding]:
    given = eds.published.grades if eds.published else {}
    if not given:
        return
    framework = FRAMEWORKS[eds.framework]
    total = sum(given.values())
    if total > len(framework.codes):
        yield ("published", "grades"), (
            f"the outcomes at each grade were published as {_counts(given)}, {total} in all, but {framework.title} has "
            f"{len(framework.codes)} outcomes: check the counts as printed")
    for count in grade_counts(eds):
        if count.differs:
            graded = ", ".join(count.codes) or "none"
            where: tuple[str, ...] = ("published", "grades")
            if count.grade in given:
                where, said = (*where, count.grade), f"{count.published} outcomes were published as {count.grade}"
            else:
                said = (f"the published counts ({_counts(given)}) cover all {total} outcomes and give none as "
                        f"{count.grade}")
            yield where, (
                f"{said}, but the outcomes' own grades give {count.computed} ({graded}); the report shows "
                f"{count.computed} with the published {count.published} beside it: check the outcomes' grades and the "
                "count as printed")


def _counts(given: dict[str, int]) -> str:
    return ", ".join(f"{grade} {number}" for grade, number in given.items())
