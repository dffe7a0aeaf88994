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
import mmap
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice, tee
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO, TypeVar, cast

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
Progress = Callable[[int, int], None]
"""Told, after each chunk of a file is read, how many bytes have been read and how many there are."""
_CHUNK = 1 << 20
"""Bytes counted at a time when counting a file's commas for polars (1 MiB: each chunk is then counted from
the processor's cache, not from memory)."""
_CHUNK_ROWS = 200_000
"""Rows counted between two reports of progress."""


class IrregularRows(Exception):
    """Raised by ``count_distinct_rows`` for a file whose rows need reading one by one: a blank line,
    or a row longer or shorter than the header. ``read_rows`` then reads it and says where."""


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
    for _, value in read_numbered_rows(source, wanted, columns, parser):
        yield value


def read_numbered_rows(
    source: str | os.PathLike[str] | TextIO,
    wanted: Sequence[str],
    columns: Mapping[str, str],
    parser: Callable[[dict[str, str]], RowParser[_T]],
) -> Iterator[tuple[int, _T]]:
    """As ``read_rows``, each value with the line its row starts on (the header is line 1)."""
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
          parser: Callable[[dict[str, str]], RowParser[_T]]) -> Iterator[tuple[int, _T]]:
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
        header_line = ended
        for row in reader:
            try:
                if len(row) != width and not only_blank_extras(row, width):
                    raise IndexError("the row and the header differ in length")
                yield ended + 1, parse(cells_of(row))
            except (StaffFileError, IndexError) as problem:
                if not is_blank(row):  # a row may span lines (a quoted new line): name the line it starts on
                    raise located(problem, ended + 1, len(row), width) from None
            except MissingColumn as missing:  # a column only some rows need
                raise missing_column_error(missing.ours, missing.theirs, header, header_line,
                                           missing.alternative) from None
            ended = reader.line_num
    except csv.Error as error:
        raise StaffFileError(reader.line_num, None, f"The file is not valid CSV: {error}.") from None


def _cells_getter(indexes: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    return lambda row: tuple(row[index] for index in indexes)


Counts = Counter[tuple[str, ...]]
"""Rows per distinct combination of cells."""


def count_distinct_rows(
    path: str | os.PathLike[str],
    wanted: Sequence[str],
    columns: Mapping[str, str],
    used: Callable[[dict[str, str]], Sequence[Sequence[str]]],
    progress: Progress | None = None,
) -> tuple[dict[str, str], list[Counts]]:
    """How many rows of a CSV file hold each distinct combination of cells of some columns.

    The header is read as ``read_rows`` reads it; ``used`` gets the columns found (ours to the
    file's header text, in ``wanted`` order) and says which to count together, as one or more
    lists of our names, raising ``MissingColumn`` for a column the file needs and lacks. Returns the
    columns found and, for each list, the rows per distinct combination of its cells (in its
    order). Nothing is parsed: the caller parses each distinct cell once, and reads the file again
    with ``read_rows`` to say where a bad cell is. Raises ``StaffFileError`` for a file that cannot
    be read and ``IrregularRows`` when its rows need reading one by one.

    A file without quotes, NUL bytes or lone carriage returns is counted by polars when it is
    installed, several times faster; any other by Python's csv module. Both give the same counts.
    ``progress`` is told after each chunk read (once, at the end, with polars).
    """
    found, counts, frames = distinct_rows(path, wanted, columns, used, progress)
    if frames is not None:
        counts = [counts_of(frame.get_columns()) for frame in frames]
    return found, cast("list[Counts]", counts)


def distinct_rows(
    path: str | os.PathLike[str],
    wanted: Sequence[str],
    columns: Mapping[str, str],
    used: Callable[[dict[str, str]], Sequence[Sequence[str]]],
    progress: Progress | None = None,
) -> tuple[dict[str, str], list[Counts] | None, list[Any] | None]:
    """As ``count_distinct_rows``, leaving the counts in polars where polars counted them: the columns found,
    then either the counts (by the csv module) and None, or None and one polars DataFrame per list of columns
    (its distinct cells, one string column each in the list's order, then their number of rows, ``len``),
    for the caller to go on in native code."""
    with _opened(path) as stream:
        reader = csv.reader(stream)
        try:
            header = read_header(reader)
            check_delimiter(header, reader.line_num)
            positions = column_positions(header, reader.line_num, wanted, columns)
        except csv.Error as error:
            raise StaffFileError(reader.line_num, None, f"The file is not valid CSV: {error}.") from None
        found = {ours: header[index] for ours, index in positions.items()}
        try:
            projections = [[positions[ours] for ours in projection] for projection in used(found)]
        except MissingColumn as missing:
            raise missing_column_error(missing.ours, missing.theirs, header, reader.line_num,
                                       missing.alternative) from None
        frames = _distinct_by_polars(Path(path), reader.line_num, len(header), projections, progress)
        if frames is not None:
            return found, None, frames
        every = sorted({index for projection in projections for index in projection})
        whole = _counted_by_csv(stream, reader, len(header), every, progress)
        counts = [projected(whole, [every.index(index) for index in projection], len(every))
                  for projection in projections]
    return found, counts, None


def projected(counts: Counts, places: list[int], width: int) -> Counts:
    """Rows per distinct combination of some of the ``width`` cells counted (at ``places``, in that order)."""
    if places == list(range(width)):
        return counts
    cells_of = itemgetter(*places) if len(places) > 1 else lambda cells: (cells[places[0]],)
    projected: dict[tuple[str, ...], int] = {}
    for cells, count in counts.items():
        key = cells_of(cells)
        projected[key] = projected.get(key, 0) + count
    return Counter(projected)


class _opened:
    """A CSV file opened as ``read_rows`` opens it, with its errors as ``StaffFileError``."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __enter__(self) -> TextIO:
        try:
            self.stream = self.path.open(encoding="utf-8-sig", newline="")
        except OSError as error:
            raise StaffFileError(None, None, f"Cannot read {self.path}: {error.strerror}.") from None
        return self.stream

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.stream.close()
        if isinstance(error, UnicodeDecodeError):
            raise not_utf8_error(self.path) from None


def _counted_by_csv(stream: TextIO, reader: Iterator[list[str]], width: int, indexes: list[int],
                    progress: Progress | None) -> Counter[tuple[str, ...]]:
    """Counts by Python's csv module: each row's length and cells counted together, in C."""
    size = os.fstat(stream.fileno()).st_size
    position = stream.buffer.raw.tell if progress else None  # type: ignore[attr-defined]
    cells = itemgetter(*indexes) if len(indexes) > 1 else lambda row: (row[indexes[0]],)
    rows = filter(None, reader)  # the csv module reads a blank line as no cells: skip it
    counts: Counter[tuple[int, tuple[str, ...]]] = Counter()
    try:
        while True:
            lengths, same = tee(islice(rows, _CHUNK_ROWS))
            before = counts.total()
            counts.update(zip(map(len, lengths), map(cells, same), strict=True))
            if counts.total() == before:
                break
            if progress and position:
                progress(min(position(), size), size)
    except (IndexError, csv.Error):  # a short row, or a line the csv module refuses
        raise IrregularRows from None
    if any(length != width for length, _ in counts):
        raise IrregularRows
    return Counter({key: count for (_, key), count in counts.items()})


def _distinct_by_polars(path: Path, header_lines: int, width: int, projections: list[list[int]],
                        progress: Progress | None) -> list[Any] | None:
    """The distinct rows of each projection and their counts, as polars DataFrames, for a file in which
    polars splits every row as the csv module does; else None.

    polars is used only where it cannot read a row differently: no quotes (the csv module keeps a
    stray quote, polars does not), no NUL (the csv module refuses it), no carriage return but
    before a new line (the csv module ends a row at one), and exactly ``width`` cells in every row
    (so no blank line): polars fills in a short row with empty cells, so where any row's last cell is
    empty (counted as the rows are, in native code) the commas after the header are counted
    (a row longer than the header is an error in polars, so none is short when they add up to
    ``width - 1`` a row), and no cell counted longer than the csv module reads.

    A file of one column is counted so too, but for its empty cells. A blank line, which polars reads as
    an empty cell and the csv module skips, leaves the file to the csv module. A line ``""`` is the csv
    module's one empty cell (its writer writes an empty cell so, to tell it from a blank line), which
    polars, reading quotes as text, reads as the two quotes: where every quote is in such a line, it is
    counted as the empty cell it is.
    """
    try:
        import polars
    except ImportError:
        return None
    quotes = _quotes(path, header_lines)
    if quotes is None or (quotes and width > 1) or not _plain(path, header_lines):
        return None
    try:
        rows = polars.scan_csv(
            path, has_header=False, skip_lines=header_lines, infer_schema=False, empty_string_is_null=False,
            truncate_ragged_lines=False, raise_if_empty=False, encoding="utf8", quote_char=None,
        )
        names = rows.collect_schema().names()
        if len(names) != width:
            return None
        first, *others = ([names[index] for index in projection] for projection in projections)
        last = names[-1]
        empty_last = [] if last in first else [(polars.col(last) == "").sum().alias(_EMPTY_LAST)]
        chosen = sorted({index for projection in projections for index in projection} | {width - 1})
        rows = rows.select(names[index] for index in chosen)  # one scan of the file, shared by every query
        distinct = polars.collect_all([rows.group_by(first).agg(polars.len(), *empty_last),
                                       *(rows.group_by(projection).len() for projection in others)])
    except polars.exceptions.PolarsError:
        return None
    lines = distinct[0]["len"].sum()  # every row is in each projection's counts once
    if empty_last:
        maybe_short = distinct[0][_EMPTY_LAST].sum()
        distinct[0] = distinct[0].drop(_EMPTY_LAST)
    else:
        maybe_short = distinct[0].filter(polars.col(last) == "")["len"].sum()
    if maybe_short and (width == 1 or _commas(path, header_lines) != lines * (width - 1)):
        return None  # a row polars filled in, or a blank line
    if quotes:
        quoted_empty = polars.col(last) == '""'
        if quotes != 2 * distinct[0].filter(quoted_empty)["len"].sum():
            return None  # a quote in a line other than ""
        distinct[0] = distinct[0].with_columns(polars.col(last).replace('""', ""))
    longest = max((cast("int | None", frame[column].str.len_bytes().max()) or 0
                   for frame in distinct for column in frame.columns[:-1]), default=0)
    if longest > csv.field_size_limit():
        return None  # a cell the csv module refuses
    if progress:
        size = path.stat().st_size
        progress(size, size)
    return distinct


_EMPTY_LAST = "rows whose last cell is empty"


def counts_of(columns: Sequence[Any]) -> Counts:
    """The counts from polars' columns of distinct cells and their counts (the last), column by column."""
    *cells, counts = (column.to_list() for column in columns)
    return Counter(dict(zip(zip(*cells, strict=True), counts, strict=True)))


def _plain(path: Path, header_lines: int) -> bool:
    """The header lines hold no lone carriage return (the csv module ends a line at one)."""
    with path.open("rb") as raw:
        for _ in range(header_lines):
            line = raw.readline()
            if line.count(b"\r") != line.count(b"\r\n"):
                return False
    return True


def _quotes(path: Path, header_lines: int) -> int | None:
    """The quotes after the header, counted; None where a NUL (which the csv module refuses) or a lone carriage
    return (at which it ends a row) stands there. Looked for in the mapped file at memory speed (a lone carriage
    return only in a file that has any, the quotes counted only in a file that has any)."""
    with _after_header(path, header_lines) as (data, start):
        if data is None:
            return 0
        if data.find(b"\0", start) >= 0 or (data.find(b"\r", start) >= 0 and _LONE_RETURN.search(data, start)):
            return None
        return _count(data, start, b'"') if data.find(b'"', start) >= 0 else 0


def _commas(path: Path, header_lines: int) -> int:
    """The commas after the header."""
    with _after_header(path, header_lines) as (data, start):
        return 0 if data is None else _count(data, start, b",")


def _count(data: mmap.mmap, start: int, byte: bytes) -> int:
    """How many times `byte` stands in the mapped file from `start`, counted a chunk at a time."""
    return sum(data[chunk:chunk + _CHUNK].count(byte) for chunk in range(start, len(data), _CHUNK))


@contextmanager
def _after_header(path: Path, header_lines: int) -> Iterator[tuple[mmap.mmap | None, int]]:
    """The file mapped into memory and where its rows start (None when nothing follows the header)."""
    with path.open("rb") as raw:
        for _ in range(header_lines):
            raw.readline()
        start = raw.tell()
        if start >= os.fstat(raw.fileno()).st_size:
            yield None, start
            return
        with mmap.mmap(raw.fileno(), 0, access=mmap.ACCESS_READ) as data:
            yield data, start


_LONE_RETURN = re.compile(rb"\r(?!\n)")
"""A carriage return that does not end a line with a new line (the csv module ends a row at one)."""


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
