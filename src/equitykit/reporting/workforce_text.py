"""Rich tables of the WRES indicators and WDES metrics, for people at a terminal.

Statuses are in words, not colour alone. A figure resting on fewer staff than the organisation's
suppression threshold is shown with an asterisk, so that nobody publishes it by mistake.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..metrics.figures import Figure
from ..metrics.standards import (
    NO_ADVERSE_IMPACT,
    BoardDifference,
    Groups,
    Likelihood,
    LikelihoodBand,
    Representation,
    SurveyResult,
)
from ..metrics.wdes import WDES_GROUPS, Engagement, WdesMetrics
from ..metrics.wres import WRES_GROUPS, WresIndicators


class _Cells:
    """Formats figures, marking those resting on counts below the suppression threshold."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self.marked = False
        self.published = False

    def value(self, figure: Figure | None, signed: bool = False) -> str:
        if figure is None:
            return ""
        if figure.value is None:
            return "n/a"
        text = f"{figure.value:+}" if signed else str(figure.value)
        if figure.as_published:
            self.published = True
            return f"{text} (published)"
        if figure.min_count is not None and figure.min_count < self.threshold:
            self.marked = True
            return f"{text}*"
        return text

    def change(self, figure: Figure | None) -> str:
        return "" if figure is None else self.value(figure, signed=True)


def wres_text(result: WresIndicators, threshold: int) -> RenderableType:
    """The nine WRES indicators as tables."""
    cells = _Cells(threshold)
    parts: list[RenderableType] = [
        _heading("WRES", result.snapshot, result.previous_snapshot, result.band),
        _representation("Indicator 1: BME staff by band", result.representation, WRES_GROUPS, cells),
        _likelihoods("Indicators 2-4: relative likelihoods", result.likelihoods, WRES_GROUPS, cells),
        _surveys("Indicators 5-8: NHS Staff Survey", result.surveys, WRES_GROUPS, cells),
        _board("Indicator 9: board minus workforce, BME percentage points", result.board, cells),
    ]
    return Group(*parts, *_footnote(cells))


def wdes_text(result: WdesMetrics, threshold: int) -> RenderableType:
    """The ten WDES metrics as tables."""
    cells = _Cells(threshold)
    voice = "not recorded" if result.voice is None else "yes" if result.voice.facilitated else "no"
    parts: list[RenderableType] = [
        _heading("WDES", result.snapshot, result.previous_snapshot, result.band),
        _representation("Metric 1: Disabled staff by band", result.representation, WDES_GROUPS, cells),
        _likelihoods("Metrics 2-3: relative likelihoods", result.likelihoods, WDES_GROUPS, cells),
        _surveys("Metrics 4-8: NHS Staff Survey", result.surveys, WDES_GROUPS, cells),
        _engagement(result.engagement, cells),
        Text(f"Metric 9b: action taken to facilitate the voices of Disabled staff: {voice}"
             + (f". {result.voice.narrative}" if result.voice and result.voice.narrative else "")),
        _board("Metric 10: board minus workforce, Disabled percentage points", result.board, cells),
    ]
    return Group(*parts, *_footnote(cells))


def _heading(standard: str, snapshot: dt.date, previous: dt.date | None, band: LikelihoodBand) -> Text:
    compared = (f", compared with {previous.isoformat()}" if previous
                else ", with no snapshot from the year before to compare")
    return Text(f"{standard} at {snapshot.isoformat()}{compared}. Relative likelihoods from "
                f"{float(band.lower):.2f} to {float(band.upper):.2f} show no adverse impact.", style="bold")


_TEXT_COLUMNS = frozenset({"No.", "Staff group", "Band", "Indicator", "Status", "Question", "Group", "Membership"})


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, justify="left" if column in _TEXT_COLUMNS else "right", overflow="fold")
    return table


def _representation(title: str, result: Representation, groups: Groups, cells: _Cells) -> Table:
    focus = groups.names[groups.focus]
    table = _table(title, "Staff group", "Band", f"{focus} %", "Points vs overall", "Change", "Unknown")
    for row in result.bands:
        table.add_row(row.staff_group, row.band, cells.value(row.share), cells.value(row.gap, signed=True),
                      cells.change(row.change), str(row.unknown))
    table.add_row("All staff", "", cells.value(result.overall), "", cells.change(result.change), str(result.unknown))
    return table


def _likelihoods(title: str, results: Sequence[Likelihood], groups: Groups, cells: _Cells) -> Table:
    names = [groups.names[groups.reference], groups.names[groups.focus]]
    table = _table(title, "No.", "Indicator", f"{names[0]} %", f"{names[1]} %", "Likelihood", "Status", "Change")
    for result in results:
        years = " (two-year rolling)" if result.years == 2 else ""
        status = result.status if result.ratio.known else f"{result.status}: {result.ratio.reason}"
        style = "green" if result.status == NO_ADVERSE_IMPACT else "red" if result.disadvantaged else ""
        table.add_row(result.number, result.title + years, cells.value(result.rates[groups.reference]),
                      cells.value(result.rates[groups.focus]), cells.value(result.ratio),
                      Text(status, style=style), cells.change(result.change))
    return table


def _surveys(title: str, results: Sequence[SurveyResult], groups: Groups, cells: _Cells) -> Table:
    order = (groups.reference, groups.focus)
    names = [groups.names[group] for group in order]
    table = _table(title, "No.", "Question", *(f"{name} %" for name in names),
                   *(f"Change {name}" for name in names))
    for result in results:
        changes = [cells.change(result.changes[group]) if result.changes else "" for group in order]
        table.add_row(result.number, result.title, *(cells.value(result.percentages[group]) for group in order),
                      *changes)
    return table


def _engagement(result: Engagement, cells: _Cells) -> Table:
    table = _table("Metric 9a: staff engagement score (0-10)", "Group", "Score", "Change")
    for group, name in (("disabled", "Disabled"), ("non_disabled", "Non-disabled"), ("overall", "All staff")):
        table.add_row(name, cells.value(result.scores[group]),
                      cells.change(result.changes[group]) if result.changes else "")
    return table


def _board(title: str, results: Sequence[BoardDifference], cells: _Cells) -> Table:
    table = _table(title, "Membership", "Board %", "Workforce %", "Difference (points)", "Change")
    for result in results:
        table.add_row(result.membership, cells.value(result.board), cells.value(result.workforce),
                      cells.value(result.difference, signed=True), cells.change(result.change))
    return table


def _footnote(cells: _Cells) -> list[Text]:
    notes = []
    if cells.published:
        notes.append(Text("(published): the figure as the body published it, for a snapshot without the counts "
                          "behind it; it is not computed here."))
    if cells.marked:
        notes.append(Text(f"* rests on fewer than {cells.threshold} people: suppress it before publishing."))
    return notes
