"""Reading the staff-level extracts behind a workforce snapshot: staff, recruitment, casework,
training and board, one row each (domain rules §11).

Each ``read_*`` reader streams its file and yields one small immutable value per row, with every
coded cell turned into what it means through a `ValueMapping`. Rows with the same cells share one
value. Each ``tally_*`` reader gives the same values counted, from the file's distinct cells
(``csvfile.count_distinct_rows``), each distinct cell read once: what the counts need, many times
faster. Columns come in any order and are matched loosely (see `equitykit.extracts.csvfile`);
``columns`` maps our names to a file's own. Problems are `StaffFileError`s naming the line and
column: the tallies find that a file has one, and read it again row by row to say where.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TextIO, TypeVar

from .csvfile import (
    IrregularRows,
    Memo,
    MissingColumn,
    Progress,
    StaffFileError,
    count_distinct_rows,
    flag,
    in_column,
    read_rows,
    shown,
)
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
_R_co = TypeVar("_R_co", covariant=True)
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


Placing = tuple[str, str, str, str, bool]
"""What places a person in the band tables and the race and disability profile: staff group, band,
ethnic category code, disability status and whether they are bank-only."""


@dataclass(frozen=True)
class StaffTally:
    """The people at the snapshot counted by what the snapshot reads of them: each count on its own,
    but for the band tables' placing, counted together."""

    placings: Counter[Placing]
    sexes: Counter[str]
    age_bands: Counter[str]
    religions: Counter[str | None]
    sexual_orientations: Counter[str | None]

    @classmethod
    def of(cls, staff: Iterable[StaffMember]) -> StaffTally:
        """The tally of people read one by one."""
        people = Counter(staff)
        tally = cls(Counter(), Counter(), Counter(), Counter(), Counter())
        for person, count in people.items():
            tally.placings[(person.staff_group, person.band, person.ethnicity, person.disability, person.bank)] += count
            tally.sexes[person.sex] += count
            tally.age_bands[person.age_band] += count
            tally.religions[person.religion_belief] += count
            tally.sexual_orientations[person.sexual_orientation] += count
        return tally


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
        return self.at(ours, self.meaning(ours))

    def parsed(self, ours: str, parse: Callable[[str], _T]) -> Callable[[tuple[str, ...]], _T]:
        """A column's cell read with `parse`, whose ValueError names the column."""
        return self.at(ours, self.reading(ours, parse))

    def optional(self, ours: str) -> Callable[[tuple[str, ...]], str | None]:
        """A mapped column's meaning, or None for every row when the file lacks the column."""
        return self.mapped(ours) if ours in self.found else lambda cells: None

    def at(self, ours: str, read: Callable[[str], _T]) -> Callable[[tuple[str, ...]], _T]:
        """`read` of a column's cell in a row's cells."""
        position = self.index[ours]
        return lambda cells: read(cells[position])

    def meaning(self, ours: str) -> Callable[[str], str]:
        """The meaning of a mapped column's cell text."""
        return self.reading(ours, lambda text: self.mapping.meaning(ours, text))

    def reading(self, ours: str, parse: Callable[[str], _T]) -> Callable[[str], _T]:
        """A column's cell text read with `parse`, once for each distinct text; its ValueError names the column."""
        return Memo(in_column(self.found[ours], parse)).__getitem__

    def fail(self, ours: str, message: str) -> StaffFileError:
        return StaffFileError(None, self.found[ours].strip(), message)


def _reader(source: Source, wanted: Sequence[str], mapping: ValueMapping, columns: Mapping[str, str],
            build: Callable[[_Cells], Callable[[tuple[str, ...]], _T]]) -> Iterator[_T]:
    """Stream a file's rows as values, rows with the same cells sharing one."""

    def parser(found: dict[str, str]) -> Callable[[tuple[str, ...]], _T]:
        return Memo(build(_Cells(found, mapping, columns))).__getitem__

    return read_rows(source, wanted, columns, parser)


class _Counting(Protocol[_R_co]):
    """How a file is counted: which columns together, and the count from their distinct cells."""

    def projections(self) -> list[list[str]]: ...

    def tally(self, counts: list[Counter[tuple[str, ...]]]) -> _R_co: ...


class _EveryRow(Generic[_T]):
    """A file's rows counted by their value, every column found counted together."""

    def __init__(self, cells: _Cells, row: Callable[[tuple[str, ...]], _T]) -> None:
        self.cells, self.row = cells, row

    def projections(self) -> list[list[str]]:
        return [list(self.cells.found)]

    def tally(self, counts: list[Counter[tuple[str, ...]]]) -> Counter[_T]:
        tally: Counter[_T] = Counter()
        for cells, count in counts[0].items():
            tally[self.row(cells)] += count
        return tally


def _counted(source: Source, wanted: Sequence[str], mapping: ValueMapping, columns: Mapping[str, str],
             counting: Callable[[_Cells], _Counting[_R_co]], progress: Progress | None) -> _R_co | None:
    """A file counted from its distinct cells, each read once; None for a stream, or a file to read row
    by row: one with irregular rows or a problem (whose line only a row by row reading finds)."""
    if not isinstance(source, (str, os.PathLike)):
        return None
    chosen: list[_Counting[_R_co]] = []

    def used(found: dict[str, str]) -> list[list[str]]:
        chosen.append(counting(_Cells(found, mapping, columns)))
        return chosen[0].projections()

    try:
        _, counts = count_distinct_rows(source, wanted, columns, used, progress)
        return chosen[0].tally(counts)
    except (StaffFileError, IrregularRows, MissingColumn):
        return None


def _tally(source: Source, wanted: Sequence[str], mapping: ValueMapping, columns: Mapping[str, str],
           build: Callable[[_Cells], Callable[[tuple[str, ...]], _T]], progress: Progress | None) -> Counter[_T]:
    """A file's rows as values, counted: from its distinct rows, or row by row (see `_counted`)."""
    counted = _counted(source, wanted, mapping, columns, lambda cells: _EveryRow(cells, build(cells)), progress)
    return Counter(_reader(source, wanted, mapping, columns, build)) if counted is None else counted


class _StaffCells:
    """The readers of a staff file's cells, shared by the row by row reading and the tally."""

    def __init__(self, cells: _Cells, snapshot: dt.date) -> None:
        cells.require("band", "staff_group", "ethnicity", "disability", "sex")
        if "age" not in cells.found and "date_of_birth" not in cells.found:
            raise MissingColumn("age", cells.columns.get("age", "age"), " Give an age or a date_of_birth column.")
        self.cells = cells
        self.age_column = "age" if "age" in cells.found else "date_of_birth"
        self.group, self.band = cells.meaning("staff_group"), cells.meaning("band")
        self.ethnicity, self.disability, self.sex = (cells.meaning(ours) for ours in ("ethnicity", "disability", "sex"))
        self.age = (cells.reading("age", _age_band) if self.age_column == "age"
                    else cells.reading("date_of_birth", lambda text: _age_band_on(text, snapshot)))
        self.category = cells.meaning("assignment_category") if "assignment_category" in cells.found else None

    def grade(self, group_text: str, band_text: str) -> tuple[str, str]:
        """The staff group and band of a person, which must agree on whether the grade is medical."""
        staff_group, grade = self.group(group_text), self.band(band_text)
        if (staff_group == "medical-dental") != (grade in _MEDICAL_GRADES):
            raise self.cells.fail("band", _grade_mismatch(staff_group, grade))
        return staff_group, grade

    def bank(self, category_text: str) -> bool:
        return self.category is not None and self.category(category_text) == "bank"

    def member(self) -> Callable[[tuple[str, ...]], StaffMember]:
        """A row's person, from its cells in the order of the columns found."""
        cells = self.cells
        group, band, category = cells.index["staff_group"], cells.index["band"], cells.index.get("assignment_category")
        ethnicity, disability = cells.at("ethnicity", self.ethnicity), cells.at("disability", self.disability)
        sex, age = cells.at("sex", self.sex), cells.at(self.age_column, self.age)
        religion, orientation = cells.optional("religion_belief"), cells.optional("sexual_orientation")

        def member(row: tuple[str, ...]) -> StaffMember:
            staff_group, grade = self.grade(row[group], row[band])
            return StaffMember(staff_group, grade, ethnicity(row), disability(row), sex(row), age(row),
                               religion(row), orientation(row), category is not None and self.bank(row[category]))

        return member

    def projections(self) -> list[list[str]]:
        """The columns counted together: what places a person in the band tables, then each other column."""
        placing = ["staff_group", "band", "ethnicity", "disability"]
        placing += ["assignment_category"] if self.category is not None else []
        others: list[str] = [ours for ours in ("religion_belief", "sexual_orientation") if ours in self.cells.found]
        return [placing, ["sex"], [self.age_column], *([ours] for ours in others)]

    def tally(self, counts: list[Counter[tuple[str, ...]]]) -> StaffTally:
        """The tally from the rows per distinct combination of the cells of each of `projections`."""
        placings, sexes, ages, *others = counts
        tally = StaffTally(Counter(), _read_counts(sexes, self.sex), _read_counts(ages, self.age), Counter(),
                           Counter())
        for (group_text, band_text, ethnicity, disability, *category), count in placings.items():
            placing = (*self.grade(group_text, band_text), self.ethnicity(ethnicity), self.disability(disability),
                       bool(category) and self.bank(category[0]))
            tally.placings[placing] += count
        everyone = tally.placings.total()
        for ours, counter in (("religion_belief", tally.religions), ("sexual_orientation", tally.sexual_orientations)):
            if ours in self.cells.found:
                counter.update(_read_counts(others.pop(0), self.cells.meaning(ours)))
            elif everyone:
                counter[None] = everyone
        return tally


def read_staff(source: Source, snapshot: dt.date, mapping: ValueMapping,
               columns: Mapping[str, str] | None = None) -> Iterator[StaffMember]:
    """The people in a staff extract; age comes from ``age`` or ``date_of_birth`` at the snapshot."""
    return _reader(source, STAFF_COLUMNS, mapping, columns or {},
                   lambda cells: _StaffCells(cells, snapshot).member())


def tally_staff(source: Source, snapshot: dt.date, mapping: ValueMapping, columns: Mapping[str, str] | None = None,
                progress: Progress | None = None) -> StaffTally:
    """The people in a staff extract counted, as ``read_staff`` reads them: the same file, the same errors."""
    columns = columns or {}
    counted = _counted(source, STAFF_COLUMNS, mapping, columns, lambda cells: _StaffCells(cells, snapshot), progress)
    return StaffTally.of(read_staff(source, snapshot, mapping, columns)) if counted is None else counted


def _read_counts(counts: Counter[tuple[str, ...]], read: Callable[[str], _T]) -> Counter[_T]:
    """Counts of one column's distinct cells, by what each cell reads as."""
    read_counts: Counter[_T] = Counter()
    for (text,), count in counts.items():
        read_counts[read(text)] += count
    return read_counts


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


def _recruitment_row(cells: _Cells) -> Callable[[tuple[str, ...]], Applicant]:
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


def read_recruitment(source: Source, mapping: ValueMapping,
                     columns: Mapping[str, str] | None = None) -> Iterator[Applicant]:
    """The applicants in a recruitment extract; an applicant appointed must have been shortlisted."""
    return _reader(source, RECRUITMENT_COLUMNS, mapping, columns or {}, _recruitment_row)


def tally_recruitment(source: Source, mapping: ValueMapping, columns: Mapping[str, str] | None = None,
                      progress: Progress | None = None) -> Counter[Applicant]:
    """The applicants of ``read_recruitment``, counted (the same file, the same errors)."""
    return _tally(source, RECRUITMENT_COLUMNS, mapping, columns or {}, _recruitment_row, progress)


def _casework_row(cells: _Cells) -> Callable[[tuple[str, ...]], Case]:
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


def read_casework(source: Source, mapping: ValueMapping,
                  columns: Mapping[str, str] | None = None) -> Iterator[Case]:
    """The entries in a casework log; a capability entry must say its grounds."""
    return _reader(source, CASEWORK_COLUMNS, mapping, columns or {}, _casework_row)


def tally_casework(source: Source, mapping: ValueMapping, columns: Mapping[str, str] | None = None,
                   progress: Progress | None = None) -> Counter[Case]:
    """The entries of ``read_casework``, counted (the same file, the same errors)."""
    return _tally(source, CASEWORK_COLUMNS, mapping, columns or {}, _casework_row, progress)


def _training_row(cells: _Cells) -> Callable[[tuple[str, ...]], str]:
    cells.require("ethnicity")
    return cells.mapped("ethnicity")


def read_training(source: Source, mapping: ValueMapping, columns: Mapping[str, str] | None = None) -> Iterator[str]:
    """The ethnic category code of each member of staff who accessed non-mandatory training or CPD."""
    return _reader(source, TRAINING_COLUMNS, mapping, columns or {}, _training_row)


def tally_training(source: Source, mapping: ValueMapping, columns: Mapping[str, str] | None = None,
                   progress: Progress | None = None) -> Counter[str]:
    """The ethnic category codes of ``read_training``, counted (the same file, the same errors)."""
    return _tally(source, TRAINING_COLUMNS, mapping, columns or {}, _training_row, progress)


def _board_row(cells: _Cells) -> Callable[[tuple[str, ...]], BoardMember]:
    cells.require(*BOARD_COLUMNS)
    voting, executive = cells.parsed("voting", flag), cells.parsed("executive", flag)
    ethnicity, disability = cells.mapped("ethnicity"), cells.mapped("disability")
    return lambda row: BoardMember(voting(row), executive(row), ethnicity(row), disability(row))


def read_board(source: Source, mapping: ValueMapping,
               columns: Mapping[str, str] | None = None) -> Iterator[BoardMember]:
    """The members of the board at the snapshot."""
    return _reader(source, BOARD_COLUMNS, mapping, columns or {}, _board_row)


def tally_board(source: Source, mapping: ValueMapping, columns: Mapping[str, str] | None = None,
                progress: Progress | None = None) -> Counter[BoardMember]:
    """The board members of ``read_board``, counted (the same file, the same errors)."""
    return _tally(source, BOARD_COLUMNS, mapping, columns or {}, _board_row, progress)
