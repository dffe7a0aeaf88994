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
from dataclasses import dataclass
from pathlib import Path

from ..records.paygap import EmployerSize, PayGapFigures

FIGURE_NAMES: tuple[str, ...] = tuple(PayGapFigures.model_fields)
"""The fourteen figures, named and ordered as in the download files."""
COLUMNS: tuple[str, ...] = (
    "EmployerName", "EmployerId", "Address", "PostCode", "CompanyNumber", "SicCodes", *FIGURE_NAMES,
    "CompanyLinkToGPGInfo", "ResponsiblePerson", "EmployerSize", "CurrentName", "SubmittedAfterTheDeadline",
    "DueDate", "DateSubmitted",
)
"""The columns of a download file, in the service's order (`DownloadResult.cs`)."""
REQUIRED: tuple[str, ...] = ("EmployerName", "EmployerId", "DueDate", *FIGURE_NAMES)
SIZES: tuple[EmployerSize, ...] = (
    "Less than 250", "250 to 499", "500 to 999", "1000 to 4999", "5000 to 19,999", "20,000 or more")
NOT_PROVIDED = "not provided"
MISSING = frozenset({"", "na", "n/a", "null"})
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

    file: str
    line: int
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


def normalised(name: str) -> str:
    """A header as matched: no BOM, lower case, letters and digits only ("Employer_Id" is "employerid")."""
    return re.sub(r"[^0-9a-z]", "", name.lstrip("\ufeff").lower())


_OURS = {normalised(name): name for name in COLUMNS}


@dataclass
class DownloadFile:
    """A download file read whole: where each column is, and its rows' cells with their first line."""

    name: str
    positions: dict[str, int]
    cells: list[tuple[int, list[str]]]
    layout: str
    """`service` (CamelCase headers) or `copy` (snake_case)."""

    def column(self, name: str) -> Callable[[list[str]], str]:
        """The getter of one column's raw cell ("" when the file has no such column)."""
        index = self.positions.get(name)
        if index is None:
            return lambda cells: ""
        return lambda cells: cells[index] if index < len(cells) else ""

    def rows(self, wanted: Callable[[list[str]], bool] | None = None) -> Iterator[DownloadRow]:
        """The rows whose raw cells pass `wanted` (all rows without it), as typed values."""
        for line, cells in self.cells:
            if wanted is None or wanted(cells):
                yield self.row(line, cells)

    def row(self, line: int, cells: list[str]) -> DownloadRow:
        """One row's values; raises `DownloadFileError` naming the line and column of a bad cell."""
        get = {name: (cells[index] if index < len(cells) else "") for name, index in self.positions.items()}
        cell = _Cells(self.name, line, get, self.layout)
        return DownloadRow(
            file=self.name, line=line, employer_name=cell.text("EmployerName") or "",
            employer_id=cell.required("EmployerId"), company_number=cell.text("CompanyNumber"),
            sic_codes=sic_codes(get.get("SicCodes", "")), figures={name: cell.number(name) for name in FIGURE_NAMES},
            link=cell.text("CompanyLinkToGPGInfo"), responsible_person=cell.text("ResponsiblePerson"),
            employer_size=cell.size("EmployerSize"), current_name=cell.text("CurrentName"),
            late=cell.flag("SubmittedAfterTheDeadline"), due=cell.required_date("DueDate"),
            submitted=cell.date("DateSubmitted"), submitted_at=cell.text("DateSubmitted"))


def sic_codes(text: str) -> tuple[str, ...]:
    """The SIC codes of a cell: several in one cell, separated by commas or new lines."""
    return tuple(code for code in _SIC_SPLIT.split(text.strip()) if code)


class _Cells:
    """The cells of one row, read into values with errors that say where and how to fix."""

    def __init__(self, file: str, line: int, cells: dict[str, str], layout: str) -> None:
        self.file, self.line, self.cells, self.layout = file, line, cells, layout

    def _error(self, name: str, message: str) -> DownloadFileError:
        column = name if self.layout == "service" else re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
        return DownloadFileError(self.file, self.line, column, message)

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
            return _read(stream, name)
    except UnicodeDecodeError:
        raise DownloadFileError(name, None, None, "The file is not UTF-8 text. Download it again from the "
                                                  "GOV.UK service, or save it as 'CSV UTF-8' in Excel.") from None
    except OSError as error:
        raise DownloadFileError(name, None, None, f"Cannot read the file: {error.strerror}.") from None


def _read(stream: Iterator[str], name: str) -> DownloadFile:
    reader = csv.reader(stream)
    try:
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
        if header is None:
            raise DownloadFileError(name, None, None, "The file is empty: a GOV.UK download file starts with a "
                                                      "header line (EmployerName,EmployerId,...).")
        header_line = reader.line_num
        positions = _positions(header, header_line, name)
        cells: list[tuple[int, list[str]]] = []
        line = header_line
        width = len(header)
        for row in reader:
            blank = not any(cell.strip() for cell in row)
            if not blank:
                if len(row) < width or (len(row) > width and any(cell.strip() for cell in row[width:])):
                    raise DownloadFileError(
                        name, line + 1, None,
                        f"This line has {len(row)} values but the header has {width} columns: check for a missing "
                        "comma, or a comma inside a value that is not in quotes (such as \"5000 to 19,999\").")
                cells.append((line + 1, row))
            line = reader.line_num
    except csv.Error as error:
        raise DownloadFileError(name, reader.line_num, None, f"The file is not valid CSV: {error}.") from None
    snake = all("_" in header[index] or header[index].islower() for index in positions.values())
    return DownloadFile(name, positions, cells, "copy" if snake else "service")


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
