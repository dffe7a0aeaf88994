"""The EDS report: EDS 2022 domain by domain and outcome by outcome with evidence, graders, scores and
the overall rating; or the EDS2 summary table (goal, outcome, last year's and this year's grade)."""

from __future__ import annotations

import datetime as dt

from ...metrics.eds import Eds2Grading, Eds2022Grading, EdsAssessmentMissing, OutcomeGrade, grade_eds
from ...records.eds import Eds
from ...records.frameworks import FRAMEWORKS
from ...records.repository import RecordSet
from .context import Builder, cell, header
from .document import Fact, Facts, Paragraph, Report, Section
from .report_charts import eds_chart


def eds_report(records: RecordSet, as_of: dt.date) -> Report:
    builder = Builder(records, as_of)
    refused = builder.not_applicable("eds", "Equality Delivery System report", "eds")
    if refused is not None:
        return refused
    return builder.finish("eds", "Equality Delivery System report", eds_sections(builder))


def eds_sections(builder: Builder, summary_only: bool = False) -> list[Section]:
    assessments = [a for a in builder.records.of("eds") if a.period_start <= builder.as_of]
    try:
        grading = grade_eds(assessments)
    except EdsAssessmentMissing as exc:
        return [builder.section("EDS assessment", [Paragraph(f"No EDS report can be given: {exc}.")])]
    assessment = next(a for a in assessments if a.id == grading.id)
    if isinstance(grading, Eds2022Grading):
        return eds2022_sections(builder, grading, assessment, summary_only, assessments)
    return eds2_sections(builder, grading, assessment, assessments)


def overview(builder: Builder, assessment: Eds, facts: list[Fact]) -> list:
    framework = FRAMEWORKS[assessment.framework]
    base = [Fact("Framework", framework.title),
            Fact("Reporting year", f"{builder.date(assessment.period_start)} to {builder.date(assessment.period_end)}"),
            Fact("Graded on", builder.date(assessment.graded_on, "Not recorded")),
            Fact("Graded by", ", ".join(assessment.graded_by) or "Not recorded")]
    blocks: list = [Facts(tuple(base + facts))]
    if assessment.summary:
        blocks.append(Paragraph(assessment.summary))
    return blocks


def eds2022_sections(builder: Builder, grading: Eds2022Grading, assessment: Eds,
                     summary_only: bool, assessments: list[Eds]) -> list[Section]:
    rating = grading.rating or f"Not rated: outcomes {', '.join(grading.missing)} are not scored"
    facts = [Fact("Overall score", "Not complete" if grading.score is None else f"{grading.score} out of 33"),
             Fact("Overall rating", rating)]
    if grading.change is not None:
        change = grading.change
        moved = "unchanged" if change.rating_change == "unchanged" else f"from {change.rating_change}"
        facts.append(Fact(f"Change on {change.previous_id}",
                          f"{change.score_change:+d} points (was {change.previous_score}, "
                          f"{change.previous_rating}); rating {moved}"))
    elif grading.comparison.note:
        facts.append(Fact("Comparison", grading.comparison.note))
    summary_rows = [(header(domain.name), cell("Not complete" if domain.total is None else str(domain.total)),
                     cell(", ".join(f"{o.code} {o.score if o.score is not None else 'not scored'}"
                                    for o in domain.outcomes))) for domain in grading.domains]
    sections = [builder.section(f"EDS 2022 summary {assessment.id}", [
        *overview(builder, assessment, facts),
        builder.table("Scores by domain", ("Domain", "Domain score", "Outcome scores"), summary_rows),
        *eds_chart(builder, assessments)])]
    if summary_only:
        return sections
    for number, domain in enumerate(grading.domains, start=1):
        rows = []
        for outcome in domain.outcomes:
            graded = assessment.outcomes.get(outcome.code)
            score = "Not scored" if outcome.score is None else f"{outcome.score} ({outcome.grade})"
            rows.append((header(f"{outcome.code}: {outcome.text}"), cell(score),
                         cell(graded.evidence if graded and graded.evidence else "Not recorded"),
                         cell(", ".join(graded.graded_by) if graded and graded.graded_by else "Not recorded")))
        sections.append(builder.section(f"Domain {number}: {domain.name}", [builder.table(
            f"Domain {number} outcomes", ("Outcome", "Score", "Evidence", "Graded by"), rows)]))
    return sections


def grade_text(outcome: OutcomeGrade) -> str:
    """An EDS2 grade, saying when it is the grade as published and when that differs from the computed one."""
    if outcome.grade is None:
        return "Not graded"
    if outcome.published is None or outcome.published == outcome.computed:
        return outcome.grade
    if outcome.computed is None:
        return f"{outcome.grade} (as published)"
    return f"{outcome.grade} (from the characteristics evidenced; published as {outcome.published})"


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
            rows.append((cell(goal.name), header(outcome.code), cell(outcome.text),
                         cell(before.get(outcome.code) or "Not graded"),
                         cell(grade_text(outcome))))
    counts: dict[str, int] = {}
    for goal in grading.goals:
        for grade, count in goal.grade_counts.items():
            counts[grade] = counts.get(grade, 0) + count
    facts = [Fact("Grades", "; ".join(f"{grade}: {count}" for grade, count in counts.items() if count) or "None")]
    if grading.missing:
        facts.append(Fact("Not graded", ", ".join(grading.missing)))
    if grading.comparison.previous_id and previous is None and grading.comparison.note:
        facts.append(Fact("Comparison", grading.comparison.note))
    return [builder.section(f"EDS2 summary {assessment.id}", [
        *overview(builder, assessment, facts),
        Paragraph("Undeveloped: no evidence for any protected group. Developing: evidence and plans for 3 "
                  "to 5 protected characteristics. Achieving: 6 to 8. Excelling: evidence shows the "
                  "majority of people in all nine protected groups fare well."),
        builder.table("EDS2 summary", ("Goal", "Number", "Description of outcome", f"Grading {last}",
                                       f"Grading {assessment.id}"), rows, left_out=() if previous else (3,))])]
