"""The ten NHS Workforce Disability Equality Standard (WDES) metrics from workforce snapshots.

Disabled staff are compared with non-disabled staff; staff whose status is unknown are left out.
Metric 2 divides non-disabled applicants' likelihood of appointment from shortlisting by Disabled
applicants'; metric 3 divides Disabled staff's likelihood of entering the formal capability process
by non-disabled staff's. Staff headcounts per group are the sums of the metric 1 band rows.

Metric 3 is a two-year rolling average when last year's snapshot exists. equitykit reads that as
pooling the two years: (entered last year + entered this year) / (staff last year + staff this year)
for each group, then the ratio of the two pooled rates. Without last year's snapshot it is the
single year, and `years` says so.

A snapshot without the counts may hold the metrics as the body published them (`published.wdes`): its
result is then those figures, marked as published, and it is last year's result for the year after
(never pooled into a rolling average, which needs counts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import N_
from ..records.workforce import DisabledStaffVoice, EngagementScore, Workforce
from .figures import PERCENT_PLACES, Figure, difference, exact, figure, unknown
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
    published_part,
    published_result,
    relative_likelihood,
    representation,
    result_parts,
    share,
    survey_results,
    total_counts,
    year_before,
)

WDES_GROUPS = Groups("disabled", "non_disabled", {"disabled": N_("Disabled"), "non_disabled": N_("non-disabled")})

APPOINTMENT = LikelihoodSpec(
    "2", N_("Relative likelihood of non-disabled applicants being appointed from shortlisting compared to "
            "Disabled applicants"), "non_disabled", "disabled", "disabled", "applicants", "were appointed")
CAPABILITY = LikelihoodSpec(
    "3", N_("Relative likelihood of Disabled staff entering the formal capability process compared to "
            "non-disabled staff"), "disabled", "non_disabled", "disabled", "staff",
    "entered the formal capability process")
SURVEY_QUESTIONS = (
    ("4a(i)", "harassment_public", N_("Staff experiencing harassment, bullying or abuse from patients, "
                                      "service users, their relatives or the public")),
    ("4a(ii)", "harassment_managers", N_("Staff experiencing harassment, bullying or abuse from managers")),
    ("4a(iii)", "harassment_colleagues", N_("Staff experiencing harassment, bullying or abuse from other "
                                            "colleagues")),
    ("4b", "harassment_reported", N_("Staff saying that the last time they experienced harassment, bullying "
                                     "or abuse at work, they or a colleague reported it")),
    ("5", "career_progression", N_("Staff believing that the trust provides equal opportunities for career "
                                   "progression or promotion")),
    ("6", "presenteeism", N_("Staff saying they felt pressure from their manager to come to work despite "
                             "not feeling well enough to perform their duties")),
    ("7", "valued", N_("Staff satisfied with the extent to which their organisation values their work")),
    ("8", "adjustments", N_("Disabled staff saying their employer has made adequate adjustment(s) to enable "
                            "them to carry out their work")),
)
ENGAGEMENT_GROUPS = ("disabled", "non_disabled", "overall")


@dataclass(frozen=True, slots=True)
class Engagement:
    """Metric 9a: the staff engagement score (0-10) of each group and overall, with changes."""

    scores: dict[str, Figure]
    changes: dict[str, Figure] | None


@dataclass(frozen=True, slots=True)
class WdesMetrics:
    """The ten WDES metrics at one snapshot, with changes on last year's snapshot if it exists."""

    snapshot: dt.date
    previous_snapshot: dt.date | None
    band: LikelihoodBand
    representation: Representation
    appointment: Likelihood
    capability: Likelihood
    surveys: tuple[SurveyResult, ...]
    engagement: Engagement
    voice: DisabledStaffVoice | None
    board: tuple[BoardDifference, ...]

    @property
    def likelihoods(self) -> tuple[Likelihood, ...]:
        return (self.appointment, self.capability)


def has_wdes(record: Workforce) -> bool:
    """Whether a snapshot holds WDES inputs (counts and survey results)."""
    return record.wdes is not None


def has_wdes_results(record: Workforce) -> bool:
    """Whether a snapshot holds WDES inputs or WDES metrics as published."""
    return has_wdes(record) or bool(record.published and record.published.wdes)


def wdes_parts(result: WdesMetrics) -> dict:
    """Every figure of the WDES by (metric number, part), as `published.wdes` names them."""
    return result_parts(result, "10")


def wdes_metrics(
    history: Sequence[Workforce],
    snapshot: dt.date | None = None,
    *,
    band: LikelihoodBand = DEFAULT_BAND,
    rolling_capability: bool = True,
) -> WdesMetrics:
    """The WDES metrics at `snapshot` (default: the latest with WDES data) among `history`.

    Raises `WorkforceDataMissing` when that snapshot does not exist or holds no WDES data.
    """
    current = choose_snapshot(history, has_wdes_results, "wdes", snapshot)
    return _metrics(history, current, band, rolling_capability)


def _metrics(history: Sequence[Workforce], current: Workforce, band: LikelihoodBand,
             rolling: bool) -> WdesMetrics:
    last_year = year_before(history, current, has_wdes_results)
    previous = None if last_year is None else _metrics(history, last_year, band, rolling)
    data, groups = current.wdes, WDES_GROUPS
    if data is None:
        return _as_published(current, band, previous)
    entered, headcount, years = process_counts(groups, data.capability, data.bands,
                                               None if last_year is None else last_year.wdes, "capability", rolling)
    return WdesMetrics(
        snapshot=current.snapshot,
        previous_snapshot=None if last_year is None else last_year.snapshot,
        band=band,
        representation=representation(data.bands, groups, None if previous is None else previous.representation),
        appointment=relative_likelihood(APPOINTMENT, groups, groups.counts(data.appointed),
                                        groups.counts(data.shortlisted), band,
                                        None if previous is None else previous.appointment),
        capability=relative_likelihood(CAPABILITY, groups, entered, headcount, band,
                                       None if previous is None else previous.capability, years),
        surveys=survey_results(SURVEY_QUESTIONS, data.survey, groups, None if previous is None else previous.surveys),
        engagement=_engagement(data.engagement, None if previous is None else previous.engagement),
        voice=data.voice,
        board=board_differences(data.board, share(total_counts(data.bands, groups), groups), groups,
                                None if previous is None else previous.board),
    )


def _engagement(engagement: EngagementScore, previous: Engagement | None) -> Engagement:
    scores = {}
    for group in ENGAGEMENT_GROUPS:
        score = getattr(engagement, group)
        scores[group] = (unknown("no engagement score given") if score is None
                         else figure(exact(score), PERCENT_PLACES, None))
    changes = None
    if previous is not None:
        changes = {group: difference(value, previous.scores[group]) for group, value in scores.items()}
    return Engagement(scores, changes)


def _as_published(current: Workforce, band: LikelihoodBand, previous: WdesMetrics | None) -> WdesMetrics:
    """The metrics of a snapshot that holds them as published, without counts (and so without 9b's voice)."""
    entries = current.published.wdes if current.published else {}
    scores = {group: published_part(entries.get("9a"), group) for group in ENGAGEMENT_GROUPS}
    changes = None
    if previous is not None:
        changes = {group: difference(value, previous.engagement.scores[group]) for group, value in scores.items()}
    return WdesMetrics(**published_result(
        current, entries, WDES_GROUPS, SURVEY_QUESTIONS, {"appointment": APPOINTMENT, "capability": CAPABILITY},
        "10", band, previous), engagement=Engagement(scores, changes), voice=None)
