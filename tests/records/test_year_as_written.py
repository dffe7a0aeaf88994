"""A reporting year as documents write it ("EDS2 2020/21"), read into its first and last days."""

from __future__ import annotations

import datetime as dt

import pytest

from equitykit.records.eds import Eds
from equitykit.records.years import year_as_written


@pytest.mark.parametrize("text", ["2020/21", "2020-21", "2020-2021", "2020/2021", "2020 to 2021", "2020–21"])
def test_the_ways_a_year_is_written(text: str) -> None:
    year = year_as_written(text)
    assert year is not None and (year.start, year.end) == (dt.date(2020, 4, 1), dt.date(2021, 3, 31))


@pytest.mark.parametrize("text", ["2020/22", "2020", "2020-2022", "20/21", "1999/00x"])
def test_what_names_no_year(text: str) -> None:
    assert year_as_written(text) is None


def test_the_turn_of_a_century() -> None:
    year = year_as_written("1999/00")
    assert year is not None and year.start == dt.date(1999, 4, 1)


def test_an_assessment_given_its_year_holds_its_days_and_its_year_as_written() -> None:
    eds = Eds.model_validate({"id": "2020-21", "framework": "eds2", "year": "2020/21"})
    assert (eds.period_start, eds.period_end, eds.year) == (dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020/21")
    assert eds.year_days == (eds.period_start, eds.period_end)
