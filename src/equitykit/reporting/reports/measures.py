"""Measures as reports show them: an objective's measures and an action's KPIs alike (a numeric measure's
value with its date, the target with its interim targets, and the latest progress; a milestone done or not
by its date). The objective plan, the action plan and the WRES and WDES reports all show them."""

from __future__ import annotations

from ...i18n import _
from ...records.objective import Measure, MeasureValue, MilestoneMeasure
from .context import Builder, cell, header
from .suppression import number

COUNT_UNITS = frozenset({"count", "counts", "number", "people", "staff", "patients", "headcount"})


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
              for step in sorted(measure.trajectory, key=lambda v: v.date.order)]
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
    latest = max(measure.progress, key=lambda p: p.date.order, default=None)
    if latest is None:
        return _("No progress recorded yet")
    note = builder.text(latest, "note")
    return measure_value(builder, measure, latest) + (f"\n{note}" if note else "")
