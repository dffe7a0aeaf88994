"""Reading the staff-level extracts behind a workforce snapshot: staff, recruitment, casework,
training and board, one row each (domain rules §11).

Each reader streams its file and yields one small immutable value per row, with every coded cell
turned into what it means through a `ValueMapping`. Rows with the same cells share one value.
Columns come in any order and are matched loosely (see `equitykit.extracts.csvfile`); ``columns``
maps our names to a file's own. Problems are `StaffFileError`s naming the line and column.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO, TypeVar

from .csvfile import Memo, MissingColumn, StaffFileError, flag, in_column, read_rows, shown
from .mapping import ValueMapping

STAFF_COLUMNS = ("band", "staff_group", "ethnicity", "disability", "sex", "age", "date_of_birth",
                 "religion_belief", "sexual_orientation", "assignment_category")
RECRUITMENT_COLUMNS = ("ethnicity", "disability", "shortlisted", "appointed")
CASEWORK_COLUMNS = ("ethnicity", "disability", "process", "grounds")
TRAINING_COLUMNS = ("ethnicity",)
BOARD_COLUMNS = ("voting", "executive", "ethnicity", "disability")
COLUMN_NAMES = tuple(dict.fromkeys((*STAFF_COLUMNS, *RECRUITMENT_COLUMNS, *CASEWORK_COLUMNS, *BOARD_COLUMNS)))
"""Every column equitykit reads in an extract; ``--columns`` maps them to a file's own names."""

AGE_BANDS = ("16-24", "25-34", "35-44", "45-54", "55-64", "65-plus")
_MEDICAL_GRADES = frozenset({"consultant", "non-consultant-career-grade", "trainee"})
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")

_T = TypeVar("_T")
Source = str | os.PathLike[str] | TextIO


@dataclass(frozen=True, slots=True)
class StaffMember:
    """One person at the snapshot (primary assignment), as the snapshot counts them."""

    staff_group: str
    band: str
    ethnicity: str
    disability: str
    sex: str
    age_band: str
    religion_belief: str | None
    sexual_orientation: str | None
    bank: bool


@dataclass(frozen=True, slots=True)
class Applicant:
    """One applicant in the year: ethnic category code, disability status, and how far they got."""

    ethnicity: str
    disability: str
    shortlisted: bool
    appointed: bool


@dataclass(frozen=True, slots=True)
class Case:
    """One entry into a formal process in the year (disciplinary, or capability on some grounds)."""

    ethnicity: str
    disability: str
    process: str
    grounds: str


@dataclass(frozen=True, slots=True)
class BoardMember:
    """One board member at the snapshot."""

    voting: bool
    executive: bool
    ethnicity: str
    disability: str


class _Cells:
    """Cell readers for the columns found in one file, each memoised."""

    def __init__(self, found: dict[str, str], mapping: ValueMapping, columns: Mapping[str, str]) -> None:
        self.found, self.mapping, self.columns = found, mapping, columns
        self.index = {ours: position for position, ours in enumerate(found)}

    def require(self, *names: str) -> None:
        for ours in names:
            if ours not in self.found:
                raise MissingColumn(ours, self.columns.get(ours, ours))

    def mapped(self, ours: str) -> Callable[[tuple[str, ...]], str]:
        """The meaning of a mapped column's cell."""
        return self.parsed(ours, lambda text: self.mapping.meaning(ours, text))

    def parsed(self, ours: str, parse: Callable[[str], _T]) -> Callable[[tuple[str, ...]], _T]:
        """A column's cell read with `parse`, whose ValueError names the column."""
        position, values = self.index[ours], Memo(in_column(self.found[ours], parse))
        return lambda cells: values[cells[position]]

    def optional(self, ours: str) -> Callable[[tuple[str, ...]], str | None]:
        """A mapped column's meaning, or None for every row when the file lacks the column."""
        return self.mapped(ours) if ours in self.found else lambda cells: None

    def fail(self, ours: str, message: str) -> StaffFileError:
        return StaffFileError(None, self.found[ours].strip(), message)


def _reader(source: Source, wanted: Sequence[str], mapping: ValueMapping, columns: Mapping[str, str],
            build: Callable[[_Cells], Callable[[tuple[str, ...]], _T]]) -> Iterator[_T]:
    """Stream a file's rows as values, rows with the same cells sharing one."""

    def parser(found: dict[str, str]) -> Callable[[tuple[str, ...]], _T]:
        return Memo(build(_Cells(found, mapping, columns))).__getitem__

    return read_rows(source, wanted, columns, parser)


def read_staff(source: Source, snapshot: dt.date, mapping: ValueMapping,
               columns: Mapping[str, str] | None = None) -> Iterator[StaffMember]:
    """The people in a staff extract; age comes from ``age`` or ``date_of_birth`` at the snapshot."""

    def build(cells: _Cells) -> Callable[[tuple[str, ...]], StaffMember]:
        cells.require("band", "staff_group", "ethnicity", "disability", "sex")
        if "age" not in cells.found and "date_of_birth" not in cells.found:
            raise MissingColumn("age", cells.columns.get("age", "age"), " Give an age or a date_of_birth column.")
        group, band = cells.mapped("staff_group"), cells.mapped("band")
        ethnicity, disability, sex = cells.mapped("ethnicity"), cells.mapped("disability"), cells.mapped("sex")
        age = (cells.parsed("age", _age_band) if "age" in cells.found
               else cells.parsed("date_of_birth", lambda text: _age_band_on(text, snapshot)))
        religion, orientation = cells.optional("religion_belief"), cells.optional("sexual_orientation")
        category = cells.optional("assignment_category")

        def member(row: tuple[str, ...]) -> StaffMember:
            staff_group, grade = group(row), band(row)
            if (staff_group == "medical-dental") != (grade in _MEDICAL_GRADES):
                raise cells.fail("band", _grade_mismatch(staff_group, grade))
            return StaffMember(staff_group, grade, ethnicity(row), disability(row), sex(row), age(row),
                               religion(row), orientation(row), category(row) == "bank")

        return member

    return _reader(source, STAFF_COLUMNS, mapping, columns or {}, build)


def _grade_mismatch(staff_group: str, grade: str) -> str:
    if staff_group == "medical-dental":
        return (f"This person is in the medical and dental staff group, but band {grade!r} is not a medical "
                "grade: map the grade to consultant, non-consultant-career-grade or trainee.")
    return (f"This grade is a medical grade ({grade}) but the staff group is {staff_group}: check the staff "
            "group, or map it to medical-dental.")


def _age_band(text: str) -> str:
    try:
        age = int(text.strip())
    except ValueError:
        raise ValueError(f"{shown(text)} is not an age in whole years: write it like 42.") from None
    return _band_of(age)


def _age_band_on(text: str, snapshot: dt.date) -> str:
    born = _date(text)
    if born is None:
        raise ValueError(f"{shown(text)} is not a date of birth: write it as YYYY-MM-DD or DD/MM/YYYY.")
    return _band_of(snapshot.year - born.year - ((snapshot.month, snapshot.day) < (born.month, born.day)))


def _date(text: str) -> dt.date | None:
    text = text.strip()
    uk = _UK_DATE.fullmatch(text)
    try:
        return dt.date(int(uk[3]), int(uk[2]), int(uk[1])) if uk else dt.date.fromisoformat(text)
    except ValueError:
        return None


def _band_of(age: int) -> str:
    if not 16 <= age < 120:
        raise ValueError(f"An age of {age} at the snapshot is not a working age: check the age or date of birth.")
    return AGE_BANDS[min(max(age - 15, 0) // 10, len(AGE_BANDS) - 1)]


def read_recruitment(source: Source, mapping: ValueMapping,
                     columns: Mapping[str, str] | None = None) -> Iterator[Applicant]:
    """The applicants in a recruitment extract; an applicant appointed must have been shortlisted."""

    def build(cells: _Cells) -> Callable[[tuple[str, ...]], Applicant]:
        cells.require(*RECRUITMENT_COLUMNS)
        ethnicity, disability = cells.mapped("ethnicity"), cells.mapped("disability")
        shortlisted, appointed = cells.parsed("shortlisted", flag), cells.parsed("appointed", flag)

        def applicant(row: tuple[str, ...]) -> Applicant:
            was_shortlisted, was_appointed = shortlisted(row), appointed(row)
            if was_appointed and not was_shortlisted:
                raise cells.fail("appointed", "This applicant was appointed but not shortlisted: WRES and WDES "
                                 "count appointments from shortlisting, so correct one of the two.")
            return Applicant(ethnicity(row), disability(row), was_shortlisted, was_appointed)

        return applicant

    return _reader(source, RECRUITMENT_COLUMNS, mapping, columns or {}, build)


def read_casework(source: Source, mapping: ValueMapping,
                  columns: Mapping[str, str] | None = None) -> Iterator[Case]:
    """The entries in a casework log; a capability entry must say its grounds."""

    def build(cells: _Cells) -> Callable[[tuple[str, ...]], Case]:
        cells.require("ethnicity", "disability", "process")
        ethnicity, disability, process = cells.mapped("ethnicity"), cells.mapped("disability"), cells.mapped("process")
        grounds = cells.optional("grounds")

        def case(row: tuple[str, ...]) -> Case:
            kind, reason = process(row), grounds(row) or "none"
            if kind == "capability" and reason == "none":
                if "grounds" not in cells.found:
                    raise MissingColumn("grounds", cells.columns.get("grounds", "grounds"),
                                        " Capability entries need their grounds (performance or ill health).")
                raise cells.fail("grounds", "A capability entry needs its grounds: performance or ill health "
                                 "(only performance counts for WDES metric 3).")
            return Case(ethnicity(row), disability(row), kind, reason)

        return case

    return _reader(source, CASEWORK_COLUMNS, mapping, columns or {}, build)


def read_training(source: Source, mapping: ValueMapping, columns: Mapping[str, str] | None = None) -> Iterator[str]:
    """The ethnic category code of each member of staff who accessed non-mandatory training or CPD."""

    def build(cells: _Cells) -> Callable[[tuple[str, ...]], str]:
        cells.require("ethnicity")
        return cells.mapped("ethnicity")

    return _reader(source, TRAINING_COLUMNS, mapping, columns or {}, build)


def read_board(source: Source, mapping: ValueMapping,
               columns: Mapping[str, str] | None = None) -> Iterator[BoardMember]:
    """The members of the board at the snapshot."""

    def build(cells: _Cells) -> Callable[[tuple[str, ...]], BoardMember]:
        cells.require(*BOARD_COLUMNS)
        voting, executive = cells.parsed("voting", flag), cells.parsed("executive", flag)
        ethnicity, disability = cells.mapped("ethnicity"), cells.mapped("disability")
        return lambda row: BoardMember(voting(row), executive(row), ethnicity(row), disability(row))

    return _reader(source, BOARD_COLUMNS, mapping, columns or {}, build)
