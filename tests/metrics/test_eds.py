"""EDS 2022 ratings and EDS2 grades: every boundary, incomplete assessments and year-on-year change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from equitykit.metrics.eds import (
    GRADES,
    Eds2Grading,
    Eds2022Grading,
    EdsAssessmentMissing,
    eds2_grade,
    eds2022_rating,
    grade_eds,
)
from equitykit.records.common import PROTECTED_CHARACTERISTICS
from equitykit.records.eds import Eds
from equitykit.records.frameworks import EDS2, EDS2022

NINE = list(PROTECTED_CHARACTERISTICS)


def eds2022(record_id: str, scores: list[int | None], start: str = "2024-04-01", end: str = "2025-03-31") -> Eds:
    outcomes = {code: {"score": score, "evidence": "Patient experience survey by ethnicity."}
                for code, score in zip(EDS2022.codes, scores, strict=True)}
    return Eds.model_validate({"id": record_id, "framework": "eds2022", "period_start": start,
                               "period_end": end, "outcomes": outcomes})


def eds2(record_id: str, characteristics: dict[str, list[str] | None], end: str = "2025-03-31",
         fare_well: tuple[str, ...] = ()) -> Eds:
    outcomes = {code: {"characteristics": chars, "all_fare_well": code in fare_well}
                for code, chars in characteristics.items()}
    return Eds.model_validate({"id": record_id, "framework": "eds2", "period_start": f"{int(end[:4]) - 1}-04-01",
                               "period_end": end, "outcomes": outcomes})


def scores_totalling(total: int) -> list[int | None]:
    """Eleven outcome scores (0-3) adding up to `total`."""
    full, rest = divmod(total, 3)
    return [3] * full + ([rest] if full < 11 else []) + [0] * (10 - full)


@pytest.mark.parametrize(("total", "rating"), [
    (0, "Undeveloped"), (7, "Undeveloped"), (8, "Developing"), (21, "Developing"),
    (22, "Achieving"), (32, "Achieving"), (33, "Excelling"),
])
def test_eds2022_rating_boundaries(total, rating):
    assert eds2022_rating(total) == rating
    grading = grade_eds([eds2022("2024-25", scores_totalling(total))])
    assert isinstance(grading, Eds2022Grading)
    assert grading.score == total
    assert grading.rating == rating
    assert grading.complete


@pytest.mark.parametrize("score", [-1, 34])
def test_eds2022_rating_refuses_impossible_scores(score):
    with pytest.raises(ValueError, match="0 to 33"):
        eds2022_rating(score)


@given(st.lists(st.integers(0, 3), min_size=11, max_size=11))
def test_overall_score_is_the_sum_of_domain_totals_and_outcomes(scores):
    grading = grade_eds([eds2022("2024-25", scores)])
    assert grading.score == sum(scores)
    assert sum(domain.total for domain in grading.domains) == sum(scores)
    assert [outcome.grade for domain in grading.domains for outcome in domain.outcomes] == [
        GRADES[score] for score in scores]


def test_domains_show_their_outcomes_and_totals():
    grading = grade_eds([eds2022("2024-25", [1, 2, 1, 2, 0, 1, 1, 2, 3, 2, 2])])
    assert [(domain.name, domain.total) for domain in grading.domains] == [
        ("Commissioned or provided services", 6), ("Workforce health and well-being", 4),
        ("Inclusive leadership", 7)]
    assert [outcome.code for outcome in grading.domains[2].outcomes] == ["3A", "3B", "3C"]
    assert grading.domains[2].outcomes[0].grade == "Excelling"
    assert grading.rating == "Developing"


def test_unscored_or_missing_eds2022_outcomes_make_it_incomplete_and_unrated():
    assessment = Eds.model_validate({
        "id": "2024-25", "framework": "eds2022", "period_start": "2024-04-01", "period_end": "2025-03-31",
        "outcomes": {code: {"score": 3} for code in EDS2022.codes if code not in ("1C", "3B")} | {"1C": {}},
    })
    grading = grade_eds([assessment])
    assert grading.missing == ("1C", "3B")
    assert not grading.complete
    assert grading.score is None and grading.rating is None
    assert grading.domains[0].total is None and grading.domains[0].missing == ("1C",)
    assert grading.domains[1].total == 12


@pytest.mark.parametrize(("evidenced", "grade"), [
    (0, "Undeveloped"), (2, "Undeveloped"), (3, "Developing"), (5, "Developing"),
    (6, "Achieving"), (8, "Achieving"), (9, "Achieving"),
])
def test_eds2_grade_boundaries(evidenced, grade):
    assert eds2_grade(NINE[:evidenced], all_fare_well=False) == grade


def test_eds2_excelling_needs_all_nine_evidenced_and_all_faring_well():
    assert eds2_grade(NINE, all_fare_well=True) == "Excelling"
    assert eds2_grade(NINE[:8], all_fare_well=True) == "Achieving"
    assert eds2_grade([], all_fare_well=True) == "Undeveloped"


def test_eds2_counts_only_distinct_protected_characteristics():
    assert eds2_grade(["race", "race", "sex", "socio-economic", "carers"], all_fare_well=False) == "Undeveloped"
    assert eds2_grade(["race", "sex", "age", "carers"], all_fare_well=False) == "Developing"


def all_eds2(characteristics: list[str]) -> dict[str, list[str]]:
    return dict.fromkeys(EDS2.codes, characteristics)


def test_eds2_goal_summaries_count_outcomes_per_grade():
    grades = all_eds2(NINE[:6]) | {"1.1": NINE[:3], "1.2": [], "4.3": NINE}
    grading = grade_eds([eds2("2024-25", grades, fare_well=("4.3",))])
    assert isinstance(grading, Eds2Grading)
    better_health = grading.goals[0]
    assert better_health.name == "Better health outcomes"
    assert better_health.grade_counts == {"Undeveloped": 1, "Developing": 1, "Achieving": 3, "Excelling": 0}
    assert grading.goals[3].grade_counts == {"Undeveloped": 0, "Developing": 0, "Achieving": 2, "Excelling": 1}
    assert grading.complete


def test_eds2_incomplete_when_an_outcome_is_missing_or_ungraded():
    grades: dict[str, list[str] | None] = {**all_eds2(NINE[:6]), "3.2": None}
    del grades["2.3"]
    grading = grade_eds([eds2("2024-25", grades)])
    assert grading.missing == ("2.3", "3.2")
    assert grading.goals[1].missing == ("2.3",)
    assert grading.goals[1].grade_counts["Achieving"] == 3


def test_eds2022_change_from_the_previous_year():
    previous = eds2022("2023-24", scores_totalling(21), "2023-04-01", "2024-03-31")
    current = eds2022("2024-25", scores_totalling(23))
    grading = grade_eds([current, previous])
    assert grading.comparison.previous_id == "2023-24" and grading.comparison.note is None
    assert grading.change.score_change == 2
    assert grading.change.previous_rating == "Developing"
    assert grading.change.rating_change == "Developing to Achieving"
    same = grade_eds([eds2022("2024-25", scores_totalling(20)), previous]).change
    assert (same.score_change, same.rating_change) == (-1, "unchanged")


def test_the_assessment_asked_for_is_compared_with_the_one_before_it():
    history = [eds2022("2022-23", scores_totalling(10), "2022-04-01", "2023-03-31"),
               eds2022("2023-24", scores_totalling(15), "2023-04-01", "2024-03-31"),
               eds2022("2024-25", scores_totalling(30))]
    assert grade_eds(history).change.previous_id == "2023-24"
    grading = grade_eds(history, "2023-24")
    assert (grading.id, grading.change.previous_id, grading.change.score_change) == ("2023-24", "2022-23", 5)
    assert grade_eds(history, "2022-23").comparison.note == "there is no earlier assessment to compare with"


def test_no_change_against_an_incomplete_assessment():
    previous = eds2022("2023-24", [None] + scores_totalling(10)[1:], "2023-04-01", "2024-03-31")
    grading = grade_eds([eds2022("2024-25", scores_totalling(23)), previous])
    assert grading.change is None
    assert grading.comparison.note == "the previous assessment 2023-24 is incomplete, so it is not compared"


def test_no_change_across_frameworks():
    previous = eds2("2023-24", all_eds2(NINE[:6]), end="2024-03-31")
    grading = grade_eds([eds2022("2024-25", scores_totalling(23)), previous])
    assert grading.change is None
    assert "used eds2, not eds2022" in grading.comparison.note


def test_eds2_grade_changes_per_outcome():
    previous = eds2("2023-24", all_eds2(NINE[:6]) | {"1.1": NINE[:3], "1.2": NINE[:8]}, end="2024-03-31")
    current = eds2("2024-25", all_eds2(NINE[:6]) | {"1.2": NINE[:2]})
    changes = {change.code: change for change in grade_eds([previous, current]).changes}
    assert len(changes) == 18
    assert (changes["1.1"].previous, changes["1.1"].current, changes["1.1"].movement) == (
        "Developing", "Achieving", "improved")
    assert changes["1.2"].movement == "declined"
    assert changes["3.3"].movement == "unchanged"


def test_choosing_an_assessment_that_does_not_exist():
    with pytest.raises(EdsAssessmentMissing, match="no EDS assessment with id 2019-20; the assessments are 2024-25"):
        grade_eds([eds2022("2024-25", scores_totalling(5))], "2019-20")
    with pytest.raises(EdsAssessmentMissing, match="there is no EDS assessment"):
        grade_eds([])
