"""A report chart drawn as a PNG picture, for documents that cannot hold inline SVG (Word).

The builder has already laid the chart out (bars and labels in viewBox units); this only paints that
geometry at print resolution, so the picture and the HTML's SVG show the same thing.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from .document import Chart

SCALE = 3
"""Pixels per viewBox unit: a 600-unit chart is 1,800 pixels wide, sharp at 16 cm in print."""
FONT_SIZE = 12
"""The labels' size in viewBox units, as the HTML's stylesheet sets it."""
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}
_TEXT = (27, 27, 27)


def chart_png(chart: Chart) -> bytes:
    """The chart as the bytes of a PNG image on a white background."""
    image = Image.new("RGB", (chart.width * SCALE, chart.height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=FONT_SIZE * SCALE)
    for bar in chart.bars:
        box = [bar.x * SCALE, bar.y * SCALE, (bar.x + bar.width) * SCALE, (bar.y + bar.height) * SCALE]
        if box[2] > box[0] and box[3] > box[1]:
            draw.rectangle(box, fill=bar.fill, outline=_TEXT)
    for label in chart.labels:
        draw.text((label.x * SCALE, label.y * SCALE), label.text, fill=_TEXT, font=font,
                  anchor=_ANCHORS.get(label.anchor, "ls"))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
