"""Progress this year: the highlights of a reporting year (records/highlight.py) as a report shows them, each
with when it happened, its figure as published (and the change, where the earlier figure is given too), the
characteristics it concerns and the objectives and actions it serves.

"This year" is the reporting year the report covers: a highlight is of it when any day its period allows falls in
it; one with no period is of every year, and the report says so. The figures are the body's own published ones,
shown as given, never suppressed (the text that carries them is published as written) and never computed, but
for the change between two figures the record gives."""

from __future__ import annotations

from decimal import Decimal

from ...i18n import _, decimal
from ...records.dates import PartialDate
from ...records.highlight import Highlight, HighlightFigure, HighlightPeriod, unit_kind
from ...records.objective import Objective
from ...records.years import ReportingYear
from .context import Builder, cell, header, numbered
from .document import Block, Paragraph, Table


def highlights_of(builder: Builder, year: ReportingYear) -> list[Highlight]:
    """The highlights of the reporting year `year`, in the order they happened (those with no period last)."""
    chosen = [h for h in builder.records.of("highlight") if h.overlaps(year.start, year.end)]
    return sorted(chosen, key=lambda h: (h.period is None, h.period.earliest if h.period else year.start,
                                         h.period.latest if h.period else year.end, h.id))


def progress_section(builder: Builder, year: ReportingYear) -> list[Block] | None:
    """The PSED report's "Progress this year": every highlight of the year; None for a body that keeps none."""
    if not builder.records.of("highlight"):
        return None
    chosen = highlights_of(builder, year)
    blocks: list[Block] = [Paragraph(_("What we did and achieved in the reporting year {year}, {span}.").format(
        year=year.label, span=builder.span(year.start, year.end)))]
    if any(h.period is None for h in chosen):
        blocks.append(Paragraph(_("Entries without a date are shown in every year's report.")))
    blocks.append(progress_table(builder, _("Progress in the reporting year {year}").format(year=year.label), chosen,
                                 _("No progress recorded for the reporting year {year}.").format(year=year.label)))
    return blocks


def objective_progress(builder: Builder, objective: Objective, year: ReportingYear) -> Table | None:
    """The highlights of the year linked to `objective` (directly, or through an action serving it); None when none
    is."""
    serving = {a.id for a in builder.records.of("action") if objective.id in a.objectives}
    linked = [h for h in highlights_of(builder, year) if objective.id in h.objectives or serving & set(h.actions)]
    if not linked:
        return None
    return progress_table(builder, _("Progress this year on {id}, {year}").format(id=objective.id, year=year.label),
                          linked, links=False)


def progress_table(builder: Builder, caption: str, highlights: list[Highlight], empty: str | None = None,
                   links: bool = True) -> Table:
    """The highlights as a table: what, when, the figure, the characteristics and what they serve (a column only
    when some highlight fills it)."""
    left_out = {index for index, shown in ((2, any(h.figure for h in highlights)),
                                           (3, any(h.characteristics for h in highlights)),
                                           (4, links and any(h.objectives or h.actions for h in highlights)))
                if not shown}
    rows = ((header(builder.text(h, "text")), cell(when_text(builder, h.period)),
             cell(figure_text(builder, h.figure) if h.figure else _("None given")),
             cell(builder.characteristics(h.characteristics)), cell(linked_text(builder, h)))
            for h in highlights)
    return builder.table(caption, (_("Progress"), _("When"), _("Figure"), _("Protected characteristics"),
                                   _("Linked to")), rows, empty, left_out)


def when_text(builder: Builder, period: PartialDate | HighlightPeriod | None) -> str:
    """When a highlight happened, at the precision given; "Date not stated" when no period is."""
    if isinstance(period, HighlightPeriod):
        return builder.span(period.start, period.end)
    return builder.date(period, _("Date not stated"))


def linked_text(builder: Builder, highlight: Highlight) -> str:
    """The objectives and actions a highlight serves, each by its id and title (an id alone if not recorded)."""
    names = []
    for kind, ids in (("objective", highlight.objectives), ("action", highlight.actions)):
        titles = {record.id: builder.text(record, "title") for record in builder.records.of(kind)}
        names += [numbered(record_id, titles[record_id].rstrip(".")) if record_id in titles else record_id
                  for record_id in ids]
    return "; ".join(names) or _("None given")


def figure_text(builder: Builder, figure: HighlightFigure) -> str:
    """The figure as published with its unit (£120,000; 12.5%; Position 45; 42 community projects), and, where
    the earlier figure is given too, the change from it (310 members, up from 120 (a rise of 190))."""
    now = _amount(builder, figure, figure.value)
    if figure.earlier is None:
        return now
    kind = unit_kind(figure.unit)
    before = decimal(figure.earlier) if kind in ("count", "position") else _amount(builder, figure, figure.earlier)
    if kind == "position":
        return _("{now}, previously {before}").format(now=now, before=before)
    change = Decimal(repr(figure.value)) - Decimal(repr(figure.earlier))
    if change == 0:
        return _("{now}, the same as before").format(now=now)
    difference = _difference(figure, abs(change))
    if change > 0:
        return _("{now}, up from {before} (a rise of {change})").format(now=now, before=before, change=difference)
    return _("{now}, down from {before} (a fall of {change})").format(now=now, before=before, change=difference)


def _amount(builder: Builder, figure: HighlightFigure, value: float) -> str:
    kind = unit_kind(figure.unit)
    if kind == "money":
        return _money(value)
    if kind == "percent":
        return f"{decimal(value)}%"
    if kind == "position":
        return _("Position {number}").format(number=decimal(value))
    return _("{number} {unit}").format(number=decimal(value), unit=builder.text(figure, "unit"))


def _difference(figure: HighlightFigure, change: Decimal) -> str:
    kind = unit_kind(figure.unit)
    if kind == "money":
        return _money(change)
    if kind == "percent":
        return _("{number} percentage points").format(number=decimal(change))
    return decimal(change)


def _money(value: float | Decimal) -> str:
    """A sum in pounds: £120,000, or £1,250.50 where there are pence."""
    return "£" + decimal(value, "#,##0" if value == int(value) else "#,##0.00")
