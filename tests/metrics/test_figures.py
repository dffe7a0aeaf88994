"""Rounding half up on exact values, and differences between figures."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from equitykit.metrics.figures import difference, disclosure_count, figure, percentage, round_half_up, unknown


@pytest.mark.parametrize(("value", "places", "expected"), [
    (Fraction(1125, 1000), 2, "1.13"), (Fraction(-65, 100), 1, "-0.7"), (Fraction(1465, 100), 1, "14.7"),
    (Fraction(-1, 100), 1, "0.0"), (Fraction(2, 3), 2, "0.67"), (Fraction(0), 2, "0.00"),
])
def test_round_half_up(value, places, expected):
    assert str(round_half_up(value, places)) == expected


@given(st.integers(-10**9, 10**9), st.integers(0, 4), st.integers(1, 6))
def test_round_half_up_agrees_with_decimal(numerator, places, digits):
    exact_decimal = Decimal(numerator).scaleb(-digits)
    expected = exact_decimal.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert round_half_up(Fraction(numerator, 10**digits), places) == expected


def test_percentage_of_nothing_is_unknown_with_the_reason():
    result = percentage(0, 0, "no staff")
    assert (result.value, result.unrounded, result.reason, result.min_count) == (None, None, "no staff", 0)


def test_difference_keeps_the_first_reason_and_the_smallest_count():
    assert difference(unknown("gone", 3), figure(Fraction(1), 1, 7)) == unknown("gone", 3)
    assert difference(figure(Fraction(5, 2), 1, 9), figure(Fraction(1), 1, 4)).value == Decimal("1.5")


@pytest.mark.parametrize(("part", "whole", "count"), [
    (0, 3, 3),      # 0% of 3 says all 3 are outside the group
    (3, 3, 3),      # 100% of 3 says all 3 are in it
    (2, 198, 2),
    (196, 198, 2),  # the rest is 2
    (0, 40, 40),
    (0, 0, 0),
])
def test_disclosure_count_is_the_smaller_non_zero_side(part: int, whole: int, count: int) -> None:
    assert disclosure_count(part, whole) == count
    assert percentage(part, whole, "none").min_count == count
