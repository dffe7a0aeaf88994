"""CSV text with the odd lines real exports have: blank lines, lines of spaces, short and long rows, trailing
commas, quotes and CRLF line ends. Shared by the tests that compare the fast readings of staff files with
the straightforward ones."""

from __future__ import annotations

from collections.abc import Sequence

ODDITIES = ("", "blank", "short", "long", "trailing", "spaces")


def csv_text(header: str, rows: Sequence[Sequence[str]], oddities: Sequence[str], *, crlf: bool, quoted: bool,
             short: int) -> str:
    """The header and rows as CSV, every cell in quotes if `quoted` (else only one with a comma), with the
    oddities after the rows in turn; a short row keeps its first `short` cells."""
    def cell(text: str) -> str:
        return f'"{text}"' if quoted or "," in text else text

    lines = [header]
    for number, row in enumerate(rows):
        lines.append(",".join(map(cell, row)))
        oddity = oddities[number % len(oddities)] if oddities else ""
        if oddity == "blank":
            lines.append("")
        elif oddity == "short":
            lines[-1] = ",".join(map(cell, row[:short]))
        elif oddity == "long":
            lines[-1] += ",extra"
        elif oddity == "trailing":
            lines[-1] += ",,"
        elif oddity == "spaces":
            lines.append("   ")
    return ("\r\n" if crlf else "\n").join(lines) + "\n"
