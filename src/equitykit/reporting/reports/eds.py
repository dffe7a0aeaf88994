"""The EDS report: EDS 2022 domain by domain and outcome by outcome with evidence, graders, scores and
the overall rating; or the EDS2 summary table (goal, outcome, last year's and this year's grade)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...i18n import _
from ...metrics.eds import (
    DomainScore,
    Eds2Grading,
    Eds2022Grading,
    EdsAssessmentMissing,
    OutcomeGrade,
    grade_counts,
    grade_eds,
)
from ...records.eds import Eds
from ...records.frameworks import FRAMEWORKS
from ...records.repository import RecordSet
from ...records.years import ReportingYear
from .context import Builder, cell, header, numbered
from .document import Fact, Facts, Paragraph, Report, Section
from .report_charts import eds_chart


def eds_report(records: RecordSet, as_of: dt.date) -> Report:
    builder = Builder(records, as_of)
    refused = builder.not_applicable("eds", _("Equality Delivery System report"), "eds")
    if refused is not None:
        return refused
    return builder.finish("eds", _("Equality Delivery System report"), eds_sections(builder))


def eds_sections(builder: Builder, summary_only: bool = False, year: ReportingYear | None = None) -> list[Section]:
    """The EDS sections: of the latest assessment begun by the as-of date; in a report on a reporting `year`,
    of that year's assessment, or of the latest one ended before it (and a sentence says so), never a later one."""
    assessments = [a for a in builder.records.of("eds") if a.period_start <= builder.as_of
                   and (year is None or a.period_end <= year.end)]
    try:
        grading = grade_eds(assessments)
    except EdsAssessmentMissing:
        missing = (_("No EDS assessment is recorded.") if year is None else
                   _("No EDS assessment is recorded for the reporting year {year} or a year before it.").format(
                       year=year.label))
        return [builder.section(_("EDS assessment"), [Paragraph(missing)])]
    assessment = next(a for a in assessments if a.id == grading.id)
    earlier = []
    if year is not None and assessment.period_end < year.start:
        earlier = [Paragraph(_("No EDS assessment is recorded for the reporting year {year}; this is the latest one "
                               "before it, for {span}.").format(
            year=year.label, span=builder.span(assessment.period_start, assessment.period_end)))]
    if isinstance(grading, Eds2022Grading):
        sections = eds2022_sections(builder, grading, assessment, summary_only, assessments)
    else:
        sections = eds2_sections(builder, grading, assessment, assessments)
    if earlier:
        first = sections[0]
        sections[0] = replace(first, blocks=(*earlier, *first.blocks))
    return sections


def overview(builder: Builder, assessment: Eds, facts: list[Fact]) -> list:
    framework = FRAMEWORKS[assessment.framework]
    base = [Fact(_("Framework"), builder.untranslated(framework.title)),
            Fact(_("Reporting year"), builder.span(assessment.period_start, assessment.period_end)),
            Fact(_("Graded on"), builder.date(assessment.graded_on, _("Not recorded"))),
            Fact(_("Graded by"), builder.text(assessment, "graded_by") or _("Not recorded"))]
    blocks: list = [Facts(tuple(base + facts))]
    if assessment.summary:
        blocks.append(Paragraph(builder.text(assessment, "summary")))
    return blocks


def beside_published(builder: Builder, computed: str | None, published: str | None, missing: str) -> str:
    """A result computed from the outcomes' grades, with the result as published beside it where they differ;
    the published result alone (marked so) where nothing can be computed; else `missing`."""
    if computed is not None:
        if published is None or published == computed:
            return computed
        return _("{computed} (published as {published})").format(computed=computed, published=published)
    if published is not None:
        builder.suppress.published = True
        return _("{figure} (as published)").format(figure=published)
    return missing


def eds2022_sections(builder: Builder, grading: Eds2022Grading, assessment: Eds,
                     summary_only: bool, assessments: list[Eds]) -> list[Section]:
    def out_of_33(score: object) -> str:
        return _("{score} out of 33").format(score=score)

    published_score = None if grading.published is None else out_of_33(grading.published.value)
    not_rated = _("Not rated: outcomes {outcomes} are not scored").format(outcomes=", ".join(grading.missing))
    facts = [Fact(_("Overall score"), beside_published(
                 builder, None if grading.score is None else out_of_33(grading.score), published_score,
                 _("Not complete"))),
             Fact(_("Overall rating"), beside_published(
                 builder, builder.untranslated(grading.rating) if grading.rating else None,
                 builder.untranslated(grading.published_rating) if grading.published_rating else None, not_rated))]
    if assessment.published is not None and assessment.published.note:
        facts.append(Fact(_("About the published result"), builder.text(assessment.published, "note")))
    if grading.change is not None:
        change = grading.change
        values = {"points": f"{change.score_change:+d}", "score": change.previous_score,
                  "rating": builder.untranslated(change.previous_rating),
                  "earlier": builder.untranslated(change.rating_change)}
        facts.append(Fact(_("Change on {id}").format(id=change.previous_id), (
            _("{points} points (was {score}, {rating}); rating unchanged") if change.rating_change == "unchanged"
            else _("{points} points (was {score}, {rating}); rating from {earlier}")).format(**values)))
    elif grading.comparison.note:
        facts.append(Fact(_("Comparison"), builder.untranslated(grading.comparison.note)))
    summary_rows = [(header(_(domain.name)), cell(domain_score(builder, domain)),
                     cell(", ".join(_("{code} {score}").format(code=o.code, score=o.score if o.score is not None
                                                               else _("not scored")) for o in domain.outcomes)))
                    for domain in grading.domains]
    sections = [builder.section(_("EDS 2022 summary {id}").format(id=assessment.id), [
        *overview(builder, assessment, facts),
        builder.table(_("Scores by domain"), (_("Domain"), _("Domain score"), _("Outcome scores")), summary_rows),
        *grade_count_table(builder, assessment),
        *eds_chart(builder, assessments)])]
    if summary_only:
        return sections
    for number, domain in enumerate(grading.domains, start=1):
        rows = []
        for outcome in domain.outcomes:
            graded = assessment.outcomes.get(outcome.code)
            score = _("Not scored") if outcome.score is None else _("{score} ({grade})").format(
                score=outcome.score, grade=builder.untranslated(outcome.grade or ""))
            rows.append((header(numbered(outcome.code, _(outcome.text))), cell(score),
                         cell(builder.text(graded, "evidence") if graded and graded.evidence else _("Not recorded")),
                         cell(builder.text(graded, "graded_by") if graded and graded.graded_by
                              else _("Not recorded"))))
        sections.append(builder.section(_("Domain {number}: {name}").format(
            number=number, name=_(domain.name)), [builder.table(
                _("Domain {number} outcomes").format(number=number),
                (_("Outcome"), _("Score"), _("Evidence"), _("Graded by")), rows)]))
    return sections


def grade_count_table(builder: Builder, assessment: Eds) -> list:
    """How many outcomes are at each grade as published, and beside them the counts the outcomes' own grades give
    (when every outcome is graded; else the column is left out). None without published counts: the outcomes'
    grades are shown with the outcomes."""
    counts = grade_counts(assessment)
    if not any(count.published is not None for count in counts):
        return []
    computed = any(count.computed is not None for count in counts)
    builder.suppress.published = True
    not_given = _("Not published")
    rows = [(header(builder.untranslated(count.grade)),
             cell(str(count.computed) if count.computed is not None else ""),
             cell(str(count.published) if count.published is not None else not_given))
            for count in counts]
    left_out = () if computed else (1,)
    return [builder.table(_("Outcomes at each grade"), (
        _("Grade"), _("Outcomes, from their grades"), _("Outcomes, as published")), rows, left_out=left_out)]


def domain_score(builder: Builder, domain: DomainScore) -> str:
    """An EDS 2022 domain's score: its total, or its score or rating as published, or "Not complete"."""
    published = None if domain.published is None else str(domain.published.value)
    if published is None and domain.published_rating:
        published = builder.untranslated(domain.published_rating)
    return beside_published(builder, None if domain.total is None else str(domain.total), published,
                            _("Not complete"))


def grade_text(builder: Builder, outcome: OutcomeGrade) -> str:
    """An EDS2 grade, saying when it is the grade as published and when that differs from the computed one."""
    if outcome.grade is None:
        return _("Not graded")
    grade = builder.untranslated(outcome.grade)
    if outcome.published is None or outcome.published == outcome.computed:
        return grade
    if outcome.computed is None:
        return _("{grade} (as published)").format(grade=grade)
    return _("{grade} (from the characteristics evidenced; published as {published})").format(
        grade=grade, published=builder.untranslated(outcome.published))


def eds2_sections(builder: Builder, grading: Eds2Grading, assessment: Eds, assessments: list[Eds]) -> list[Section]:
    previous = None
    if grading.comparison.previous_id:
        earlier = grade_eds(assessments, grading.comparison.previous_id)
        # An earlier EDS 2022 assessment has no goals to compare with: the comparison's note says so.
        previous = earlier if isinstance(earlier, Eds2Grading) else None
    before = {o.code: o.grade for goal in previous.goals for o in goal.outcomes} if previous else {}
    last = previous.id if previous else ""
    rows = []
    for goal in grading.goals:
        for outcome in goal.outcomes:
            graded_before = before.get(outcome.code)
            rows.append((cell(_(goal.name)), header(outcome.code),
                         cell(_(outcome.text)),
                         cell(builder.untranslated(graded_before) if graded_before else _("Not graded")),
                         cell(grade_text(builder, outcome))))
    counts: dict[str, int] = {}
    for goal in grading.goals:
        for grade, count in goal.grade_counts.items():
            counts[grade] = counts.get(grade, 0) + count
    graded = "; ".join(_("{grade}: {count}").format(grade=builder.untranslated(grade), count=count)
                       for grade, count in counts.items() if count)
    counted = assessment.published is not None and assessment.published.grades
    facts = [] if counted and not graded else [Fact(_("Grades"), graded or _("None"))]
    if grading.published_rating:
        builder.suppress.published = True
        facts.append(Fact(_("Overall rating"), _("{figure} (as published)").format(
            figure=builder.untranslated(grading.published_rating))))
    goal_ratings = [(goal.name, goal.published_rating) for goal in grading.goals if goal.published_rating]
    if goal_ratings:
        builder.suppress.published = True
        facts.append(Fact(_("Goal ratings"), "; ".join(_("{goal}: {figure} (as published)").format(
            goal=_(name), figure=builder.untranslated(rating)) for name, rating in goal_ratings)))
    if assessment.published is not None and assessment.published.note:
        facts.append(Fact(_("About the published result"), builder.text(assessment.published, "note")))
    if grading.missing:
        facts.append(Fact(_("Not graded"), ", ".join(grading.missing)))
    if grading.comparison.previous_id and previous is None and grading.comparison.note:
        facts.append(Fact(_("Comparison"), builder.untranslated(grading.comparison.note)))
    return [builder.section(_("EDS2 summary {id}").format(id=assessment.id), [
        *overview(builder, assessment, facts),
        Paragraph(_("Undeveloped: no evidence for any protected group. Developing: evidence and plans for 3 "
                    "to 5 protected characteristics. Achieving: 6 to 8. Excelling: evidence shows the "
                    "majority of people in all nine protected groups fare well.")),
        builder.table(_("EDS2 summary"), (_("Goal"), _("Number"), _("Description of outcome"),
                                          _("Grading {id}").format(id=last),
                                          _("Grading {id}").format(id=assessment.id)),
                      rows, left_out=() if previous else (3,)),
        *grade_count_table(builder, assessment)])]
