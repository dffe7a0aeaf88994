"""System figures are pooled from the members' summed counts on one snapshot date, checked by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from equitykit.system import system_status
from equitykit.system.members import WRES
from equitykit.system.pooling import pool_standard

from .conftest import AS_OF, ICB, SYSTEM

ICB_NAME = "NHS Staffordshire and Stoke-on-Trent Integrated Care Board"
TRENTSIDE = "Trentside Hospitals NHS Trust"
MOORLANDS = "Moorlands Community NHS Foundation Trust"
COUNCIL = "Cannock Vale District Council"


def status():
    return system_status(SYSTEM / ICB, dt.date.fromisoformat(AS_OF))


def ratios(pooled):
    return [lk.ratio.value for lk in pooled.likelihoods]


def test_wres_pooled_from_summed_counts() -> None:
    # 31 March 2025: the ICB (White 500, BME 100 staff) and Trentside (White 1,500, BME 500).
    # Indicator 1: 600 / 2,600 = 23.08% -> 23.1.
    # Indicator 2: White appointed (80 + 120) / (400 + 600) = 20%; BME (20 + 40) / (200 + 400) = 10%: 2.00.
    # Indicator 3: BME (2 + 10) / 600 = 2%; White (5 + 15) / 2,000 = 1%: 2.00.
    # Indicator 4: White (250 + 600) / 2,000 = 42.5%; BME (40 + 150) / 600 = 31.67%: 1.3421 -> 1.34.
    # An average of the two members' own ratios (2.00, 2.00, 1.25 and 1.33) would give 1.29 for indicator 4.
    pooled = status().wres
    assert pooled.snapshot == dt.date(2025, 3, 31)
    assert pooled.included == (ICB_NAME, TRENTSIDE)
    assert pooled.staff == {"bme": 600, "white": 2000}
    assert pooled.share.value == Decimal("23.1")
    assert ratios(pooled) == [Decimal("2.00"), Decimal("2.00"), Decimal("1.34")]


def test_wdes_pooled_from_summed_counts() -> None:
    # Disabled 40 + 160 = 200, non-disabled 500 + 1,700 = 2,200: 200 / 2,400 = 8.33% -> 8.3.
    # Metric 2: non-disabled appointed 300 / 1,500 = 20%; Disabled 40 / 250 = 16%: 1.25.
    # Metric 3: Disabled 4 / 200 = 2%; non-disabled 10 / 2,200 = 0.4545%: 4.40, resting on 4 people.
    pooled = status().wdes
    assert pooled.staff == {"disabled": 200, "non_disabled": 2200}
    assert pooled.share.value == Decimal("8.3")
    assert ratios(pooled) == [Decimal("1.25"), Decimal("4.40")]
    assert pooled.likelihoods[1].ratio.min_count == 4


def test_member_on_another_snapshot_date_is_listed_not_pooled() -> None:
    pooled = status().wres
    missing = {m.name: m.reason for m in pooled.missing}
    assert MOORLANDS not in pooled.included
    assert missing[MOORLANDS] == "no WRES data dated 2025-03-31, its latest is 2024-03-31"
    assert missing[COUNCIL] == "the WRES does not apply to it, as it is not an NHS body"
    assert missing["../broken-member"] == "its records could not be read"


def test_trend_pools_each_date_with_the_members_that_have_it() -> None:
    # 31 March 2024: Trentside (White 1,400, BME 450) and Moorlands (White 900, BME 100): 550 / 2,850 = 19.3%.
    trend = status().wres_trend
    assert [t.snapshot for t in trend] == [dt.date(2024, 3, 31), dt.date(2025, 3, 31)]
    assert trend[0].included == (TRENTSIDE, MOORLANDS)
    assert trend[0].staff == {"bme": 550, "white": 2300}
    assert trend[0].share.value == Decimal("19.3")


def test_snapshot_nobody_has_pools_nothing_and_lists_everyone() -> None:
    pooled = pool_standard(status().members, WRES, dt.date(2023, 3, 31))
    assert pooled.included == ()
    assert pooled.staff == {"bme": 0, "white": 0}
    assert pooled.share.value is None
    assert len(pooled.missing) == 5


def test_paygap_headcounts_pooled_where_given() -> None:
    # 31 March 2024: ICB 300 men + 900 women, Trentside 500 + 1,600, council 400 + 500; Moorlands gave none.
    pooled = status().paygap
    assert (pooled.male, pooled.female, pooled.total) == (1200, 3000, 4200)
    assert pooled.included == (ICB_NAME, TRENTSIDE, COUNCIL)
    assert {m.name: m.reason for m in pooled.missing}[MOORLANDS] == (
        "its pay gap record does not give the relevant employees")


def test_members_as_of_an_earlier_date_leave_later_snapshots_out(tmp_path: Path) -> None:
    earlier = system_status(SYSTEM / ICB, dt.date(2024, 12, 31))
    assert earlier.wres.snapshot == dt.date(2024, 3, 31)
    assert earlier.members[0].wres == ()


def test_members_are_read_one_at_a_time(monkeypatch) -> None:
    """No member's records are still held when the next is read, so memory stays near one member's."""
    import gc
    import weakref

    from equitykit.records import repository
    from equitykit.system import members
    from equitykit.system import status as status_module

    alive: list[weakref.ref] = []
    held_when_loading: list[int] = []

    def tracking(root: Path):
        gc.collect()
        held_when_loading.append(sum(ref() is not None for ref in alive))
        records = repository.load_records(root)
        alive.append(weakref.ref(records))
        return records

    monkeypatch.setattr(members, "load_records", tracking)
    monkeypatch.setattr(status_module, "load_records", tracking)
    status()
    assert held_when_loading == [0, 0, 0, 0, 0]  # the ICB and four members; the broken one is loaded too
