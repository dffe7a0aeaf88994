"""What the NHS workforce equality standards (WRES and WDES) share.

Each compares two groups of staff: the group the standard is about (BME or Disabled staff) and
everyone else whose status is known (White or non-disabled staff). Staff whose ethnicity or
disability is unknown are left out of every numerator and denominator. Each figure is computed on
exact values, rounded half up at the end, and carries the smallest count it rests on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from ..records.workforce import Workforce
from .figures import (
    LIKELIHOOD_PLACES,
    PERCENT_PLACES,
    Figure,
    difference,
    figure,
    given_percentage,
    min_of,
    percentage,
    published,
    unknown,
)

Counts = Mapping[str, int]
"""Headcounts keyed by the records' group names, e.g. {"white": 900, "bme": 300}."""
Position = Literal["inside", "above", "below"]


class WorkforceDataMissing(LookupError):
    """There is no workforce snapshot with the standard's data to compute from."""


@dataclass(frozen=True, slots=True)
class Groups:
    """The two groups a standard compares: the records' field names and the names shown to people."""

    focus: str
    reference: str
    names: Mapping[str, str]

    def counts(self, model: Any) -> dict[str, int]:
        """The known-status headcounts of a counts model; unknown is left out."""
        return {group: getattr(model, group) for group in (self.focus, self.reference)}


@dataclass(frozen=True, slots=True)
class LikelihoodBand:
    """The range of relative likelihoods read as no adverse impact, both ends included."""

    lower: Fraction = Fraction(4, 5)
    upper: Fraction = Fraction(5, 4)

    def __post_init__(self) -> None:
        if not 0 < self.lower <= 1 <= self.upper:
            raise ValueError(f"a no-adverse-impact band must contain 1.00 and start above 0; got "
                             f"{float(self.lower):.2f} to {float(self.upper):.2f}")

    def position(self, ratio: Fraction) -> Position:
        """Where an unrounded ratio falls against the band."""
        if ratio > self.upper:
            return "above"
        return "below" if ratio < self.lower else "inside"


DEFAULT_BAND = LikelihoodBand()
"""0.80 to 1.25: domain-rules section 0's default, configurable by passing another band."""
NO_ADVERSE_IMPACT = "no adverse impact"


@dataclass(frozen=True, slots=True)
class Likelihood:
    """How likely the `numerator` group is to meet an outcome relative to the `denominator` group.

    `rates` is the percentage of each group meeting it; `ratio` divides the numerator group's rate
    by the denominator group's. `status` says in words whether the ratio shows adverse impact and,
    if so, which group is disadvantaged (`disadvantaged`). `years` is 2 for a two-year rolling
    figure. `change` is the ratio minus last year's, when last year's snapshot exists.
    """

    number: str
    title: str
    numerator: str
    denominator: str
    rates: Mapping[str, Figure]
    ratio: Figure
    status: str
    disadvantaged: str | None
    years: int
    change: Figure | None


@dataclass(frozen=True, slots=True)
class LikelihoodSpec:
    """What one likelihood indicator compares: the outcome, who is divided by whom, and who suffers
    when the ratio is above the band (the other group suffers when it is below)."""

    number: str
    title: str
    numerator: str
    denominator: str
    disadvantaged_above: str
    people: str
    outcome: str


def relative_likelihood(
    spec: LikelihoodSpec,
    groups: Groups,
    met: Counts,
    population: Counts,
    band: LikelihoodBand,
    previous: Likelihood | None = None,
    years: int = 1,
) -> Likelihood:
    """The relative likelihood `spec` defines, from counts meeting the outcome and the population."""
    rates = {
        group: percentage(met[group], population[group],
                          f"there are no {groups.names[group]} {spec.people} to compare")
        for group in (spec.numerator, spec.denominator)
    }
    nobody = (f"no {groups.names[spec.denominator]} {spec.people} {spec.outcome}, so the likelihood "
              "cannot be divided by it")
    ratio = _ratio(rates[spec.numerator], rates[spec.denominator], nobody)
    status, disadvantaged = _classify(ratio, spec, groups, band)
    change = None if previous is None else difference(ratio, previous.ratio, LIKELIHOOD_PLACES)
    return Likelihood(spec.number, spec.title, spec.numerator, spec.denominator, rates, ratio, status,
                      disadvantaged, years, change)


def _ratio(numerator: Figure, denominator: Figure, reason_if_zero: str) -> Figure:
    smallest = min_of(numerator.min_count, denominator.min_count)
    if numerator.unrounded is None or denominator.unrounded is None:
        return unknown(numerator.reason or denominator.reason or "", smallest)
    if denominator.unrounded == 0:
        return unknown(reason_if_zero, smallest)
    return figure(numerator.unrounded / denominator.unrounded, LIKELIHOOD_PLACES, smallest)


def _classify(ratio: Figure, spec: LikelihoodSpec, groups: Groups,
              band: LikelihoodBand) -> tuple[str, str | None]:
    if ratio.unrounded is None:
        return "cannot be computed", None
    position = band.position(ratio.unrounded)
    if position == "inside":
        return NO_ADVERSE_IMPACT, None
    other = spec.denominator if spec.disadvantaged_above == spec.numerator else spec.numerator
    group = spec.disadvantaged_above if position == "above" else other
    return f"adverse impact: {groups.names[group]} {spec.people} disadvantaged", group


@dataclass(frozen=True, slots=True)
class BandShare:
    """The focus group's share of known-status staff in one band of one staff group."""

    staff_group: str
    band: str
    share: Figure
    gap: Figure
    unknown: int
    change: Figure | None


@dataclass(frozen=True, slots=True)
class Representation:
    """WRES indicator 1 / WDES metric 1: the focus group's share of each band against the whole
    workforce. `gap` is the band's share minus the overall share, in percentage points."""

    bands: tuple[BandShare, ...]
    overall: Figure
    unknown: int
    change: Figure | None


def representation(bands: Sequence[Any], groups: Groups,
                   previous: Representation | None = None) -> Representation:
    """The focus group's percentage in each band and overall, from indicator 1 / metric 1 rows."""
    overall = share(total_counts(bands, groups), groups)
    earlier = {(row.staff_group, row.band): row.share for row in previous.bands} if previous else {}
    rows = []
    for band in bands:
        band_share = share(groups.counts(band), groups)
        before = earlier.get((band.staff_group, band.band))
        rows.append(BandShare(band.staff_group, band.band, band_share, difference(band_share, overall),
                              band.unknown, _change(band_share, before, previous is not None)))
    unknown_staff = sum(band.unknown for band in bands)
    change = None if previous is None else difference(overall, previous.overall)
    return Representation(tuple(rows), overall, unknown_staff, change)


def _change(now: Figure, before: Figure | None, have_previous: bool) -> Figure | None:
    if not have_previous:
        return None
    if before is None:
        return unknown("this band was not in last year's data", now.min_count)
    return difference(now, before)


def share(counts: Counts, groups: Groups) -> Figure:
    """The focus group's percentage of the known-status staff in `counts`."""
    focus, reference = counts[groups.focus], counts[groups.reference]
    return percentage(focus, focus + reference, "no staff of known status")


def total_counts(rows: Iterable[Any], groups: Groups) -> dict[str, int]:
    """Known-status headcounts summed over rows (the whole workforce, from the band rows)."""
    totals = dict.fromkeys((groups.focus, groups.reference), 0)
    for row in rows:
        for group, count in groups.counts(row).items():
            totals[group] += count
    return totals


def pooled(*counts: Counts) -> dict[str, int]:
    """Counts added group by group (for a rolling average over years)."""
    totals: dict[str, int] = {}
    for each in counts:
        for group, count in each.items():
            totals[group] = totals.get(group, 0) + count
    return totals


@dataclass(frozen=True, slots=True)
class SurveyResult:
    """An NHS Staff Survey percentage for each group, and each group's change on last year."""

    number: str
    title: str
    percentages: Mapping[str, Figure]
    changes: Mapping[str, Figure] | None


def survey_result(number: str, title: str, survey: Any, groups: Groups,
                  previous: SurveyResult | None = None) -> SurveyResult:
    """The survey percentages given for each group, with the responses behind them."""
    percentages = {
        group: given_percentage(getattr(survey, group), getattr(survey, f"{group}_responses"),
                                f"no percentage given for {groups.names[group]} respondents")
        for group in (groups.focus, groups.reference)
    }
    changes = None
    if previous is not None:
        changes = {group: difference(value, previous.percentages[group])
                   for group, value in percentages.items()}
    return SurveyResult(number, title, percentages, changes)


@dataclass(frozen=True, slots=True)
class BoardDifference:
    """WRES indicator 9 / WDES metric 10 for one kind of membership: the focus group's share of the
    board minus its share of the workforce, in percentage points."""

    membership: str
    board: Figure
    workforce: Figure
    difference: Figure
    change: Figure | None


def board_difference(membership: str, members: Any, workforce: Figure, groups: Groups,
                     previous: BoardDifference | None = None) -> BoardDifference:
    """The board-minus-workforce percentage points for one kind of membership."""
    board = share(groups.counts(members), groups)
    gap = difference(board, workforce, PERCENT_PLACES)
    change = None if previous is None else difference(gap, previous.difference)
    return BoardDifference(membership, board, workforce, gap, change)


def choose_snapshot(history: Sequence[Workforce], has_data: Callable[[Workforce], bool],
                    standard: str, snapshot: dt.date | None = None) -> Workforce:
    """The snapshot taken on `snapshot`, or the latest holding the standard's data."""
    if snapshot is not None:
        chosen = [record for record in history if record.snapshot == snapshot]
        if not chosen:
            raise WorkforceDataMissing(f"there is no workforce snapshot dated {snapshot.isoformat()}")
        if not has_data(chosen[0]):
            raise WorkforceDataMissing(f"the workforce snapshot dated {snapshot.isoformat()} has no "
                                       f"{standard.upper()} data; add a `{standard}:` section to it")
        return chosen[0]
    with_data = [record for record in history if has_data(record)]
    if not with_data:
        raise WorkforceDataMissing(f"no workforce snapshot has {standard.upper()} data; add a "
                                   f"`{standard}:` section to a file in workforce/")
    return max(with_data, key=lambda record: record.snapshot)


def year_before(history: Sequence[Workforce], current: Workforce,
                has_data: Callable[[Workforce], bool]) -> Workforce | None:
    """Last year's snapshot holding the standard's data: the latest one dated in the year before."""
    earlier = [record for record in history if has_data(record)
               and record.snapshot.year == current.snapshot.year - 1]
    return max(earlier, key=lambda record: record.snapshot, default=None)


def process_counts(groups: Groups, entered: Any, bands: Sequence[Any], last_year: Any | None,
                   process: str, rolling: bool) -> tuple[dict[str, int], dict[str, int], int]:
    """Who entered a formal process, out of how many staff, and over how many years.

    With `rolling` and last year's data (`last_year`, the standard's inputs a year earlier), both
    years' counts are pooled group by group: a two-year rolling average.
    """
    entered_counts, staff = groups.counts(entered), total_counts(bands, groups)
    if not rolling or last_year is None:
        return entered_counts, staff, 1
    return (pooled(entered_counts, groups.counts(getattr(last_year, process))),
            pooled(staff, total_counts(last_year.bands, groups)), 2)


def survey_results(questions: Sequence[tuple[str, str, str]], survey: Any, groups: Groups,
                   previous: Sequence[SurveyResult] | None) -> tuple[SurveyResult, ...]:
    """Each survey question's (number, field, title) result, with changes on last year's."""
    return tuple(
        survey_result(number, title, getattr(survey, field), groups, None if previous is None else previous[index])
        for index, (number, field, title) in enumerate(questions)
    )


def board_differences(board: Any, workforce: Figure, groups: Groups,
                      previous: Sequence[BoardDifference] | None) -> tuple[BoardDifference, ...]:
    """Board-minus-workforce percentage points for voting and for executive membership."""
    return tuple(
        board_difference(membership, getattr(board, membership), workforce, groups,
                         None if previous is None else previous[index])
        for index, membership in enumerate(("voting", "executive"))
    )


NOT_GIVEN = "not given in the publication"
"""Why a figure of a year recorded as published is missing."""


def published_part(entry: Any | None, part: str) -> Figure:
    """One figure of an indicator as published (`part` is `value`, a group or a kind of membership), with
    the staff survey's year and, for the headline figure, the comparators printed beside it."""
    if entry is None:
        return unknown(NOT_GIVEN)
    comparators = (("national", entry.national), ("previous-year", entry.previous_year)) if part == "value" else ()
    return published(getattr(entry, part, None), NOT_GIVEN, year=entry.survey_year, comparators=comparators)


def published_likelihood(spec: LikelihoodSpec, groups: Groups, entry: Any | None, band: LikelihoodBand,
                         previous: Likelihood | None = None) -> Likelihood:
    """A relative likelihood as published: the ratio as printed, read against the band, without rates."""
    ratio = published_part(entry, "value")
    rates = {group: unknown("published without the rates behind it") for group in (spec.numerator, spec.denominator)}
    status, disadvantaged = _classify(ratio, spec, groups, band) if ratio.known else (NOT_GIVEN, None)
    change = None if previous is None else difference(ratio, previous.ratio, LIKELIHOOD_PLACES)
    return Likelihood(spec.number, spec.title, spec.numerator, spec.denominator, rates, ratio, status,
                      disadvantaged, 1, change)


def published_representation(entry: Any | None, previous: Representation | None = None) -> Representation:
    """Indicator or metric 1 as published: the focus group's overall share, without the bands."""
    overall = published_part(entry, "value")
    return Representation((), overall, 0, None if previous is None else difference(overall, previous.overall))


def published_surveys(questions: Sequence[tuple[str, str, str]], entries: Mapping[Any, Any], groups: Groups,
                      previous: Sequence[SurveyResult] | None) -> tuple[SurveyResult, ...]:
    """Each survey question's result as published, with changes on last year's."""
    results = []
    for index, (number, _field, title) in enumerate(questions):
        percentages = {group: published_part(entries.get(number), group) for group in (groups.focus, groups.reference)}
        changes = None
        if previous is not None:
            changes = {group: difference(value, previous[index].percentages[group])
                       for group, value in percentages.items()}
        results.append(SurveyResult(number, title, percentages, changes))
    return tuple(results)


def published_board(entry: Any | None, previous: Sequence[BoardDifference] | None) -> tuple[BoardDifference, ...]:
    """The board differences as published, for voting and executive membership, without the shares."""
    rows = []
    for index, membership in enumerate(MEMBERSHIPS):
        gap = published_part(entry, membership)
        change = None if previous is None else difference(gap, previous[index].difference)
        rows.append(BoardDifference(membership, unknown(NOT_GIVEN), unknown(NOT_GIVEN), gap, change))
    return tuple(rows)


MEMBERSHIPS = ("voting", "executive")


def published_result(current: Workforce, entries: Mapping[Any, Any], groups: Groups,
                     questions: Sequence[tuple[str, str, str]], likelihoods: Mapping[str, LikelihoodSpec],
                     board_number: str, band: LikelihoodBand, previous: Any | None) -> dict[str, Any]:
    """What a WRES or WDES result of a snapshot held only as published has in common, by field name: its dates,
    representation, relative likelihoods (`likelihoods` by field), survey results and board differences."""
    def before(name: str) -> Any:
        return None if previous is None else getattr(previous, name)

    return {"snapshot": current.snapshot, "previous_snapshot": before("snapshot"), "band": band,
            "representation": published_representation(entries.get("1"), before("representation")),
            **{name: published_likelihood(spec, groups, entries.get(spec.number), band, before(name))
               for name, spec in likelihoods.items()},
            "surveys": published_surveys(questions, entries, groups, before("surveys")),
            "board": published_board(entries.get(board_number), before("board"))}


def result_parts(result: Any, board_number: str) -> dict[tuple[str, str], Figure]:
    """Every figure of a WRES or WDES result by (indicator number, part): the part is `value` for a headline
    figure, the group for a survey percentage or engagement score, the membership for the board."""
    parts = {("1", "value"): result.representation.overall}
    parts.update({(lk.number, "value"): lk.ratio for lk in result.likelihoods})
    for survey in result.surveys:
        parts.update({(survey.number, group): value for group, value in survey.percentages.items()})
    engagement = getattr(result, "engagement", None)
    if engagement is not None:
        parts.update({("9a", group): value for group, value in engagement.scores.items()})
    parts.update({(board_number, row.membership): row.difference for row in result.board})
    return parts
