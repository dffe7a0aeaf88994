"""Complementary (secondary) suppression: no hidden count can be worked out from a published total and
the counts shown, in the function and in every report table whose counts add up to a total."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from adversary import recoverable
from equitykit.cli import app
from equitykit.reporting.reports.suppression import SUPPRESSED, Suppressor, complementary, complementary_shares

from .conftest import AS_OF, write_files


@given(st.dictionaries(st.text("abcdefgh", min_size=1, max_size=3), st.integers(0, 60), min_size=1, max_size=8),
       st.integers(2, 11))
def test_no_hidden_count_is_recoverable_from_the_total(counts: dict[str, int], threshold: int) -> None:
    published = Suppressor(threshold).partition(counts)
    small = {key for key, count in counts.items() if 0 < count < threshold}
    assert {key for key, shown in published.items() if shown == SUPPRESSED} >= small
    others = [count for key, count in counts.items() if count > 0 and published[key] != SUPPRESSED]
    hidden = [count for key, count in counts.items() if published[key] == SUPPRESSED]
    if others or (len(hidden) >= 2 and sum(hidden) >= threshold and sum(hidden) > len(hidden)):
        # unless every non-zero count is hidden and the total alone gives them away, nothing is learnt
        assert recoverable(counts, published, threshold) == []


def test_one_small_group_hides_the_next_smallest_too() -> None:
    counts = {"white": 3390, "mixed": 95, "asian": 560, "black": 230, "other": 3, "not-stated": 110}
    assert complementary(counts, 5) == {"other", "mixed"}


def test_hidden_counts_must_together_reach_the_threshold() -> None:
    assert complementary({"a": 1, "b": 2, "c": 4, "d": 400}, 10) == {"a", "b", "c", "d"}
    assert complementary({"a": 1, "b": 2, "c": 9, "d": 400}, 10) == {"a", "b", "c"}


def test_hidden_ones_are_not_pinned_by_their_sum() -> None:
    # five groups of 1 hidden: their sum 5 reaches the threshold but says each is 1
    counts = {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 40, "g": 100}
    assert complementary(counts, 5) == {"a", "b", "c", "d", "e", "f"}


def test_zeros_are_published_and_never_chosen_to_hide() -> None:
    assert complementary({"a": 0, "b": 3, "c": 0, "d": 50}, 5) == {"b", "d"}
    assert complementary({"a": 0, "b": 30}, 5) == set()


def test_the_report_footnote_says_when_further_numbers_were_hidden() -> None:
    suppressor = Suppressor(5)
    suppressor.partition({"a": 3, "b": 40})
    assert "the next smallest numbers are hidden too" in (suppressor.footnote() or "")
    only_small = Suppressor(5)
    only_small.partition({"a": 3, "b": 4})
    assert "next smallest" not in (only_small.footnote() or "")


def test_workforce_profile_tables_give_no_hidden_count_back(trust_root: Path) -> None:
    write_files(trust_root, {"workforce/2025-03-31.yaml": """\
id: 2025-03-31
snapshot: 2025-03-31
headcount: 700
profile:
  race: {white: 600, mixed: 40, asian: 50, black: 7, other: 3}
  sex: {female: 520, male: 180}
  religion-belief: {christianity: 400, islam: 296, judaism: 2, none: 2}
"""})
    text = CliRunner().invoke(app, ["report", "psed", str(trust_root), "--as-of", AS_OF]).stdout
    tables = re.findall(r"Table: Workforce by (\w[\w ]*)\n\n\| Group \| Staff \| Share \|\n\| --- \| --- \| --- \|\n"
                        r"((?:\|.*\|\n)+)", text)
    assert {name for name, _ in tables} >= {"race", "sex", "religion or belief"}
    for name, body in tables:
        rows = [line.strip("|").split(" | ") for line in body.strip().splitlines()]
        published = {row[0].strip(): row[1].strip().replace("\\[c\\]", SUPPRESSED) for row in rows}
        hidden = [group for group, shown in published.items() if shown == SUPPRESSED]
        assert len(hidden) != 1, (name, published)
    assert "the next smallest numbers are hidden too" in text


def test_shares_of_a_whole_hide_the_next_smallest_beside_a_small_groups_share():
    shares = {"white": 70.0, "ethnic-minority": 1.5, "not-disclosed": 28.5}
    assert complementary_shares(shares, {"ethnic-minority"}) == {"ethnic-minority", "not-disclosed"}
    # a small group with no one in the band discloses nothing by subtraction; nothing else is hidden
    assert complementary_shares({**shares, "ethnic-minority": 0.0, "white": 71.5}, {"ethnic-minority"}) == {
        "ethnic-minority"}
    assert complementary_shares(shares, set()) == set()
