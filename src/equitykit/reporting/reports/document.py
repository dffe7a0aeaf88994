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
    """One rectangle of a bar chart, in the chart's viewBox units."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    label: str


@dataclass(frozen=True)
class Label:
    """A text label of a chart, in viewBox units."""

    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass(frozen=True)
class Chart:
    """An inline SVG bar chart with a title and description, and the same data as a table."""

    id: str
    title: str
    description: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    labels: tuple[Label, ...]
    legend: tuple[tuple[str, str], ...]
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
