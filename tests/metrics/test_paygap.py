"""Gender pay gap figures: GOV.UK's worked examples, the special cases and the invariants."""

from __future__ import annotations

import random
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from statistics import mean, median

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from equitykit.metrics.paygap import (
    FIGURE_NAMES,
    Employee,
    PayGapInputError,
    QuartileCount,
    SexCounts,
    hourly_rate,
    pay_gap_figures,
    quartile_band_sizes,
)

D = Decimal


def amounts(count: int, *, middle: list[str], mean: str, low: str) -> list[Decimal]:
    """``count`` amounts, ascending, with exactly this mean and these middle values.

    Those below the middle are all ``low``; those above are equal to the penny, the highest
    taking what is left over, so the mean is exact.
    """
    below = (count - len(middle)) // 2
    above = count - len(middle) - below
    rest = D(mean) * count - D(low) * below - sum(map(D, middle))
    each = (rest / above).quantize(D("0.01"), ROUND_DOWN)
    result = (
        [D(low)] * below + [D(m) for m in middle] + [each] * (above - 1) + [rest - each * (above - 1)]
    )
    assert result == sorted(result)
    return result


def staff(
    sex: str, *, relevant: int, hourly: list[Decimal], bonuses: list[Decimal] = ()
) -> list[Employee]:
    """``relevant`` employees: the first ones full-pay relevant on the hourly rates given, the rest
    not; the bonuses shared out among all of them at random (seeded), the others paid none."""
    rates = [*hourly, *[None] * (relevant - len(hourly))]
    paid = [*bonuses, *[D(0)] * (relevant - len(bonuses))]
    random.Random(sex).shuffle(paid)
    return [
        Employee(sex, rate is not None, rate, bonus) for rate, bonus in zip(rates, paid, strict=True)
    ]


@pytest.fixture(scope="module")
def govuk_example():
    """GOV.UK's worked example employer: 1,375 men and 3,125 women, of whom 1,345 men and 3,100
    women are full-pay relevant, and 1,300 men and 2,000 women were paid a bonus."""
    men = staff(
        "male",
        relevant=1375,
        hourly=amounts(1345, middle=["15.00"], mean="17.51", low="12.00"),
        bonuses=amounts(1300, middle=["2300", "2300"], mean="1650", low="500"),
    )
    women = staff(
        "female",
        relevant=3125,
        hourly=amounts(3100, middle=["13.00", "15.00"], mean="15.13", low="10.00"),
        bonuses=amounts(2000, middle=["2225", "2225"], mean="1490", low="400"),
    )
    everyone = men + women
    random.Random(1).shuffle(everyone)
    return pay_gap_figures(everyone)


def test_mean_hourly_gap_is_13_59_percent(govuk_example):
    # (17.51 - 15.13) / 17.51 x 100 = 13.59% in GOV.UK's text; published to one decimal place.
    assert govuk_example.unrounded["DiffMeanHourlyPercent"] == Fraction(23800, 1751)
    assert round(float(govuk_example.unrounded["DiffMeanHourlyPercent"]), 2) == 13.59
    assert govuk_example.figures["DiffMeanHourlyPercent"] == D("13.6")


def test_median_hourly_gap_is_6_67_percent(govuk_example):
    # Man #673 is on £15; women #1,550 and #1,551 are on £13 and £15, so their median is £14.
    assert govuk_example.unrounded["DiffMedianHourlyPercent"] == Fraction(20, 3)
    assert govuk_example.figures["DiffMedianHourlyPercent"] == D("6.7")


def test_bonus_proportions_are_94_5_and_64_percent(govuk_example):
    assert govuk_example.figures["MaleBonusPercent"] == D("94.5")
    assert govuk_example.figures["FemaleBonusPercent"] == D("64.0")


def test_bonus_gaps_are_9_7_and_3_3_percent(govuk_example):
    # Mean £1,650 against £1,490; median £2,300 against £2,225.
    assert govuk_example.unrounded["DiffMeanBonusPercent"] == Fraction(160, 1650) * 100
    assert govuk_example.figures["DiffMeanBonusPercent"] == D("9.7")
    assert govuk_example.unrounded["DiffMedianBonusPercent"] == Fraction(75, 2300) * 100
    assert govuk_example.figures["DiffMedianBonusPercent"] == D("3.3")


def test_counts_behind_the_example(govuk_example):
    assert govuk_example.counts.male == SexCounts(relevant=1375, full_pay_relevant=1345, paid_bonus=1300)
    assert govuk_example.counts.female == SexCounts(
        relevant=3125, full_pay_relevant=3100, paid_bonus=2000
    )
    assert govuk_example.warnings == []


def test_figures_are_named_and_ordered_as_the_govuk_download(govuk_example):
    expected = [
        "DiffMeanHourlyPercent", "DiffMedianHourlyPercent", "DiffMeanBonusPercent",
        "DiffMedianBonusPercent", "MaleBonusPercent", "FemaleBonusPercent",
        "MaleLowerQuartile", "FemaleLowerQuartile", "MaleLowerMiddleQuartile",
        "FemaleLowerMiddleQuartile", "MaleUpperMiddleQuartile", "FemaleUpperMiddleQuartile",
        "MaleTopQuartile", "FemaleTopQuartile",
    ]  # fmt: skip
    assert list(FIGURE_NAMES) == expected
    assert list(govuk_example.figures) == expected
    assert list(govuk_example.unrounded) == expected


def banded_staff(bands: list[tuple[int, int]]) -> list[Employee]:
    """Full-pay relevant employees, band by band (men, women), each band on its own rates."""
    everyone = []
    for band, (men, women) in enumerate(bands):
        sexes = ["male"] * men + ["female"] * women
        random.Random(band).shuffle(sexes)
        base = D(10 + 12 * band)
        everyone += [Employee(sex, True, base + D(place) / 100) for place, sex in enumerate(sexes)]
    random.Random(0).shuffle(everyone)
    return everyone


def test_quartiles_of_4445_employees():
    result = pay_gap_figures(banded_staff([(187, 925), (110, 1001), (298, 813), (750, 361)]))
    assert result.counts.quartiles == (
        QuartileCount("Lower", 187, 925),
        QuartileCount("LowerMiddle", 110, 1001),
        QuartileCount("UpperMiddle", 298, 813),
        QuartileCount("Top", 750, 361),
    )
    published = [result.figures[name] for name in FIGURE_NAMES[6:]]
    assert published == [D(v) for v in ("16.8", "83.2", "9.9", "90.1", "26.8", "73.2", "67.5", "32.5")]


def test_a_tie_across_a_boundary_is_split_in_proportion():
    # 160 employees, so 40 per band. 30 (15 men, 15 women) are paid less than the 40 on £12.00
    # (4 men, 36 women): 10 of those 40 fall in the lower band and 30 in the lower middle.
    below = [
        Employee(sex, True, D("9.00") + D(i) / 100) for i, sex in enumerate(["male", "female"] * 15)
    ]
    tied = [Employee("male", True, D("12.00"))] * 4 + [Employee("female", True, D("12.00"))] * 36
    above = [
        Employee(sex, True, D("20.00") + D(i) / 100) for i, sex in enumerate(["male", "female"] * 45)
    ]
    result = pay_gap_figures(below + tied + above)
    lower, lower_middle, *_ = result.counts.quartiles
    assert (lower.men, lower.women) == (15 + 1, 15 + 9)
    assert (lower_middle.men, lower_middle.women) == (3 + 5, 27 + 5)


def test_an_uneven_tie_gives_remainders_to_the_lower_bands_first():
    # 8 on one rate (2 per band), 3 of them men: each band's quota is 0.75 men.
    tied = [Employee("male", True, D(10))] * 3 + [Employee("female", True, D(10))] * 5
    counts = [(q.men, q.women) for q in pay_gap_figures(tied).counts.quartiles]
    assert counts == [(1, 1), (1, 1), (1, 1), (0, 2)]


def test_equal_rates_tie_whether_given_or_derived():
    # £2,325 a month in April (30 days), 35 hours a week, is exactly £15.50 an hour.
    derived = hourly_rate(D(2325), D(0), 30, D(35))
    assert derived == D("15.50")
    tied = [Employee("male", True, derived)] * 4 + [Employee("female", True, D("15.5"))] * 4
    result = pay_gap_figures(tied)
    assert [(q.men, q.women) for q in result.counts.quartiles] == [(1, 1)] * 4
    assert result.figures["DiffMeanHourlyPercent"] == D("0.0")


def test_amounts_closer_than_a_float_can_tell_are_ranked_exactly():
    # Both are 15.555555555555555 as floats; the fraction 140/9 is the higher.
    man, woman = (
        Employee("male", True, D("15.555555555555555555")),
        Employee("female", True, Fraction(140, 9)),
    )
    assert float(man.hourly_pay) == float(woman.hourly_pay)
    for everyone in ([man, woman], [woman, man]):
        result = pay_gap_figures(everyone)
        assert [(q.men, q.women) for q in result.counts.quartiles] == [(1, 0), (0, 0), (0, 1), (0, 0)]
        assert result.unrounded["DiffMeanHourlyPercent"] < 0


@pytest.mark.parametrize(
    ("headcount", "sizes"),
    [
        (4444, (1111, 1111, 1111, 1111)),
        (4445, (1112, 1111, 1111, 1111)),
        (4446, (1112, 1111, 1112, 1111)),
        (4447, (1112, 1112, 1112, 1111)),
    ],
)
def test_remainder_rule(headcount, sizes):
    assert quartile_band_sizes(headcount) == sizes
    everyone = [Employee("female", True, D(i)) for i in range(headcount)]
    counts = pay_gap_figures(everyone).counts.quartiles
    assert tuple(q.men + q.women for q in counts) == sizes


def test_hourly_rate_from_a_month_of_ordinary_pay():
    # £2,500 in April (30 days) for 37.5 hours a week: 2,500 x 7 / 30 / 37.5 = £15.555...
    assert hourly_rate(D("2500"), D("0"), 30, D("37.5")) == Fraction(140, 9)
    assert hourly_rate(D("2500"), D("125"), 30, D("37.5")) == Fraction(2625 * 7, 30) / Fraction("37.5")


@pytest.mark.parametrize(("days", "hours"), [(0, D("37.5")), (30, D(0)), (-1, D(1))])
def test_hourly_rate_needs_positive_days_and_hours(days, hours):
    with pytest.raises(ValueError):
        hourly_rate(D(100), D(0), days, hours)


@pytest.mark.parametrize(
    ("women", "gap"),
    [("97.75", "2.3"), ("102.25", "-2.3"), ("97.7501", "2.2"), ("100.04", "0.0")],
)
def test_gaps_round_half_away_from_zero_to_one_place(women, gap):
    # Decimal's ROUND_HALF_UP: 2.25 gives 2.3 and -2.25 gives -2.3; never -0.0.
    result = pay_gap_figures([Employee("male", True, D("100.00")), Employee("female", True, D(women))])
    assert str(result.figures["DiffMeanHourlyPercent"]) == gap
    assert str(result.figures["DiffMedianHourlyPercent"]) == gap


def test_quartile_pair_adds_up_to_100_when_the_male_share_is_a_half():
    # 245 men of 2,000 in the lower band is 12.25%: rounding both shares half up would give
    # 12.3 + 87.8 = 100.1, so the female share is 100 - 12.3.
    lower = [Employee("male", True, D(1))] * 245 + [Employee("female", True, D(2))] * 1755
    upper = [Employee("female", True, D(3))] * 6000
    result = pay_gap_figures(lower + upper)
    assert result.unrounded["MaleLowerQuartile"] == Fraction(49, 4)
    assert (result.figures["MaleLowerQuartile"], result.figures["FemaleLowerQuartile"]) == (
        D("12.3"),
        D("87.7"),
    )


def test_no_woman_paid_a_bonus_gives_bonus_gaps_of_100():
    result = pay_gap_figures(
        staff("male", relevant=2, hourly=[D(10)] * 2, bonuses=[D(50)])
        + staff("female", relevant=2, hourly=[D(10)] * 2)
    )
    assert result.figures["DiffMeanBonusPercent"] == D("100.0")
    assert result.figures["DiffMedianBonusPercent"] == D("100.0")
    assert result.figures["FemaleBonusPercent"] == D("0.0")
    assert any("No woman was paid a bonus" in warning for warning in result.warnings)


@pytest.mark.parametrize("women_bonuses", [[], [D(50)]])
def test_no_man_paid_a_bonus_leaves_bonus_gaps_undefined(women_bonuses):
    result = pay_gap_figures(
        staff("male", relevant=2, hourly=[D(10)] * 2)
        + staff("female", relevant=2, hourly=[D(10)] * 2, bonuses=women_bonuses)
    )
    assert result.figures["DiffMeanBonusPercent"] is None
    assert result.figures["DiffMedianBonusPercent"] is None
    assert result.figures["MaleBonusPercent"] == D("0.0")
    assert any("No man was paid a bonus" in warning for warning in result.warnings)


@pytest.mark.parametrize("missing", ["male", "female"])
def test_hourly_gaps_need_full_pay_relevant_men_and_women(missing):
    everyone = [
        Employee(sex, sex != missing, None if sex == missing else D(10)) for sex in ("male", "female")
    ]
    result = pay_gap_figures(everyone)
    assert result.figures["DiffMeanHourlyPercent"] is None
    assert result.figures["DiffMedianHourlyPercent"] is None
    assert any("no full-pay relevant" in warning for warning in result.warnings)


def test_hourly_gaps_are_undefined_when_men_are_paid_nothing():
    result = pay_gap_figures([Employee("male", True, D(0)), Employee("female", True, D(8))])
    assert result.figures["DiffMeanHourlyPercent"] is None
    assert result.figures["DiffMedianHourlyPercent"] is None
    assert (
        sum(
            "men's mean hourly pay is 0" in w or "men's median hourly pay is 0" in w
            for w in result.warnings
        )
        == 2
    )


def test_bands_of_fewer_than_four_employees():
    result = pay_gap_figures([Employee("male", True, D(10)), Employee("female", True, D(9))])
    assert [(q.men, q.women) for q in result.counts.quartiles] == [(0, 1), (0, 0), (1, 0), (0, 0)]
    assert result.figures["MaleLowerMiddleQuartile"] is None
    assert result.figures["FemaleLowerMiddleQuartile"] is None
    assert result.figures["MaleUpperMiddleQuartile"] == D("100.0")


def test_no_employees_is_an_input_error():
    with pytest.raises(PayGapInputError, match="No employees"):
        pay_gap_figures([])
    assert issubclass(PayGapInputError, ValueError)


@pytest.mark.parametrize(
    ("employee", "message"),
    [
        (Employee("other", True, D(10)), "must be 'male' or 'female'"),  # type: ignore[arg-type]
        (Employee("male", True, None), "no hourly pay"),
        (Employee("male", True, D(-1)), "negative"),
        (Employee("male", False, None, D(-5)), "negative"),
    ],
)
def test_invalid_employees_are_input_errors(employee, message):
    with pytest.raises(PayGapInputError, match=message):
        pay_gap_figures([Employee("female", True, D(10)), employee])


def test_employees_may_come_from_a_generator():
    everyone = [Employee("male", True, D(10)), Employee("female", True, D(9))]
    assert pay_gap_figures(e for e in everyone) == pay_gap_figures(everyone)


employees = st.lists(
    st.builds(
        Employee,
        sex=st.sampled_from(["male", "female"]),
        full_pay_relevant=st.just(True),
        hourly_pay=st.integers(0, 12).map(lambda quarters: D(quarters) / 4)
        | st.integers(0, 9).map(lambda thirds: Fraction(thirds, 3)),
        bonus_pay=st.sampled_from([D(0), D(0), D(100), D("250.50")]),
    )
    | st.builds(Employee, sex=st.sampled_from(["male", "female"]), full_pay_relevant=st.just(False),
                hourly_pay=st.none(), bonus_pay=st.sampled_from([D(0), D(75)])),
    min_size=1,
    max_size=60,
)  # fmt: skip


@given(employees, st.randoms(use_true_random=False))
def test_order_of_employees_changes_no_figure(everyone, shuffler):
    shuffled = list(everyone)
    shuffler.shuffle(shuffled)
    assert pay_gap_figures(shuffled) == pay_gap_figures(everyone)


@given(employees)
def test_hourly_gaps_match_a_plain_computation(everyone):
    rates = {
        sex: [Fraction(e.hourly_pay) for e in everyone if e.sex == sex and e.full_pay_relevant]
        for sex in ("male", "female")
    }
    assume(rates["male"] and rates["female"])
    unrounded = pay_gap_figures(everyone).unrounded
    for name, statistic in (("DiffMeanHourlyPercent", mean), ("DiffMedianHourlyPercent", median)):
        men, women = statistic(rates["male"]), statistic(rates["female"])
        assert unrounded[name] == (None if men == 0 else (men - women) / men * 100)


@given(employees)
def test_quartiles_hold_every_full_pay_relevant_employee_once(everyone):
    full_pay = [e for e in everyone if e.full_pay_relevant]
    quartiles = pay_gap_figures(everyone).counts.quartiles
    assert tuple(q.men + q.women for q in quartiles) == quartile_band_sizes(len(full_pay))
    assert sum(q.men for q in quartiles) == sum(e.sex == "male" for e in full_pay)


def sign(value: Fraction) -> int:
    return (value > 0) - (value < 0)


@given(employees)
def test_swapping_every_sex_flips_the_sign_of_the_hourly_gaps(everyone):
    other = {"male": "female", "female": "male"}
    swapped = [Employee(other[e.sex], e.full_pay_relevant, e.hourly_pay, e.bonus_pay) for e in everyone]
    before, after = pay_gap_figures(everyone).unrounded, pay_gap_figures(swapped).unrounded
    for name in ("DiffMeanHourlyPercent", "DiffMedianHourlyPercent"):
        if before[name] is not None and after[name] is not None:
            assert sign(after[name]) == -sign(before[name])


@given(employees)
def test_figures_pass_the_govuk_service_validation(everyone):
    figures = pay_gap_figures(everyone).figures
    assert all(value is None or value.as_tuple().exponent == -1 for value in figures.values())
    for name in FIGURE_NAMES[:4]:
        assert figures[name] is None or figures[name] <= 100
    for name in FIGURE_NAMES[4:]:
        assert figures[name] is None or 0 <= figures[name] <= 100
    for male, female in zip(FIGURE_NAMES[6::2], FIGURE_NAMES[7::2], strict=True):
        assert (figures[male] is None) == (figures[female] is None)
        assert figures[male] is None or figures[male] + figures[female] == 100
    if figures["FemaleBonusPercent"] == 0 and figures["MaleBonusPercent"] not in (0, None):
        assert figures["DiffMeanBonusPercent"] == figures["DiffMedianBonusPercent"] == 100
