"""Rich tables of an EDS grading, for people at a terminal; grades in words, not colour alone."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..metrics.eds import GRADES, Eds2Grading, Eds2022Grading, EdsGrading

GRADE_COLOURS = {"Undeveloped": "red", "Developing": "yellow", "Achieving": "green", "Excelling": "magenta"}


def eds_text(result: EdsGrading) -> RenderableType:
    """An EDS 2022 or EDS2 grading as tables, with its verdict and the change on the previous year."""
    if isinstance(result, Eds2022Grading):
        return _eds2022(result)
    return _eds2(result)


def _grade(grade: str | None) -> Text:
    return Text(grade or "not graded", style=GRADE_COLOURS.get(grade or "", "bold"))


def _title(result: EdsGrading, framework: str) -> Text:
    return Text(f"{framework} assessment {result.id} ({result.period_start.isoformat()} to "
                f"{result.period_end.isoformat()})", style="bold")


def _counts(result: EdsGrading) -> list[RenderableType]:
    """How many outcomes are at each grade as published, beside those the outcomes' grades give (when all are)."""
    if not result.grade_counts:
        return []
    table = Table(title="Outcomes at each grade", title_justify="left")
    computed = any(count.computed is not None for count in result.grade_counts)
    for column in ("Grade", *(("From the outcomes' grades",) if computed else ()), "As published"):
        table.add_column(column, justify="left" if column == "Grade" else "right")
    for count in result.grade_counts:
        published = Text("not published" if count.published is None else str(count.published),
                          style="bold red" if count.differs else "")
        table.add_row(_grade(count.grade), *([str(count.computed)] if computed else []), published)
    return [table]


def _incomplete(result: EdsGrading) -> Text:
    return Text(f"Incomplete: outcomes {', '.join(result.missing)} are not graded, so the assessment is "
                "not rated.", style="bold red")


def _eds2022(result: Eds2022Grading) -> RenderableType:
    table = Table(title="Outcome scores (0-3)", title_justify="left")
    for column in ("Domain", "Outcome", "Score", "Grade"):
        table.add_column(column, overflow="fold")
    for domain in result.domains:
        for outcome in domain.outcomes:
            score = "" if outcome.score is None else str(outcome.score)
            table.add_row(domain.name, f"{outcome.code} {outcome.text}", score, _grade(outcome.grade))
        total = "incomplete" if domain.total is None else str(domain.total)
        if domain.published is not None and str(domain.published.value) != total:
            total = f"{total}; published {domain.published.value}"
        table.add_row(domain.name, Text("Domain total", style="bold"), total, "", end_section=True)
    published = None
    if result.published is not None:
        published = Text.assemble(f"As published: overall score {result.published.value} of 33",
                                  *((": ", _grade(result.published_rating)) if result.published_rating else ()))
    if result.score is None:
        verdict = _incomplete(result) if published is None else published
    else:
        verdict = Text.assemble(f"Overall score {result.score} of 33: ", _grade(result.rating))
        if published is not None:
            verdict = Text.assemble(verdict, " (", published, ")")
    return Group(_title(result, "EDS 2022"), table, *_counts(result), verdict, Text(_change_2022(result)))


def _change_2022(result: Eds2022Grading) -> str:
    if result.change is None:
        return f"No change shown: {result.comparison.note}."
    change = result.change
    rating = ("rating unchanged" if change.rating_change == "unchanged"
              else f"rating from {change.rating_change}")
    return (f"Since {change.previous_id}: score {change.score_change:+} (from {change.previous_score}), "
            f"{rating}.")


def _eds2(result: Eds2Grading) -> RenderableType:
    outcomes = Table(title="Outcome grades", title_justify="left")
    for column in ("Goal", "Outcome", "Characteristics evidenced", "Grade", "Change"):
        outcomes.add_column(column, overflow="fold")
    changes = {change.code: change for change in result.changes or ()}
    for goal in result.goals:
        for outcome in goal.outcomes:
            change = changes.get(outcome.code)
            movement = "" if change is None else f"{change.movement} (was {change.previous})"
            evidenced = f"{len(outcome.characteristics)} of 9" + (", all fare well" if outcome.all_fare_well else "")
            outcomes.add_row(goal.name, f"{outcome.code} {outcome.text}", evidenced, _grade(outcome.grade), movement)
    summary = Table(title="Outcomes per grade in each goal", title_justify="left")
    summary.add_column("Goal")
    for grade in GRADES:
        summary.add_column(grade, justify="right")
    for goal in result.goals:
        summary.add_row(goal.name, *(str(goal.grade_counts[grade]) for grade in GRADES))
    parts: list[RenderableType] = [_title(result, "EDS2"), outcomes, summary, *_counts(result)]
    if result.missing:
        parts.append(_incomplete(result))
    if result.changes is None:
        parts.append(Text(f"No change shown: {result.comparison.note}."))
    else:
        parts.append(Text(f"Grades compared with {result.comparison.previous_id}."))
    return Group(*parts)
