"""Complementary suppression across pooled and member cells of the system report: no number a member
hides can be worked out from a pooled figure less the other members' own figures, nor from the
pooled total of relevant employees less the men or women shown.

The adversary knows every member count that is not small (each member publishes its own figures)
and every pooled figure the system report shows; `recoverable` says what such a sum gives back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from adversary import recoverable
from equitykit.cli import app
from equitykit.reporting.reports.suppression import SUPPRESSED, Suppressor, is_small
from equitykit.system import system_status
from equitykit.system.disclosure import hides_more, protect_standard
from equitykit.system.members import STANDARDS, WRES, MemberSummary, StandardCounts, StandardSpec
from equitykit.system.pooling import PooledStandard, pool_standard

from .conftest import AS_OF, ICB, SYSTEM

NOTE = "A system figure is hidden too where it would reveal a number that an organisation hides"


def sides(pooled: PooledStandard, spec: StandardSpec) -> Iterator[tuple[str, str, dict[str, int]]]:
    """Each figure of `pooled` ("share", or a likelihood number and "ratio" or a group's rate) with each
    member count it adds up: a group's staff, those meeting an outcome, and those not meeting it."""
    members = range(len(pooled.contributions))

    def counts(name: str, group: str, less: str | None = None) -> dict[str, int]:
        return {str(m): getattr(pooled.contributions[m], name).get(group, 0)
                - (getattr(pooled.contributions[m], less).get(group, 0) if less else 0) for m in members}

    for group in (spec.groups.focus, spec.groups.reference):
        yield "share", "share", counts("staff", group)
    for lk, (_, met, population) in zip(pooled.likelihoods, spec.likelihoods, strict=True):
        for group in lk.rates:
            for side in (counts(met, group), counts(population, group, met)):
                yield lk.number, group, side
                yield lk.number, "ratio", side


def shown(pooled: PooledStandard, figure: str, cell: str, threshold: int) -> bool:
    """Whether the system report publishes that figure of `pooled` as a number (not `[c]`, as a figure
    resting on a small number is, nor the reason it cannot be computed)."""
    suppressor = Suppressor(threshold)
    if figure == "share":
        value = pooled.share
    else:
        lk = next(lk for lk in pooled.likelihoods if lk.number == figure)
        value = lk.ratio if cell == "ratio" else lk.rates[cell]
    return value.value is not None and suppressor.figure(value) != SUPPRESSED


def given_back(pooled: PooledStandard, spec: StandardSpec, threshold: int) -> list[str]:
    """Every member number a published figure of `pooled` gives back."""
    found = []
    for figure, cell, counts in sides(pooled, spec):
        if shown(pooled, figure, cell, threshold):
            published = {m: SUPPRESSED if is_small(count, threshold) else str(count) for m, count in counts.items()}
            found += [f"{figure} {cell}: {what}" for what in recoverable(counts, published, threshold)]
    return found


def member(name: str, counts: StandardCounts) -> MemberSummary:
    return MemberSummary(name, "member", name, sector="nhs-trust", workforce={dt.date(2025, 3, 31): {"wres": counts}})


def wres_counts(staff: tuple[int, int], process: tuple[int, int]) -> StandardCounts:
    def of(pair: tuple[int, int]) -> dict[str, int]:
        return {"bme": pair[0], "white": pair[1]}
    return StandardCounts(staff=of(staff), shortlisted=of((100, 300)), appointed=of((20, 60)), process=of(process),
                          training=of((staff[0] // 2, staff[1] // 2)))


def test_a_pooled_figure_is_hidden_where_less_the_other_members_it_gives_one_back() -> None:
    # one trust's 2 BME staff in the disciplinary process: the pool's 12 less the other trust's 10
    pooled = pool_standard([member("A", wres_counts((100, 500), (2, 5))),
                            member("B", wres_counts((500, 1500), (10, 15)))], WRES)
    assert pooled is not None
    unprotected, protected = pooled.likelihoods[1], protect_standard(pooled, WRES, 10).likelihoods[1]
    assert Suppressor(10).figure(unprotected.ratio) == "2.00" and given_back(pooled, WRES, 10)
    assert Suppressor(10).figure(protected.ratio) == SUPPRESSED
    assert Suppressor(10).figure(protected.rates["bme"]) == SUPPRESSED
    assert hides_more(pooled, protect_standard(pooled, WRES, 10), 10)  # so the report's note says why


def test_two_small_members_that_together_reach_the_threshold_leave_the_pooled_figure_shown() -> None:
    pooled = pool_standard([member("A", wres_counts((100, 500), (4, 20))),
                            member("B", wres_counts((500, 1500), (6, 30)))], WRES)
    assert pooled is not None
    protected = protect_standard(pooled, WRES, 10)
    # 4 + 6 = 10 of 600 BME staff: 1.7%, the hidden 4 and 6 not told apart
    assert Suppressor(10).figure(protected.likelihoods[1].rates["bme"]) == "1.7"
    assert given_back(protected, WRES, 10) == []
    assert not hides_more(pooled, protected, 10)


counts = st.tuples(st.integers(0, 40), st.integers(0, 40))


@st.composite
def members(draw: st.DrawFn) -> list[MemberSummary]:
    found = []
    for index in range(draw(st.integers(1, 4))):
        staff = draw(counts)
        process = (draw(st.integers(0, staff[0])), draw(st.integers(0, staff[1])))
        found.append(member(f"M{index}", wres_counts(staff, process)))
    return found


@given(members(), st.integers(2, 11))
def test_no_published_pooled_figure_gives_a_member_number_back(found: list[MemberSummary], threshold: int) -> None:
    pooled = pool_standard(found, WRES)
    assert pooled is not None
    assert given_back(protect_standard(pooled, WRES, threshold), WRES, threshold) == []


def table(text: str, caption: str) -> list[list[str]]:
    """The body rows of the Markdown table with `caption`, cell by cell (`[c]` unescaped)."""
    found = re.search(rf"Table: {re.escape(caption)}\n\n\|.*\|\n\|.*\|\n((?:\|.*\|\n)+)", text)
    assert found, caption
    return [[cell.strip().replace("\\[c\\]", SUPPRESSED) for cell in line.strip("|").split(" | ")]
            for line in found.group(1).splitlines()]


def published(text: str, spec: StandardSpec, trend: list[PooledStandard]) -> list[tuple[PooledStandard, str, str, str]]:
    """Each pooled figure cell of the report: the trend table's share and ratios at every date, and the
    pooled table's rates and ratio at the latest (pooled, figure, cell as in `sides`, text shown)."""
    rows = table(text, f"System {spec.short} figures at each date")
    assert len(rows) == len(trend)
    cells = []
    for pooled, row in zip(trend, rows, strict=True):
        cells.append((pooled, "share", "share", row[2]))
        cells += [(pooled, lk.number, "ratio", row[3 + i]) for i, lk in enumerate(pooled.likelihoods)]
    groups = (spec.groups.focus, spec.groups.reference, "ratio")
    for row in table(text, f"System {spec.short} figures, pooled")[1:]:
        number = row[0].split(":")[0].split()[-1]
        cells += [(trend[-1], number, cell, shown) for cell, shown in zip(groups, row[1:4], strict=True)]
    return cells


def test_the_system_report_gives_no_member_number_back() -> None:
    """Each pooled figure the report shows, at every date, against the members' counts it adds up. In
    the fixture, the ICB's 2 BME staff in the disciplinary process on 31 March 2025 were the pooled 12
    less Trentside's 10, so the pooled indicator 3 is hidden in every table that shows it."""
    status = system_status(SYSTEM / ICB, dt.date.fromisoformat(AS_OF))
    threshold = max(m.threshold for m in status.members)
    text = CliRunner().invoke(app, ["report", "system", str(SYSTEM / ICB), "--as-of", AS_OF]).stdout
    checked = 0
    for spec in STANDARDS:
        trend = getattr(status, f"{spec.name}_trend")
        for pooled, figure, cell, shown in published(text, spec, trend):
            if not re.fullmatch(r"[\d.,]+%?", shown):
                continue
            for side_figure, side_cell, counts in sides(pooled, spec):
                if (side_figure, side_cell) == (figure, cell):
                    members = {m: SUPPRESSED if is_small(n, threshold) else str(n) for m, n in counts.items()}
                    assert recoverable(counts, members, threshold) == [], (pooled.snapshot, figure, cell)
                    checked += 1
    assert checked > 40
    assert table(text, "System WRES figures at each date")[-1][4] == SUPPRESSED
    assert NOTE in text


def test_pooled_men_and_women_give_back_neither_a_member_nor_each_other(system: Path) -> None:
    paygap = system.parent / "cannock-vale-council" / "paygap"
    record = next(paygap.glob("*.yaml"))
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"male_relevant: \d+", "male_relevant: 3", text, count=1), encoding="utf-8")
    report = CliRunner().invoke(app, ["report", "system", str(system), "--as-of", AS_OF]).stdout
    facts = dict(re.findall(r"- \*\*(Relevant employees across the system|Men|Women):\*\* (.*)", report))
    assert facts["Men"] == facts["Women"] == "\\[c\\]", facts
    assert facts["Relevant employees across the system"] != "\\[c\\]"
    assert NOTE in report
