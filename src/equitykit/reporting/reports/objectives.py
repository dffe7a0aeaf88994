"""The equality objective plan: each objective with its barrier, lead, dates, EDS outcomes, aims,
status and measures (numeric ones with baseline, interim targets, target and latest progress; milestones
done or not by their date), laid out as in a published objective plan."""

from __future__ import annotations

import datetime as dt

from ...i18n import _, ngettext
from ...records.common import PSED_AIMS
from ...records.objective import Measure, MeasureValue, MilestoneMeasure, Objective
from ...records.repository import RecordSet
from .actions import due_text, leads_text
from .context import AIM_NAMES, Builder, cell, header, numbered, update_text
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
    return builder.finish("objectives", _("Equality objectives"), sections, summary=ngettext(
        "{name} has {count} equality objective. Each is specific and measurable, and this plan says how "
        "progress towards it is measured.",
        "{name} has {count} equality objectives. Each is specific and measurable, and this plan says how "
        "progress towards it is measured.", len(objectives)).format(name=builder.name, count=len(objectives)))


def aims(slugs: list[str]) -> str:
    return "; ".join(_(AIM_NAMES[slug]) if slug in AIM_NAMES else slug for slug in slugs) or _("None given")


def plan_section(builder: Builder, objectives: list[Objective]) -> Section:
    """The plan as a table; the EDS outcomes column only for bodies the EDS applies to."""
    eds = builder.follows("eds")
    rows = [
        (header(numbered(o.id, builder.text(o, "title"))),
         cell(builder.characteristics(o.characteristics, o.psed_aims)),
         cell(builder.text(o, "barrier") or _("Not recorded")), cell(builder.text(o, "lead")),
         cell(builder.span(o.start, o.end)),
         *([cell(", ".join(o.eds_outcomes) or _("None"))] if eds else []), cell(aims(list(o.psed_aims))),
         cell(builder.status(o.status), o.status))
        for o in objectives
    ]
    table = builder.table(_("Equality objective plan"), (
        _("Objective"), _("Protected characteristics"), _("Barriers and issues"), _("Responsible officer"),
        _("Dates"), *([_("EDS outcomes")] if eds else []), _("General duty aims"), _("Status")), rows,
        _("No objectives recorded."))
    return builder.section(_("Equality objective plan"), [table, *way_to_target(builder, objectives, format_value)])


def measure_value(builder: Builder, measure: Measure, value: MeasureValue | None) -> str:
    if value is None:
        return _("Not set")
    return _("{value} ({date})").format(value=format_value(builder, measure, value.value),
                                        date=builder.date(value.date))


def format_value(builder: Builder, measure: Measure, value: float) -> str:
    if measure.unit.strip().lower() in COUNT_UNITS and value == int(value):
        return builder.suppress.count(int(value))
    percent = measure.unit.strip().lower() in {"percent", "percentage", "%"}
    unit = "%" if percent else f" {builder.untranslated(measure.unit)}"
    return number(value, unit)


def source_text(builder: Builder, measure: Measure | MilestoneMeasure) -> str:
    indicator = getattr(measure, "indicator", None)
    named = None
    if indicator is not None:
        item = _("{standard} indicator {number}") if indicator.standard == "wres" else _("{standard} metric {number}")
        named = item.format(standard=indicator.standard.upper(), number=indicator.number)
    return "; ".join(part for part in (builder.text(measure, "source"), named) if part) or _("Not recorded")


def target_text(builder: Builder, measure: Measure) -> str:
    """The target, then the interim targets (the trajectory) in date order."""
    lines = [measure_value(builder, measure, measure.target)]
    lines += [_("Interim target {value}").format(value=measure_value(builder, measure, step))
              for step in sorted(measure.trajectory, key=lambda v: v.date)]
    return "\n".join(lines)


def milestone_status(builder: Builder, measure: MilestoneMeasure) -> str:
    if measure.done:
        return _("Done ({date})").format(date=builder.date(measure.done_on)) if measure.done_on else _("Done")
    if measure.by.latest < builder.as_of:
        return _("Not done, overdue (due by {date})").format(date=builder.date(measure.by))
    return _("Not done (due by {date})").format(date=builder.date(measure.by))


def measure_row(builder: Builder, measure: Measure | MilestoneMeasure) -> tuple:
    """One measure: a numeric one's figures, or a milestone's date and whether it is done."""
    description = builder.text(measure, "description")
    if isinstance(measure, MilestoneMeasure):
        return (header(_("Milestone: {description}").format(description=description)),
                cell(source_text(builder, measure)), cell(_("Not applicable")),
                cell(_("Done by {date}").format(date=builder.date(measure.by))),
                cell(milestone_status(builder, measure)))
    return (header(description), cell(source_text(builder, measure)),
            cell(measure_value(builder, measure, measure.baseline)), cell(target_text(builder, measure)),
            cell(latest_text(builder, measure)))


def latest_text(builder: Builder, measure: Measure) -> str:
    """The latest progress figure with its note, or that there is none yet."""
    latest = max(measure.progress, key=lambda p: p.date, default=None)
    if latest is None:
        return _("No progress recorded yet")
    note = builder.text(latest, "note")
    return measure_value(builder, measure, latest) + (f"\n{note}" if note else "")


def objective_section(builder: Builder, objective: Objective) -> Section:
    facts = Facts(tuple(fact for fact in (
        Fact(_("Protected characteristics"), builder.characteristics(objective.characteristics, objective.psed_aims)),
        Fact(_("Barriers and issues"), builder.text(objective, "barrier") or _("Not recorded")),
        Fact(_("Responsible officer"), builder.text(objective, "lead")),
        Fact(_("Runs"), builder.span(objective.start, objective.end)),
        Fact(_("EDS outcomes"), ", ".join(objective.eds_outcomes) or _("None")) if builder.follows("eds") else None,
        Fact(_("General duty aims"), "; ".join(_(PSED_AIMS[a]) if a in PSED_AIMS else a for a in objective.psed_aims)),
        Fact(_("Status"), builder.status(objective.status), objective.status),
    ) if fact))
    description = builder.text(objective, "description")
    blocks: list = [Paragraph(description)] if description else []
    blocks.append(facts)
    rows = [measure_row(builder, measure) for measure in objective.measures]
    blocks.append(builder.table(_("How progress on {id} is measured").format(id=objective.id),
                                (_("Measure"), _("Source"), _("Baseline"), _("Target"), _("Latest")), rows))
    blocks += [chart for measure in objective.measures if isinstance(measure, Measure)
               for chart in measure_chart(builder, measure, format_value)]
    actions = [a for a in builder.records.of("action") if objective.id in a.objectives]
    blocks.append(builder.table(_("Actions serving {id}").format(id=objective.id),
                                (_("Action"), _("Lead officer"), _("Due"), _("Status")), (
        (header(numbered(a.id, builder.text(a, "title"))), cell(leads_text(builder, a)), cell(due_text(builder, a.due)),
         cell(builder.status(a.status), a.status)) for a in sorted(actions, key=lambda a: a.id)),
        _("No actions recorded for this objective.")))
    updates = sorted(objective.updates, key=lambda u: u.date.order)
    if updates:
        blocks.append(BulletList(tuple(update_text(builder, u.date, builder.text(u, "note"), u.status)
                                       for u in updates)))
    return builder.section(numbered(objective.id, builder.text(objective, "title")), blocks)

