"""Ethnicity, disability and sexual orientation pay gaps: hand-checked figures, groups, ties, small groups,
and every way a staff file may write each characteristic."""

from __future__ import annotations

import io
import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from equitykit.metrics.diversity_paygap import (
    StaffMember,
    default_reference,
    diversity_pay_gaps,
    gap_reading,
    grouping,
    published,
)
from equitykit.metrics.paygap import PayDistribution, quartile_headcounts
from equitykit.metrics.staffcsv import StaffFileError, read_staff_csv, read_staff_groups

D = Decimal


def member(value: str | None, rate: str, bonus: str = "0", full_pay: bool = True) -> StaffMember:
    return StaffMember(value, full_pay, D(rate), D(bonus))


ETHNICITY = [
    member("A", "10", "100"), member("B", "12", "300"), member("C", "14"), member("A", "16"),
    member("H", "9", "100"), member("M", "11"), member("D", "13"), member("R", "15"),
    member(None, "20"),
]
"""White (A, B, C): 10, 12, 14, 16: mean = median = 13; bonuses 100 and 300 (2 of 4): mean = median = 200.
Ethnic minority (H, M, D, R): 9, 11, 13, 15: mean = median = 12; one bonus of 100 (1 of 4).
One person did not disclose (Z), paid 20.
Gaps: ethnic minority (13 - 12)/13 = 7.69% -> 7.7; bonus (200 - 100)/200 = 50.0.
Asian (H, 9): (13 - 9)/13 = 30.77 -> 30.8, bonus 50.0; Black (M, 11): 15.38 -> 15.4, no bonus: 100 (GOV.UK
rule); Mixed (D, 13): 0.0; Other (R, 15): -15.4.
Quartiles of 9: 3 / 2 / 2 / 2. Ranked 9H 10A 11M | 12B 13D | 14C 15R | 16A 20Z."""


def test_ethnicity_figures_by_hand_against_white():
    result = published(diversity_pay_gaps(ETHNICITY, grouping("ethnicity", "white"), min_group=1))

    assert result["reference"] == "white"
    assert result["disclosure"] == {"disclosed": 8, "total": 9, "percent": 88.9}
    by_group = {c["group"]: c for c in result["comparisons"]}
    assert list(by_group) == ["ethnic-minority", "mixed", "asian", "black", "other"]
    assert by_group["ethnic-minority"] == {
        "group": "ethnic-minority", "headcount": 4, "reason": None,
        "figures": {"mean_hourly_gap": 7.7, "median_hourly_gap": 7.7, "mean_bonus_gap": 50.0,
                    "median_bonus_gap": 50.0, "group_bonus_percent": 25.0, "reference_bonus_percent": 50.0}}
    assert by_group["asian"]["figures"]["mean_hourly_gap"] == 30.8
    assert by_group["black"]["figures"]["median_hourly_gap"] == 15.4
    assert by_group["black"]["figures"]["mean_bonus_gap"] == 100.0
    assert by_group["mixed"]["figures"]["mean_hourly_gap"] == 0.0
    assert by_group["other"]["figures"]["mean_hourly_gap"] == -15.4
    assert result["quartiles"] == {
        "lower": {"white": 33.3, "ethnic-minority": 66.7, "not-disclosed": 0.0},
        "lower_middle": {"white": 50.0, "ethnic-minority": 50.0, "not-disclosed": 0.0},
        "upper_middle": {"white": 50.0, "ethnic-minority": 50.0, "not-disclosed": 0.0},
        "upper": {"white": 50.0, "ethnic-minority": 0.0, "not-disclosed": 50.0},
    }


def test_white_british_reference_compares_white_irish_and_white_other_too():
    result = published(diversity_pay_gaps(ETHNICITY, grouping("ethnicity", "white-british"), min_group=1))

    groups = [c["group"] for c in result["comparisons"]]
    assert groups == ["ethnic-minority", "white-irish", "white-other", "mixed", "asian", "black", "other"]
    # White British: A 10 and 16, mean 13; everyone else disclosed: 12 14 9 11 13 15, mean 74/6
    # (13 - 74/6)/13 = 5.13% -> 5.1
    assert result["comparisons"][0]["figures"]["mean_hourly_gap"] == 5.1
    assert set(result["quartiles"]["lower"]) == {"white-british", "ethnic-minority", "not-disclosed"}


def test_the_ons_disability_example_gives_12_7_percent():
    """ONS, disability pay gaps 2023: median £15.69 (not disabled) against £13.69 (disabled) is 12.7%."""
    staff = [member("not-disabled", "15.69")] * 11 + [member("disabled", "13.69")] * 11

    comparison = diversity_pay_gaps(staff, grouping("disability")).comparisons[0]

    assert comparison.group == "disabled"
    assert comparison.figures.median_hourly_gap.value == D("12.7")  # 2 / 15.69 = 12.747...
    assert comparison.figures.mean_hourly_gap.value == D("12.7")


def test_a_group_below_min_group_is_not_compared_with_the_reason():
    staff = [member("heterosexual", "15")] * 12 + [member("bisexual", "14")] * 9

    result = diversity_pay_gaps(staff, grouping("sexual-orientation"))

    comparison = result.comparisons[0]
    assert comparison.group == "lgb-plus" and comparison.headcount == 9
    assert all(getattr(comparison.figures, name).value is None for name in (
        "mean_hourly_gap", "median_hourly_gap", "mean_bonus_gap", "median_bonus_gap",
        "group_bonus_percent", "reference_bonus_percent"))
    assert comparison.reason is not None and "fewer than 10 full-pay relevant staff" in comparison.reason
    compared = diversity_pay_gaps(staff, grouping("sexual-orientation"), min_group=9).comparisons[0]
    assert compared.figures.mean_hourly_gap.value == D("6.7")  # (15 - 14)/15


def test_a_group_with_no_full_pay_staff_is_not_compared_even_with_min_group_0():
    staff = [member("not-disabled", "10")] * 3 + [member("disabled", "9", full_pay=False)]

    comparison = diversity_pay_gaps(staff, grouping("disability"), min_group=0).comparisons[0]

    assert comparison.headcount == 0 and comparison.figures.mean_hourly_gap.value is None
    assert comparison.reason is not None and "fewer than 1 full-pay relevant staff" in comparison.reason


def test_not_disclosed_staff_are_in_the_quartiles_and_the_disclosure_rate_but_no_gap():
    staff = [member("not-disabled", "10")] * 10 + [member("disabled", "10")] * 10 + [member(None, "1")] * 5

    result = diversity_pay_gaps(staff, grouping("disability"))

    assert result.comparisons[0].figures.mean_hourly_gap.value == D("0.0")  # the undisclosed 1s are left out
    assert (result.disclosed, result.total, result.disclosure.value) == (20, 25, D("80.0"))
    assert result.quartile_counts["lower"]["not-disclosed"] == 5


def test_no_bonus_paid_to_anyone_leaves_bonus_gaps_null_with_the_reason():
    staff = [member("not-disabled", "10")] * 10 + [member("disabled", "9")] * 10

    comparison = published(diversity_pay_gaps(staff, grouping("disability")))["comparisons"][0]

    assert comparison["figures"]["mean_bonus_gap"] is None
    assert comparison["figures"]["group_bonus_percent"] == 0.0
    assert "No one in the reference group was paid a bonus" in comparison["reason"]


def test_a_tie_block_across_quartile_boundaries_is_shared_out_for_four_groups():
    """4 of group A on rate 1, then 8 on rate 2 (2 of each group A-D). 12 places: bands of 3.

    The block holds places 5-12: 2 in the lower middle band, 3 in the upper middle, 3 in the upper.
    A's 2 by largest remainder over 2:3:3 (0.5, 0.75, 0.75): one each to upper middle and upper;
    B's 2 over the free 2:2:2: lower middle and upper middle; C's 2 over 1:1:2: lower middle and upper;
    D fills the rest: upper middle and upper.
    """
    groups = [
        PayDistribution.of([D(1)] * 4 + [D(2)] * 2),
        PayDistribution.of([D(2)] * 2),
        PayDistribution.of([D(2)] * 2),
        PayDistribution.of([D(2)] * 2),
    ]

    assert quartile_headcounts(groups) == [(3, 0, 0, 0), (1, 1, 1, 0), (1, 1, 0, 1), (1, 0, 1, 1)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(1, 4), max_size=12), min_size=1, max_size=5))
def test_quartile_headcounts_fill_every_band_and_keep_every_group(rates_by_group):
    groups = [PayDistribution.of([D(rate) for rate in rates]) for rates in rates_by_group]

    bands = quartile_headcounts(groups)

    total = sum(map(len, rates_by_group))
    base, spare = divmod(total, 4)
    assert [sum(band) for band in bands] == [base + (spare >= 1), base + (spare >= 3), base + (spare >= 2), base]
    assert [sum(column) for column in zip(*bands, strict=True)] == list(map(len, rates_by_group))
    assert all(count >= 0 for band in bands for count in band)


VALUES = ("A", "B", "H", "M", "Z", None, "not-disabled", "disabled", "heterosexual", "bisexual")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "C", "D", "K", "N", "S", None]), st.integers(800, 2400),
                          st.integers(0, 3), st.booleans()), min_size=1, max_size=60),
       st.randoms(use_true_random=False))
def test_shuffling_the_staff_changes_nothing(rows, shuffler: random.Random):
    staff = [StaffMember(value, full_pay, D(pence) / 100, D(bonus * 250)) for value, pence, bonus, full_pay in rows]
    shuffled = list(staff)
    shuffler.shuffle(shuffled)
    groups = grouping("ethnicity", "white-british")

    assert diversity_pay_gaps(shuffled, groups, min_group=1) == diversity_pay_gaps(staff, groups, min_group=1)


def test_the_reference_defaults_to_white_for_nhs_bodies_and_white_british_for_others():
    assert [default_reference(sector) for sector in ("nhs-trust", "nhs-foundation-trust", "icb")] == ["white"] * 3
    assert [default_reference(sector) for sector in ("local-authority", "other-public", None)] == [
        "white-british"] * 3


def test_gap_readings_say_the_direction_in_plain_english():
    staff = [member("not-disabled", "15.69")] * 11 + [member("disabled", "13.69")] * 11
    gap = diversity_pay_gaps(staff, grouping("disability")).comparisons[0].figures.median_hourly_gap.value
    reversed_gap = diversity_pay_gaps(
        [member("not-disabled", "13.69")] * 11 + [member("disabled", "15.69")] * 11, grouping("disability")
    ).comparisons[0].figures.median_hourly_gap.value

    assert gap_reading("disabled", "not-disabled", gap, "median hourly pay") == (
        "disabled staff's median hourly pay is 12.7% lower than that of not disabled staff.")
    assert "14.6% higher" in gap_reading("disabled", "not-disabled", reversed_gap, "median hourly pay")
    assert gap_reading("disabled", "not-disabled", 12.7, "mean hourly pay").endswith("is 12.7% lower than that of "
                                                                                       "not disabled staff.")
    assert gap_reading("disabled", "not-disabled", 0.0, "mean hourly pay").startswith("no gap")
    assert gap_reading("disabled", "not-disabled", None, "mean bonus pay", "Too few.") == (
        "the mean bonus pay gap cannot be computed. Too few.")


# --- every way of writing each column --------------------------------------------------------------


def read(column: str, cell: str, characteristic: str) -> str | None:
    text = f'{column},full_pay_relevant,bonus_pay,hourly_pay\n"{cell}",Y,0,10\n'
    return read_staff_groups(io.StringIO(text), characteristic)[0].value  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "code"), [
    ("A", "A"), ("a", "A"), (" A ", "A"), ("White - British", "A"), ("white british", "A"),
    ("A White - British", "A"), ("White \u2013 Irish", "B"), ("C", "C"), ("White - Any other White background", "C"),
    ("Mixed - White and Black Caribbean", "D"), ("Asian or Asian British - Indian", "H"),
    ("H Asian or Asian British - Indian", "H"), ("Mixed - White & Asian", "F"),
    ("Asian or Asian British: Pakistani", "J"),
    ("Black or Black British - African", "N"), ("Other Ethnic Groups - Chinese", "R"), ("S", "S"),
    ("Z", None), ("X", None), ("99", None), ("", None), ("Not stated", None), ("Z Not Stated", None),
    ("Prefer not to say", None), ("Not known", None),
])
def test_every_way_of_writing_ethnicity(cell: str, code: str | None):
    assert read("ethnicity", cell, "ethnicity") == code


@pytest.mark.parametrize(("cell", "value"), [
    ("Yes", "disabled"), ("Y", "disabled"), ("disabled", "disabled"), ("No", "not-disabled"),
    ("n", "not-disabled"), ("Not disabled", "not-disabled"), ("Non-disabled", "not-disabled"),
    ("Not declared", None), ("Not Declared", None), ("", None), ("Prefer not to answer", None),
    ("Unspecified", None),
])
def test_every_way_of_writing_disability(cell: str, value: str | None):
    assert read("disability", cell, "disability") == value


@pytest.mark.parametrize(("cell", "value"), [
    ("Heterosexual", "heterosexual"), ("Heterosexual or Straight", "heterosexual"), ("straight", "heterosexual"),
    ("1", "heterosexual"), ("Gay or Lesbian", "gay-or-lesbian"), ("Gay", "gay-or-lesbian"),
    ("Lesbian", "gay-or-lesbian"), ("2", "gay-or-lesbian"), ("Bisexual", "bisexual"), ("3", "bisexual"),
    ("Other", "other"), ("Other sexual orientation not listed", "other"), ("4", "other"),
    ("Not stated", None), ("Prefer not to say", None), ("", None), ("U", None), ("Undecided", None),
])
def test_every_way_of_writing_sexual_orientation(cell: str, value: str | None):
    assert read("sexual_orientation", cell, "sexual-orientation") == value


@pytest.mark.parametrize(("cell", "sex"), [
    ("M", "male"), ("male", "male"), ("Man", "male"), ("1", "male"),
    ("F", "female"), ("Female", "female"), ("woman", "female"), ("2", "female"),
])
def test_every_way_of_writing_sex(cell: str, sex: str):
    assert read_staff_csv(io.StringIO(f"sex,full_pay_relevant,bonus_pay,hourly_pay\n{cell},Y,0,10\n"))[0].sex == sex


@pytest.mark.parametrize(("cell", "flag"), [("Y", True), ("y", True), ("N", False), ("n", False),
                                             ("Yes", True), ("FALSE", False), ("1", True), ("0", False)])
def test_full_pay_relevant_accepts_esr_y_and_n(cell: str, flag: bool):
    staff = read_staff_csv(io.StringIO(f"sex,full_pay_relevant,bonus_pay,hourly_pay\nM,{cell},0,10\n"))
    assert staff[0].full_pay_relevant is flag


@pytest.mark.parametrize("cell", ["Other", "non-binary", "X", "I", "Not known"])
def test_a_sex_neither_male_nor_female_is_read_as_other_only_when_excluded(cell: str):
    text = f"sex,full_pay_relevant,bonus_pay,hourly_pay\nM,Y,0,10\n{cell},Y,0,10\n"

    assert read_staff_csv(io.StringIO(text), exclude_other=True)[1].sex == "other"
    with pytest.raises(StaffFileError) as caught:
        read_staff_csv(io.StringIO(text))
    assert (caught.value.row, caught.value.column) == (3, "sex")
    assert "--exclude-other" in caught.value.message


@pytest.mark.parametrize(("column", "characteristic", "cell", "phrase"), [
    ("ethnicity", "ethnicity", "Q", "is not an ethnicity equitykit knows"),
    ("ethnicity", "ethnicity", "White - Welsh", "is not an ethnicity equitykit knows"),
    ("disability", "disability", "maybe", "is not a disability answer equitykit knows"),
    ("sexual_orientation", "sexual-orientation", "5", "is not a sexual orientation equitykit knows"),
])
def test_an_unknown_value_is_named_with_its_line_and_column(column, characteristic, cell, phrase):
    text = f"{column},full_pay_relevant,bonus_pay,hourly_pay\n,Y,0,10\n{cell},Y,0,10\n"

    with pytest.raises(StaffFileError) as caught:
        read_staff_groups(io.StringIO(text), characteristic)

    assert (caught.value.row, caught.value.column) == (3, column)
    assert phrase in caught.value.message
