"""The nine NHS Workforce Race Equality Standard (WRES) indicators from workforce snapshots.

White staff are NHS ethnic category codes A-C, BME staff codes D-S; unknown (Z) is left out.
Indicator 2 divides White applicants' likelihood of appointment from shortlisting by BME
applicants'; indicator 3 divides BME staff's likelihood of entering the formal disciplinary process
by White staff's; indicator 4 divides White staff's likelihood of accessing non-mandatory training
by BME staff's. Staff headcounts per group are the sums of the indicator 1 band rows.

Indicator 3 is a single year by default. With `rolling_disciplinary=True` it pools last year's
snapshot with this year's when last year's exists: (entered last year + entered this year) /
(staff last year + staff this year) for each group, the same two-year rolling reading as WDES 3.

A snapshot without the counts may hold the indicators as the body published them (`published.wres`):
its result is then those figures, marked as published, and it is last year's result for the year after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import N_
from ..records.workforce import Workforce
from .standards import (
    DEFAULT_BAND,
    BoardDifference,
    Groups,
    Likelihood,
    LikelihoodBand,
    LikelihoodSpec,
    Representation,
    SurveyResult,
    board_differences,
    choose_snapshot,
    process_counts,
    published_result,
    relative_likelihood,
    representation,
    result_parts,
    share,
    survey_results,
    total_counts,
    year_before,
)

WRES_GROUPS = Groups("bme", "white", {"bme": N_("BME"), "white": N_("White")})

APPOINTMENT = LikelihoodSpec(
    "2", N_("Relative likelihood of White applicants being appointed from shortlisting compared to BME "
            "applicants"), "white", "bme", "bme", "applicants", "were appointed")
DISCIPLINARY = LikelihoodSpec(
    "3", N_("Relative likelihood of BME staff entering the formal disciplinary process compared to White "
            "staff"), "bme", "white", "bme", "staff", "entered the formal disciplinary process")
TRAINING = LikelihoodSpec(
    "4", N_("Relative likelihood of White staff accessing non-mandatory training and CPD compared to BME "
            "staff"), "white", "bme", "bme", "staff", "accessed non-mandatory training")
SURVEY_QUESTIONS = (
    ("5", "harassment_public", N_("Staff experiencing harassment, bullying or abuse from patients, "
                                  "relatives or the public in the last 12 months")),
    ("6", "harassment_staff", N_("Staff experiencing harassment, bullying or abuse from staff in the last "
                                 "12 months")),
    ("7", "career_progression", N_("Staff believing that the trust provides equal opportunities for career "
                                   "progression or promotion")),
    ("8", "discrimination", N_("Staff who personally experienced discrimination at work from a manager, "
                               "team leader or other colleagues in the last 12 months")),
)


@dataclass(frozen=True, slots=True)
class WresIndicators:
    """The nine WRES indicators at one snapshot, with changes on last year's snapshot if it exists."""

    snapshot: dt.date
    previous_snapshot: dt.date | None
    band: LikelihoodBand
    representation: Representation
    appointment: Likelihood
    disciplinary: Likelihood
    training: Likelihood
    surveys: tuple[SurveyResult, ...]
    board: tuple[BoardDifference, ...]

    @property
    def likelihoods(self) -> tuple[Likelihood, ...]:
        return (self.appointment, self.disciplinary, self.training)


def has_wres(record: Workforce) -> bool:
    """Whether a snapshot holds WRES inputs (counts and survey results)."""
    return record.wres is not None


def has_wres_results(record: Workforce) -> bool:
    """Whether a snapshot holds WRES inputs or WRES indicators as published."""
    return has_wres(record) or bool(record.published and record.published.wres)


def wres_parts(result: WresIndicators) -> dict:
    """Every figure of the WRES by (indicator number, part), as `published.wres` names them."""
    return result_parts(result, "9")


def wres_indicators(
    history: Sequence[Workforce],
    snapshot: dt.date | None = None,
    *,
    band: LikelihoodBand = DEFAULT_BAND,
    rolling_disciplinary: bool = False,
) -> WresIndicators:
    """The WRES indicators at `snapshot` (default: the latest with WRES data) among `history`.

    Raises `WorkforceDataMissing` when that snapshot does not exist or holds no WRES data.
    """
    current = choose_snapshot(history, has_wres_results, "wres", snapshot)
    return _indicators(history, current, band, rolling_disciplinary)


def _indicators(history: Sequence[Workforce], current: Workforce, band: LikelihoodBand,
                rolling: bool) -> WresIndicators:
    last_year = year_before(history, current, has_wres_results)
    previous = None if last_year is None else _indicators(history, last_year, band, rolling)
    data, groups = current.wres, WRES_GROUPS
    if data is None:
        return _as_published(current, band, previous)
    entered, headcount, years = process_counts(groups, data.disciplinary, data.bands,
                                               None if last_year is None else last_year.wres, "disciplinary", rolling)
    staff = total_counts(data.bands, groups)
    return WresIndicators(
        snapshot=current.snapshot,
        previous_snapshot=None if last_year is None else last_year.snapshot,
        band=band,
        representation=representation(data.bands, groups, None if previous is None else previous.representation),
        appointment=relative_likelihood(APPOINTMENT, groups, groups.counts(data.appointed),
                                        groups.counts(data.shortlisted), band,
                                        None if previous is None else previous.appointment),
        disciplinary=relative_likelihood(DISCIPLINARY, groups, entered, headcount, band,
                                         None if previous is None else previous.disciplinary, years),
        training=relative_likelihood(TRAINING, groups, groups.counts(data.training), staff, band,
                                     None if previous is None else previous.training),
        surveys=survey_results(SURVEY_QUESTIONS, data.survey, groups, None if previous is None else previous.surveys),
        board=board_differences(data.board, share(staff, groups), groups, None if previous is None else previous.board),
    )


def _as_published(current: Workforce, band: LikelihoodBand, previous: WresIndicators | None) -> WresIndicators:
    """The indicators of a snapshot that holds them as published, without counts."""
    entries = current.published.wres if current.published else {}
    return WresIndicators(**published_result(
        current, entries, WRES_GROUPS, SURVEY_QUESTIONS,
        {"appointment": APPOINTMENT, "disciplinary": DISCIPLINARY, "training": TRAINING}, "9", band, previous))
