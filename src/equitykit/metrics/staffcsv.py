"""Reading a staff-level pay file (CSV, UTF-8) into employees for the gender pay gap.

The file has a header line and one line per relevant employee. Columns come in any order, extra
columns are ignored, and header names match ours ignoring case, surrounding spaces, and spaces or
hyphens in place of underscores ("Full pay relevant" is ``full_pay_relevant``).

Columns read (``staff_columns.STAFF_COLUMNS`` says what each accepts and when it is needed):

- ``sex`` (for the gender pay gap), or the characteristic compared: ``ethnicity``, ``disability``
  or ``sexual_orientation``;
- ``full_pay_relevant``: true/false, yes/no, Y/N or 1/0;
- ``bonus_pay``: bonus pay in the 12 months to the snapshot date (blank is 0);
- either ``hourly_pay``, or ``ordinary_pay``, ``pay_period_days`` and ``weekly_hours`` (and
  optionally ``period_bonus_pay``, the bonus pro-rated to the pay period) to derive it. When the
  file has ``hourly_pay``, it is used as given.

Money may carry a leading £ and thousands separators (``£1,234.56``). Hourly pay may be blank for an
employee who is not full-pay relevant. Blank lines are skipped.

The file is read once, as a stream; nothing from it is written anywhere. Error messages quote a
cell only when its text is invalid, and never quote pay.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from pathlib import Path
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TextIO, TypeVar

from equitykit.metrics.diversity_paygap import (
    DISABILITY_VALUES,
    ETHNIC_CATEGORIES,
    Characteristic,
    StaffMember,
)
from equitykit.metrics.paygap import Employee, ExactAmount, RecordedSex, hourly_rate
from equitykit.metrics.staff_columns import CHARACTERISTIC_COLUMNS, COLUMN_NAMES

if TYPE_CHECKING:
    import _csv

__all__ = ["COLUMN_NAMES", "StaffFileError", "read_staff_csv", "read_staff_groups"]

_DERIVED_PAY_COLUMNS = ("ordinary_pay", "pay_period_days", "weekly_hours")
_FLAGS = {"true": True, "yes": True, "y": True, "1": True, "false": False, "no": False, "n": False, "0": False}
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d*)?")
_ZERO = Decimal(0)
_CACHE_LIMIT = 100_000
"""Distinct cell texts (per column) or rows remembered, so that repeats are parsed once."""

_K = TypeVar("_K")
_V = TypeVar("_V")
_T = TypeVar("_T")


def _words(text: str) -> str:
    """A value as matched: lower case, dashes, colons, commas and slashes as spaces, '&' as 'and'."""
    spaced = re.sub(r"[\s\-\u2010-\u2015:,/()]+", " ", text.lower().replace("&", " and "))
    return spaced.strip()


def _vocabulary(entries: dict[str, _T]) -> dict[str, _T]:
    return {_words(text): value for text, value in entries.items()}


_NOT_DISCLOSED_WORDS = dict.fromkeys(
    ("", "not stated", "not known", "not declared", "not disclosed", "prefer not to say",
     "prefer not to answer", "do not wish to disclose", "i do not wish to disclose", "unknown",
     "undisclosed", "unspecified", "not specified", "not recorded", "declined"),
)
_SEXES: dict[str, RecordedSex] = _vocabulary({
    "male": "male", "m": "male", "man": "male", "1": "male",
    "female": "female", "f": "female", "woman": "female", "2": "female",
    **dict.fromkeys(("other", "non-binary", "nonbinary", "x", "i", "indeterminate", "9", "not known",
                     "unknown", "prefer not to say"), "other"),
})
_USUAL_NAMES = {
    "sex": ("gender", "sex_at_birth", "legal_sex"),
    "ethnicity": ("ethnic_origin", "ethnic_group", "ethnic_category", "ethnicity_code"),
    "disability": ("disabled", "disability_status", "disability_flag"),
    "sexual_orientation": ("sexuality",),
}
"""Names HR systems give our columns (ESR's "Gender", "Ethnic Origin"), suggested with --columns."""
_UNDISCLOSED_ETHNIC_CODES = {"Z": "Not stated", "X": "Not known", "99": "Not known"}
_ETHNICITIES: dict[str, str | None] = _vocabulary({
    **_NOT_DISCLOSED_WORDS,
    **{text: None for code, name in _UNDISCLOSED_ETHNIC_CODES.items() for text in (code, f"{code} {name}")},
    **{text: code for code, name in ETHNIC_CATEGORIES.items() for text in (code, name, f"{code} {name}")},
})
_DISABILITIES: dict[str, str | None] = _vocabulary({
    **_NOT_DISCLOSED_WORDS,
    **dict.fromkeys(("yes", "y", "disabled", "yes disabled"), DISABILITY_VALUES[1]),
    **dict.fromkeys(("no", "n", "not disabled", "non-disabled", "no disability"), DISABILITY_VALUES[0]),
})
_SEXUAL_ORIENTATIONS: dict[str, str | None] = _vocabulary({
    **_NOT_DISCLOSED_WORDS,
    **dict.fromkeys(("u", "z", "9", "not sure", "undecided",
                     "person asked and does not know or is not sure",
                     "not stated (person asked but declined to provide a response)",
                     "not known (not recorded)"), None),
    **dict.fromkeys(("heterosexual", "straight", "heterosexual or straight", "1"), "heterosexual"),
    **dict.fromkeys(("gay or lesbian", "gay", "lesbian", "gay man", "gay woman", "gay woman/lesbian", "2"),
                    "gay-or-lesbian"),
    **dict.fromkeys(("bisexual", "3"), "bisexual"),
    **dict.fromkeys(("other", "other sexual orientation", "other sexual orientation not listed", "4"), "other"),
})
_CHARACTERISTIC_HINTS = {
    "ethnicity": ("an ethnic category equitykit knows", _ETHNICITIES,
                  "write an NHS ethnic category code (A to S; Z, X or 99 when not stated) or its name,"
                  " such as 'White - British'"),
    "disability": ("a disability answer equitykit knows", _DISABILITIES,
                   "write yes, no or not declared (Y and N are fine)"),
    "sexual-orientation": ("a sexual orientation equitykit knows", _SEXUAL_ORIENTATIONS,
                           "write heterosexual, gay or lesbian, bisexual, other or not stated"),
}


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


@dataclass(frozen=True)
class _Key(Generic[_T]):
    """The column that sorts staff into groups, how to read it, and what a row becomes."""

    column: str
    parse: Callable[[str], object]
    build: Callable[..., _T]


def read_staff_csv(
    source: str | os.PathLike[str] | TextIO,
    columns: Mapping[str, str] | None = None,
    *,
    exclude_other: bool = False,
) -> list[Employee]:
    """Read the employees from a staff CSV file (a path, or a text stream opened with newline="").

    ``columns`` maps our column names to the file's, e.g. ``{"sex": "Gender"}``. A sex that is
    neither male nor female is an error, unless ``exclude_other``: the employee's sex is then
    "other", for the caller to leave out and count. Raises ``StaffFileError`` naming the line and
    column of the first problem and how to fix it. Rows with the same cells give one shared
    (immutable) employee, which saves memory and time.
    """
    return _read(source, columns, _Key("sex", _sex_reader(exclude_other), Employee))


def read_staff_groups(
    source: str | os.PathLike[str] | TextIO,
    characteristic: Characteristic,
    columns: Mapping[str, str] | None = None,
) -> list[StaffMember]:
    """Read the staff from a staff CSV file with their value of ``characteristic`` (None: not disclosed).

    As ``read_staff_csv``, with the characteristic's column in place of ``sex``.
    """
    kind, vocabulary, fix = _CHARACTERISTIC_HINTS[characteristic]

    def value_of(text: str) -> str | None:
        try:
            return vocabulary[_words(text)]
        except KeyError:
            raise ValueError(f"{_shown(text)} is not {kind}: {fix}.") from None

    return _read(source, columns, _Key(CHARACTERISTIC_COLUMNS[characteristic], value_of, StaffMember))


def _read(source: str | os.PathLike[str] | TextIO, columns: Mapping[str, str] | None, key: _Key[_T]) -> list[_T]:
    if not isinstance(source, (str, os.PathLike)):
        try:
            return _read_decoded(source, columns or {}, key)
        except UnicodeDecodeError:
            raise StaffFileError(None, None, _NOT_UTF8) from None
    path = Path(source)
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return _read_decoded(stream, columns or {}, key)
    except UnicodeDecodeError:
        raise _not_utf8_error(path) from None
    except OSError as error:
        raise StaffFileError(None, None, f"Cannot read {path}: {error.strerror}.") from None


def _read_decoded(stream: TextIO, columns: Mapping[str, str], key: _Key[_T]) -> list[_T]:
    reader = csv.reader(stream)
    try:
        header = _header(reader)
        positions = _column_positions(header, reader.line_num, columns, key.column)
        employees = _read_employees(reader, header, positions, key)
    except csv.Error as error:
        raise StaffFileError(reader.line_num, None, f"The file is not valid CSV: {error}.") from None
    if not employees:
        raise StaffFileError(
            None, None, "The file has a header but no employees: add one line per employee."
        )
    return employees


def _header(reader: Iterator[list[str]]) -> list[str]:
    for row in reader:
        if not _is_blank(row):
            return row
    raise StaffFileError(
        None,
        None,
        "The file is empty: it needs a header line naming the columns, then one line per employee.",
    )


def _read_employees(
    reader: _csv.Reader, header: list[str], positions: dict[str, int], key: _Key[_T]
) -> list[_T]:
    """One employee per row; rows with the same cells share one (immutable) employee."""
    cells_of = itemgetter(*positions.values())
    employee_by_cells = _Memo(_employee_reader([header[index] for index in positions.values()], key))
    employees: list[_T] = []
    append = employees.append
    width = len(header)
    ended = reader.line_num
    for row in reader:
        try:
            if len(row) != width and not _only_blank_extras(row, width):
                raise IndexError("the row and the header differ in length")
            append(employee_by_cells[cells_of(row)])
        except (StaffFileError, IndexError) as problem:
            if not _is_blank(row):  # a row may span lines (a quoted new line): name the line it starts on
                raise _located(problem, ended + 1, len(row), len(header)) from None
        ended = reader.line_num
    return employees


def _only_blank_extras(row: list[str], width: int) -> bool:
    """A row longer than the header only by empty cells (spreadsheets add trailing commas)."""
    return len(row) > width and _is_blank(row[width:])


def _is_blank(row: list[str]) -> bool:
    return not any(cell.strip() for cell in row)


def _located(problem: Exception, line: int, row_size: int, header_size: int) -> StaffFileError:
    if isinstance(problem, StaffFileError):
        return StaffFileError(line, problem.column, problem.message)
    return StaffFileError(
        line,
        None,
        f"This line has {row_size} values but the header has {header_size} columns:"
        " check for a missing comma, or a comma inside a value that is not in quotes.",
    )


def _column_positions(
    header: list[str], line: int, columns: Mapping[str, str], key_column: str
) -> dict[str, int]:
    """Where each column to read is in the file: the key column (e.g. sex), full_pay_relevant,
    bonus_pay, then the pay."""
    unknown = sorted(set(columns) - set(COLUMN_NAMES))
    if unknown:
        raise StaffFileError(
            None,
            None,
            f"There is no column called {unknown[0]!r} to map: use {', '.join(COLUMN_NAMES)}.",
        )
    _check_delimiter(header, line)
    found = [_normalised(name) for name in header]
    positions: dict[str, int] = {}
    pay = [name for name in COLUMN_NAMES if name not in CHARACTERISTIC_COLUMNS.values()]
    for ours in (key_column, *pay):
        theirs = _normalised(columns.get(ours, ours))
        hits = [index for index, name in enumerate(found) if name == theirs]
        if len(hits) > 1:
            raise StaffFileError(
                line,
                header[hits[0]].strip(),
                f"Columns {hits[0] + 1} and {hits[1] + 1} have the same name: keep one.",
            )
        if hits:
            positions[ours] = hits[0]
    pay_columns = ("hourly_pay",) if "hourly_pay" in positions else _DERIVED_PAY_COLUMNS
    needed = (key_column, "full_pay_relevant", "bonus_pay", *pay_columns)
    for ours in needed:
        if ours not in positions:
            raise _missing_column_error(ours, columns.get(ours, ours), header, line)
    optional = (
        ("period_bonus_pay",)
        if pay_columns == _DERIVED_PAY_COLUMNS and "period_bonus_pay" in positions
        else ()
    )
    return {ours: positions[ours] for ours in (*needed, *optional)}


def _normalised(name: str) -> str:
    """A header name as matched: no BOM, trimmed, lower case, spaces and hyphens as underscores."""
    return re.sub(r"[\s-]+", "_", name.lstrip("\ufeff").strip().lower())


def _check_delimiter(header: list[str], line: int) -> None:
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


def _missing_column_error(ours: str, theirs: str, header: list[str], line: int) -> StaffFileError:
    found = {_normalised(name): name.strip() for name in header}
    close = [name for name in _USUAL_NAMES.get(ours, ()) if name in found] if theirs == ours else []
    close = close or difflib.get_close_matches(_normalised(theirs), found, n=1)
    suggestion = f" Did you mean {found[close[0]]!r}?" if close else ""
    alternative = (
        " The pay needs an hourly_pay column, or ordinary_pay, pay_period_days and weekly_hours"
        " to derive it."
        if ours in _DERIVED_PAY_COLUMNS
        else ""
    )
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


def _employee_reader(names: list[str], key: _Key[_T]) -> Callable[[tuple[str, ...]], _T]:
    """A function from a row's cells (key, full-pay relevance, bonus, then pay) to its employee.

    ``names`` are the file's names of those columns, for error messages.
    """
    values = _Memo(_in_column(names[0], key.parse))
    build = key.build
    flags = _Memo(_in_column(names[1], _flag))
    bonuses = _Memo(_in_column(names[2], _amount))
    hourly_pay_of = _hourly_pay_reader(names[3:])

    def employee_of(cells: tuple[str, ...]) -> _T:
        full_pay_relevant = flags[cells[1]]
        hourly_pay = hourly_pay_of(cells[3:], full_pay_relevant)
        return build(values[cells[0]], full_pay_relevant, hourly_pay, bonuses[cells[2]] or _ZERO)

    return employee_of


def _hourly_pay_reader(names: list[str]) -> Callable[[tuple[str, ...], bool], ExactAmount | None]:
    """A function from a row's pay cells to its hourly pay.

    The cells are the hourly pay as given, or the ordinary pay, days in the pay period, weekly
    hours and optionally the period's bonus pay, from which the hourly pay is derived (reg 6).
    Hourly pay may be missing only for an employee who is not full-pay relevant.
    """
    if len(names) == 1:
        rates = _Memo(_in_column(names[0], _amount))

        def given(cells: tuple[str, ...], full_pay_relevant: bool) -> ExactAmount | None:
            rate = rates[cells[0]]
            if rate is None and full_pay_relevant:
                raise _blank_pay_error(names[0])
            return rate

        return given

    pays, days, hours = (
        _Memo(_in_column(name, parse))
        for name, parse in zip(names, (_amount, _positive, _positive), strict=False)
    )
    period_bonuses = _Memo(_in_column(names[-1], _amount)) if len(names) == 4 else None

    def derived(cells: tuple[str, ...], full_pay_relevant: bool) -> ExactAmount | None:
        pay, period_days, weekly_hours = pays[cells[0]], days[cells[1]], hours[cells[2]]
        if pay is None or period_days is None or weekly_hours is None:
            if full_pay_relevant:
                raise _blank_pay_error(names[[pay, period_days, weekly_hours].index(None)])
            return None
        bonus = (None if period_bonuses is None else period_bonuses[cells[3]]) or _ZERO
        return hourly_rate(pay, bonus, period_days, weekly_hours)

    return derived


def _blank_pay_error(column: str) -> StaffFileError:
    return StaffFileError(
        None,
        column.strip(),
        "This is blank for a full-pay relevant employee: fill it in, or set full_pay_relevant to false"
        " if the employee was on reduced or nil pay because of leave.",
    )


class _Memo(dict[_K, _V]):
    """Values parsed from keys (cell texts, or a row's cells), each parsed once.

    Repeated pay points and rows are then parsed and stored once. At most ``_CACHE_LIMIT`` keys
    are remembered, so memory stays bounded whatever the file.
    """

    def __init__(self, parse: Callable[[_K], _V]) -> None:
        super().__init__()
        self._parse = parse

    def __missing__(self, key: _K) -> _V:
        value = self._parse(key)
        if len(self) < _CACHE_LIMIT:
            self[key] = value
        return value


def _in_column(column: str, parse: Callable[[str], _V]) -> Callable[[str], _V]:
    """``parse``, raising its ValueError as a StaffFileError naming the column."""

    def parse_cell(text: str) -> _V:
        try:
            return parse(text)
        except ValueError as error:
            raise StaffFileError(None, column.strip(), str(error)) from None

    return parse_cell


def _sex_reader(exclude_other: bool) -> Callable[[str], RecordedSex]:
    """Reads a sex; "other" (neither male nor female, or not known) only when ``exclude_other``."""

    def sex_of(text: str) -> RecordedSex:
        sex = _SEXES.get(_words(text))
        if sex is None:
            raise ValueError(
                f"{_shown(text)} is not a sex equitykit knows: write male or female (or M or F)."
            )
        if sex == "other" and not exclude_other:
            raise ValueError(
                f"{_shown(text)} is neither male nor female: the gender pay gap compares men and women."
                " Add --exclude-other to leave such staff out (their number is shown), as GOV.UK"
                " guidance allows."
            )
        return sex

    return sex_of


def _flag(text: str) -> bool:
    flag = _FLAGS.get(text.strip().lower())
    if flag is None:
        raise ValueError(f"{_shown(text)} is not true or false: write true/false, yes/no, Y/N or 1/0.")
    return flag


def _amount(text: str) -> Decimal | None:
    """An amount of money, None when blank."""
    amount = _number(text)
    if amount is not None and amount < _ZERO:
        raise ValueError("Pay cannot be negative: correct the amount.")
    return amount


def _positive(text: str) -> Decimal | None:
    """A number of days or hours, None when blank."""
    number = _number(text)
    if number is not None and number <= _ZERO:
        raise ValueError(
            f"{_shown(text)} must be more than 0: days and hours cannot be zero or negative."
        )
    return number


def _number(text: str) -> Decimal | None:
    """A number, None when blank; see ``_formatted_number`` for £ signs and thousands separators."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return _formatted_number(text)
    if not number.is_finite():
        raise ValueError(_not_a_number(text))
    return number


def _formatted_number(text: str) -> Decimal | None:
    """A number written with a leading £ or thousands separators (-£1,234.56); None when blank."""
    cleaned = text.strip()
    if not cleaned:
        return None
    sign, digits = ("-", cleaned[1:]) if cleaned.startswith("-") else ("", cleaned)
    digits = digits.removeprefix("£").strip()
    if _THOUSANDS.fullmatch(digits):
        digits = digits.replace(",", "")
    try:
        return Decimal(sign + digits)
    except InvalidOperation:
        raise ValueError(_not_a_number(text)) from None


def _not_a_number(text: str) -> str:
    return (
        f"{_shown(text)} is not a number: write amounts like 1234.56 (a leading £ and thousands"
        " separators are fine)."
    )


def _shown(text: str) -> str:
    """An invalid cell's text, quoted and cut short, for an error message."""
    text = text.strip()
    return repr(text if len(text) <= 30 else text[:30] + "...") if text else "A blank cell"


_NOT_UTF8 = (
    "The file is not UTF-8 text. Save it as 'CSV UTF-8 (Comma delimited)' in Excel, or export it"
    " again as UTF-8."
)


def _not_utf8_error(path: Path) -> StaffFileError:
    """The error for a file that is not UTF-8, naming the line of the first invalid byte."""
    data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return StaffFileError(line, None, f"Byte 0x{data[error.start]:02x} is not UTF-8. {_NOT_UTF8}")
    return StaffFileError(None, None, _NOT_UTF8)
