"""The equality objective plan: each objective with its barrier, lead, dates, EDS outcomes, aims,
status and measures (baseline, target, latest progress), laid out as in a published objective plan."""

from __future__ import annotations

import datetime as dt

from ...records.common import PSED_AIMS
from ...records.objective import Measure, MeasureValue, Objective
from ...records.repository import RecordSet
from .context import Builder, cell, header
from .document import BulletList, Fact, Facts, Paragraph, Report, Section
from .suppression import number

COUNT_UNITS = frozenset({"count", "counts", "number", "people", "staff", "patients", "headcount"})
AIM_NAMES = {
    "eliminate-discrimination": "Eliminate discrimination",
    "advance-equality": "Advance equality of opportunity",
    "foster-good-relations": "Foster good relations",
}


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
    return builder.section("Equality objective plan", [table])


def measure_value(builder: Builder, measure: Measure, value: MeasureValue | None) -> str:
    if value is None:
        return "Not set"
    return f"{format_value(builder, measure, value.value)} ({builder.date(value.date)})"


def format_value(builder: Builder, measure: Measure, value: float) -> str:
    if measure.unit.strip().lower() in COUNT_UNITS and value == int(value):
        return builder.suppress.count(int(value))
    unit = "%" if measure.unit.strip().lower() in {"percent", "percentage", "%"} else f" {measure.unit}"
    return number(value, unit)


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
    rows = []
    for measure in objective.measures:
        latest = max(measure.progress, key=lambda p: p.date, default=None)
        latest_text = measure_value(builder, measure, latest) if latest else "No progress recorded yet"
        if latest is not None and latest.note:
            latest_text += f"\n{latest.note}"
        rows.append((header(measure.description), cell(measure.source or "Not recorded"),
                     cell(measure_value(builder, measure, measure.baseline)),
                     cell(measure_value(builder, measure, measure.target)), cell(latest_text)))
    blocks.append(builder.table(f"How progress on {objective.id} is measured",
                                ("Measure", "Source", "Baseline", "Target", "Latest"), rows))
    actions = [a for a in builder.records.of("action") if objective.id in a.objectives]
    blocks.append(builder.table(f"Actions serving {objective.id}", ("Action", "Lead officer", "Due", "Status"), (
        (header(f"{a.id}: {a.title}"), cell(a.lead), cell(builder.date(a.due)),
         cell(builder.status(a.status), a.status)) for a in sorted(actions, key=lambda a: a.id)),
        "No actions recorded for this objective."))
    updates = sorted(objective.updates, key=lambda u: u.date)
    if updates:
        blocks.append(BulletList(tuple(
            f"Update {builder.date(u.date)}: {u.note}"
            + (f" (status: {builder.status(u.status)})" if u.status else "") for u in updates)))
    return builder.section(f"{objective.id}: {objective.title}", blocks)
