"""How many EDS outcomes are at each grade: as published, and from the outcomes' grades where every outcome is
graded (issue 22: South Sefton's 'achieving in 15 of 18 outcomes, developing in 3')."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.metrics.eds import grade_counts
from equitykit.records.eds import Eds

SOUTH_SEFTON = Path(__file__).parents[1] / "seeds" / "south-sefton-ccg"
runner = CliRunner()


def eds2(grades: dict[str, int], graded: dict[str, str] | None = None) -> Eds:
    return Eds.model_validate({"id": "2020-21", "framework": "eds2", "year": "2020/21", "published": {"grades": grades},
                               "outcomes": {code: {"grade": grade} for code, grade in (graded or {}).items()}})


def test_counts_for_every_outcome_leave_the_other_grades_at_none() -> None:
    counts = {c.grade: (c.computed, c.published) for c in grade_counts(eds2({"Achieving": 15, "Developing": 3}))}
    assert counts == {"Undeveloped": (None, 0), "Developing": (None, 3), "Achieving": (None, 15),
                      "Excelling": (None, 0)}


def test_counts_for_some_outcomes_leave_the_other_grades_unknown() -> None:
    counts = {c.grade: c.published for c in grade_counts(eds2({"Achieving": 15}))}
    assert counts == {"Undeveloped": None, "Developing": None, "Achieving": 15, "Excelling": None}


def test_the_outcomes_grades_are_counted_only_when_every_outcome_is_graded() -> None:
    some = eds2({"Achieving": 1}, {"1.1": "Achieving"})
    assert all(c.computed is None for c in grade_counts(some))
    codes = ("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
             "4.1", "4.2", "4.3")
    every = eds2({"Achieving": 17, "Developing": 1}, {code: "Achieving" for code in codes} | {"4.3": "Developing"})
    found = {c.grade: c for c in grade_counts(every)}
    assert (found["Achieving"].computed, found["Developing"].codes) == (17, ("4.3",))
    assert not any(c.differs for c in found.values())


def test_grade_eds_shows_the_counts_as_published_in_text_and_json() -> None:
    text = runner.invoke(app, ["grade", "eds", str(SOUTH_SEFTON)])
    assert "Outcomes at each grade" in text.stdout and "As published" in text.stdout
    found = json.loads(runner.invoke(app, ["grade", "eds", str(SOUTH_SEFTON), "--format", "json"]).stdout)
    assert {c["grade"]: c["published"] for c in found["grade_counts"]} == {
        "Undeveloped": 0, "Developing": 3, "Achieving": 15, "Excelling": 0}
