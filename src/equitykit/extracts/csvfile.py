"""Reading a staff-level CSV file (UTF-8, comma-separated) as a stream of rows, with located errors.

The file has a header line and one line per person or entry. Columns come in any order, extra
columns are ignored, and header names match ours ignoring case, surrounding spaces, and spaces or
hyphens in place of underscores ("Full pay relevant" is ``full_pay_relevant``). Blank lines are
skipped; a row may be longer than the header only by empty cells (spreadsheets add trailing commas).

Nothing read is kept beyond what the caller keeps, and error messages quote at most the cell at fault.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TextIO, TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")
_T = TypeVar("_T")
CACHE_LIMIT = 100_000
"""Distinct cell texts (per column) or rows remembered, so that repeats are parsed once."""
_FLAGS = {"true": True, "yes": True, "y": True, "1": True, "false": False, "no": False, "n": False, "0": False}


class StaffFileError(ValueError):
    """A staff file that cannot be read, with the line (header = 1) and column at fault."""

    def __init__(self, row: int | None, column: str | None, message: str) -> None:
        self.row = row
        self.column = column
        self.message = message
        super().__init__(row, column, message)

    def __str__(self) -> str:
        where = [f"line {self.row}"] if self.row is not None else []
        where += [f"column {self.column}"] if self.column is not None else []
        location = ", ".join(where)
        return f"{location[:1].upper()}{location[1:]}: {self.message}" if where else self.message


class RowError(StaffFileError):
    """A problem in a row of the file (rather than in its header, or the file as a whole)."""


class MissingColumn(Exception):
    """Raised by a row parser's builder for a column the file needs and lacks."""

    def __init__(self, ours: str, theirs: str, alternative: str = "") -> None:
        super().__init__(ours)
        self.ours, self.theirs, self.alternative = ours, theirs, alternative


RowParser = Callable[[tuple[str, ...]], _T]
"""A function from a row's cells (in the order of the columns found) to its value."""


def read_rows(
    source: str | os.PathLike[str] | TextIO,
    wanted: Sequence[str],
    columns: Mapping[str, str],
    parser: Callable[[dict[str, str]], RowParser[_T]],
) -> Iterator[_T]:
    """Stream the values of a CSV file's rows (a path, or a text stream opened with newline="").

    ``wanted`` are our names of the columns to look for, ``columns`` maps some to the file's own
    names. ``parser`` gets the columns found (ours to the file's header text, in ``wanted`` order)
    and returns the function that reads a row's cells in that order; it raises ``MissingColumn``
    for a column the file needs and lacks. Raises ``StaffFileError`` naming the line and
    column of the first problem.
    """
    if not isinstance(source, (str, os.PathLike)):
        try:
            yield from _rows(source, wanted, columns, parser)
        except UnicodeDecodeError:
            raise StaffFileError(None, None, NOT_UTF8) from None
        return
    path = Path(source)
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            yield from _rows(stream, wanted, columns, parser)
    except UnicodeDecodeError:
        raise not_utf8_error(path) from None
    except OSError as error:
        raise StaffFileError(None, None, f"Cannot read {path}: {error.strerror}.") from None


def _rows(stream: TextIO, wanted: Sequence[str], columns: Mapping[str, str],
          parser: Callable[[dict[str, str]], RowParser[_T]]) -> Iterator[_T]:
    reader = csv.reader(stream)
    try:
        header = read_header(reader)
        check_delimiter(header, reader.line_num)
        positions = column_positions(header, reader.line_num, wanted, columns)
        found = {ours: header[index] for ours, index in positions.items()}
        try:
            parse = parser(found)
        except MissingColumn as missing:
            raise missing_column_error(missing.ours, missing.theirs, header, reader.line_num,
                                       missing.alternative) from None
        cells_of = _cells_getter(list(positions.values()))
        width, ended = len(header), reader.line_num
        for row in reader:
            try:
                if len(row) != width and not only_blank_extras(row, width):
                    raise IndexError("the row and the header differ in length")
                yield parse(cells_of(row))
            except (StaffFileError, IndexError) as problem:
                if not is_blank(row):  # a row may span lines (a quoted new line): name the line it starts on
                    raise located(problem, ended + 1, len(row), width) from None
            ended = reader.line_num
    except csv.Error as error:
        raise StaffFileError(reader.line_num, None, f"The file is not valid CSV: {error}.") from None


def _cells_getter(indexes: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    return lambda row: tuple(row[index] for index in indexes)


def read_header(reader: Iterator[list[str]]) -> list[str]:
    """The first line that is not blank."""
    for row in reader:
        if not is_blank(row):
            return row
    raise StaffFileError(
        None,
        None,
        "The file is empty: it needs a header line naming the columns, then one line per person.",
    )


def column_positions(header: list[str], line: int, wanted: Sequence[str],
                     columns: Mapping[str, str]) -> dict[str, int]:
    """Where each of the ``wanted`` columns the file has is; a name given twice is an error."""
    found = [normalised(name) for name in header]
    positions: dict[str, int] = {}
    for ours in wanted:
        theirs = normalised(columns.get(ours, ours))
        hits = [index for index, name in enumerate(found) if name == theirs]
        if len(hits) > 1:
            raise StaffFileError(
                line,
                header[hits[0]].strip(),
                f"Columns {hits[0] + 1} and {hits[1] + 1} have the same name: keep one.",
            )
        if hits:
            positions[ours] = hits[0]
    return positions


def only_blank_extras(row: list[str], width: int) -> bool:
    """A row longer than the header only by empty cells (spreadsheets add trailing commas)."""
    return len(row) > width and is_blank(row[width:])


def is_blank(row: list[str]) -> bool:
    """A row with nothing but spaces in it."""
    return not any(cell.strip() for cell in row)


def located(problem: Exception, line: int, row_size: int, header_size: int) -> RowError:
    """A row's problem as a ``RowError`` on its line."""
    if isinstance(problem, StaffFileError):
        return RowError(line, problem.column, problem.message)
    return RowError(
        line,
        None,
        f"This line has {row_size} values but the header has {header_size} columns:"
        " check for a missing comma, or a comma inside a value that is not in quotes.",
    )


def normalised(name: str) -> str:
    """A header name as matched: no BOM, trimmed, lower case, spaces and hyphens as underscores."""
    return re.sub(r"[\s-]+", "_", name.lstrip("\ufeff").strip().lower())


def check_delimiter(header: list[str], line: int) -> None:
    """Refuse a file whose single column hints at another separator."""
    if len(header) > 1:
        return
    for delimiter, name in ((";", "semicolons"), ("\t", "tabs")):
        if delimiter in header[0]:
            raise StaffFileError(
                line,
                None,
                f"Only one column was found and the header contains {name}: the file seems to be"
                f" separated by {name}, not commas. Save it as comma-separated CSV"
                " (in Excel: 'CSV UTF-8 (Comma delimited)').",
            )


USUAL_NAMES = {
    "sex": ("gender", "sex_at_birth", "legal_sex"),
    "ethnicity": ("ethnic_origin", "ethnic_group", "ethnic_category", "ethnicity_code"),
    "disability": ("disabled", "disability_status", "disability_flag"),
    "sexual_orientation": ("sexuality",),
}
"""Names HR systems give our columns (ESR's "Gender", "Ethnic Origin"), suggested for a missing one."""


def missing_column_error(ours: str, theirs: str, header: Sequence[str], line: int,
                         alternative: str) -> StaffFileError:
    """The error for a column the file lacks, with the columns found, the nearest name (or the usual
    name an HR system gives it) and the --columns option that maps it."""
    found = {normalised(name): name.strip() for name in header}
    close = [name for name in USUAL_NAMES.get(ours, ()) if name in found] if theirs == ours else []
    close = close or difflib.get_close_matches(normalised(theirs), found, n=1)
    suggestion = f" Did you mean {found[close[0]]!r}?" if close else ""
    example = found[close[0]] if close else "NAME"
    return StaffFileError(
        line,
        theirs,
        f"The file has no {theirs!r} column.{alternative}"
        f" Columns found: {', '.join(found.values())}.{suggestion}"
        f" Rename the column to {ours!r}, or give its name in the file with"
        f" --columns {ours}={_quoted_for_shell(example)}.",
    )


def _quoted_for_shell(name: str) -> str:
    """A column name as typed after --columns: in quotes when it holds spaces or shell characters."""
    return name if re.fullmatch(r"[\w.-]+", name) else "'" + name.replace("'", "'\\''") + "'"


class Memo(dict[_K, _V]):
    """Values parsed from keys (cell texts, or a row's cells), each parsed once.

    Repeated values and rows are then parsed and stored once. At most ``CACHE_LIMIT`` keys are
    remembered, so memory stays bounded whatever the file.
    """

    def __init__(self, parse: Callable[[_K], _V]) -> None:
        super().__init__()
        self._parse = parse

    def __missing__(self, key: _K) -> _V:
        value = self._parse(key)
        if len(self) < CACHE_LIMIT:
            self[key] = value
        return value


def in_column(column: str, parse: Callable[[str], _V]) -> Callable[[str], _V]:
    """``parse``, raising its ValueError as a StaffFileError naming the column."""

    def parse_cell(text: str) -> _V:
        try:
            return parse(text)
        except ValueError as error:
            raise StaffFileError(None, column.strip(), str(error)) from None

    return parse_cell


def flag(text: str) -> bool:
    """A yes/no cell: true/false, yes/no, Y/N or 1/0."""
    value = _FLAGS.get(text.strip().lower())
    if value is None:
        raise ValueError(f"{shown(text)} is not true or false: write true/false, yes/no, Y/N or 1/0.")
    return value


def shown(text: str) -> str:
    """An invalid cell's text, quoted and cut short, for an error message."""
    text = text.strip()
    return repr(text if len(text) <= 30 else text[:30] + "...") if text else "A blank cell"


NOT_UTF8 = (
    "The file is not UTF-8 text. Save it as 'CSV UTF-8 (Comma delimited)' in Excel, or export it"
    " again as UTF-8."
)


def not_utf8_error(path: Path) -> StaffFileError:
    """The error for a file that is not UTF-8, naming the line of the first invalid byte."""
    data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return StaffFileError(line, None, f"Byte 0x{data[error.start]:02x} is not UTF-8. {NOT_UTF8}")
    return StaffFileError(None, None, NOT_UTF8)
