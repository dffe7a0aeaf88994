"""Rich tables for people that never cut a figure, an id or a word, at any width.

Rich squeezes a table that does not fit by cutting cells with "…". Every table the command line prints
is laid out by `fit_tables` first: each column is at least as wide as the longest word of its heading
and cells (a figure such as "-1,106.5%" or an id such as "england-equality-information" is one word),
and wraps its text at spaces beyond that. A table whose columns cannot all fit is printed wider than
the screen, never cut.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text


def _plain(cell: object) -> str | None:
    """The text of a cell as shown (markup removed), or None for a renderable that is not text."""
    if isinstance(cell, Text):
        return cell.plain
    if isinstance(cell, str):
        return Text.from_markup(cell).plain
    return None


def _longest_word(texts: Iterator[str | None]) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for text in texts if text for word in text.split()), default=0)


def _tables(renderable: RenderableType) -> Iterator[Table]:
    if isinstance(renderable, Table):
        yield renderable
    elif isinstance(renderable, Group):
        for part in renderable.renderables:
            yield from _tables(part)


def fit_tables(console: Console, renderable: RenderableType) -> int:
    """Lay out every table in `renderable` (a table, or a group of them) for `console`: each column at least
    as wide as its longest word, the rest of the width shared out in proportion to what each column would
    take, text wrapped at spaces, nothing cut. Returns the width to print at: the console's, or more when a
    table's words cannot all fit in it (the terminal then wraps the lines; nothing is lost)."""
    width = console.width
    options = console.options.update_width(UNLIMITED)
    for table in _tables(renderable):
        columns = table.columns
        least = [_longest_word(_plain(cell) for cell in [column.header, *column.cells]) for column in columns]
        natural = [max(Measurement.get(console, options, cell).maximum for cell in [column.header, *column.cells])
                   for column in columns]
        for column, narrowest in zip(columns, least, strict=True):
            column.min_width = max(column.min_width or 0, narrowest)
            column.overflow = "fold"  # "…" never; a word is never narrower than its column, so never folded
            column.no_wrap = False  # words are kept whole by the width; a heading may take two lines
        natural = [max(wide, column.min_width) for wide, column in zip(natural, columns, strict=True)]
        overhead = Measurement.get(console, options, table).maximum - sum(natural)  # padding and borders
        room = width - overhead
        if sum(natural) <= room:
            continue
        minimum = [column.min_width for column in columns]
        if sum(minimum) >= room:
            width = max(width, sum(minimum) + overhead)
            shares = minimum
        else:
            shares = _share(room, minimum, natural)
        for column, share in zip(columns, shares, strict=True):
            column.max_width = share
    return width


def _share(room: int, minimum: list[int], natural: list[int]) -> list[int]:
    """`room` shared fairly among columns: each at least its minimum; a column that wants less than an even
    share of the rest (a date, a status, a figure) gets all it wants; the long texts share what is left
    evenly (the largest `level` at which every column takes min(what it wants, level) still fits)."""
    def taken(level: int) -> list[int]:
        return [max(least, min(wide, level)) for least, wide in zip(minimum, natural, strict=True)]

    low, high = 0, max(natural)
    while low < high:  # the largest level that fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(taken(middle)) <= room else (low, middle - 1)
    shares = taken(low)
    for index in [i for i, wide in enumerate(natural) if wide > shares[i]][:room - sum(shares)]:
        shares[index] += 1  # what the level left over, one each
    return shares


UNLIMITED = 10_000
"""A width no table reaches, to measure what a table would take with all the room it wants."""


def plain_text(renderable: RenderableType, width: int = 160) -> str:
    """Tables (or any rich renderable) without colour or styles, for a file, a pipe or CI: `width` wide,
    or wider where a table's words cannot all fit."""
    console = Console(width=width, no_color=True, color_system=None, record=True, file=_Discard())
    if (needed := fit_tables(console, renderable)) > width:
        console = Console(width=needed, no_color=True, color_system=None, record=True, file=_Discard())
    console.print(renderable)
    return console.export_text(styles=False)


class _Discard(io.StringIO):
    """A file that forgets what is written to it (rich records the text for export instead)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
