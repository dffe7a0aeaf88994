"""The typed context every report template lays out: a document of sections and blocks.

Builders compute everything (suppression, status words, chart geometry, safe links); templates only
place these values. Every string here may come from the records and is escaped when rendered.

A report is written in one language (`Report.language`). Record text the records hold only in English,
shown in a report in another language, is a passage in English inside it: the builder marks it with
`in_english`, which wraps it in two private-use characters. They survive the text being joined into a
longer cell or sentence; each format turns them into its own mark (a `lang="en"` span in HTML, a run
in English in Word) and Markdown drops them (`plain`). The visible note that the text is in English
only stands beside it, in the report's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from ...i18n import language
from ...obligations.dates import spoken_date
from ...records.dates import PartialDate

ENGLISH_START, ENGLISH_END = "\ue000", "\ue001"
"""The marks around a passage in English in a report in another language."""


def in_english(text: str) -> str:
    """`text` marked as a passage in English (in a report in another language)."""
    return f"{ENGLISH_START}{text}{ENGLISH_END}"


def plain(text: str) -> str:
    """`text` without the marks of passages in English (for Markdown, and where no mark can go)."""
    return text.replace(ENGLISH_START, "").replace(ENGLISH_END, "")


def passages(text: str) -> list[tuple[str, bool]]:
    """`text` cut into its passages, each with whether it is a passage in English; empty ones dropped."""
    parts: list[tuple[str, bool]] = []
    for index, piece in enumerate(text.split(ENGLISH_START)):
        english, _, rest = piece.partition(ENGLISH_END) if index else ("", "", piece)
        parts += [(words, flag) for words, flag in ((english, True), (rest, False)) if words]
    return parts


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
    language: str = "en"
    """The language the report is written in (en or cy)."""
    anchor_prefix: str = ""
    """Put before every anchor of the report, so that two reports in one HTML page keep their own."""

    @property
    def html_language(self) -> str:
        """The report's language as an HTML lang attribute: en-GB or cy."""
        return html_language(self.language)

    @property
    def as_of_text(self) -> str:
        with language(self.language):
            return long_date(self.as_of)


def with_anchor_prefix(report: Report, prefix: str) -> Report:
    """The report with `prefix` before every anchor (its sections', tables' and charts')."""
    def table(block: Table) -> Table:
        return replace(block, id=prefix + block.id)

    def block(item: Block) -> Block:
        if isinstance(item, Table):
            return table(item)
        if isinstance(item, Chart):
            return replace(item, id=prefix + item.id, table=table(item.table))
        return item

    def section(item: Section) -> Section:
        return replace(item, id=prefix + item.id, blocks=tuple(map(block, item.blocks)),
                       subsections=tuple(map(section, item.subsections)))

    return replace(report, anchor_prefix=prefix, sections=tuple(map(section, report.sections)))


def html_language(code: str) -> str:
    """A language as an HTML `lang` value: en-GB for English, cy for Welsh."""
    return "en-GB" if code == "en" else code


def long_date(day: PartialDate | dt.date | None) -> str:
    """A date as people read it in the UK, at its precision: 31 March 2025, March 2025, 2025 (empty for none)."""
    return "" if day is None else spoken_date(day)
