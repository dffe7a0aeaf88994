"""Reading a staff-level pay file (CSV, UTF-8) into employees for the gender pay gap.

The file has a header line and one line per relevant employee. Columns come in any order, extra
columns are ignored, and header names match ours ignoring case, surrounding spaces, and spaces or
hyphens in place of underscores ("Full pay relevant" is ``full_pay_relevant``).

Columns read:

- ``sex``: male or female (M or F);
- ``full_pay_relevant``: true/false, yes/no, y/n or 1/0;
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

import os
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TextIO

from ..extracts.csvfile import (
    Memo,
    MissingColumn,
    StaffFileError,
    flag,
    in_column,
    read_rows,
    shown,
)
from .paygap import Employee, ExactAmount, Sex, hourly_rate

COLUMN_NAMES = (
    "sex",
    "full_pay_relevant",
    "bonus_pay",
    "hourly_pay",
    "ordinary_pay",
    "pay_period_days",
    "weekly_hours",
    "period_bonus_pay",
)
"""The columns equitykit reads; ``columns=`` maps them to a file's own header names."""

_DERIVED_PAY_COLUMNS = ("ordinary_pay", "pay_period_days", "weekly_hours")
_SEXES: dict[str, Sex] = {"male": "male", "m": "male", "female": "female", "f": "female"}
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d*)?")
_ZERO = Decimal(0)

__all__ = ["COLUMN_NAMES", "StaffFileError", "read_staff_csv"]


def read_staff_csv(
    source: str | os.PathLike[str] | TextIO, columns: Mapping[str, str] | None = None
) -> list[Employee]:
    """Read the employees from a staff CSV file (a path, or a text stream opened with newline="").

    ``columns`` maps our column names to the file's, e.g. ``{"sex": "Gender"}``. Raises
    ``StaffFileError`` naming the line and column of the first problem and how to fix it. Rows
    with the same cells give one shared (immutable) employee, which saves memory and time.
    """
    columns = columns or {}
    unknown = sorted(set(columns) - set(COLUMN_NAMES))
    if unknown:
        raise StaffFileError(
            None,
            None,
            f"There is no column called {unknown[0]!r} to map: use {', '.join(COLUMN_NAMES)}.",
        )
    employees = list(read_rows(source, COLUMN_NAMES, columns, _row_reader(columns)))
    if not employees:
        raise StaffFileError(
            None, None, "The file has a header but no employees: add one line per employee."
        )
    return employees


def _row_reader(columns: Mapping[str, str]) -> Callable[[dict[str, str]], Callable[[tuple[str, ...]], Employee]]:
    """From the columns found, the reader of a row: sex, full_pay_relevant, bonus_pay, then the pay.

    Rows with the same cells share one (immutable) employee.
    """

    def reader(found: dict[str, str]) -> Callable[[tuple[str, ...]], Employee]:
        pay_columns = ("hourly_pay",) if "hourly_pay" in found else _DERIVED_PAY_COLUMNS
        needed = ("sex", "full_pay_relevant", "bonus_pay", *pay_columns)
        for ours in needed:
            if ours not in found:
                alternative = (
                    " The pay needs an hourly_pay column, or ordinary_pay, pay_period_days and weekly_hours"
                    " to derive it."
                    if ours in _DERIVED_PAY_COLUMNS
                    else ""
                )
                raise MissingColumn(ours, columns.get(ours, ours), alternative)
        optional = ("period_bonus_pay",) if pay_columns == _DERIVED_PAY_COLUMNS and "period_bonus_pay" in found else ()
        used = (*needed, *optional)
        indexes = [list(found).index(ours) for ours in used]
        employee_by_cells = Memo(_employee_reader([found[ours] for ours in used]))
        return lambda cells: employee_by_cells[tuple(cells[index] for index in indexes)]

    return reader


def _employee_reader(names: list[str]) -> Callable[[tuple[str, ...]], Employee]:
    """A function from a row's cells (sex, full-pay relevance, bonus, then pay) to its employee.

    ``names`` are the file's names of those columns, for error messages.
    """
    sexes = Memo(in_column(names[0], _sex))
    flags = Memo(in_column(names[1], flag))
    bonuses = Memo(in_column(names[2], _amount))
    hourly_pay_of = _hourly_pay_reader(names[3:])

    def employee_of(cells: tuple[str, ...]) -> Employee:
        full_pay_relevant = flags[cells[1]]
        hourly_pay = hourly_pay_of(cells[3:], full_pay_relevant)
        return Employee(sexes[cells[0]], full_pay_relevant, hourly_pay, bonuses[cells[2]] or _ZERO)

    return employee_of


def _hourly_pay_reader(names: list[str]) -> Callable[[tuple[str, ...], bool], ExactAmount | None]:
    """A function from a row's pay cells to its hourly pay.

    The cells are the hourly pay as given, or the ordinary pay, days in the pay period, weekly
    hours and optionally the period's bonus pay, from which the hourly pay is derived (reg 6).
    Hourly pay may be missing only for an employee who is not full-pay relevant.
    """
    if len(names) == 1:
        rates = Memo(in_column(names[0], _amount))

        def given(cells: tuple[str, ...], full_pay_relevant: bool) -> ExactAmount | None:
            rate = rates[cells[0]]
            if rate is None and full_pay_relevant:
                raise _blank_pay_error(names[0])
            return rate

        return given

    pays, days, hours = (
        Memo(in_column(name, parse))
        for name, parse in zip(names, (_amount, _positive, _positive), strict=False)
    )
    period_bonuses = Memo(in_column(names[-1], _amount)) if len(names) == 4 else None

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


def _sex(text: str) -> Sex:
    sex = _SEXES.get(text.strip().lower())
    if sex is None:
        raise ValueError(
            f"{shown(text)} is not a sex equitykit knows: write male or female (or M or F)."
        )
    return sex


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
            f"{shown(text)} must be more than 0: days and hours cannot be zero or negative."
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
        f"{shown(text)} is not a number: write amounts like 1234.56 (a leading £ and thousands"
        " separators are fine)."
    )
