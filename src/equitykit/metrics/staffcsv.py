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

Amounts in scientific notation (``1e5``) and ones that are not finite (``NaN``, ``Infinity``) are
refused; ``implausible_pay`` names the lines of hourly pay above a plausible bound.

The file is read for its distinct rows (``tally_staff_csv``; see ``extracts.csvfile.count_distinct_rows``),
or once, as a stream, row by row; nothing from it is written anywhere. Error messages quote a cell
only when its text is invalid, and never quote pay.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Generic, TextIO, TypeVar, cast

from ..extracts.csvfile import (
    IrregularRows,
    Memo,
    MissingColumn,
    Progress,
    StaffFileError,
    counts_of,
    distinct_rows,
    flag,
    in_column,
    projected,
    read_numbered_rows,
    read_rows,
    shown,
)
from ..records.ethnicity import UNKNOWN_CODES
from .diversity_paygap import DISABILITY_VALUES, NOT_DISCLOSED, Characteristic, Grouping, GroupTallies, StaffMember
from .paygap import Employee, ExactAmount, PayDistribution, PayTally, RecordedSex, hourly_rate, pay_tally
from .staff_columns import CHARACTERISTIC_COLUMNS, COLUMN_NAMES

__all__ = ["COLUMN_NAMES", "DEFAULT_MAX_HOURLY", "StaffFileError", "implausible_pay", "read_staff_csv",
           "read_staff_groups", "tally_staff_csv", "tally_staff_grouped", "tally_staff_groups"]

DEFAULT_MAX_HOURLY = Decimal(500)
"""Hourly pay above this (pounds an hour) is most likely a mistake in the file: a warning names its lines."""
_DERIVED_PAY_COLUMNS = ("ordinary_pay", "pay_period_days", "weekly_hours")
_PAY_COLUMNS = tuple(name for name in COLUMN_NAMES if name not in CHARACTERISTIC_COLUMNS.values())
"""full_pay_relevant, bonus_pay and the pay: read whatever the characteristic."""
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d*)?")
_ZERO = Decimal(0)

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
    "disability": ("a disability answer equitykit knows", _DISABILITIES,
                   "write yes, no or not declared (Y and N are fine)"),
    "sexual-orientation": ("a sexual orientation equitykit knows", _SEXUAL_ORIENTATIONS,
                           "write heterosexual, gay or lesbian, bisexual, other or not stated"),
}


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
    return _read(source, columns, _Key(CHARACTERISTIC_COLUMNS[characteristic], _characteristic_reader(characteristic),
                                       StaffMember))


def _characteristic_reader(characteristic: Characteristic) -> Callable[[str], str | None]:
    """Reads a characteristic's value: None when not disclosed.

    Ethnicity is read as `workforce compute` reads it, through the shipped value mapping: an NHS
    ethnic category code, alone or leading an ESR label ("R Chinese", "CA White - English"), a
    code's label, or a value the mapping lists ("Chinese").
    """
    if characteristic == "ethnicity":
        return _ethnicity_reader()
    kind, vocabulary, fix = _CHARACTERISTIC_HINTS[characteristic]

    def value_of(text: str) -> str | None:
        try:
            return vocabulary[_words(text)]
        except KeyError:
            raise ValueError(f"{shown(text)} is not {kind}: {fix}.") from None

    return value_of


def tally_staff_csv(
    source: str | os.PathLike[str] | TextIO,
    columns: Mapping[str, str] | None = None,
    *,
    exclude_other: bool = False,
    progress: Progress | None = None,
) -> dict[RecordedSex, PayTally]:
    """Each sex's pay in a staff CSV file, reduced to headcounts per distinct amount: what the figures
    read (``paygap.pay_gap_figures_of``), without a value per employee.

    The same file, the same errors and the same pay as ``read_staff_csv``; "other" is there only
    with ``exclude_other``. ``progress`` is told how far through the file the reading is.
    """
    tallies = _tally(source, columns, _Key("sex", _sex_reader(exclude_other), Employee), progress)
    return cast("dict[RecordedSex, PayTally]", tallies)


def tally_staff_groups(
    source: str | os.PathLike[str] | TextIO,
    characteristic: Characteristic,
    columns: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> dict[str | None, PayTally]:
    """Each value's pay (``None``: not disclosed) in a staff CSV file, as ``tally_staff_csv`` gives each
    sex's: the tallies behind ``diversity_paygap.diversity_pay_gaps_of``."""
    tallies = _tally(source, columns, _characteristic_key(characteristic), progress)
    return cast("dict[str | None, PayTally]", tallies)


def tally_staff_grouped(
    source: str | os.PathLike[str] | TextIO,
    groups: Grouping,
    columns: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> GroupTallies:
    """Each group's pay in a staff CSV file: ``tally_staff_groups``' tallies merged into the groups compared
    (``GroupTallies.of``), the tallies behind ``diversity_paygap.diversity_pay_gaps_of_groups``.

    Where polars reads the file, the values are merged into their groups in native code, so that only each
    group's distinct amounts, from lowest to highest, reach Python.
    """
    tallies = _tally(source, columns, _characteristic_key(groups.characteristic), progress, groups)
    return cast("GroupTallies", tallies)


def _characteristic_key(characteristic: Characteristic) -> _Key[StaffMember]:
    return _Key(CHARACTERISTIC_COLUMNS[characteristic], _characteristic_reader(characteristic), StaffMember)


def _tally(source: str | os.PathLike[str] | TextIO, columns: Mapping[str, str] | None, key: _Key[_T],
           progress: Progress | None, grouping: Grouping | None = None) -> _Tallies:
    """The tallies from the file's distinct rows, each parsed once; from every row, one at a time, for
    a stream, a file with irregular rows, or a bad cell (whose line only a row by row reading finds).

    Each key value's tallies; with ``grouping``, merged into its groups (``GroupTallies``)."""
    if isinstance(source, (str, os.PathLike)):
        columns = columns or {}
        _check_mapped(columns)
        try:
            found, counts, frames = distinct_rows(
                source, (key.column, *_PAY_COLUMNS), columns, lambda found: _projections(found, columns, key.column),
                progress)
            names = [found[ours] for ours in _used_columns(found, columns, key.column)]
            if frames is not None and len(names) == 4:
                return _tallied_natively(frames[0], names, key, grouping)
            (rows,) = counts or [counts_of(frame.get_columns()) for frame in frames or ()]
            pay_counts = projected(rows, [0, 1, *range(3, len(names))], len(names))
            return _grouped(_tallied(pay_counts, projected(rows, [0, 2], len(names)), names, key), grouping)
        except (StaffFileError, IrregularRows):
            pass  # read again row by row, which names the line at fault
    employees: list[Employee] | list[StaffMember] = _read(source, columns, key)  # type: ignore[assignment]
    groups: defaultdict[_KeyValue, list[Employee | StaffMember]] = defaultdict(list)
    for employee in employees:
        groups[employee.sex if isinstance(employee, Employee) else employee.value].append(employee)
    return _grouped({value: pay_tally(members) for value, members in groups.items()}, grouping)


_KeyValue = str | None
_Ratio = tuple[int, int]
_Tallies = dict[_KeyValue, PayTally] | GroupTallies
"""Each key value's tallies, or (with a grouping) each group's."""


def _grouped(by_value: dict[_KeyValue, PayTally], grouping: Grouping | None) -> _Tallies:
    """Each key value's tallies as they are, or merged into ``grouping``'s groups."""
    return by_value if grouping is None else GroupTallies.of(by_value, grouping)


def _projections(found: dict[str, str], columns: Mapping[str, str], key_column: str) -> list[Sequence[str]]:
    """The columns counted together: the key, full-pay relevance, the bonus and the pay."""
    return [_used_columns(found, columns, key_column)]


def _tallied(pay_counts: Counter[tuple[str, ...]], bonus_counts: Counter[tuple[str, ...]], names: list[str],
             key: _Key[_T]) -> dict[_KeyValue, PayTally]:
    """Headcounts per key value, distinct hourly rate (full-pay relevant) and bonus (when paid), from
    the rows per distinct key, full-pay relevance and pay, and per distinct key and bonus.

    ``names`` are the file's names of the key, full_pay_relevant, bonus_pay and pay columns.
    """
    values: Memo[str, _KeyValue] = Memo(in_column(names[0], cast("Callable[[str], _KeyValue]", key.parse)))
    flags = Memo(in_column(names[1], flag))
    bonus_of = _ratios(names[2], {text for _, text in bonus_counts})
    relevant: dict[_KeyValue, int] = {}
    paid_bonus: defaultdict[_KeyValue, dict[_Ratio, int]] = defaultdict(dict)
    for (key_text, bonus_text), count in bonus_counts.items():
        value = values[key_text]
        relevant[value] = relevant.get(value, 0) + count
        bonus = bonus_of[bonus_text]
        if bonus and bonus[0]:
            bonuses = paid_bonus[value]
            bonuses[bonus] = bonuses.get(bonus, 0) + count
    if not relevant:
        raise IrregularRows  # no employees: the row by row reading says so
    paid_hourly: defaultdict[_KeyValue, dict[_Ratio, int]] = defaultdict(dict)
    if len(names) == 4:  # hourly pay as given
        rate_of = _ratios(names[3], {cells[2] for cells in pay_counts})
        for (key_text, flag_text, rate_text), count in pay_counts.items():
            if flags[flag_text]:
                rate = rate_of[rate_text]
                if rate is None:
                    raise StaffFileError(None, None, "blank pay")  # the row by row reading names the line
                rates = paid_hourly[values[key_text]]
                rates[rate] = rates.get(rate, 0) + count
    else:
        hourly_pay_of = _hourly_pay_reader(names[3:])
        for cells, count in pay_counts.items():
            full_pay_relevant = flags[cells[1]]
            hourly_pay = hourly_pay_of(cells[2:], full_pay_relevant)
            if full_pay_relevant:
                rates = paid_hourly[values[cells[0]]]
                ratio = hourly_pay.as_integer_ratio()  # type: ignore[union-attr]
                rates[ratio] = rates.get(ratio, 0) + count
    return {value: PayTally(headcount, PayDistribution.counted(Counter(paid_hourly[value])),
                            PayDistribution.counted(Counter(paid_bonus[value])))
            for value, headcount in relevant.items()}


_PENNIES = r"^[0-9]{1,12}(?:\.[0-9]{1,2})?$"
"""An amount in pounds and at most two places of pence, as nearly every file writes them: read in native code
as a whole number of pence, which is exactly its value. (It is read as the nearest double, within a part in 2**53,
times 100: under 10**14 pence that is within 0.03 of the whole number, so rounding gives it exactly.)"""


_KEY_PLACE = 10**15
"""Key values and amounts in pence (under 10**14) counted together as one whole number: key x this + pence."""


def _tallied_natively(rows: Any, names: list[str], key: _Key[_T],
                      grouping: Grouping | None = None) -> _Tallies:
    """As ``_tallied``, from polars' distinct rows (key, full-pay relevance, bonus and hourly pay, with their
    ``len``), going on in native code: only the distinct keys and flags, and the amounts not written as pounds
    and pence (blank ones, ``£1,234.50``), are read in Python, each once.

    Amounts are summed per key value (per group of ``grouping``, when given: ``_tally``) and whole number of
    pence, and sorted, by polars; in Python each value or group gets its pay distribution from those ordered
    lists, without parsing, merging or sorting. A bad cell raises ``StaffFileError`` without its line, as
    ``_tallied`` does.
    """
    import polars as pl

    key_text, flag_text, bonus_text, rate_text = rows.columns[:4]
    values = Memo(in_column(names[0], cast("Callable[[str], _KeyValue]", key.parse)))
    key_texts = rows[key_text].unique().to_list()
    found = [values[text] for text in key_texts]
    kept = list(dict.fromkeys(found))  # each key value once, numbered in that order
    flag_texts = rows[flag_text].unique().to_list()
    flag_of = in_column(names[1], flag)
    rows = rows.with_columns(
        pl.col(key_text).replace_strict(key_texts, [kept.index(value) for value in found],
                                        return_dtype=pl.Int64).alias("key"),
        pl.col(flag_text).replace_strict(flag_texts, [flag_of(text) for text in flag_texts],
                                         return_dtype=pl.Boolean).alias("flag"),
        *(pl.col(column).str.contains(_PENNIES).alias(f"{column} in pence") for column in (bonus_text, rate_text)),
    )
    hourly_odd = _odd_amounts(rows, rate_text, names[3])
    bonus_odd = _odd_amounts(rows, bonus_text, names[2])
    relevant = dict(rows.group_by("key").agg(pl.col("len").sum()).iter_rows())
    if not relevant:
        raise IrregularRows  # no employees: the row by row reading says so
    members = _members(kept, grouping)
    hourly = _distributions(rows.lazy().filter("flag"), rate_text, hourly_odd, names[3], True, members)
    bonuses = _distributions(rows.lazy(), bonus_text, bonus_odd, names[2], False, members)
    nobody = PayDistribution.counted(Counter())
    if members is None:
        return {kept[index]: PayTally(headcount, hourly.get(index, nobody), bonuses.get(index, nobody))
                for index, headcount in relevant.items()}
    tallies = {name: PayTally(sum(relevant.get(index, 0) for index in indexes), hourly.get(group, nobody),
                              bonuses.get(group, nobody))
               for group, (name, indexes) in enumerate(members.items())}
    undisclosed = tallies.pop(NOT_DISCLOSED)
    return GroupTallies(tallies, undisclosed, sum(relevant.values()))


def _members(kept: list[_KeyValue], grouping: Grouping | None) -> dict[str, list[int]] | None:
    """The key values (numbered as in ``kept``) of each group of ``grouping``, then of ``NOT_DISCLOSED`` (None);
    None without a grouping: each value is then counted on its own."""
    if grouping is None:
        return None
    groups: dict[str, Collection[_KeyValue]] = {**grouping.groups, NOT_DISCLOSED: (None,)}
    return {name: [index for index, value in enumerate(kept) if value in values] for name, values in groups.items()}


def _odd_amounts(rows: Any, column: str, name: str) -> dict[str, _Ratio | None]:
    """The distinct amounts of a column not written as pounds and pence (``_PENNIES``), read in Python:
    exact ratios, None when blank; a ``StaffFileError`` for a bad one, without its line."""
    import polars as pl

    odd = rows.lazy().filter(~pl.col(f"{column} in pence")).select(pl.col(column).unique()).collect()
    return _ratios(name, set(odd[column].to_list()))


def _distributions(rows: Any, column: str, odd: dict[str, _Ratio | None], name: str,
                   required: bool, members: dict[str, list[int]] | None) -> dict[int, PayDistribution]:
    """Each key's distribution of the amounts in ``column`` of the distinct rows (a polars LazyFrame, with their
    ``key`` and ``len``): a blank amount is an error when ``required`` (hourly pay of the full-pay relevant), else not
    counted (no bonus), as is a bonus of 0 when not ``required``. With ``members``, each group's instead
    (numbered in their order): the rows of a key in several groups count in each.
    """
    import polars as pl

    in_pence = pl.col(f"{column} in pence")
    pence = (pl.col(column).cast(pl.Float64) * 100).round().cast(pl.Int64)
    counted = (rows.filter(in_pence).select("key", pence.alias("pence"), "len")
               .filter(pl.lit(required) | (pl.col("pence") > 0)))
    summed = _summed(counted)
    if members is not None:  # summed per key before the keys are repeated for each of their groups
        summed = _summed(_per_group(summed.select("key", "pence", "len"), members))
    summed = summed.sort("place").collect()
    distributions: dict[int, PayDistribution] = {}
    amounts, counts, start = summed["pence"].to_list(), summed["len"].to_list(), 0
    for size, index in summed["key"].rle().struct.unnest().iter_rows():  # each key's run of amounts, in order
        distributions[index] = PayDistribution.scaled(amounts[start:start + size], counts[start:start + size], 100)
        start += size
    others = rows.filter(~in_pence).select("key", column, "len")
    blank = [text for text, ratio in odd.items() if ratio is None]
    if required and blank and others.filter(pl.col(column).is_in(blank)).select(pl.len()).collect().item():
        raise _blank_pay_error(name)
    counted_here = [text for text, ratio in odd.items() if ratio is not None and (required or ratio[0])]
    extra: defaultdict[int, dict[_Ratio, int]] = defaultdict(dict)
    odd_rows = _per_group(others.filter(pl.col(column).is_in(counted_here)), members).collect()
    for index, amount, count in odd_rows.iter_rows():
        ratio = cast("_Ratio", odd[amount])
        counted = extra[index]
        counted[ratio] = counted.get(ratio, 0) + count
    for index, counted in extra.items():
        merged = Counter(counted)
        if index in distributions:
            merged.update(distributions[index].headcounts)
        distributions[index] = PayDistribution.counted(merged)
    return distributions


def _summed(rows: Any) -> Any:
    """The rows (a polars LazyFrame of ``key``, ``pence`` and ``len``) per key and amount, their ``len`` summed."""
    import polars as pl

    place = pl.col("key") * _KEY_PLACE + pl.col("pence")  # one whole number: faster to group than two
    return (rows.group_by(place.alias("place")).agg(pl.col("len").sum())
            .select((pl.col("place") // _KEY_PLACE).alias("key"), (pl.col("place") % _KEY_PLACE).alias("pence"),
                    "len", "place"))


def _per_group(rows: Any, members: dict[str, list[int]] | None) -> Any:
    """The rows (a polars LazyFrame) with each key's group (numbered in the order of ``members``) as their key,
    once per group holding the key; as they are without ``members``."""
    import polars as pl

    if members is None:
        return rows
    keys = [(index, group) for group, indexes in enumerate(members.values()) for index in indexes]
    membership = pl.LazyFrame(keys, schema={"key": pl.Int64, "group": pl.Int64}, orient="row")
    return rows.join(membership, on="key").drop("key").rename({"group": "key"}).select(rows.collect_schema().names())


_PLAIN_AMOUNT = re.compile(r"\d{1,15}(?:\.\d{1,15})?").fullmatch
"""An amount in digits alone, as most files write them: read without the checks of ``_amount``."""


def _ratios(column: str, texts: set[str]) -> dict[str, _Ratio | None]:
    """Each distinct amount of a column as an exact ratio (None when blank); a ``StaffFileError`` for
    a bad one, without its line."""
    ratios: dict[str, _Ratio | None] = {
        text: Decimal(text).as_integer_ratio() for text in texts if _PLAIN_AMOUNT(text)}
    amount_of = in_column(column, _amount)
    for text in texts - ratios.keys():
        amount = amount_of(text)
        ratios[text] = None if amount is None else amount.as_integer_ratio()
    return ratios


def implausible_pay(
    source: str | os.PathLike[str] | TextIO,
    tallies: Mapping[_KeyValue, PayTally],
    bound: Decimal,
    key_column: str = "sex",
    columns: Mapping[str, str] | None = None,
) -> str | None:
    """A warning naming the lines of full-pay relevant staff paid more than ``bound`` an hour, or None.

    Such pay is most likely a slip (a misplaced decimal point, a yearly salary in the hourly column),
    and every figure is built on it. The tallies say whether there is any; only then is the file
    (``source``, read as the tallies were, by ``key_column``) read again to find the lines.
    """
    highest = [Fraction(*tally.hourly_rates.ascending[-1]) for tally in tallies.values() if tally.hourly_rates.total]
    if not highest or max(highest) <= bound:
        return None
    if not isinstance(source, (str, os.PathLike)):
        source.seek(0)
    key = _Key(CHARACTERISTIC_COLUMNS.get(key_column, key_column), lambda _text: None, StaffMember)
    lines = [line for line, member in read_numbered_rows(source, (key.column, *_PAY_COLUMNS), columns or {},
                                                           _row_reader(columns or {}, key))
             if member.full_pay_relevant and member.hourly_pay is not None and member.hourly_pay > bound]
    named = [str(line) for line in lines[:10]] + ([f"{len(lines) - 10:,} more"] if len(lines) > 10 else [])
    shown_lines = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return (f"Hourly pay above £{bound:,.2f} on line{'s' if len(lines) > 1 else ''} {shown_lines}: check"
            " those cells (a misplaced decimal point, or a yearly salary in the hourly pay) and correct them;"
            " every figure is built on them.")


def _check_mapped(columns: Mapping[str, str]) -> None:
    unknown = sorted(set(columns) - set(COLUMN_NAMES))
    if unknown:
        raise StaffFileError(
            None,
            None,
            f"There is no column called {unknown[0]!r} to map: use {', '.join(COLUMN_NAMES)}.",
        )


def _ethnicity_reader() -> Callable[[str], str | None]:
    """An NHS ethnic category code (None: not known or not stated) through the shipped mapping."""
    from ..extracts.mapping import load_mapping

    mapping = load_mapping()

    def code_of(text: str) -> str | None:
        code = mapping.meaning("ethnicity", text, mappable=False)
        return None if code in UNKNOWN_CODES else code

    return code_of


def _read(source: str | os.PathLike[str] | TextIO, columns: Mapping[str, str] | None, key: _Key[_T]) -> list[_T]:
    """The rows of the file through the shared CSV reader: the key column, then the pay columns."""
    columns = columns or {}
    _check_mapped(columns)
    employees = list(read_rows(source, (key.column, *_PAY_COLUMNS), columns, _row_reader(columns, key)))
    if not employees:
        raise StaffFileError(
            None, None, "The file has a header but no employees: add one line per employee."
        )
    return employees


def _row_reader(
    columns: Mapping[str, str], key: _Key[_T]
) -> Callable[[dict[str, str]], Callable[[tuple[str, ...]], _T]]:
    """From the columns found, the reader of a row: the key column (e.g. sex), full_pay_relevant,
    bonus_pay, then the pay.

    Rows with the same cells share one (immutable) employee.
    """

    def reader(found: dict[str, str]) -> Callable[[tuple[str, ...]], _T]:
        used = _used_columns(found, columns, key.column)
        indexes = [list(found).index(ours) for ours in used]
        employee_by_cells = Memo(_employee_reader([found[ours] for ours in used], key))
        return lambda cells: employee_by_cells[tuple(cells[index] for index in indexes)]

    return reader


def _used_columns(found: dict[str, str], columns: Mapping[str, str], key_column: str) -> Sequence[str]:
    """The columns a row is read from: the key column (e.g. sex), full_pay_relevant, bonus_pay, then the
    pay (hourly_pay, or what derives it); ``MissingColumn`` for one the file lacks."""
    pay_columns = ("hourly_pay",) if "hourly_pay" in found else _DERIVED_PAY_COLUMNS
    needed = (key_column, "full_pay_relevant", "bonus_pay", *pay_columns)
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
    return (*needed, *optional)


def _employee_reader(names: list[str], key: _Key[_T]) -> Callable[[tuple[str, ...]], _T]:
    """A function from a row's cells (key, full-pay relevance, bonus, then pay) to its employee.

    ``names`` are the file's names of those columns, for error messages.
    """
    values = Memo(in_column(names[0], key.parse))
    build = key.build
    flags = Memo(in_column(names[1], flag))
    bonuses = Memo(in_column(names[2], _amount))
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


def _sex_reader(exclude_other: bool) -> Callable[[str], RecordedSex]:
    """Reads a sex; "other" (neither male nor female, or not known) only when ``exclude_other``."""

    def sex_of(text: str) -> RecordedSex:
        sex = _SEXES.get(_words(text))
        if sex is None:
            raise ValueError(
                f"{shown(text)} is not a sex equitykit knows: write male or female (or M or F)."
            )
        if sex == "other" and not exclude_other:
            raise ValueError(
                f"{shown(text)} is neither male nor female: the gender pay gap compares men and women."
                " Add --exclude-other to leave such staff out (their number is shown), as GOV.UK"
                " guidance allows."
            )
        return sex

    return sex_of


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
        return _plain_number(Decimal(text), text)
    except InvalidOperation:
        return _formatted_number(text)


def _plain_number(number: Decimal, text: str) -> Decimal:
    """The number read, unless it is not finite (``NaN``, ``Infinity``) or in scientific notation
    (``1e5``: a spreadsheet writes one for a cell it has taken for a large number)."""
    if not number.is_finite():
        raise ValueError(
            f"{shown(text)} is not a number of pounds: write the amount, like 1234.56, or leave the cell blank"
            " where that is allowed.")
    if "e" in text or "E" in text:
        raise ValueError(
            f"{shown(text)} is in scientific notation: write the amount in full, like 1234.56 (in Excel, format the"
            " column as Number with 2 decimal places before saving as CSV).")
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
        return _plain_number(Decimal(sign + digits), text)
    except InvalidOperation:
        raise ValueError(_not_a_number(text)) from None


def _not_a_number(text: str) -> str:
    return (
        f"{shown(text)} is not a number: write amounts like 1234.56 (a leading £ and thousands"
        " separators are fine)."
    )
