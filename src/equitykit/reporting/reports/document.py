"""The typed context every report template lays out: a document of sections and blocks.

Builders compute everything (suppression, status words, chart geometry, safe links); templates only
place these values. Every string here may come from the records and is escaped when rendered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...obligations.dates import spoken_date


@dataclass(frozen=True)
class Link:
    """A link; `href` is None when the target is not http(s) or mailto, so it is shown as text."""

    text: str
    href: str | None

    block = "link"


@dataclass(frozen=True)
class Cell:
    """A table cell: text, an optional status slug (for a coloured marker beside the words), an
    optional link, and whether it is a row header."""

    text: str
    status: str | None = None
    link: Link | None = None
    header: bool = False


@dataclass(frozen=True)
class Table:
    """A data table with a caption, column headings and rows (the first cell of a row may be a header)."""

    id: str
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str = "None recorded."

    block = "table"


@dataclass(frozen=True)
class Paragraph:
    """Running text; new lines in it are kept."""

    text: str

    block = "paragraph"


@dataclass(frozen=True)
class BulletList:
    """A list of texts or links."""

    items: tuple[str | Link, ...]
    ordered: bool = False

    block = "list"


@dataclass(frozen=True)
class Fact:
    """One term and its value in a list of facts."""

    term: str
    value: str | Link
    status: str | None = None


@dataclass(frozen=True)
class Facts:
    """A description list: term, value."""

    items: tuple[Fact, ...]

    block = "facts"


@dataclass(frozen=True)
class Bar:
    """One rectangle of a chart (a bar, or a shaded band), in the chart's viewBox units. `stroke` outlines
    it; `hatch` lays white diagonal lines over its fill, so it is told apart without colour."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    label: str
    stroke: str | None = None
    hatch: bool = False


@dataclass(frozen=True)
class Line:
    """A straight line of a chart (an axis, a gridline, a reference line or a piece of a series), in
    viewBox units; `dash` is an SVG dash pattern ("6 3"), empty for a solid line."""

    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 1.0
    dash: str = ""


@dataclass(frozen=True)
class Marker:
    """A point of a series, drawn as its series' shape: a circle, or the polygon `points`. A hollow
    marker (a target) is white inside with its colour as the outline."""

    x: float
    y: float
    radius: float
    shape: str
    colour: str
    label: str
    hollow: bool = False
    points: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Label:
    """A text label of a chart, in viewBox units. `halo` draws a band of that colour around the letters,
    so they stay readable over lines, hatching or a fill; `weight` is normal or bold."""

    x: float
    y: float
    text: str
    anchor: str = "start"
    colour: str = "#1b1b1b"
    halo: str | None = None
    weight: str = "normal"


@dataclass(frozen=True)
class Plot:
    """The marks of a chart, laid out in a viewBox `width` by `height`, drawn in this order: the grid
    behind everything, bars (and bands), lines, markers, labels."""

    width: int
    height: int
    grid: tuple[Line, ...] = ()
    bars: tuple[Bar, ...] = ()
    lines: tuple[Line, ...] = ()
    markers: tuple[Marker, ...] = ()
    labels: tuple[Label, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A chart with its title, a summary of what the data show (written from the data, shown beside the
    chart and used as its description), the drawing, and the same data as a table."""

    id: str
    title: str
    description: str
    plot: Plot
    table: Table

    block = "chart"


Block = Paragraph | Table | BulletList | Facts | Chart


@dataclass(frozen=True)
class Section:
    """A titled section; its subsections are one heading level below it."""

    id: str
    heading: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Style:
    """Colours of the HTML page, checked for contrast by the builder."""

    primary: str
    primary_replaced: bool
    statuses: dict[str, tuple[str, str]]


@dataclass(frozen=True)
class Logo:
    """A logo embedded as a data: URI (never fetched from elsewhere)."""

    src: str
    alt: str


@dataclass(frozen=True)
class Report:
    """A whole report: title, who it is about, its sections and its footnotes."""

    kind: str
    title: str
    organisation: str
    as_of: dt.date
    sections: tuple[Section, ...]
    footnotes: tuple[str, ...]
    style: Style
    logo: Logo | None = None
    summary: str | None = None
    alternative_formats: tuple[str | Link, ...] = field(default_factory=tuple)

    @property
    def as_of_text(self) -> str:
        return long_date(self.as_of)


def long_date(day: dt.date | None) -> str:
    """A date as people read it in the UK: 31 March 2025 (empty for none)."""
    return "" if day is None else spoken_date(day)
