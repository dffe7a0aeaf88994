"""Domain rules from the law and NHS guidance (domain-rules.md), one function per rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from ..metrics.eds import GRADES, computed_eds2_grade
from ..records.action import DuePeriod
from ..records.common import FIRST_AIM, MARRIAGE, PLACEHOLDER, PROTECTED_CHARACTERISTICS
from ..records.dates import PartialDate, earliest, latest
from ..records.frameworks import FRAMEWORKS
from ..records.highlight import HighlightPeriod
from ..records.objective import Measure
from ..records.published import printed_numbers
from ..records.repository import RecordSet
from ..records.sectors import SECTORS
from ..records.terms import plan_terms
from ..records.years import year_holding, year_of_label
from .registry import Finding, rule


def _add_years(day, years: int):
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@rule("EK401", "eia")
def eia_before_decision(eia, records: RecordSet) -> Iterator[Finding]:
    if eia.decision and eia.completed and eia.completed.earliest > eia.decision.date.latest:
        yield ("completed",), (
            f"the assessment was completed on {eia.completed}, after the decision on "
            f"{eia.decision.date}; due regard must be had before the decision is taken (Brown "
            "principle 2): complete the assessment first, or record the decision's real date"
        )


@rule("EK402", "eia")
def eia_considers_all(eia, records: RecordSet) -> Iterator[Finding]:
    missing = [slug for slug in PROTECTED_CHARACTERISTICS if slug not in eia.characteristics]
    if missing:
        yield ("characteristics",), (
            f"the assessment does not consider {', '.join(missing)}; give each of the nine protected "
            "characteristics an impact and evidence, or impact: not-relevant and a reason"
        )


@rule("EK403", "eia")
def eia_findings_evidenced(eia, records: RecordSet) -> Iterator[Finding]:
    for slug, finding in eia.characteristics.items():
        if finding.impact == "not-relevant" and not finding.reason:
            yield ("characteristics", slug, "impact"), (
                f"{slug} is marked not-relevant without a reason; add reason: saying why")
        elif finding.impact not in ("not-relevant", "not-assessed") and not finding.recorded:
            yield ("characteristics", slug, "impact"), (
                f"the {finding.impact} impact on {slug} has no evidence; add evidence: (or data:, feedback: or "
                "considerations:, as the form's columns say) with the data, research or engagement behind it")


@rule("EK404", "eia")
def eia_negative_mitigated(eia, records: RecordSet) -> Iterator[Finding]:
    for slug, finding in eia.characteristics.items():
        if finding.impact in ("negative", "mixed") and not finding.mitigation and not finding.actions:
            yield ("characteristics", slug, "impact"), (
                f"the {finding.impact} impact on {slug} has no mitigation; add mitigation: saying how it "
                "is removed or reduced (or why it is justified)")


def _marriage_aims(characteristics, aims, loc) -> Iterator[Finding]:
    """Listed aims must include aim (a) when marriage and civil partnership is listed; the other aims
    then cover the other characteristics only (s149(7), domain-rules 1.3 corrected)."""
    if MARRIAGE in characteristics and aims and FIRST_AIM not in aims:
        yield loc, ("marriage and civil partnership is covered only by the aim to eliminate "
                    f"discrimination (s149(7)), and this record's aims are {', '.join(aims)}; "
                    f"add {FIRST_AIM} to the aims, or remove the characteristic")


@rule("EK405", "objective")
def objective_marriage_aims(objective, records: RecordSet) -> Iterator[Finding]:
    yield from _marriage_aims(objective.characteristics, objective.psed_aims, ("psed_aims",))


@rule("EK405", "action")
def action_marriage_aims(action, records: RecordSet) -> Iterator[Finding]:
    yield from _marriage_aims(action.characteristics, action.psed_aims, ("psed_aims",))


@rule("EK405", "eia")
def eia_marriage_aims(eia, records: RecordSet) -> Iterator[Finding]:
    finding = eia.characteristics.get(MARRIAGE)
    if finding:
        yield from _marriage_aims([MARRIAGE], finding.aims, ("characteristics", MARRIAGE, "aims"))


@rule("EK406", "objective")
def objective_four_years(objective, records: RecordSet) -> Iterator[Finding]:
    if objective.start is not None and objective.end.earliest > _add_years(objective.start.latest, 4):
        yield ("end",), (f"the objective runs from {objective.start} to {objective.end}, more than four "
                         "years; objectives must be set at least every four years, so end it sooner")


def _unmeasured(objective) -> Iterator[Finding]:
    for index, measure in enumerate(objective.measures):
        if isinstance(measure, Measure) and measure.target is None:
            yield ("measures", index), (f"the measure '{measure.description}' has no target; objectives must be "
                                        "specific and measurable: add the figure to reach and its date")


@rule("EK407", "objective", severity="warning")
def objective_being_drafted_measurable(objective, records: RecordSet) -> Iterator[Finding]:
    if objective.status in (None, "not-started"):  # being drafted, or as published with no status
        yield from _unmeasured(objective)


@rule("EK407", "objective")
def objective_measurable(objective, records: RecordSet) -> Iterator[Finding]:
    if objective.status not in (None, "not-started"):
        yield from _unmeasured(objective)


@rule("EK407", "objective", severity="warning")
def objective_target_without_baseline(objective, records: RecordSet) -> Iterator[Finding]:
    for index, measure in enumerate(objective.measures):
        if isinstance(measure, Measure) and measure.target is not None and measure.baseline is None:
            yield ("measures", index, "target"), (
                f"the measure '{measure.description}' has a target but no baseline; add the starting figure "
                "and its date when it is known, so progress can be shown")


@rule("EK408", "action", severity="warning")
@rule("EK408", "objective", severity="warning")
def complete_record_dated(record, records: RecordSet) -> Iterator[Finding]:
    # A warning, not an error: plans often say "Complete" without a date, and a user must never invent one.
    if record.status == "complete" and record.completed is None:
        yield ("status",), (f"the {type(record).__name__.lower()} is complete but has no completed: date, so the "
                            "calendar cannot tell whether it was done on time; add the date it was completed "
                            "(YYYY-MM-DD, or YYYY-MM or YYYY) where the source gives it")


@rule("EK416", "action", severity="warning")
@rule("EK416", "objective", severity="warning")
def completed_date_matches_status(record, records: RecordSet) -> Iterator[Finding]:
    if record.completed is not None and record.status != "complete":
        yield ("completed",), (f"the {type(record).__name__.lower()} has a completed: date but its status is "
                               f"{record.status}; set status: complete or remove the date")


def _first_of_folder(record, records: RecordSet, what: str,
                     leaves_out: Callable[[Any], bool]) -> tuple[int, str] | None:
    """On the first record of its kind that `leaves_out` something (and only there): how many records do, and
    which (the first five, then how many more); None on any other record."""
    if not leaves_out(record):
        return None
    kind = type(record).__name__.lower()
    unstated = records.memo(("leaves out", kind, what),
                            lambda: [other.id for other in records.of(kind) if leaves_out(other)])
    if not unstated or unstated[0] != record.id:
        return None
    count = len(unstated)
    return count, ", ".join(unstated[:5]) + (f" and {count - 5} more" if count > 5 else "")


def status_not_stated(record, records: RecordSet) -> Iterator[Finding]:
    """Once for each folder, on its first record that states no status: how many do not, and what follows."""
    found = _first_of_folder(record, records, "status", lambda other: other.status is None)
    if found:
        count, which = found
        kind = type(record).__name__.lower()
        word = _outcome_word(records) if kind == "objective" else kind
        yield (), (f"{count} {word}{'s' * (count != 1)} state{'s' * (count == 1)} no status ({which}); reports "
                   "say Not stated, leave them out of the counts by status and of overdue, and give them no "
                   "colour. Where the published plan gives a status, add it as status: (not-started, in-progress, "
                   "complete or ongoing)")


for kind in ("action", "objective"):
    rule("EK450", kind, severity="warning", across={kind: ("id", "status")})(status_not_stated)


@rule("EK453", "action", severity="warning", across={"action": ("id", "lead", "due")})
def action_lead_or_due_not_stated(action, records: RecordSet) -> Iterator[Finding]:
    """Once for each folder, on its first action that names no lead (and on its first that gives no due date): how
    many do not, and what follows."""
    lead = _first_of_folder(action, records, "lead", lambda other: other.lead is None)
    if lead:
        count, which = lead
        yield (), (f"{count} action{'s' * (count != 1)} name{'s' * (count == 1)} no lead ({which}); reports say "
                   "Not stated. Where the published plan names who answers for an action, add it as lead: (a role, "
                   "not a person's name)")
    due = _first_of_folder(action, records, "due", lambda other: other.due is None)
    if due:
        count, which = due
        yield (), (f"{count} action{'s' * (count != 1)} give{'s' * (count == 1)} no due date ({which}); reports "
                   "say Not stated, and they are never overdue and have no deadline in the calendar. Where the "
                   "published plan gives one, add it as due: (YYYY-MM-DD, YYYY-MM or YYYY, ongoing, or a period "
                   "with start: and end:)")


@rule("EK454", "objective", severity="warning", across={"objective": ("id", "start")})
def objective_start_not_stated(objective, records: RecordSet) -> Iterator[Finding]:
    """Once for each folder, on its first objective that gives no start: a plan gives its period once for all its
    objectives, or gives none, so one warning says it for the folder."""
    found = _first_of_folder(objective, records, "start", lambda other: other.start is None)
    if found:
        count, which = found
        word = _outcome_word(records)
        yield (), (f"{count} {word}{'s' * (count != 1)} give{'s' * (count == 1)} no start date ({which}); reports "
                   "show each period as 'to' its end, and the calendar counts the yearly progress update from the "
                   "first dated update (none is due before one). Where the published plan gives when it starts, "
                   "add it as start: (YYYY-MM-DD, YYYY-MM or YYYY)")


_AS_PUBLISHED = {
    "lead": "no responsible officer; add lead: (a role) if the source names one, so people know who answers for it",
    "measures": "no measures; the law asks for specific and measurable objectives: add measures: (a figure with "
                "its baseline and target, or a milestone by a date) where the source gives them",
    "characteristics": "no characteristics; add characteristics: for those the source says it addresses",
    "psed_aims": "no general duty aims; add psed_aims: for those the source says it advances",
}


_OUTCOME_MEASURES = (
    "no measures; a body in Scotland reports its progress towards each equality outcome at least every two years "
    "(SSI 2012/162 reg 4(4)): add measures: (a figure with its baseline and target, or a milestone by a date) where "
    "the source gives them")


def _outcome_word(records: RecordSet) -> str:
    """What an objectives/ record is to the body: an outcome in Scotland, an objective elsewhere."""
    organisation = records.organisation
    return "outcome" if organisation is not None and plan_terms(organisation.jurisdiction).outcomes else "objective"


@rule("EK451", "objective", severity="warning")
def objective_as_published(objective, records: RecordSet) -> Iterator[Finding]:
    """What a published objective (in Scotland, outcome) leaves out: a warning each, never an error (record what
    was published)."""
    word = _outcome_word(records)
    for field, missing in _AS_PUBLISHED.items():
        if not getattr(objective, field):
            missing = _OUTCOME_MEASURES if field == "measures" and word == "outcome" else missing
            yield (), f"the {word} was published with {missing}"


@rule("EK409", "organisation")
def organisation_dates(organisation, records: RecordSet) -> Iterator[Finding]:
    yield from _order([(("established", organisation.established), ("dissolved", organisation.dissolved))],
                      "organisation")


@rule("EK431", "organisation", severity="warning")
def organisation_within_its_kind(organisation, records: RecordSet) -> Iterator[Finding]:
    profile = SECTORS[organisation.sector]
    kind = profile.name.lower()
    if organisation.established and profile.existed_from and organisation.established < profile.existed_from:
        yield ("established",), (f"a {kind} existed only from {profile.existed_from} ({profile.existence_basis}); "
                                 "check the date, or the sector")
    if organisation.dissolved and profile.existed_until and organisation.dissolved > profile.existed_until:
        yield ("dissolved",), (f"a {kind} existed only until {profile.existed_until} "
                               f"({profile.existence_basis}); check the date, or the sector")


@rule("EK430", "publication", severity="warning")
def publication_dated_when_published(publication, records: RecordSet) -> Iterator[Finding]:
    if publication.status == "published" and publication.published is None and publication.published_by is not None:
        yield ("status",), (f"the publication has no published: date, only the date it was out by "
                            f"(published_by: {publication.published_by}), so the calendar counts it for the cycle "
                            "that date falls in (or an earlier one), and runs a rolling duty's clock from that date at "
                            "the latest; add the date it came out as a source gives it (YYYY-MM-DD, or YYYY-MM or "
                            "YYYY), if one does")
    elif publication.status == "published" and publication.published is None:
        yield ("status",), ("the publication is published but has no published: date, so the calendar cannot tell "
                            "whether it was on time, nor restart a rolling duty's clock from it; add the date as the "
                            "source gives it (YYYY-MM-DD, or YYYY-MM or YYYY), or, if it is not out yet, set "
                            "status: planned or draft")


@rule("EK430", "publication")
def publication_not_out_undated(publication, records: RecordSet) -> Iterator[Finding]:
    if publication.status != "published" and publication.published is not None:
        yield ("published",), (f"the publication is {publication.status} but has a published: date; set "
                               "status: published, or write the expected date as planned: instead")
    if publication.status != "published" and publication.published_by is not None:
        yield ("published_by",), (f"the publication is {publication.status} but has a published_by: date, the date "
                                  "it is known to be out by; set status: published, or write the expected date as "
                                  "planned: instead")


@rule("EK409", "publication")
def publication_out_by_its_date(publication, records: RecordSet) -> Iterator[Finding]:
    given, by = publication.published, publication.published_by
    if given is not None and by is not None and given.earliest > by.latest:
        yield ("published_by",), (
            f"the publication is published on {given}, after published_by: {by}, the date it is known to have been "
            "out by; the two cannot both be right: check both against the source, and keep published: if the "
            "source gives the day it came out (published_by: is then not needed), or correct published_by:")


def _order(pairs, record_label: str) -> Iterator[Finding]:
    for (first_name, first), (second_name, second) in pairs:
        if first is not None and second is not None and latest(second) < earliest(first):
            yield (second_name,), f"{second_name} ({second}) is before {first_name} ({first}) in this {record_label}"


@rule("EK409", "objective")
def objective_dates(objective, records: RecordSet) -> Iterator[Finding]:
    yield from _order([(("start", objective.start), ("end", objective.end)),
                       (("start", objective.start), ("completed", objective.completed))], "objective")


@rule("EK409", "action")
def action_dates(action, records: RecordSet) -> Iterator[Finding]:
    yield from _order([(("start", action.start), ("due", action.due_by)),
                       (("start", action.start), ("completed", action.completed))], "action")
    if isinstance(action.due, DuePeriod):
        for loc, message in _order([(("start", action.due.start), ("end", action.due.end))], "due period"):
            yield ("due", *loc), message


@rule("EK409", "eia")
def eia_dates(eia, records: RecordSet) -> Iterator[Finding]:
    yield from _order([(("started", eia.started), ("completed", eia.completed)),
                       (("completed", eia.completed), ("reviewed", eia.reviewed))], "assessment")


@rule("EK409", "eds")
def eds_dates(eds, records: RecordSet) -> Iterator[Finding]:
    yield from _order([(("period_start", eds.period_start), ("period_end", eds.period_end))], "assessment")


@rule("EK420", "eds")
def eds_year_agrees(eds, records: RecordSet) -> Iterator[Finding]:
    """The id names the reporting year; the period is that year; the grading was agreed within it."""
    start_day = records.organisation.financial_year_start if records.organisation else "04-01"
    year = year_of_label(eds.id, start_day)
    if year is None:
        yield ("id",), (f"the id {eds.id} does not name a reporting year; name the file after the year the "
                        f"assessment covers, e.g. {year_holding(eds.period_start, start_day).label}.yaml")
        return
    days = eds.year_days
    if days is not None and days != (eds.period_start, eds.period_end):
        yield ("year",), (f"year: {eds.year} runs from {days[0]} to {days[1]}, but period_start and period_end give "
                          f"{eds.period_start} to {eds.period_end}; keep one: the year, or its first and last days")
    elif days is not None and days != (year.start, year.end):
        yield ("year",), (f"the assessment {eds.id} covers {year.start} to {year.end}, but year is {eds.year}; set "
                          f"year: {year.label}, or rename the file after the year it covers")
    for field, expected in (("period_start", year.start), ("period_end", year.end)):
        if days is None and getattr(eds, field) != expected:
            yield (field,), (f"the assessment {eds.id} covers {year.start} to {year.end}, but {field} is "
                             f"{getattr(eds, field)}; set {field}: {expected}, or rename the file after the "
                             "year it covers")
    if eds.graded_on is not None and not eds.graded_on.overlaps(year.start, year.end):
        yield ("graded_on",), (f"graded_on {eds.graded_on} is outside the year {eds.id} ({year.start} to "
                               f"{year.end}); an assessment is graded within its year, so check the date or "
                               "the file's year")


@rule("EK417", "eia", severity="warning")
def completed_eia_recorded(eia, records: RecordSet) -> Iterator[Finding]:
    if eia.completed is not None:
        for part in ("outcome", "sign_off"):
            if getattr(eia, part) is None:
                yield ("completed",), f"the assessment is completed but has no {part}:; record it"


@rule("EK470", "eia", severity="warning")
def eia_owner_and_start_recorded(eia, records: RecordSet) -> Iterator[Finding]:
    """An assessment whose form names no owner or gives no start date: recorded as published, with a warning."""
    if eia.owner is None:
        yield ("title",), ("the assessment names no owner; add owner: with the role that owns it (a role, not a "
                           "person's name) if the form or the decision report gives one")
    if eia.started is None:
        yield ("title",), ("the assessment has no start date; add started: if the form gives one (an assessment "
                           "is started when the proposal is first developed)")


@rule("EK201", "eia")
def eia_previous_named(eia, records: RecordSet) -> Iterator[Finding]:
    if eia.previous is not None and eia.previous.eia is None and eia.previous.title is None:
        yield ("previous",), ("name the previous assessment: eia: with its id when it is recorded here, or "
                              "title: with its title when it is not")


def _not_assessed(eia) -> Iterator[Finding]:
    for slug, finding in eia.characteristics.items():
        if finding.impact == "not-assessed":
            yield ("characteristics", slug, "impact"), (
                f"the impact on {slug} is not assessed yet; assess it and record the impact with its "
                "evidence (or not-relevant and a reason)")


@rule("EK418", "eia", severity="warning")
def eia_in_progress_not_assessed(eia, records: RecordSet) -> Iterator[Finding]:
    if eia.completed is None:
        yield from _not_assessed(eia)


@rule("EK418", "eia")
def eia_completed_not_assessed(eia, records: RecordSet) -> Iterator[Finding]:
    if eia.completed is not None:
        yield from _not_assessed(eia)


@rule("EK415", "eds", severity="warning")
def eds_all_graded(eds, records: RecordSet) -> Iterator[Finding]:
    if eds.published is not None and (eds.published.total is not None or eds.published.rating is not None):
        return  # the result as published stands: outcomes the publication did not give are not missing
    framework = FRAMEWORKS[eds.framework]
    ungraded = [code for code in framework.codes
                if code not in eds.outcomes or not _graded(eds.framework, eds.outcomes[code])]
    if ungraded:
        yield ("outcomes",), (f"outcomes {', '.join(ungraded)} are not graded; the assessment is "
                              "incomplete and will not be rated until every outcome is")


def _graded(framework: str, outcome) -> bool:
    if framework == "eds2022":
        return outcome.score is not None
    return computed_eds2_grade(outcome) is not None or outcome.grade is not None


@rule("EK437", "eds", severity="warning")
def eds2_published_grade_matches(eds, records: RecordSet) -> Iterator[Finding]:
    for code, outcome in eds.outcomes.items():
        if eds.framework != "eds2":
            if outcome.grade is not None:
                yield ("outcomes", code, "grade"), (
                    f"outcome {code} has grade: {outcome.grade}, which only EDS2 outcomes carry; an EDS 2022 "
                    f"outcome is scored: write score: {GRADES.index(outcome.grade)} instead")
            continue
        computed = computed_eds2_grade(outcome)
        if outcome.grade is not None and computed is not None and computed != outcome.grade:
            count = len([c for c in outcome.characteristics or [] if c in PROTECTED_CHARACTERISTICS])
            yield ("outcomes", code, "grade"), (
                f"outcome {code} was published as {outcome.grade}, but the characteristics evidenced "
                f"({count} of the nine) give {computed}; the report shows {computed}: check the grade or "
                "the characteristics listed")


@rule("EK435", "action")
def carried_forward_names_carrier(action, records: RecordSet) -> Iterator[Finding]:
    if action.status == "carried-forward" and not (action.carried_by or "").strip():
        yield ("status",), ("the action is carried-forward but does not say what carries it on; add "
                            "carried_by: with the action id or the plan, e.g. Workforce equality action plan")
    elif action.carried_by and action.status != "carried-forward":
        yield ("carried_by",), (f"the action says it is carried on by {action.carried_by} but its status is "
                                f"{action.status}; set status: carried-forward or remove carried_by")


def _appointed_groups(standard, groups) -> Iterator[Finding]:
    for group in groups:
        shortlisted, appointed = getattr(standard.shortlisted, group), getattr(standard.appointed, group)
        if appointed > shortlisted:
            yield ("appointed", group), (f"{appointed} {group.replace('_', '-')} applicants appointed but only "
                                         f"{shortlisted} shortlisted; appointments are from the shortlist")


@rule("EK410", "workforce")
def appointed_from_shortlist(workforce, records: RecordSet) -> Iterator[Finding]:
    if workforce.wres:
        for loc, message in _appointed_groups(workforce.wres, ("white", "bme", "unknown")):
            yield ("wres", *loc), message
    if workforce.wdes:
        for loc, message in _appointed_groups(workforce.wdes, ("disabled", "non_disabled", "unknown")):
            yield ("wdes", *loc), message


@rule("EK411", "workforce")
def groups_within_total(workforce, records: RecordSet) -> Iterator[Finding]:
    total = workforce.headcount
    if total is None:  # a snapshot copied from a publication that gives no headcount
        return
    for slug, groups in workforce.profile.items():
        if sum(groups.values()) > total:
            yield ("profile", slug), (f"the {slug} groups add up to {sum(groups.values())}, more than the "
                                      f"headcount of {total}")
    for standard in ("wres", "wdes"):
        data = getattr(workforce, standard)
        if data is None:
            continue
        in_bands = sum(band.total for band in data.bands)
        if in_bands + workforce.bank > total:
            bank = f" plus {workforce.bank} bank-only staff" if workforce.bank else ""
            yield (standard, "bands"), (f"the bands add up to {in_bands} staff{bank}, more than the headcount "
                                        f"of {total}")
        for process in ("disciplinary", "training", "capability"):
            counts = getattr(data, process, None)
            if counts is not None and counts.total > total:
                yield (standard, process), (f"{counts.total} staff in {process}, more than the headcount "
                                            f"of {total}")


QUARTILES = ("Lower", "LowerMiddle", "UpperMiddle", "Top")


@rule("EK412", "paygap")
def quartiles_add_up(paygap, records: RecordSet) -> Iterator[Finding]:
    if paygap.figures is None:  # not the gender pay gap
        return
    for band in QUARTILES:
        if not (paygap.figures.given(f"Male{band}Quartile") and paygap.figures.given(f"Female{band}Quartile")):
            continue  # a share not published: EK441 says so
        male = Decimal(str(getattr(paygap.figures, f"Male{band}Quartile")))
        female = Decimal(str(getattr(paygap.figures, f"Female{band}Quartile")))
        if male + female != 100:
            yield ("figures", f"Male{band}Quartile"), (
                f"Male{band}Quartile ({male}) and Female{band}Quartile ({female}) add up to "
                f"{male + female}, not 100")


@rule("EK413", "paygap")
def one_decimal_place(paygap, records: RecordSet) -> Iterator[Finding]:
    if paygap.figures is None:  # not the gender pay gap
        return
    for name, value in paygap.figures.model_dump().items():
        if value is not None and _decimal_places(value) > 1:
            yield ("figures", name), (f"{name} is {value}; GOV.UK accepts at most one decimal place: "
                                      "round it half up")


def _decimal_places(value: float) -> int:
    """How many decimal places a (finite) number is written with."""
    exponent = Decimal(str(value)).as_tuple().exponent
    if not isinstance(exponent, int):  # 'n', 'N' or 'F': records hold finite numbers only
        raise ValueError(f"{value} is not a finite number")
    return max(0, -exponent)


@rule("EK414", "paygap")
def bonus_gap_when_no_woman_paid(paygap, records: RecordSet) -> Iterator[Finding]:
    figures = paygap.figures
    if figures is None:  # not the gender pay gap
        return
    if figures.FemaleBonusPercent == 0 and figures.MaleBonusPercent not in (0, None):
        for name in ("DiffMeanBonusPercent", "DiffMedianBonusPercent"):
            if figures.given(name) and getattr(figures, name) != 100:
                yield ("figures", name), (f"no woman was paid a bonus, so {name} must be 100 "
                                          "(GOV.UK integrity rule)")


FIRST_PAY_GAP_SNAPSHOT = dt.date(2017, 3, 31)
"""The first snapshot date of the gender pay gap duty (SI 2017/353 Schedule 1)."""


@rule("EK441", "paygap", severity="warning")
def statutory_set_incomplete(paygap, records: RecordSet) -> Iterator[Finding]:
    """A gender pay gap the body had to publish (England, 250 or more employees on the snapshot date) that
    holds only part of the statutory set: a warning, never an error, since a record keeps what was published."""
    figures, organisation = paygap.figures, records.organisation
    if figures is None or organisation is None or organisation.jurisdiction != "england":
        return
    if paygap.snapshot < FIRST_PAY_GAP_SNAPSHOT or not _had_employees(organisation, paygap.snapshot, 250):
        return
    missing = figures.missing()
    if missing:
        listed = ", ".join(missing[:4]) + (f" and {len(missing) - 4} more" if len(missing) > 4 else "")
        yield ("figures",), (
            f"{len(missing)} of the 14 statutory figures are not recorded ({listed}), and the body had 250 or "
            "more employees on the snapshot date, so it had to publish them all; add them from the published "
            "report or the GOV.UK service (`equitykit paygap import`), or leave them out if they were never "
            "published")


def _had_employees(organisation, snapshot: dt.date, minimum: int) -> bool:
    """Whether the latest headcount on or before `snapshot` is at least `minimum` (unknown: no)."""
    latest = organisation.headcount_on(snapshot)
    return latest is not None and latest.employees >= minimum


@rule("EK440", "paygap")
def diversity_pay_gap_named_for_its_characteristic(paygap, records: RecordSet) -> Iterator[Finding]:
    if paygap.characteristic == "sex":
        return
    expected = f"{paygap.snapshot.isoformat()}-{paygap.characteristic}"
    if paygap.id != expected:
        yield ("id",), (f"a {paygap.characteristic} pay gap at {paygap.snapshot.isoformat()} must have the id "
                        f"{expected} (and the file name {expected}.yaml), so that it is never taken for the "
                        "gender pay gap or another characteristic's figures")


def _done_dates(record) -> Iterator[tuple[tuple, PartialDate]]:
    """The dates on which a record says something was done (completed, reviewed, signed off...)."""
    for name in ("completed", "reviewed", "published"):
        if getattr(record, name, None) is not None:
            yield (name,), getattr(record, name)
    sign_off = getattr(record, "sign_off", None)
    if sign_off is not None:
        yield ("sign_off", "date"), sign_off.date
    for index, update in enumerate(getattr(record, "updates", [])):
        yield ("updates", index, "date"), update.date


def dates_still_to_come(record, records: RecordSet) -> Iterator[Finding]:
    """A date of something done that is after today: a typo, or a record written too early."""
    for loc, day in _done_dates(record):
        if day.earliest > records.as_of:
            yield loc, (f"{day} has not come yet (today is {records.as_of}); something cannot be done "
                        "in the future: check the year, or wait to record it")


for kind in ("objective", "action", "eia", "publication"):
    rule("EK426", kind, severity="warning")(dates_still_to_come)


def _placeholders(value, loc=()) -> Iterator[Finding]:
    if isinstance(value, str) and PLACEHOLDER.casefold() in value.casefold():
        said = "says" if value.strip().rstrip(".").casefold() == PLACEHOLDER.casefold() else "holds"
        yield loc, (f"`{loc[-1]}` still {said} '{PLACEHOLDER}', which a published report would show; "
                    "write it before publishing")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders(item, (*loc, index))


def placeholders_left(record, records: RecordSet) -> Iterator[Finding]:
    """Every text of a record (the organisation's too, and every Welsh text) that still holds the placeholder
    `equitykit new` and `init` write, alone or inside a longer text: a report would publish it."""
    return _placeholders(record.model_dump(exclude_none=True))


for kind in ("organisation", "objective", "plan", "action", "eia", "eds", "workforce", "paygap", "publication",
             "engagement", "highlight"):
    rule("EK419", kind, severity="warning")(placeholders_left)


@rule("EK409", "plan")
def plan_dates(plan, records: RecordSet) -> Iterator[Finding]:
    if plan.period is not None:
        for loc, message in _order([(("start", plan.period.start), ("end", plan.period.end))], "plan's period"):
            yield ("period", *loc), message


@rule("EK409", "highlight")
def highlight_period(highlight, records: RecordSet) -> Iterator[Finding]:
    if isinstance(highlight.period, HighlightPeriod):
        for loc, message in _order([(("start", highlight.period.start), ("end", highlight.period.end))],
                                   "highlight's period"):
            yield ("period", *loc), message


@rule("EK426", "highlight", severity="warning")
def highlight_still_to_come(highlight, records: RecordSet) -> Iterator[Finding]:
    """A highlight is something that happened: one whose period begins after today is a typo or written early."""
    if highlight.period is not None and highlight.period.earliest > records.as_of:
        loc = ("period", "start") if isinstance(highlight.period, HighlightPeriod) else ("period",)
        yield loc, (f"the highlight's period begins after today ({records.as_of}); a highlight is something that "
                    "has happened: check the year, or wait to record it")


@rule("EK452", "highlight", severity="warning")
def highlight_figure_in_its_text(highlight, records: RecordSet) -> Iterator[Finding]:
    """The figure copied from a highlight's text should be one of the numbers the text prints (£1.2 million may be
    written 1200000): where the text has numbers and the figure is none of them, one of the two was mistyped. The
    earlier figure is not checked: it may come from the year before's report."""
    if highlight.figure is None:
        return
    value = Decimal(repr(highlight.figure.value))
    for field in ("text", "text_cy"):
        text = getattr(highlight, field)
        printed = printed_numbers(text) if text else []
        if printed and not any(value in (number, number * 1000, number * 10**6, number * 10**9) for number in printed):
            shown = ", ".join(_plain(number) for number in printed)
            yield ("figure", "value"), (f"the figure {_plain(value)} is not among the numbers the highlight's {field} "
                                        f"prints ({shown}); copy the figure as the text publishes it, or correct "
                                        "the text")


def _plain(number: Decimal) -> str:
    """A number as people write it: 1,200,000 and 12.5, not 1.2E+6 or 12.50."""
    return format(number.normalize(), ",f")
