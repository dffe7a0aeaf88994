"""A report chart drawn as a PNG picture, for documents that cannot hold inline SVG (Word).

The builder has already laid the chart out (bars, lines, markers and labels in viewBox units); this
only paints that geometry at print resolution, in the order the SVG draws it, so the picture and the
HTML's SVG show the same thing: dashed lines as dashes, hatched bars hatched, haloed labels haloed.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

from .charts import FONT
from .document import Bar, Chart, Line

SCALE = 3
"""Pixels per viewBox unit: a 600-unit chart is 1,800 pixels wide, sharp at 16 cm in print."""
HATCH_SPACING = 6
"""Units between the white lines of a hatched bar, as the SVG pattern sets them."""
HALO = 3
"""The width of a label's halo in units, as the SVG's stroke-width sets it."""
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}


def chart_png(chart: Chart) -> bytes:
    """The chart as the bytes of a PNG image on a white background."""
    plot = chart.plot
    image = Image.new("RGB", (plot.width * SCALE, plot.height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=FONT * SCALE)
    for line in plot.grid:
        _line(draw, line)
    for bar in plot.bars:
        _bar(image, draw, bar)
    for line in plot.lines:
        _line(draw, line)
    for m in plot.markers:
        fill = "#ffffff" if m.hollow else m.colour
        if m.points:
            draw.polygon([(x * SCALE, y * SCALE) for x, y in m.points], fill=fill, outline=m.colour, width=2 * SCALE)
        else:
            r = m.radius * SCALE
            draw.ellipse([m.x * SCALE - r, m.y * SCALE - r, m.x * SCALE + r, m.y * SCALE + r], fill=fill,
                         outline=m.colour, width=2 * SCALE)
    for label in plot.labels:
        # a halo is a wide outline in its colour; bold is a thin outline in the letters' own colour
        outline = ((HALO * SCALE // 2, label.halo) if label.halo else
                   (1, label.colour) if label.weight == "bold" else (0, None))
        draw.text((label.x * SCALE, label.y * SCALE), label.text, fill=label.colour, font=font,
                  anchor=_ANCHORS.get(label.anchor, "ls"), stroke_width=outline[0], stroke_fill=outline[1])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # not optimize=True: it tries every filter, several times slower
    return buffer.getvalue()


def _bar(image: Image.Image, draw: ImageDraw.ImageDraw, bar: Bar) -> None:
    box = [round(bar.x * SCALE), round(bar.y * SCALE), round((bar.x + bar.width) * SCALE),
           round((bar.y + bar.height) * SCALE)]
    if box[2] <= box[0] or box[3] <= box[1]:
        return
    draw.rectangle(box, fill=bar.fill)
    if bar.hatch:  # white lines at 45 degrees, drawn on a piece the size of the bar and laid over it
        width, height = box[2] - box[0], box[3] - box[1]
        piece = Image.new("L", (width, height), 0)
        lines = ImageDraw.Draw(piece)
        step = HATCH_SPACING * SCALE * math.sqrt(2)  # 6 units apart across the lines
        offset = -float(height)
        while offset < width:
            lines.line([(offset, height), (offset + height, 0)], fill=255, width=2 * SCALE)
            offset += step
        image.paste("#ffffff", (box[0], box[1]), piece)
    if bar.stroke:
        draw.rectangle(box, outline=bar.stroke, width=SCALE)


def _line(draw: ImageDraw.ImageDraw, line: Line) -> None:
    """A line, solid or in the dashes of its SVG dash pattern."""
    start, end = (line.x1 * SCALE, line.y1 * SCALE), (line.x2 * SCALE, line.y2 * SCALE)
    width = max(1, round(line.width * SCALE))
    if not line.dash:
        draw.line([start, end], fill=line.stroke, width=width)
        return
    pattern = [float(part) * SCALE for part in line.dash.split()]
    length = math.dist(start, end)
    if length == 0:
        return
    dx, dy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    position, index = 0.0, 0
    while position < length:
        run = min(pattern[index % len(pattern)], length - position)
        if index % 2 == 0:
            draw.line([(start[0] + dx * position, start[1] + dy * position),
                       (start[0] + dx * (position + run), start[1] + dy * (position + run))],
                      fill=line.stroke, width=width)
        position += run
        index += 1
