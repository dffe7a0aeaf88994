"""Chart geometry: plain functions that lay out the marks of a report chart in viewBox units.

Three layouts serve every report: values across years as lines with a shaded reference band
(`line_chart`), horizontal bars with their values at the ends and an optional reference line
(`bar_chart`, and `stacked_bars` for shares of a whole), and an objective measure from its baseline
through its progress to its target (`progress_chart`). They return a `Plot`; the SVG template and
the PNG painter (`charts_raster`) draw exactly its marks. Nothing is told apart by colour alone:
each series has its own marker shape and dash pattern and is named beside it, bars carry their
values, and a second part of a stacked bar is hatched. A value that is not published (suppressed)
or missing is `None` and is never plotted: the line leaves a gap.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Bar, Label, Line, Marker, Plot

WIDTH = 600
FONT = 12
"""The labels' size in viewBox units (the stylesheet and the PNG painter use the same)."""
CHAR = 6.8
"""A generous width of one character at that size, used to keep labels apart and inside the chart."""
TEXT, AXIS, GRID = "#1b1b1b", "#1b1b1b", "#c4c4c4"
BAND_FILL, BAND_EDGE = "#e8e8e8", "#505a5f"
BAR_FILL = "#1d4f91"
SERIES_COLOURS = ("#1d4f91", "#a33a00", "#6b2c91", "#00703c", "#1b1b1b")
"""Each at least 4.5:1 against white, so lines, markers and their names are readable."""
SHAPES = ("circle", "square", "triangle", "diamond")
DASHES = ("", "8 4", "2 3", "10 3 2 3")
MARKER_RADIUS = 5.0
LINE_WIDTH = 2.5


@dataclass(frozen=True)
class Series:
    """One line: its name (written at its end), a value for each x position (None: not plotted) and
    each value as published (e.g. "1.56", "18.4%")."""

    name: str
    values: tuple[float | None, ...]
    texts: tuple[str, ...]
    published: tuple[bool, ...] = ()
    """Which values are as published (not computed from counts): drawn as hollow markers."""


@dataclass(frozen=True)
class Band:
    """A shaded range of the value axis, named in words (e.g. "0.80 to 1.25: no adverse impact")."""

    lower: float
    upper: float
    label: str


@dataclass(frozen=True)
class Scale:
    """A linear map from values to viewBox units: `low` sits at `start` and `high` at `end`."""

    low: float
    high: float
    start: float
    end: float

    def at(self, value: float) -> float:
        return round(self.start + (value - self.low) * (self.end - self.start) / (self.high - self.low), 2)


def nice_ticks(low: float, high: float, most: int = 6) -> tuple[float, ...]:
    """Round values from at or below `low` to at or above `high`, a step of 1, 2, 2.5 or 5 times a power
    of ten apart, about `most` steps in all: an axis's ticks."""
    if high <= low:
        high = low + 1
    raw = (high - low) / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * m for m in (1, 2, 2.5, 5, 10) if power * m >= raw * (1 - 1e-9))
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return tuple(round(index * step, 10) for index in range(first, last + 1))


def tick_text(value: float, ticks: Sequence[float], unit: str = "") -> str:
    """A tick's value with as many decimal places as the ticks' step needs, and the unit."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    places = next((p for p in range(4) if abs(round(step, p) - step) < 1e-9), 4)
    return f"{value:.{places}f}{unit}"


def text_width(text: str) -> float:
    """The width a label of `text` may take, generously."""
    return round(len(text) * CHAR, 2)


def marker(x: float, y: float, index: int, label: str, hollow: bool = False, shape: str | None = None) -> Marker:
    """The marker of series `index` (its shape and colour) at (x, y)."""
    shape = shape or SHAPES[index % len(SHAPES)]
    r = MARKER_RADIUS
    points: tuple[tuple[float, float], ...] = ()
    if shape == "square":
        s = r * 0.9
        points = ((x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s))
    elif shape == "triangle":
        points = ((x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8))
    elif shape == "diamond":
        points = ((x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y))
    rounded = tuple((round(px, 2), round(py, 2)) for px, py in points)
    return Marker(x, y, r, shape, SERIES_COLOURS[index % len(SERIES_COLOURS)], label, hollow, rounded)


def apart(positions: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """Label heights moved the least needed so that no two are closer than `gap`, kept within low..high;
    in the order given."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [positions[i] for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    overflow = placed[-1] - high if placed else 0
    if overflow > 0:
        placed = [p - overflow for p in placed]
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
    placed = [max(p, low) for p in placed]
    result = [0.0] * len(positions)
    for k, i in enumerate(order):
        result[i] = round(placed[k], 2)
    return result


def _value_axis(scale: Scale, ticks: Sequence[float], unit: str, left: float, right: float) -> tuple[list, list]:
    """Horizontal gridlines and tick labels of a vertical value axis, and the axis line itself."""
    lines, labels = [], []
    for tick in ticks:
        y = scale.at(tick)
        lines.append(Line(left, y, right, y, AXIS if tick == 0 else GRID, 1.0))
        labels.append(Label(left - 6, round(y + 4, 2), tick_text(tick, ticks, unit), "end"))
    lines.append(Line(left, scale.start, left, scale.end, AXIS, 1.0))
    return lines, labels


def line_chart(xs: Sequence[str], series: Sequence[Series], unit: str = "", band: Band | None = None,
               bounds: Sequence[float] = (), published_key: str = "") -> Plot:
    """Values across years: a line, marker shape and dash pattern per series, named (with its latest
    value) at the right; a shaded `band` with dashed edges, named in words in a key below the chart; a
    value axis from 0 (or the lowest value, if below 0) to the highest value (or the highest of `bounds`,
    e.g. a scale's top) with ticks and gridlines; one label per year. Values as published are hollow
    markers, named by `published_key` in the key below the chart."""
    top, height, left = 16.0, 220.0, 56.0
    ends = [f"{s.name}: {s.texts[last]}" for s in series if (last := _last(s)) is not None]
    right = round(WIDTH - max(60.0, min(230.0, max((text_width(t) for t in ends), default=0) + 16)), 2)
    values = [v for s in series for v in s.values if v is not None]
    every = [0.0, *values, *bounds, *((band.lower, band.upper) if band else ())]
    ticks = nice_ticks(min(every), max(every))
    scale = Scale(ticks[0], ticks[-1], top + height, top)
    lines, labels = _value_axis(scale, ticks, unit, left, right)
    bars: list[Bar] = []
    if band is not None:
        upper, lower = scale.at(band.upper), scale.at(band.lower)
        bars.append(Bar(left, upper, right - left, round(lower - upper, 2), BAND_FILL, band.label))
        lines += [Line(left, y, right, y, BAND_EDGE, 1.0, "4 3") for y in (upper, lower)]
        key = top + height + FONT + 18
        bars.append(Bar(left, key, 28, 14, BAND_FILL, band.label, BAND_EDGE))
        labels.append(Label(left + 36, key + FONT, band.label))
    hollow = any(any(s.published) for s in series)
    if hollow:
        key = top + height + FONT + 18 + (30 if band else 0)
        markers_key = [marker(left + 14, key + 7, 0, published_key, hollow=True, shape="circle")]
        labels.append(Label(left + 36, key + FONT, published_key))
    lines.append(Line(left, scale.start, right, scale.start, AXIS, 1.0))
    pad = 28.0
    step = (right - left - 2 * pad) / max(len(xs) - 1, 1)
    x_at = [round(left + pad + i * step, 2) for i in range(len(xs))]
    labels += [Label(x, scale.start + FONT + 6, text, "middle") for x, text in zip(x_at, xs, strict=True)]
    together: dict[tuple[int, float], list[int]] = {}  # series with the same value in the same year
    for index, s in enumerate(series):
        for i, value in enumerate(s.values):
            if value is not None:
                together.setdefault((i, value), []).append(index)

    def x_of(index: int, i: int, value: float) -> float:
        """A point's x: series sharing a value in a year stand side by side, so every marker shows."""
        side = together[(i, value)]
        return round(x_at[i] + (side.index(index) - (len(side) - 1) / 2) * 2.2 * MARKER_RADIUS, 2)

    markers: list[Marker] = markers_key if hollow else []
    end_points: list[tuple[float, str, int]] = []
    for index, s in enumerate(series):
        colour, dash = SERIES_COLOURS[index % len(SERIES_COLOURS)], DASHES[index % len(DASHES)]
        for i in range(len(xs) - 1):
            a, b = s.values[i], s.values[i + 1]
            if a is not None and b is not None:
                lines.append(Line(x_of(index, i, a), scale.at(a), x_of(index, i + 1, b), scale.at(b), colour,
                                  LINE_WIDTH, dash))
        for i, value in enumerate(s.values):
            if value is not None:
                as_published = i < len(s.published) and s.published[i]
                markers.append(marker(x_of(index, i, value), scale.at(value), index,
                                      f"{s.name}, {xs[i]}: {s.texts[i]}", hollow=as_published))
        last = _last(s)
        if last is not None:
            end_points.append((scale.at(s.values[last] or 0), f"{s.name}: {s.texts[last]}", index))
    heights = apart([y + 4 for y, _, _ in end_points], FONT + 3, top + FONT, scale.start + 4)
    for (_, text, index), y in zip(end_points, heights, strict=True):
        labels.append(Label(right + 10, y, text, colour=SERIES_COLOURS[index % len(SERIES_COLOURS)]))
    return Plot(WIDTH, int(top + height + FONT + 16 + (30 if band else 0) + (30 if hollow else 0)), (), tuple(bars),
                tuple(lines), tuple(markers), tuple(labels))


def _last(series: Series) -> int | None:
    """The index of a series' last plotted value."""
    return next((i for i in range(len(series.values) - 1, -1, -1) if series.values[i] is not None), None)


@dataclass(frozen=True)
class BarRow:
    """One bar: its label, its value (None: not plotted), the text at its end (the value as published,
    or why there is no bar) and the group it belongs to (named once, above its first bar)."""

    label: str
    value: float | None
    text: str
    group: str = ""


@dataclass(frozen=True)
class Reference:
    """A value every bar is read against (e.g. the share of the whole workforce), drawn as a dashed line."""

    value: float
    label: str


ROW, BAR = 24.0, 15.0


def bar_chart(rows: Sequence[BarRow], unit: str = "%", high: float | None = 100.0,
              reference: Reference | None = None) -> Plot:
    """Horizontal bars from 0, each with its value at its end, on an axis with ticks (0 to `high`, or
    to a round number above the largest value); a dashed `reference` line named at its top. Each group
    of rows is named on a line of its own above its rows."""
    top = 10.0 + (FONT + 8 if reference else 0)
    label_width = round(min(max((text_width(r.label) for r in rows), default=0) + 10, 260.0), 2)
    left, right = label_width, WIDTH - 16
    largest = max([r.value for r in rows if r.value is not None] + [reference.value if reference else 0, 0.0])
    ticks = nice_ticks(0, high if high is not None else largest, 5)
    starts = [index for index, row in enumerate(rows)
              if row.group and (index == 0 or rows[index - 1].group != row.group)]
    bottom = top + (len(rows) + len(starts)) * ROW
    scale = Scale(ticks[0], ticks[-1], left, right)
    grid = tuple(Line(scale.at(t), top, scale.at(t), bottom, GRID, 1.0) for t in ticks)
    labels = [Label(scale.at(t), bottom + FONT + 4, tick_text(t, ticks, unit), "middle") for t in ticks]
    bars, y = [], top
    for index, row in enumerate(rows):
        if index in starts:
            labels.append(Label(4, y + ROW / 2 + 6, row.group, weight="bold"))
            y += ROW
        labels.append(Label(left - 8, y + ROW / 2 + 4, row.label, "end"))
        if row.value is None:
            labels.append(Label(left + 6, y + ROW / 2 + 4, row.text, halo="#ffffff"))
        else:
            end = scale.at(row.value)
            bars.append(Bar(left, y + (ROW - BAR) / 2, round(end - left, 2), BAR, BAR_FILL, f"{row.label}: {row.text}"))
            if end + 6 + text_width(row.text) > right:
                labels.append(Label(end - 6, y + ROW / 2 + 4, row.text, "end", "#ffffff", BAR_FILL))
            else:
                labels.append(Label(end + 6, y + ROW / 2 + 4, row.text, halo="#ffffff"))
        y += ROW
    lines = [Line(left, top, left, bottom, AXIS, 1.0), Line(left, bottom, right, bottom, AXIS, 1.0)]
    if reference is not None:
        x = scale.at(reference.value)
        lines.append(Line(x, top - 4, x, bottom, TEXT, 2.0, "6 3"))
        anchor = "end" if x + text_width(reference.label) > right else "start"
        labels.append(Label(x + (-4 if anchor == "end" else 4), top - 8, reference.label, anchor))
    return Plot(WIDTH, int(bottom + FONT + 12), grid, tuple(bars), tuple(lines), (), tuple(labels))


@dataclass(frozen=True)
class Part:
    """One part of a stacked bar: its name (in the key), its fill, and whether it is hatched."""

    name: str
    fill: str
    hatch: bool = False


def stacked_bars(rows: Sequence[tuple[str, Sequence[tuple[float, str]] | None, str]], parts: Sequence[Part],
                 unit: str = "%") -> Plot:
    """Bars of 100%, each split into `parts` left to right, each part's value written inside it where
    it fits; a key of the parts above; an axis 0 to 100 with ticks. A row is (label, [(value, text) per
    part] or None when it is not plotted, text shown instead)."""
    top = 10.0 + FONT + 14
    label_width = round(min(max((text_width(label) for label, _, _ in rows), default=0) + 10, 300.0), 2)
    left, right = label_width, WIDTH - 16
    ticks = nice_ticks(0, 100, 5)
    bottom = top + len(rows) * (ROW + 8)
    scale = Scale(0, 100, left, right)
    grid = tuple(Line(scale.at(t), top, scale.at(t), bottom, GRID, 1.0) for t in ticks)
    labels = [Label(scale.at(t), bottom + FONT + 4, tick_text(t, ticks, unit), "middle") for t in ticks]
    bars, x = [], left
    for part in parts:  # the key
        bars.append(Bar(x, 10, 14, 14, part.fill, part.name, TEXT, part.hatch))
        labels.append(Label(x + 20, 10 + FONT, part.name))
        x = round(x + 20 + text_width(part.name) + 24, 2)
    for index, (label, values, note) in enumerate(rows):
        y = top + index * (ROW + 8) + 4
        labels.append(Label(left - 8, y + ROW / 2 + 4, label, "end"))
        if values is None:
            labels.append(Label(left + 6, y + ROW / 2 + 4, note))
            continue
        start = 0.0
        for part, (value, text) in zip(parts, values, strict=True):
            x0, x1 = scale.at(start), scale.at(min(start + value, 100))
            bars.append(Bar(x0, y, round(x1 - x0, 2), ROW, part.fill, f"{label}: {part.name} {text}", TEXT,
                            part.hatch))
            if x1 - x0 >= text_width(text) + 6:
                labels.append(Label(round((x0 + x1) / 2, 2), y + ROW / 2 + 4, text, "middle", "#ffffff", part.fill))
            start += value
    return Plot(WIDTH, int(bottom + FONT + 12), grid, tuple(bars), (Line(left, bottom, right, bottom, AXIS, 1.0),), (),
                tuple(labels))


@dataclass(frozen=True)
class Point:
    """A dated figure of an objective measure; `value` None when it is not published."""

    day: dt.date
    value: float | None
    text: str


def progress_chart(recorded: Sequence[Point], planned: Sequence[Point], unit: str = "",
                   names: tuple[str, str] = ("Recorded", "Planned")) -> Plot:
    """An objective measure over time: the `recorded` figures (baseline, then progress) as a solid line
    with round markers, and the `planned` ones (the target, or the baseline, interim targets and target)
    as a dashed line with hollow diamonds; each figure's value beside its marker; a key naming the two;
    a time axis marked at each 1 January; a value axis from 0."""
    top, height, left = 34.0, 200.0, 56.0
    right = WIDTH - 40
    every = [*recorded, *planned]
    values = [p.value for p in every if p.value is not None]
    ticks = nice_ticks(min([0.0, *values]), max([0.0, *values]))
    scale = Scale(ticks[0], ticks[-1], top + height, top)
    first, last = min(p.day for p in every), max(p.day for p in every)
    span = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return round(left + 24 + (day - first).days * (right - left - 48) / span, 2)

    lines, labels = _value_axis(scale, ticks, unit, left, right)
    lines.append(Line(left, scale.start, right, scale.start, AXIS, 1.0))
    years = range(first.year + 1, last.year + 1)
    stride = max(1, math.ceil(len(years) / 8))
    for year in years[::stride]:
        x = x_of(dt.date(year, 1, 1))
        lines.append(Line(x, scale.start, x, scale.start + 5, AXIS, 1.0))
        labels.append(Label(x, scale.start + FONT + 6, str(year), "middle"))
    markers: list[Marker] = []
    for index, (points, hollow, above) in enumerate(((recorded, False, True), (planned, True, False))):
        shown = [p for p in points if p.value is not None]
        colour, dash = SERIES_COLOURS[index], DASHES[index]
        for a, b in zip(points, points[1:], strict=False):
            if a.value is not None and b.value is not None:
                lines.append(Line(x_of(a.day), scale.at(a.value), x_of(b.day), scale.at(b.value), colour,
                                  LINE_WIDTH, dash))
        for p in shown:
            if hollow and p is points[0] and recorded and recorded[0].day == p.day:
                continue  # the baseline is drawn once, as recorded
            assert p.value is not None
            x, y = x_of(p.day), scale.at(p.value)
            markers.append(marker(x, y, index, f"{names[index]}, {p.text}", hollow, "diamond" if hollow else "circle"))
            labels.append(Label(x, round(y - 10 if above else y + FONT + 8, 2), p.text, "middle", colour, "#ffffff"))
    x = left
    for index, name in enumerate(names):  # the key
        lines.append(Line(x, 14, x + 28, 14, SERIES_COLOURS[index], LINE_WIDTH, DASHES[index]))
        markers.append(marker(x + 14, 14, index, name, index == 1, "diamond" if index else "circle"))
        labels.append(Label(x + 36, 18, name))
        x = round(x + 36 + text_width(name) + 24, 2)
    return Plot(WIDTH, int(top + height + FONT + 16), (), (), tuple(lines), tuple(markers), tuple(labels))
