"""WDES metrics: directions, the two-year rolling metric 3, surveys, engagement, board and changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from workforce_records import disability, disability_survey, wdes, workforce

from equitykit.metrics.wdes import wdes_metrics


def metrics(**changes):
    return wdes_metrics([workforce(wdes=wdes(**changes))])


def one_band(disabled: int, non_disabled: int, unknown: int = 0) -> list[dict]:
    return [{"staff_group": "clinical", "band": "5", **disability(disabled, non_disabled, unknown)}]


def test_metric_2_divides_non_disabled_by_disabled():
    # non-disabled 360 of 1,800 (20%), Disabled 30 of 200 (15%): 1.33
    result = metrics().appointment
    assert (result.numerator, result.denominator) == ("non_disabled", "disabled")
    assert result.ratio.unrounded == Fraction(4, 3)
    assert result.ratio.value == Decimal("1.33")
    assert result.status == "adverse impact: Disabled applicants disadvantaged"


def test_metric_3_divides_disabled_by_non_disabled_single_year_without_last_year():
    result = metrics(capability=disability(3, 9, 4)).capability
    assert (result.numerator, result.denominator) == ("disabled", "non_disabled")
    assert result.years == 1
    assert result.ratio.unrounded == Fraction(3, 100) / Fraction(9, 900)
    assert result.status == "adverse impact: Disabled staff disadvantaged"


def test_metric_3_is_a_two_year_rolling_average_when_last_year_exists():
    this_year = workforce(wdes=wdes(bands=one_band(100, 900), capability=disability(3, 9)))
    last_year = workforce("2024-03-31", wdes=wdes(bands=one_band(80, 920), capability=disability(1, 11)))
    result = wdes_metrics([this_year, last_year]).capability
    assert result.years == 2
    # pooled: Disabled (3 + 1) / (100 + 80), non-disabled (9 + 11) / (900 + 920)
    assert result.rates["disabled"].unrounded == Fraction(400, 180)
    assert result.ratio.unrounded == Fraction(4, 180) / Fraction(20, 1820)
    assert result.ratio.value == Decimal("2.02")
    single = wdes_metrics([this_year, last_year], rolling_capability=False).capability
    assert single.years == 1
    assert single.ratio.value == Decimal("3.00")


def test_last_years_rolling_figure_is_the_base_of_the_change():
    history = [
        workforce("2023-03-31", wdes=wdes(bands=one_band(50, 950), capability=disability(2, 10))),
        workforce("2024-03-31", wdes=wdes(bands=one_band(80, 920), capability=disability(1, 11))),
        workforce(wdes=wdes(bands=one_band(100, 900), capability=disability(3, 9))),
    ]
    result = wdes_metrics(history).capability
    last_year_rolling = Fraction(3, 130) / Fraction(21, 1870)
    assert result.change.unrounded == Fraction(4, 180) / Fraction(20, 1820) - last_year_rolling


def test_all_ten_metrics_are_there():
    result = metrics()
    assert [survey.number for survey in result.surveys] == [
        "4a(i)", "4a(ii)", "4a(iii)", "4b", "5", "6", "7", "8"]
    assert result.representation.overall.value == Decimal("10.0")
    assert result.engagement.scores["disabled"].value == Decimal("6.6")  # 6.55 half up
    assert result.engagement.scores["overall"].value == Decimal("6.9")
    assert result.voice.facilitated is True
    assert [board.membership for board in result.board] == ["voting", "executive"]


def test_metric_8_asks_only_disabled_staff():
    adjustments = metrics().surveys[-1].percentages
    assert adjustments["disabled"].value == Decimal("72.5")
    assert adjustments["non_disabled"].value is None
    assert adjustments["non_disabled"].reason == "no percentage given for non-disabled respondents"


def test_metric_10_board_minus_workforce_and_unknown_members_left_out():
    voting, executive = metrics().board
    assert voting.board.unrounded == Fraction(100, 14)
    assert voting.difference.unrounded == Fraction(100, 14) - 10
    assert voting.difference.value == Decimal("-2.9")
    assert executive.board.unrounded == 0  # 0 of 7 known; the unknown member is left out
    assert executive.difference.value == Decimal("-10.0")


def test_unknown_disability_is_excluded_everywhere():
    plain = metrics(bands=one_band(100, 900), shortlisted=disability(200, 1800), capability=disability(3, 9))
    padded = metrics(bands=one_band(100, 900, 400), shortlisted=disability(200, 1800, 300),
                     capability=disability(3, 9, 20))
    assert padded.appointment.ratio == plain.appointment.ratio
    assert padded.capability.ratio == plain.capability.ratio
    assert padded.representation.overall == plain.representation.overall
    assert padded.representation.unknown == 400


def test_no_disabled_staff_in_capability_gives_a_zero_and_none_non_disabled_gives_a_reason():
    zero = metrics(capability=disability(0, 9)).capability
    assert zero.ratio.value == Decimal("0.00")
    assert zero.status == "adverse impact: non-disabled staff disadvantaged"
    nobody = metrics(capability=disability(3, 0)).capability
    assert nobody.ratio.value is None
    assert "no non-disabled staff entered the formal capability process" in nobody.ratio.reason


def test_changes_on_last_year_for_surveys_and_engagement():
    survey = wdes()["survey"] | {"presenteeism": disability_survey(32.45, 21.9)}
    last_year = workforce("2024-03-31", wdes=wdes(
        survey=survey, engagement={"disabled": 6.3, "non_disabled": 7.1, "overall": None}))
    result = wdes_metrics([workforce(wdes=wdes()), last_year])
    assert result.previous_snapshot == dt.date(2024, 3, 31)
    presenteeism = result.surveys[5]
    assert presenteeism.changes["disabled"].unrounded == Fraction("30.4") - Fraction("32.45")
    assert presenteeism.changes["disabled"].value == Decimal("-2.1")  # -2.05 rounds away from zero
    assert result.engagement.changes["disabled"].value == Decimal("0.3")
    assert result.engagement.changes["overall"].value is None
    assert result.appointment.change.value == Decimal("0.00")
