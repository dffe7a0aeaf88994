"""The figures of an objective's numeric measure in words: a value with its date, the target with its
interim targets, and the latest progress. The objective plan and the WRES and WDES reports (the measures
that track an indicator) both show them."""

from __future__ import annotations

from ...i18n import _
from ...records.objective import Measure, MeasureValue
from .context import Builder
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


def target_text(builder: Builder, measure: Measure) -> str:
    """The target, then the interim targets (the trajectory) in date order."""
    lines = [measure_value(builder, measure, measure.target)]
    lines += [_("Interim target {value}").format(value=measure_value(builder, measure, step))
              for step in sorted(measure.trajectory, key=lambda v: v.date)]
    return "\n".join(lines)


def latest_text(builder: Builder, measure: Measure) -> str:
    """The latest progress figure with its note, or that there is none yet."""
    latest = max(measure.progress, key=lambda p: p.date, default=None)
    if latest is None:
        return _("No progress recorded yet")
    note = builder.text(latest, "note")
    return measure_value(builder, measure, latest) + (f"\n{note}" if note else "")
