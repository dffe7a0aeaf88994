"""Figures as published: the number in the text as printed, comparison at the precision printed, and WRES and
WDES results of a snapshot that holds only what the body published, beside the years computed from counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from workforce_records import wdes, workforce, wres

from equitykit.metrics.figures import agrees, figure, published
from equitykit.metrics.wdes import wdes_metrics, wdes_parts
from equitykit.metrics.wres import wres_indicators, wres_parts
from equitykit.records.published import printed_number
from equitykit.records.workforce import Workforce


@pytest.mark.parametrize(("printed", "number"), [
    ("1.84", "1.84"), ("1.84 times as likely", "1.84"), ("1.5%", "1.5"), ("30.1 %", "30.1"),
    ("−0.64%", "-0.64"), ("-3.2 pp", "-3.2"), ("1,234.5", "1234.5"), ("1.80", "1.80"), (".5", "0.5"),
    ("BME staff were 1.2 times as likely (2021: 1.4)", "1.2"), (2, "2"), (1.8, "1.8"),
])
def test_the_number_in_a_figure_as_printed(printed, number):
    assert printed_number(printed) == Decimal(number)


@pytest.mark.parametrize("printed", ["times as likely", "n/a", "", True])
def test_a_text_without_a_number_has_none(printed):
    assert printed_number(printed) is None


def test_a_published_figure_keeps_the_text_its_year_and_comparators():
    value = published("1.84 times as likely", "not given", year=2021,
                      comparators=(("national", "1.54"), ("previous-year", None)))
    assert (value.value, value.unrounded, value.min_count) == (Decimal("1.84"), Fraction(46, 25), None)
    assert (value.source, value.printed, value.year, value.as_published) == (
        "published", "1.84 times as likely", 2021, True)
    national = value.comparator("national")
    assert national is not None and national.value == Decimal("1.54")
    assert value.comparator("previous-year") is None
    missing = published(None, "not given")
    assert (missing.known, missing.reason, missing.as_published) == (False, "not given", True)


@pytest.mark.parametrize(("computed", "printed", "same"), [
    (Fraction(1786, 1000), "1.79", True), (Fraction(1786, 1000), "1.8", True), (Fraction(1786, 1000), "1.78", False),
    (Fraction(1785, 1000), "1.79", True),  # half up
    (Fraction(1784, 1000), "1.80", False),  # two places printed: compared at two places
    (Fraction(-65, 100), "-0.7", True), (Fraction(162, 100), "1.62%", True),
])
def test_computed_and_published_compared_at_the_precision_printed(computed, printed, same):
    assert agrees(figure(computed, 2, 10), published(printed, "")) is same


def snapshot(day: str, **data) -> Workforce:
    return Workforce.model_validate({"id": day, "snapshot": day, **data})


PUBLISHED_2024 = {"wres": {
    "1": {"value": "18.9%"},
    "2": {"value": "1.92 times as likely", "national": "1.54"},
    "3": {"value": "1.71"},
    "5": {"bme": "32.4%", "white": "28.1%", "survey_year": 2023},
    "9": {"voting": "-13.5", "executive": -8.4},
}, "wdes": {"3": {"value": "2.10%"}, "9a": {"disabled": "6.3", "overall": 6.8}}}


def test_a_snapshot_with_only_published_results_is_reported_as_published():
    result = wres_indicators([snapshot("2024-03-31", published=PUBLISHED_2024)])
    assert result.appointment.ratio.value == Decimal("1.92")
    assert result.appointment.ratio.as_published and result.appointment.ratio.printed == "1.92 times as likely"
    assert result.appointment.status == "adverse impact: BME applicants disadvantaged"
    assert not result.appointment.rates["white"].known
    assert result.representation.overall.value == Decimal("18.9") and result.representation.bands == ()
    assert result.training.ratio.reason == "not given in the publication"
    survey = result.surveys[0]
    assert survey.percentages["bme"].value == Decimal("32.4") and survey.percentages["bme"].year == 2023
    assert [row.difference.value for row in result.board] == [Decimal("-13.5"), Decimal("-8.4")]


def test_published_history_is_last_year_for_the_first_computed_year():
    history = [snapshot("2024-03-31", published=PUBLISHED_2024), workforce("2025-03-31", wres=wres(), wdes=wdes())]
    result = wres_indicators(history)
    assert result.previous_snapshot == dt.date(2024, 3, 31)
    assert not result.appointment.ratio.as_published
    assert result.appointment.change is not None and result.appointment.change.known
    assert result.appointment.change.unrounded == result.appointment.ratio.unrounded - Fraction(192, 100)


def test_a_rolling_average_never_pools_a_year_held_only_as_published():
    history = [snapshot("2024-03-31", published=PUBLISHED_2024), workforce("2025-03-31", wdes=wdes())]
    result = wdes_metrics(history)
    assert result.capability.years == 1
    assert result.previous_snapshot == dt.date(2024, 3, 31)
    earlier = wdes_metrics(history, dt.date(2024, 3, 31))
    assert earlier.capability.ratio.value == Decimal("2.10") and earlier.voice is None
    assert earlier.engagement.scores["overall"].value == Decimal("6.8")
    assert not earlier.engagement.scores["non_disabled"].known


def test_every_published_part_has_a_computed_figure_to_compare_with():
    history = [workforce("2025-03-31", wres=wres(), wdes=wdes())]
    wres_keys, wdes_keys = set(wres_parts(wres_indicators(history))), set(wdes_parts(wdes_metrics(history)))
    assert {("2", "value"), ("5", "bme"), ("8", "white"), ("9", "executive"), ("1", "value")} <= wres_keys
    assert {("3", "value"), ("4a(i)", "disabled"), ("9a", "overall"), ("10", "voting")} <= wdes_keys


def eds(record_id: str, end: str, scores: dict[str, int], result: dict | None = None, framework: str = "eds2022"):
    from equitykit.records.eds import Eds

    return Eds.model_validate({"id": record_id, "framework": framework, "period_start": f"{int(end[:4]) - 1}-04-01",
                               "period_end": end, "outcomes": {code: {"score": s} for code, s in scores.items()},
                               **({"published": result} if result else {})})


ELEVEN = dict(zip(("1A", "1B", "1C", "1D", "2A", "2B", "2C", "2D", "3A", "3B", "3C"), (1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 2),
                  strict=True))  # 14: Developing


def test_an_eds_result_published_without_every_outcome_is_carried_as_published():
    from equitykit.metrics.eds import grade_eds

    grading = grade_eds([eds("2022-23", "2023-03-31", {"3A": 1, "3B": 0, "3C": 1},
                             {"total": 11, "rating": "Developing", "domains": {"1": {"score": 5}, "2": {"rating":
                                                                                                      "Developing"}}})])
    assert grading.score is None and grading.missing
    assert grading.published is not None and grading.published.value == Decimal(11) and grading.published.as_published
    assert grading.published_rating == "Developing"
    first, second, third = grading.domains
    assert first.published is not None and first.published.value == Decimal(5) and first.total is None
    assert (second.published, second.published_rating) == (None, "Developing")
    assert third.total == 2 and third.published is None


def test_an_incomplete_year_is_compared_through_its_published_total():
    from equitykit.metrics.eds import grade_eds

    history = [eds("2022-23", "2023-03-31", {}, {"total": 11}), eds("2023-24", "2024-03-31", ELEVEN)]
    grading = grade_eds(history)
    assert grading.change is not None
    assert (grading.change.previous_score, grading.change.previous_rating, grading.change.score_change) == (
        11, "Developing", 3)
