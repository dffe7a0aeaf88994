"""Reading the GOV.UK gender pay gap service's download files (one CSV a reporting year).

Two layouts are read: the service's own (CamelCase headers, `EmployerName,EmployerId,...`, sizes in
quotes such as "5000 to 19,999", dates as `yyyy/MM/dd HH:mm:ss`, `dd/MM/yyyy HH:mm:ss` or ISO) and the
common snake_case copy (`employer_name,employer_id,...`, `NA` for a missing value). Header names match
ignoring case, spaces and underscores, so both layouts have the same columns (domain-rules §3.9).

A file is read whole with the C parser of `csv`; a row is turned into typed values only when the caller
wants it (`DownloadFile.rows` takes a test on its raw cells), so reading the national files stays fast.
Every problem names the file, the line (the header is line 1) and the column, and says how to fix it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from ..records.paygap import EmployerSize

FIGURE_NAMES: tuple[str, ...] = (
    "DiffMeanHourlyPercent", "DiffMedianHourlyPercent", "DiffMeanBonusPercent", "DiffMedianBonusPercent",
    "MaleBonusPercent", "FemaleBonusPercent", "MaleLowerQuartile", "FemaleLowerQuartile", "MaleLowerMiddleQuartile",
    "FemaleLowerMiddleQuartile", "MaleUpperMiddleQuartile", "FemaleUpperMiddleQuartile", "MaleTopQuartile",
    "FemaleTopQuartile",
)
"""The fourteen figures, named and ordered as in the download files (and as the record's `figures`; the
record model is not imported here, so that reading stays quick to start)."""
COLUMNS: tuple[str, ...] = (
    "EmployerName", "EmployerId", "Address", "PostCode", "CompanyNumber", "SicCodes", *FIGURE_NAMES,
    "CompanyLinkToGPGInfo", "ResponsiblePerson", "EmployerSize", "CurrentName", "SubmittedAfterTheDeadline",
    "DueDate", "DateSubmitted",
)
"""The columns of a download file, in the service's order (`DownloadResult.cs`)."""
REQUIRED: tuple[str, ...] = ("EmployerName", "EmployerId", "DueDate", *FIGURE_NAMES)
SIZES: tuple[EmployerSize, ...] = (  # the record's EmployerSize
    "Less than 250", "250 to 499", "500 to 999", "1000 to 4999", "5000 to 19,999", "20,000 or more")
NOT_PROVIDED = "not provided"
MISSING = frozenset({"", "na", "n/a", "null"})
MISSING_CELLS = frozenset({"NA", "na", "N/A", "n/a", "null", "NULL"})
"""Cells that hold no value: empty in the service's layout, NA in the snake_case copy."""
PUBLIC_SECTOR_SIC = "1"
"""The service's SIC code for a public sector employer (not a real SIC code)."""
_DATE = re.compile(r"\s*(?:(?P<y1>\d{4})[/-](?P<m1>\d{1,2})[/-](?P<d1>\d{1,2})"
                   r"|(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4}))(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
                   r"\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$")
_FLAGS = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}
_SIC_SPLIT = re.compile(r"[,;\s]+")


class DownloadFileError(ValueError):
    """A download file that cannot be read, or a cell that is not what its column holds."""

    def __init__(self, file: str, line: int | None, column: str | None, message: str) -> None:
        super().__init__(file, line, column, message)
        self.file, self.line, self.column, self.message = file, line, column, message

    @property
    def in_a_row(self) -> bool:
        """A problem in one row (exit 1), rather than in the file as a whole (exit 2)."""
        return self.line is not None and self.line > 1 and self.column is not None

    def __str__(self) -> str:
        where = [self.file] + ([f"line {self.line}"] if self.line else []) + (
            [f"column {self.column}"] if self.column else [])
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True, slots=True)
class DownloadRow:
    """One employer's figures for one reporting year, as the file gives them."""

    source: DownloadFile = field(repr=False, compare=False)
    index: int
    """The row's place in the file (0: the first after the header)."""
    employer_name: str
    employer_id: str
    company_number: str | None
    sic_codes: tuple[str, ...]
    figures: dict[str, float | None]
    link: str | None
    responsible_person: str | None
    employer_size: EmployerSize | None
    current_name: str | None
    late: bool | None
    due: dt.date
    submitted: dt.date | None
    submitted_at: str | None
    """DateSubmitted as written: orders two submissions of one year."""

    @property
    def file(self) -> str:
        return self.source.name

    @property
    def line(self) -> int:
        """The line the row starts on (the header is line 1, or later after blank lines)."""
        return self.source.line_of(self.index)


def normalised(name: str) -> str:
    """A header as matched: no BOM, lower case, letters and digits only ("Employer_Id" is "employerid")."""
    return re.sub(r"[^0-9a-z]", "", name.lstrip("\ufeff").lower())


_OURS = {normalised(name): name for name in COLUMNS}
_SLOW = object()
"""A cell the fast path leaves to the checked one (which reads it or says what is wrong)."""


def _fast_number(text: str) -> object:
    if not text or text in MISSING_CELLS:
        return None
    try:
        value = float(text)
    except ValueError:
        return _SLOW
    return value if value - value == 0 else _SLOW  # not nan or infinite


@dataclass
class DownloadFile:
    """A download file read whole as text and cut into records (a record may span lines: a quoted cell with a
    new line in it); a record's cells are parsed by csv's C reader only when its text may be wanted."""

    name: str
    positions: dict[str, int]
    records: list[str]
    header_line: int
    layout: str
    """`service` (CamelCase headers) or `copy` (snake_case)."""
    width: int
    _lines: list[int] | None = field(default=None, repr=False)
    _values: dict[tuple[str, str], object] = field(default_factory=dict, repr=False)

    def column(self, name: str) -> Callable[[list[str]], str]:
        """The getter of one column's raw cell ("" when the file has no such column)."""
        index = self.positions.get(name)
        if index is None:
            return lambda cells: ""
        return lambda cells: cells[index] if index < len(cells) else ""

    def rows(self, wanted: Callable[[list[str]], bool] | None = None, holding: str = "") -> Iterator[DownloadRow]:
        """The rows whose text holds `holding` and whose cells pass `wanted` (all rows without either), as
        typed values. `holding` is a quick test on a record's text before its cells are parsed."""
        indexes = [index for index, text in enumerate(self.records) if holding in text and text.strip()]
        try:  # one reader over all the records picked: each is one whole CSV record
            parsed = list(csv.reader([self.records[index] for index in indexes]))
        except csv.Error:
            parsed = [self._parsed(index) for index in indexes]  # raises, naming the record's line
        if len(parsed) != len(indexes):
            parsed = [self._parsed(index) for index in indexes]
        for index, cells in zip(indexes, parsed, strict=True):
            self.check_width(index, cells)
            if wanted is None or wanted(cells):
                yield self.row(index, cells)

    def cells(self, index: int) -> list[str]:
        """A record's cells; raises `DownloadFileError` for one that is not a row of the file."""
        cells = self._parsed(index)
        self.check_width(index, cells)
        return cells

    def _parsed(self, index: int) -> list[str]:
        try:
            return next(csv.reader([self.records[index]]))
        except csv.Error as error:
            raise DownloadFileError(self.name, self.line_of(index), None,
                                    f"The line is not valid CSV: {error}.") from None

    def check_width(self, index: int, cells: list[str]) -> None:
        """Refuse a record with fewer cells than the header, or more that are not blank; add the empty cell
        that every column the file lacks reads as."""
        if len(cells) != self.width and (len(cells) < self.width or any(cell.strip() for cell in cells[self.width:])):
            raise DownloadFileError(
                self.name, self.line_of(index), None,
                f"This line has {len(cells)} values but the header has {self.width} columns: check for a missing "
                "comma, or a comma inside a value that is not in quotes (such as \"5000 to 19,999\").")
        cells.append("")  # the cell of every column the file lacks

    def line_of(self, index: int) -> int:
        """The line a record starts on, counted the first time it is asked."""
        if self._lines is None:
            lines, line = [], self.header_line + 1
            for text in self.records:
                lines.append(line)
                line += text.count("\n")
            self._lines = lines
        return self._lines[index]

    def __post_init__(self) -> None:
        # a column the file lacks reads as the empty cell `cells` adds at the end of each row
        self._at = {name: self.positions.get(name, self.width) for name in COLUMNS}
        self._figures_at = tuple((name, self._at[name]) for name in FIGURE_NAMES)

    def _checked(self, index: int, text: str, name: str, kind: str) -> object:
        """A cell read by the checked path (`kind` is a method of `_Cells`), remembered by its text."""
        key = (name, text)
        if key not in self._values:
            reader = _Cells(self, index, {name: text}, self.layout)
            self._values[key] = getattr(reader, kind)(name)
        return self._values[key]

    def row(self, index: int, cells: list[str]) -> DownloadRow:
        """One row's values; raises `DownloadFileError` naming the line and column of a bad cell."""
        at = self._at
        figures: dict[str, float | None] = {}
        for name, place in self._figures_at:
            text = cells[place]
            if not text or text in MISSING_CELLS:
                figures[name] = None
                continue
            try:
                value = float(text)
            except ValueError:
                value = float("nan")
            figures[name] = value if value - value == 0 else self._checked(index, text, name, "number")  # type: ignore[assignment]
        texts = {name: _text(cells[at[name]]) for name in _TEXTS}
        submitted = texts["DateSubmitted"]
        employer_id = texts["EmployerId"]
        if employer_id is None:
            _Cells(self, index, {"EmployerId": ""}, self.layout).required("EmployerId")
        return DownloadRow(
            source=self, index=index, employer_name=texts["EmployerName"] or "", employer_id=str(employer_id),
            company_number=texts["CompanyNumber"], sic_codes=self._sic(cells[at["SicCodes"]]), figures=figures,
            link=texts["CompanyLinkToGPGInfo"], responsible_person=texts["ResponsiblePerson"],
            employer_size=self._checked(index, cells[at["EmployerSize"]], "EmployerSize", "size"),  # type: ignore[arg-type]
            current_name=texts["CurrentName"],
            late=self._checked(index, cells[at["SubmittedAfterTheDeadline"]], "SubmittedAfterTheDeadline",
                               "flag"),  # type: ignore[arg-type]
            due=self._checked(index, cells[at["DueDate"]], "DueDate", "required_date"),  # type: ignore[arg-type]
            submitted=None if submitted is None else
            _Cells(self, index, {"DateSubmitted": submitted}, self.layout).date("DateSubmitted"),
            submitted_at=submitted)

    def _sic(self, text: str) -> tuple[str, ...]:
        key = ("SicCodes", text)
        if key not in self._values:
            self._values[key] = sic_codes(text)
        return self._values[key]  # type: ignore[return-value]


def _text(cell: str) -> str | None:
    text = cell.strip()
    return None if text.lower() in MISSING else text


_TEXTS = ("EmployerName", "EmployerId", "CompanyNumber", "CompanyLinkToGPGInfo", "ResponsiblePerson", "CurrentName",
          "DateSubmitted")


def sic_codes(text: str) -> tuple[str, ...]:
    """The SIC codes of a cell: several in one cell, separated by commas or new lines."""
    return tuple(code for code in _SIC_SPLIT.split(text.strip()) if code)


class _Cells:
    """The cells of one row, read into values with errors that say where and how to fix."""

    def __init__(self, file: DownloadFile, index: int, cells: dict[str, str], layout: str) -> None:
        self.file, self.index, self.cells, self.layout = file, index, cells, layout

    def _error(self, name: str, message: str) -> DownloadFileError:
        column = name if self.layout == "service" else re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
        return DownloadFileError(self.file.name, self.file.line_of(self.index), column, message)

    def text(self, name: str) -> str | None:
        value = self.cells.get(name, "").strip()
        return None if value.lower() in MISSING else value

    def required(self, name: str) -> str:
        value = self.text(name)
        if value is None:
            raise self._error(name, f"{name} is empty; every row of a GOV.UK download file has it. Check that "
                                    "this is the file as downloaded, and that no cell was cut.")
        return value

    def number(self, name: str) -> float | None:
        value = self.text(name)
        if value is None:
            return None
        try:
            number = float(value.rstrip("%").replace(",", ""))
        except ValueError:
            number = float("nan")
        if number != number or number in (float("inf"), float("-inf")):
            raise self._error(name, f"{_shown(value)} is not a number. Write a percentage such as 13.6 (no % sign "
                                    "needed), or leave the cell empty (NA in the snake_case copy) if it is missing.")
        return number

    def flag(self, name: str) -> bool | None:
        value = self.text(name)
        if value is None:
            return None
        if value.lower() not in _FLAGS:
            raise self._error(name, f"{_shown(value)} is not true or false: write True or False as GOV.UK does.")
        return _FLAGS[value.lower()]

    def size(self, name: str) -> EmployerSize | None:
        value = self.text(name)
        if value is None or value.lower() == NOT_PROVIDED:
            return None
        for size in SIZES:
            if value.replace(" ", "").lower() == size.replace(" ", "").lower():
                return size
        raise self._error(name, f"{_shown(value)} is not one of the service's sizes: {', '.join(SIZES)} or Not "
                                "Provided (a size with a comma needs quotes around the cell).")

    def date(self, name: str) -> dt.date | None:
        value = self.text(name)
        return None if value is None else self._parsed_date(name, value)

    def required_date(self, name: str) -> dt.date:
        return self._parsed_date(name, self.required(name))

    def _parsed_date(self, name: str, value: str) -> dt.date:
        match = _DATE.match(value)
        try:
            if match is None:
                raise ValueError
            parts = match.groupdict()
            year, month, day = ((parts["y1"], parts["m1"], parts["d1"]) if parts["y1"]
                                else (parts["y2"], parts["m2"], parts["d2"]))
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise self._error(name, f"{_shown(value)} is not a date the service writes: yyyy/MM/dd HH:mm:ss, "
                                    "dd/MM/yyyy HH:mm:ss or YYYY-MM-DD (e.g. 2018/04/05 00:00:00). Download "
                                    "the file again, or correct the cell.") from None


def _shown(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:40] + "...") if text else "A blank cell"


def read_download(path: Path, shown_as: str | None = None) -> DownloadFile:
    """Read a download file whole; raises `DownloadFileError` when it cannot be read as one."""
    name = shown_as or str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return _read(stream, name, path)
    except UnicodeDecodeError:
        raise DownloadFileError(name, None, None, "The file is not UTF-8 text. Download it again from the "
                                                  "GOV.UK service, or save it as 'CSV UTF-8' in Excel.") from None
    except OSError as error:
        raise DownloadFileError(name, None, None, f"Cannot read the file: {error.strerror}.") from None


_RECORD = re.compile(r'(?:[^"\n]++|"[^"]*+")*+(?:\n|\Z)')
"""One CSV record: unquoted text and quoted cells (which may hold new lines), up to the end of its line."""


def _read(stream: TextIO, name: str, path: Path) -> DownloadFile:
    text = stream.read()
    records = _RECORD.findall(text)
    if sum(map(len, records)) != len(text):  # a quote never closed: csv's reader says where
        _raise_csv_error(text, name)
    records = [record for record in records if record]
    start = next((index for index, record in enumerate(records) if record.strip()), None)
    if start is None:
        raise DownloadFileError(name, None, None, "The file is empty: a GOV.UK download file starts with a "
                                                  "header line (EmployerName,EmployerId,...).")
    header_line = 1 + sum(record.count("\n") for record in records[:start])
    try:
        header = next(csv.reader([records[start]]))
    except csv.Error as error:
        raise DownloadFileError(name, header_line, None, f"The header is not valid CSV: {error}.") from None
    positions = _positions(header, header_line, name)
    snake = all("_" in header[index] or header[index].islower() for index in positions.values())
    return DownloadFile(name, positions, records[start + 1:], header_line, "copy" if snake else "service",
                        len(header))


def _raise_csv_error(text: str, name: str) -> NoReturn:
    """Name the line of the record whose quote is never closed (the records before it are whole)."""
    position = 0
    while (match := _RECORD.match(text, position)) is not None and match.end() > position:
        position = match.end()
    line = text.count("\n", 0, position) + 1
    raise DownloadFileError(name, line, None, "A quote (\") opened on this line is never closed, so the rest of the "
                                              "file cannot be read: close it, or download the file again.")


def _positions(header: Sequence[str], line: int, name: str) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, text in enumerate(header):
        ours = _OURS.get(normalised(text))
        if ours is None:
            continue
        if ours in positions:
            raise DownloadFileError(name, line, text.strip(), f"Columns {positions[ours] + 1} and {index + 1} are "
                                                              "both this column: keep one.")
        positions[ours] = index
    missing = [column for column in REQUIRED if column not in positions]
    if missing:
        if len(positions) <= 1 and len(header) == 1 and (";" in header[0] or "\t" in header[0]):
            hint = " The file seems separated by semicolons or tabs: save it as comma-separated CSV."
        else:
            hint = (" Is this a GOV.UK gender pay gap download file? It has the columns EmployerName, EmployerId, "
                    "DiffMeanHourlyPercent ... DueDate (or their snake_case names).")
        raise DownloadFileError(name, line, None, f"The header has no {', '.join(missing[:3])}"
                                                  f"{' and more' if len(missing) > 3 else ''} column.{hint}")
    return positions
