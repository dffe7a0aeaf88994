"""WRES indicators: who is compared with whom, rounding, bands, unknowns, zeros and changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from workforce_records import ethnicity, ethnicity_survey, workforce, wres

from equitykit.metrics.standards import NO_ADVERSE_IMPACT, LikelihoodBand, WorkforceDataMissing
from equitykit.metrics.wres import wres_indicators


def indicators(**changes):
    return wres_indicators([workforce(wres=wres(**changes))])


def one_band(white: int, bme: int, unknown: int = 0) -> list[dict]:
    return [{"staff_group": "clinical", "band": "5", **ethnicity(white, bme, unknown)}]


def test_indicator_2_the_christie_2022_23():
    # White 46.99% appointed from shortlisting, BME 14.65%: 46.99 / 14.65 = 3.2075 -> 3.21
    result = indicators(shortlisted=ethnicity(10000, 2000, 50), appointed=ethnicity(4699, 293, 9)).appointment
    assert (result.numerator, result.denominator) == ("white", "bme")
    assert result.rates["white"].unrounded == Fraction(4699, 100)
    assert result.rates["bme"].unrounded == Fraction(1465, 100)
    assert result.rates["bme"].value == Decimal("14.7")  # 14.65 rounds half up
    assert result.ratio.value == Decimal("3.21")
    assert result.ratio.unrounded == Fraction(4699, 1465)
    assert result.status == "adverse impact: BME applicants disadvantaged"
    assert result.disadvantaged == "bme"


def test_indicator_3_kmpt():
    # BME 1.2% vs White 0.7% entering the formal disciplinary process -> 1.71
    result = indicators(bands=one_band(8000, 2500, 300), disciplinary=ethnicity(56, 30, 2)).disciplinary
    assert (result.numerator, result.denominator) == ("bme", "white")
    assert result.rates["bme"].value == Decimal("1.2")
    assert result.rates["white"].value == Decimal("0.7")
    assert result.ratio.value == Decimal("1.71")
    assert result.status == "adverse impact: BME staff disadvantaged"
    assert result.years == 1


def test_indicator_9_board_minus_workforce_points():
    # board 4 BME of 25 voting members (16%) against 416 BME of 2,500 staff (16.64%): -0.64 points
    result = indicators(bands=one_band(2084, 416, 40),
                        board={"voting": ethnicity(21, 4), "executive": ethnicity(8, 2)}).board
    voting, executive = result
    assert voting.membership == "voting"
    assert voting.difference.unrounded == Fraction(-64, 100)
    assert voting.difference.value == Decimal("-0.6")
    assert voting.difference.min_count == 4
    assert executive.membership == "executive"
    assert executive.difference.unrounded == Fraction(20) - Fraction(1664, 100)


def test_indicator_4_divides_white_by_bme_and_rounds_likelihood_half_up():
    # 450 of 1,000 White staff (45%) and 80 of 200 BME staff (40%): exactly 1.125
    result = indicators(training=ethnicity(450, 80, 9)).training
    assert (result.numerator, result.denominator) == ("white", "bme")
    assert result.ratio.unrounded == Fraction(9, 8)
    assert result.ratio.value == Decimal("1.13")
    assert result.status == NO_ADVERSE_IMPACT


def test_indicator_1_shares_by_band_and_overall():
    result = indicators().representation
    assert result.overall.unrounded == Fraction(100 * 200, 1200)
    assert result.overall.value == Decimal("16.7")
    assert result.unknown == 20
    clinical_5, clinical_8a, _, vsm = result.bands
    assert (clinical_5.staff_group, clinical_5.band, clinical_5.share.value) == ("clinical", "5", Decimal("20.0"))
    assert clinical_5.gap.value == Decimal("3.3")
    assert clinical_8a.gap.value == Decimal("-6.7")
    assert vsm.share.value == Decimal("0.0")
    assert vsm.share.min_count == 10  # 0 of 10 tells about all 10 White VSMs: it rests on 10
    assert clinical_5.change is None


@pytest.mark.parametrize(("white_appointed", "bme_appointed", "status"), [
    (25, 20, NO_ADVERSE_IMPACT),  # exactly 1.25
    (20, 25, NO_ADVERSE_IMPACT),  # exactly 0.80
    (251, 200, "adverse impact: BME applicants disadvantaged"),  # 1.255
    (199, 250, "adverse impact: White applicants disadvantaged"),  # 0.796
])
def test_likelihood_band_includes_both_ends(white_appointed, bme_appointed, status):
    scale = 10 if white_appointed < 100 else 1
    result = indicators(shortlisted=ethnicity(1000, 1000),
                        appointed=ethnicity(white_appointed * scale, bme_appointed * scale)).appointment
    assert result.status == status


def test_ratio_just_above_band_is_adverse_even_when_it_rounds_to_the_edge():
    # 1.2504 is published as 1.25, but the band is read on the unrounded value
    result = indicators(shortlisted=ethnicity(10000, 10000), appointed=ethnicity(3126, 2500)).appointment
    assert result.ratio.value == Decimal("1.25")
    assert result.disadvantaged == "bme"


def test_disciplinary_below_band_disadvantages_white_staff():
    result = indicators(disciplinary=ethnicity(20, 1)).disciplinary
    assert result.status == "adverse impact: White staff disadvantaged"


def test_band_is_configurable():
    data = [workforce(wres=wres(training=ethnicity(450, 80)))]
    assert wres_indicators(data).training.status == NO_ADVERSE_IMPACT
    narrow = LikelihoodBand(Fraction(9, 10), Fraction(11, 10))
    assert wres_indicators(data, band=narrow).training.status == "adverse impact: BME staff disadvantaged"


@pytest.mark.parametrize(("lower", "upper"), [(Fraction(11, 10), Fraction(5, 4)), (Fraction(0), Fraction(2)),
                                              (Fraction(4, 5), Fraction(9, 10))])
def test_band_must_contain_one(lower, upper):
    with pytest.raises(ValueError, match="must contain 1.00"):
        LikelihoodBand(lower, upper)


def test_no_bme_shortlisted_gives_no_ratio_with_a_reason():
    result = indicators(shortlisted=ethnicity(800, 0, 3), appointed=ethnicity(200, 0)).appointment
    assert result.rates["bme"].value is None
    assert result.rates["bme"].reason == "there are no BME applicants to compare"
    assert result.ratio.value is None and result.ratio.unrounded is None
    assert result.ratio.reason == "there are no BME applicants to compare"
    assert result.status == "cannot be computed"
    assert result.disadvantaged is None


def test_no_bme_appointed_cannot_be_divided_by():
    result = indicators(appointed=ethnicity(200, 0)).appointment
    assert result.rates["bme"].value == Decimal("0.0")
    assert result.ratio.value is None
    assert "no BME applicants were appointed" in result.ratio.reason


def test_no_white_appointed_is_a_zero_likelihood():
    result = indicators(appointed=ethnicity(0, 60)).appointment
    assert result.ratio.value == Decimal("0.00")
    assert result.status == "adverse impact: White applicants disadvantaged"


def test_zero_staff_of_known_status_in_the_board_and_bands():
    result = indicators(bands=one_band(0, 0, 12), board={"voting": ethnicity(0, 0, 9), "executive": ethnicity(0, 0)})
    assert result.representation.overall.value is None
    assert result.training.ratio.value is None
    assert result.board[0].difference.value is None
    assert result.board[0].difference.reason == "no staff of known status"


@given(unknowns=st.lists(st.integers(0, 500), min_size=8, max_size=8))
def test_unknown_ethnicity_changes_no_figure(unknowns):
    base = indicators()
    bands = [{**row, "unknown": unknown} for row, unknown in zip(wres()["bands"], unknowns[:4], strict=True)]
    white_shortlisted, bme_shortlisted = 800, 400
    changed = indicators(
        bands=bands,
        shortlisted=ethnicity(white_shortlisted, bme_shortlisted, unknowns[4]),
        appointed=ethnicity(200, 60, min(unknowns[5], unknowns[4])),
        disciplinary=ethnicity(10, 4, unknowns[6]),
        training=ethnicity(450, 80, unknowns[7]),
    )
    for before, after in zip(base.likelihoods, changed.likelihoods, strict=True):
        assert after.ratio == before.ratio
    assert changed.representation.overall == base.representation.overall
    assert [row.share for row in changed.representation.bands] == [row.share for row in base.representation.bands]


def test_min_count_is_the_smallest_count_behind_a_likelihood():
    result = indicators(disciplinary=ethnicity(10, 4)).disciplinary
    assert result.ratio.min_count == 4
    assert result.rates["white"].min_count == 10


def test_survey_percentages_are_read_as_written_and_rounded_half_up():
    result = indicators().surveys
    assert [survey.number for survey in result] == ["5", "6", "7", "8"]
    harassment = result[0].percentages
    assert harassment["bme"].unrounded == Fraction(3085, 100)
    assert harassment["bme"].value == Decimal("30.9")
    assert harassment["bme"].min_count == 140
    assert harassment["white"].value == Decimal("27.0")


def test_missing_survey_figure_has_a_reason():
    survey = wres()["survey"] | {"discrimination": {"white": 6.9}}
    result = indicators(survey=survey).surveys[3].percentages["bme"]
    assert result.value is None
    assert result.reason == "no percentage given for BME respondents"


def test_change_on_last_year():
    last_year = workforce("2024-03-31", wres=wres(
        training=ethnicity(400, 80),
        board={"voting": ethnicity(13, 1), "executive": ethnicity(6, 1)},
        survey=wres()["survey"] | {"harassment_public": ethnicity_survey(28.0, 33.0)},
        bands=wres()["bands"][:3],
    ))
    result = wres_indicators([workforce(wres=wres()), last_year])
    assert result.snapshot == dt.date(2025, 3, 31)
    assert result.previous_snapshot == dt.date(2024, 3, 31)
    # training: 1.125 now against (400/990)/(80/200) = 1.0101 last year
    assert result.training.change.unrounded == Fraction(9, 8) - Fraction(400 * 200, 990 * 80)
    assert result.training.change.value == Decimal("0.11")
    assert result.surveys[0].changes["bme"].value == Decimal("-2.2")  # 30.85 - 33.0 = -2.15
    # board 2 of 14 against 200 of 1,200 now; 1 of 14 against 200 of 1,190 last year
    now, before = Fraction(200, 14) - Fraction(20000, 1200), Fraction(100, 14) - Fraction(20000, 1190)
    assert result.board[0].change.unrounded == now - before
    assert result.representation.bands[3].change.reason == "this band was not in last year's data"
    assert result.representation.bands[0].change.value == Decimal("0.0")
    assert result.representation.change.unrounded == Fraction(200 * 100, 1200) - Fraction(200 * 100, 1190)


def test_a_snapshot_older_than_last_year_is_not_compared():
    result = wres_indicators([workforce(wres=wres()), workforce("2023-03-31", wres=wres())])
    assert result.previous_snapshot is None
    assert result.appointment.change is None


def test_disciplinary_is_single_year_by_default_and_rolling_on_request():
    this_year = workforce(wres=wres(bands=one_band(1000, 200), disciplinary=ethnicity(10, 6)))
    last_year = workforce("2024-03-31", wres=wres(bands=one_band(900, 100), disciplinary=ethnicity(18, 1)))
    single = wres_indicators([this_year, last_year]).disciplinary
    assert single.years == 1
    assert single.ratio.unrounded == Fraction(6, 200) / Fraction(10, 1000)
    rolling = wres_indicators([this_year, last_year], rolling_disciplinary=True).disciplinary
    assert rolling.years == 2
    # pooled: BME (6 + 1) / (200 + 100), White (10 + 18) / (1000 + 900)
    assert rolling.ratio.unrounded == Fraction(7, 300) / Fraction(28, 1900)
    assert rolling.ratio.value == Decimal("1.58")


def test_rolling_without_last_year_is_a_single_year():
    result = wres_indicators([workforce(wres=wres())], rolling_disciplinary=True).disciplinary
    assert result.years == 1


def test_chooses_the_latest_snapshot_with_wres_data_or_the_one_asked_for():
    history = [workforce("2024-03-31", wres=wres()), workforce(wres=wres()), workforce("2026-03-31")]
    assert wres_indicators(history).snapshot == dt.date(2025, 3, 31)
    assert wres_indicators(history, dt.date(2024, 3, 31)).snapshot == dt.date(2024, 3, 31)
    with pytest.raises(WorkforceDataMissing, match="no workforce snapshot dated 2023-03-31"):
        wres_indicators(history, dt.date(2023, 3, 31))
    with pytest.raises(WorkforceDataMissing, match="2026-03-31 has no WRES data"):
        wres_indicators(history, dt.date(2026, 3, 31))
    with pytest.raises(WorkforceDataMissing, match="no workforce snapshot has WRES data"):
        wres_indicators([workforce()])
