"""A date of some precision: read, its earliest and latest day, written back and in words in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from equitykit.checks.validate import validate
from equitykit.i18n import language
from equitykit.records.dates import PartialDate, date_words, reading_of, span_words

D = dt.date


@pytest.mark.parametrize("value, precision, earliest, latest", [
    ("2025", "year", D(2025, 1, 1), D(2025, 12, 31)),
    (2025, "year", D(2025, 1, 1), D(2025, 12, 31)),
    ("2024-02", "month", D(2024, 2, 1), D(2024, 2, 29)),
    ("2025-02", "month", D(2025, 2, 1), D(2025, 2, 28)),
    ("2023-10-01", "day", D(2023, 10, 1), D(2023, 10, 1)),
    (D(2023, 10, 1), "day", D(2023, 10, 1), D(2023, 10, 1)),
])
def test_each_precision_has_its_earliest_and_latest_day(value, precision, earliest, latest) -> None:
    date = PartialDate.parse(value)
    assert (date.precision, date.earliest, date.latest) == (precision, earliest, latest)


@pytest.mark.parametrize("text, meant", [
    ("Sept 2021", "2021-09"), ("September 2021", "2021-09"), ("sep. 2021", "2021-09"), ("Medi 2021", "2021-09"),
    ("1 October 2023", "2023-10-01"), ("1st Oct 2023", "2023-10-01"), ("October 1, 2023", "2023-10-01"),
    ("31/03/2025", "2025-03-31"), ("2021/09", "2021-09"), ("2025/3/31", "2025-03-31"), ("03/2025", "2025-03"),
])
def test_a_date_written_in_words_says_which_value_was_meant(text: str, meant: str) -> None:
    with pytest.raises(ValueError, match=f"did you mean `{meant}`"):
        PartialDate.parse(text)
    assert str(reading_of(text)) == meant


@pytest.mark.parametrize("value, reason", [
    ("2025-02-30", "that day does not exist"), ("2025-13", "no such month"), ("soon", "YYYY-MM-DD"),
    ("2024-25", "names a reporting year, not a date"), (202503, "YYYY-MM-DD"), (True, "YYYY-MM-DD"),
    ("30/02/2025", "YYYY-MM-DD"),
])
def test_what_is_not_a_date_says_how_to_write_one(value, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(value)


def test_a_month_of_a_year_label_is_read_as_a_month() -> None:
    assert PartialDate.parse("2011-12") == PartialDate(2011, 12)


@given(st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)), st.sampled_from(["year", "month", "day"]))
def test_what_is_written_reads_back_the_same(day: dt.date, precision: str) -> None:
    date = PartialDate(day.year, None if precision == "year" else day.month, day.day if precision == "day" else None)
    assert PartialDate.parse(date.isoformat()) == date
    assert date.precision == precision
    assert date.earliest <= day <= date.latest


@pytest.mark.parametrize("date, due, on_time", [
    (PartialDate(2025, 3, 30), D(2025, 3, 31), True),
    (PartialDate(2025, 4, 1), D(2025, 3, 31), False),
    (PartialDate(2025, 3), D(2025, 3, 31), True),
    (PartialDate(2025, 3), D(2025, 3, 15), None),
    (PartialDate(2025), D(2025, 3, 31), None),
    (PartialDate(2024), D(2025, 3, 31), True),
    (PartialDate(2026), D(2025, 3, 31), False),
])
def test_on_or_before_a_day_is_known_only_when_the_whole_date_is_on_one_side(date, due, on_time) -> None:
    assert date.on_or_before(due) is on_time


def test_sorting_by_order_puts_the_earlier_first_and_the_shorter_before_the_longer() -> None:
    dates = [PartialDate(2025), PartialDate(2025, 1, 1), PartialDate(2024, 12), PartialDate(2025, 1)]
    assert [str(d) for d in sorted(dates, key=lambda d: d.order)] == ["2024-12", "2025-01-01", "2025-01", "2025"]


@pytest.mark.parametrize("lang, date, words", [
    ("en", PartialDate(2025), "2025"), ("en", PartialDate(2023, 10), "October 2023"),
    ("en", PartialDate(2023, 10, 1), "1 October 2023"), ("en", D(2023, 10, 1), "1 October 2023"),
    ("cy", PartialDate(2025), "2025"), ("cy", PartialDate(2023, 10), "Hydref 2023"),
    ("cy", PartialDate(2023, 10, 1), "1 Hydref 2023"),
])
def test_a_date_is_written_at_its_precision_in_either_language(lang: str, date, words: str) -> None:
    with language(lang):
        assert date_words(date) == words


@pytest.mark.parametrize("lang, start, end, words", [
    ("en", PartialDate(2023, 10, 1), PartialDate(2023, 10, 31), "October 2023"),
    ("en", PartialDate(2023, 10), PartialDate(2023, 10), "October 2023"),
    ("en", PartialDate(2023, 1, 1), PartialDate(2023, 12, 31), "2023"),
    ("en", PartialDate(2013, 4), PartialDate(2013, 5), "April 2013 to May 2013"),
    ("en", D(2025, 4, 1), D(2026, 3, 31), "1 April 2025 to 31 March 2026"),
    ("en", PartialDate(2023, 10, 1), PartialDate(2023, 10, 30), "1 October 2023 to 30 October 2023"),
    ("cy", PartialDate(2023, 10, 1), PartialDate(2023, 10, 31), "Hydref 2023"),
    # Welsh "i" softly mutates a month's name after it; a date that starts with its day does not change
    ("cy", PartialDate(2024, 4), PartialDate(2025, 3), "Ebrill 2024 i Fawrth 2025"),
    ("cy", PartialDate(2025, 4), PartialDate(2025, 5), "Ebrill 2025 i Fai 2025"),
    ("cy", PartialDate(2025, 1), PartialDate(2025, 7), "Ionawr 2025 i Orffennaf 2025"),
    ("cy", PartialDate(2025, 2), PartialDate(2025, 11), "Chwefror 2025 i Dachwedd 2025"),
    ("cy", PartialDate(2024, 1), PartialDate(2024, 12), "2024"),
    ("cy", PartialDate(2024, 2), PartialDate(2024, 12), "Chwefror 2024 i Ragfyr 2024"),
    ("cy", PartialDate(2024, 3), PartialDate(2024, 10), "Mawrth 2024 i Hydref 2024"),
    ("cy", D(2025, 4, 1), D(2026, 3, 31), "1 Ebrill 2025 i 31 Mawrth 2026"),
])
def test_a_whole_month_or_year_reads_as_it(lang: str, start, end, words: str) -> None:
    with language(lang):
        assert span_words(start, end) == words


@pytest.mark.parametrize("file, old, new", [
    ("publications/PUB-001.yaml", "published: 2025-02-20", "published: 2025-02"),
    ("publications/PUB-001.yaml", "published: 2025-02-20", "published: 2025"),
    ("actions/ACT-001.yaml", "due: 2025-09-30", "due: 2025-09"),
    ("actions/ACT-001.yaml", "completed: 2025-09-12", "completed: '2025'"),
])
def test_a_month_or_a_year_validates_where_a_document_gives_no_day(valid_root: Path, file: str, old: str,
                                                                    new: str) -> None:
    path = valid_root / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert [p for p in validate(valid_root, dt.date(2026, 6, 1)).problems if p.severity == "error"] == []


def test_a_date_in_words_is_refused_at_its_line_with_the_value_meant(valid_root: Path) -> None:
    path = valid_root / "publications" / "PUB-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("published: 2025-02-20", "published: Feb 2025"),
                    encoding="utf-8")
    [problem] = [p for p in validate(valid_root).problems if p.code == "EK205"]
    assert (problem.file, problem.line, problem.code, problem.path) == ("publications/PUB-001.yaml", 4, "EK205",
                                                                        "published")
    assert problem.message.endswith("did you mean `2025-02`?")
