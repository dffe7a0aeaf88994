"""The fast reading of a staff file (distinct rows counted, by polars or the csv module, each distinct
cell parsed once, in native code or in Python) against the straightforward one (every row read, one
employee each): the same tallies, figures and errors on any file, good or bad."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import odd_csv
from equitykit.extracts import csvfile
from equitykit.metrics import staffcsv
from equitykit.metrics.diversity_paygap import GroupTallies, diversity_pay_gaps, diversity_pay_gaps_of, grouping
from equitykit.metrics.paygap import (
    PayDistribution,
    PayGapInputError,
    PayTally,
    exact_mean,
    exact_median,
    pay_gap_figures,
    pay_gap_figures_of,
    pay_tally,
    quartile_headcounts,
)
from equitykit.metrics.staffcsv import (
    StaffFileError,
    read_staff_csv,
    read_staff_groups,
    tally_staff_csv,
    tally_staff_grouped,
    tally_staff_groups,
)
from pay_engines import tallied_in_python

ENGINES = ("native", "polars", "csv")

SEXES = st.sampled_from(["male", "female", "M", "F", " f ", "Woman", "x", "other", "zz", ""])
FLAGS = st.sampled_from(["true", "false", "Y", "n", "1", "0", "yes", "maybe", ""])
ETHNICITIES = st.sampled_from(["A", "B", "C", "H", "R Chinese", "White - British", "Z", "", "not stated", "Q"])
PENCE = st.builds(lambda pounds, pence, zeros: "0" * zeros + f"{pounds}{pence}",
                  st.integers(0, 10**12 - 1) | st.integers(0, 300),
                  st.sampled_from(["", ".5", ".29", ".07", ".99", ".0"]), st.integers(0, 1))
"""Pounds and pence as native code reads them: up to 12 digits of pounds (leading zeros too), 0 to 2 of pence."""
GOOD_AMOUNTS = st.one_of(
    st.decimals(min_value=0, max_value=200, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["15", "15.5", "15.50", "£17.25", "1,234.56", "", "0", "0.00", "12.345", "1.005", "017.",
                     ".5", "999999999999.99", "9999999999999", " 12.50", "0.10000000000000001"]),
    PENCE,
)
BAD_AMOUNTS = st.sampled_from(["1e5", "1E-2", "1e400", "NaN", "inf", "-Infinity", "-3.20", "£-1", "9" * 25,
                               "99999999999999999999.99", "12,34", "abc", "1.2.3"])
AMOUNTS = st.one_of(GOOD_AMOUNTS, GOOD_AMOUNTS, GOOD_AMOUNTS, BAD_AMOUNTS)
ROW = st.tuples(SEXES, FLAGS, AMOUNTS, AMOUNTS, ETHNICITIES, st.sampled_from(["Wards", "HR", "", "a,b"]))
ODDITIES = st.sampled_from(odd_csv.ODDITIES)


def _staff_file(rows: list[tuple[str, ...]], oddities: list[str], crlf: bool, quoted: bool) -> str:
    """A staff file of the rows (sex, flag, hourly, bonus, ethnicity, team), with the odd lines asked for."""
    header = "Sex,Full pay relevant,hourly_pay,bonus_pay,ethnicity,team"
    return odd_csv.csv_text(header, rows, oddities, crlf=crlf, quoted=quoted, short=3)


def _reference(read, tallied, path: Path, *args):
    """The straightforward reading: every row an employee, grouped, then tallied; or its error."""
    try:
        staff = read(path, *args)
    except StaffFileError as error:
        return ("error", str(error))
    groups: defaultdict[object, list] = defaultdict(list)
    for member in staff:
        groups[getattr(member, "sex", getattr(member, "value", None))].append(member)
    return tallied(groups)


def _fast(tally, path: Path, *args):
    try:
        return tally(path, *args)
    except StaffFileError as error:
        return ("error", str(error))


def _tallies(groups) -> dict[object, PayTally]:
    try:
        return {value: pay_tally(members) for value, members in groups.items()}
    except PayGapInputError as error:
        return ("invalid", str(error))  # type: ignore[return-value]


@pytest.fixture(params=ENGINES)
def engine(request, monkeypatch):
    """Each way of counting: polars going on in native code (where it may be used), polars' counts read
    in Python, then Python's csv module alone."""
    if request.param == "polars":
        monkeypatch.setattr(staffcsv, "_tallied_natively", tallied_in_python)
    if request.param == "csv":
        monkeypatch.setattr(csvfile, "_distinct_by_polars", lambda *args: None)
    return request.param


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(ROW, max_size=25), oddities=st.lists(ODDITIES, max_size=3), crlf=st.booleans(),
       quoted=st.booleans(), exclude_other=st.booleans())
def test_fast_tallies_equal_the_straightforward_reading(tmp_path_factory, engine, rows, oddities, crlf, quoted,
                                                        exclude_other):
    path = tmp_path_factory.mktemp("staff") / "staff.csv"
    path.write_text(_staff_file(rows, oddities, crlf, quoted), encoding="utf-8", newline="")
    expected = _reference(lambda p: read_staff_csv(p, exclude_other=exclude_other), _tallies, path)
    assert _fast(lambda p: tally_staff_csv(p, exclude_other=exclude_other), path) == expected
    expected = _reference(lambda p: read_staff_groups(p, "ethnicity"), _tallies, path)
    assert _fast(lambda p: tally_staff_groups(p, "ethnicity"), path) == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["M", "F"]), st.sampled_from(["Y", "N"]), GOOD_AMOUNTS,
                               GOOD_AMOUNTS, st.sampled_from(["A", "B", "C", "H", "Z", ""]), st.just("Wards")),
                     min_size=1, max_size=40))
def test_fast_figures_equal_the_straightforward_ones(tmp_path_factory, engine, rows):
    rows = [(sex, flag, hourly or "10", bonus, ethnicity, team) for sex, flag, hourly, bonus, ethnicity, team in rows]
    path = tmp_path_factory.mktemp("staff") / "staff.csv"
    path.write_text(_staff_file(rows, [], False, False), encoding="utf-8")
    tallies = tally_staff_csv(path)
    nobody = PayTally.merged([])
    assert pay_gap_figures_of(tallies.get("male", nobody), tallies.get("female", nobody)) == pay_gap_figures(
        read_staff_csv(path))
    groups = grouping("ethnicity", "white-british")
    assert diversity_pay_gaps_of(tally_staff_groups(path, "ethnicity"), groups) == diversity_pay_gaps(
        read_staff_groups(path, "ethnicity"), groups)


GOOD_ETHNICITIES = st.sampled_from(["A", "B", "C", "D", "H", "M", "R Chinese", "White - British", "Z", ""])
DISABILITIES = st.sampled_from(["Y", "N", "", "not declared"])
ORIENTATIONS = st.sampled_from(["1", "2", "3", "4", "U", "", "Gay"])
GROUPED_ROW = st.tuples(FLAGS, AMOUNTS, AMOUNTS, ETHNICITIES, DISABILITIES | st.just("maybe"),
                        ORIENTATIONS | st.just("zz"), st.sampled_from(["Wards", "a,b"]))
GOOD_GROUPED_ROW = st.tuples(st.sampled_from(["Y", "N"]), GOOD_AMOUNTS.filter(bool), GOOD_AMOUNTS, GOOD_ETHNICITIES,
                             DISABILITIES, ORIENTATIONS, st.just("Wards"))
GROUPINGS = [grouping("ethnicity", "white-british"), grouping("ethnicity", "white"), grouping("disability"),
             grouping("sexual-orientation")]


def _grouped_as_merged(path: Path, rows: list[tuple[str, ...]], oddities: list[str], crlf: bool, quoted: bool):
    header = "full_pay_relevant,hourly_pay,bonus_pay,ethnicity,disability,sexual_orientation,team"
    path.write_text(odd_csv.csv_text(header, rows, oddities, crlf=crlf, quoted=quoted, short=2), encoding="utf-8",
                    newline="")
    for groups in GROUPINGS:
        by_value = _reference(lambda p, c=groups.characteristic: read_staff_groups(p, c), _tallies, path)
        expected = by_value if not isinstance(by_value, dict) else GroupTallies.of(by_value, groups)
        assert _fast(lambda p, g=groups: tally_staff_grouped(p, g), path) == expected, groups.groups


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(GROUPED_ROW, max_size=25), oddities=st.lists(ODDITIES, max_size=2), crlf=st.booleans(),
       quoted=st.booleans())
def test_group_tallies_equal_the_values_tallies_merged(tmp_path_factory, engine, rows, oddities, crlf, quoted):
    """Each group's pay as the reader merges it (in native code where polars reads the file) is the
    straightforward reading's values' pay merged into the groups, or the same error: every --by, both
    ethnicity references."""
    _grouped_as_merged(tmp_path_factory.mktemp("staff") / "staff.csv", rows, oddities, crlf, quoted)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(GOOD_GROUPED_ROW, min_size=1, max_size=40), crlf=st.booleans())
def test_group_tallies_of_good_files_equal_the_values_tallies_merged(tmp_path_factory, engine, rows, crlf):
    """As above, on files with no bad cell, which the fast ways read to the end."""
    _grouped_as_merged(tmp_path_factory.mktemp("staff") / "staff.csv", rows, [], crlf, False)


def test_a_distribution_in_pence_is_the_same_as_in_ratios() -> None:
    """The form a staff file read in native code gives (whole pence from lowest to highest) holds the same
    amounts, mean and median as the exact ratios, however many places the amounts have."""
    pence = PayDistribution.scaled([0, 5, 50, 1000, 1999, 123456789], [1, 2, 1, 3, 1, 1], 100)
    ratios = PayDistribution.of([D("0"), D("0.05"), D("0.05"), D("0.5"), D("10"), D("10"), D("10.00"), D("19.99"),
                                 D("1234567.89")])
    assert pence == ratios and pence.ascending == ratios.ascending and pence.total == ratios.total == 9
    assert pence.headcounts == ratios.headcounts
    assert (exact_mean(pence), exact_median(pence)) == (exact_mean(ratios), exact_median(ratios))
    assert exact_median(pence) == 10 and exact_mean(pence) == Fraction(123456789 + 1999 + 3000 + 50 + 10, 900)
    assert PayDistribution.scaled([7], [2], 100) != PayDistribution.scaled([7], [3], 100)
    other = [D("0.05"), D("7"), D("10")]
    nobody = PayDistribution.counted(Counter())
    expected = quartile_headcounts([ratios, PayDistribution.of(other), nobody])
    assert quartile_headcounts([pence, PayDistribution.scaled([5, 700, 1000], [1, 1, 1], 100), nobody]) == expected
    assert quartile_headcounts([pence, PayDistribution.of(other), nobody]) == expected  # the two forms together


def _polars_counts(path: Path, width: int, used: list[list[int]]):
    frames = csvfile._distinct_by_polars(path, 1, width, used, None)
    return None if frames is None else [csvfile.counts_of(frame.get_columns()) for frame in frames]


def test_polars_counts_plain_files_and_leaves_the_others_to_the_csv_module(tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text("sex,full_pay_relevant,hourly_pay,bonus_pay\nM,Y,10,\nF,Y,10,\nM,Y,10,\n")
    used = [[0, 1, 2]]
    assert _polars_counts(plain, 4, used) == [{("M", "Y", "10"): 2, ("F", "Y", "10"): 1}]
    for name, text in {
        "quoted": 'M,Y,"10",\n',
        "short": "M,Y\nF,Y,10,,\n",
        "short, the last cell read": "M,Y,10,1\nF,Y\n",
        "blank": "M,Y,10,\n\nF,Y,10,\n",
        "spaces": "M,Y,10,1\n   \nF,Y,10,1\n",
        "lone return": "M,Y,10,\rF,Y,10,\n",
        "lone return, the rest carriage returns and new lines": "M,Y,10,1\r\nF,Y\r10,1\r\n",
        "return ending the file": "M,Y,10,1\r",
        "nul": "M,Y,10\0,\n",
    }.items():
        path = tmp_path / "odd.csv"
        path.write_text("sex,full_pay_relevant,hourly_pay,bonus_pay\n" + text, newline="")
        assert _polars_counts(path, 4, used) is None, name
        assert _polars_counts(path, 4, [[0, 1, 2, 3]]) is None, name
    crlf = tmp_path / "crlf.csv"
    crlf.write_bytes(b"sex,full_pay_relevant,hourly_pay,bonus_pay\r\nM,Y,10,\r\nF,Y,10,2\r\n")
    assert _polars_counts(crlf, 4, [[0, 3]]) == [{("M", ""): 1, ("F", "2"): 1}]


def test_progress_is_told_up_to_the_whole_file(tmp_path: Path, engine) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("sex,full_pay_relevant,hourly_pay,bonus_pay\n" + "M,Y,10,\nF,N,,5\n" * 50)
    told: list[tuple[int, int]] = []
    tally_staff_csv(path, progress=lambda done, size: told.append((done, size)))
    assert told and told[-1] == (path.stat().st_size, path.stat().st_size)
