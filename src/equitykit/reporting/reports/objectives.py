"""The equality objective plan: each objective with its barrier, lead, dates, EDS outcomes, aims,
status and measures (numeric ones with baseline, interim targets, target and latest progress; milestones
done or not by their date), laid out as in a published objective plan."""

from __future__ import annotations

import datetime as dt

from ...records.common import PSED_AIMS
from ...records.objective import Measure, MeasureValue, MilestoneMeasure, Objective
from ...records.repository import RecordSet
from .actions import due_text, leads_text
from .context import AIM_NAMES, Builder, cell, header
from .document import BulletList, Fact, Facts, Paragraph, Report, Section
from .report_charts import measure_chart, way_to_target
from .suppression import number

COUNT_UNITS = frozenset({"count", "counts", "number", "people", "staff", "patients", "headcount"})


def objectives_report(records: RecordSet, as_of: dt.date) -> Report:
    """The equality objective plan."""
    builder = Builder(records, as_of)
    objectives = sorted(records.of("objective"), key=lambda o: o.id)
    sections = [plan_section(builder, objectives)]
    sections += [objective_section(builder, objective) for objective in objectives]
    return builder.finish("objectives", "Equality objectives", sections, summary=(
        f"{builder.name} has {len(objectives)} equality "
        f"{'objective' if len(objectives) == 1 else 'objectives'}. Each is specific and measurable, "
        "and this plan says how progress towards it is measured."))


def aims(slugs: list[str]) -> str:
    return "; ".join(AIM_NAMES.get(slug, slug) for slug in slugs) or "None given"


def plan_section(builder: Builder, objectives: list[Objective]) -> Section:
    """The plan as a table; the EDS outcomes column only for bodies the EDS applies to."""
    eds = builder.follows("eds")
    rows = [
        (header(f"{o.id}: {o.title}"), cell(builder.characteristics(o.characteristics, o.psed_aims)),
         cell(o.barrier or "Not recorded"), cell(o.lead),
         cell(f"{builder.date(o.start)} to {builder.date(o.end)}"),
         *([cell(", ".join(o.eds_outcomes) or "None")] if eds else []), cell(aims(list(o.psed_aims))),
         cell(builder.status(o.status), o.status))
        for o in objectives
    ]
    table = builder.table("Equality objective plan", (
        "Objective", "Protected characteristics", "Barriers and issues", "Responsible officer",
        "Dates", *(["EDS outcomes"] if eds else []), "General duty aims", "Status"), rows, "No objectives recorded.")
    return builder.section("Equality objective plan", [table, *way_to_target(builder, objectives, format_value)])


def measure_value(builder: Builder, measure: Measure, value: MeasureValue | None) -> str:
    if value is None:
        return "Not set"
    return f"{format_value(builder, measure, value.value)} ({builder.date(value.date)})"


def format_value(builder: Builder, measure: Measure, value: float) -> str:
    if measure.unit.strip().lower() in COUNT_UNITS and value == int(value):
        return builder.suppress.count(int(value))
    unit = "%" if measure.unit.strip().lower() in {"percent", "percentage", "%"} else f" {measure.unit}"
    return number(value, unit)


def source_text(measure: Measure | MilestoneMeasure) -> str:
    indicator = getattr(measure, "indicator", None)
    named = f"{indicator.standard.upper()} {'indicator' if indicator.standard == 'wres' else 'metric'} " \
            f"{indicator.number}" if indicator else None
    return "; ".join(part for part in (measure.source, named) if part) or "Not recorded"


def target_text(builder: Builder, measure: Measure) -> str:
    """The target, then the interim targets (the trajectory) in date order."""
    lines = [measure_value(builder, measure, measure.target)]
    lines += [f"Interim target {measure_value(builder, measure, step)}"
              for step in sorted(measure.trajectory, key=lambda v: v.date)]
    return "\n".join(lines)


def milestone_status(builder: Builder, measure: MilestoneMeasure) -> str:
    if measure.done:
        return f"Done{f' ({builder.date(measure.done_on)})' if measure.done_on else ''}"
    late = measure.by < builder.as_of
    return f"Not done{', overdue' if late else ''} (due by {builder.date(measure.by)})"


def measure_row(builder: Builder, measure: Measure | MilestoneMeasure) -> tuple:
    """One measure: a numeric one's figures, or a milestone's date and whether it is done."""
    if isinstance(measure, MilestoneMeasure):
        return (header(f"Milestone: {measure.description}"), cell(source_text(measure)), cell("Not applicable"),
                cell(f"Done by {builder.date(measure.by)}"), cell(milestone_status(builder, measure)))
    return (header(measure.description), cell(source_text(measure)),
            cell(measure_value(builder, measure, measure.baseline)), cell(target_text(builder, measure)),
            cell(latest_text(builder, measure)))


def latest_text(builder: Builder, measure: Measure) -> str:
    """The latest progress figure with its note, or that there is none yet."""
    latest = max(measure.progress, key=lambda p: p.date, default=None)
    if latest is None:
        return "No progress recorded yet"
    return measure_value(builder, measure, latest) + (f"\n{latest.note}" if latest.note else "")


def objective_section(builder: Builder, objective: Objective) -> Section:
    facts = Facts(tuple(fact for fact in (
        Fact("Protected characteristics", builder.characteristics(objective.characteristics, objective.psed_aims)),
        Fact("Barriers and issues", objective.barrier or "Not recorded"),
        Fact("Responsible officer", objective.lead),
        Fact("Runs", f"{builder.date(objective.start)} to {builder.date(objective.end)}"),
        Fact("EDS outcomes", ", ".join(objective.eds_outcomes) or "None") if builder.follows("eds") else None,
        Fact("General duty aims", "; ".join(PSED_AIMS.get(a, a) for a in objective.psed_aims)),
        Fact("Status", builder.status(objective.status), objective.status),
    ) if fact))
    blocks: list = [Paragraph(objective.description)] if objective.description else []
    blocks.append(facts)
    rows = [measure_row(builder, measure) for measure in objective.measures]
    blocks.append(builder.table(f"How progress on {objective.id} is measured",
                                ("Measure", "Source", "Baseline", "Target", "Latest"), rows))
    blocks += [chart for measure in objective.measures if isinstance(measure, Measure)
               for chart in measure_chart(builder, measure, format_value)]
    actions = [a for a in builder.records.of("action") if objective.id in a.objectives]
    blocks.append(builder.table(f"Actions serving {objective.id}", ("Action", "Lead officer", "Due", "Status"), (
        (header(f"{a.id}: {a.title}"), cell(leads_text(a)), cell(due_text(builder, a.due)),
         cell(builder.status(a.status), a.status)) for a in sorted(actions, key=lambda a: a.id)),
        "No actions recorded for this objective."))
    updates = sorted(objective.updates, key=lambda u: u.date)
    if updates:
        blocks.append(BulletList(tuple(
            f"Update {builder.date(u.date)}: {u.note}"
            + (f" (status: {builder.status(u.status)})" if u.status else "") for u in updates)))
    return builder.section(f"{objective.id}: {objective.title}", blocks)
