"""NHS bodies: EDS by 28 February, WRES and WDES by 31 October, with the calendar settings."""

from __future__ import annotations

import datetime as dt

import pytest
from obligation_builders import evaluate, organisation, publication


def _trust(**changes: object) -> object:
    return organisation("england", sector="nhs-foundation-trust", **changes)


@pytest.mark.parametrize(("as_of", "status"), [
    ("2025-02-27", "due"), ("2025-02-28", "due"), ("2025-03-01", "overdue")])
def test_eds_due_28_february(as_of: str, status: str) -> None:
    eds = evaluate(_trust(), [], as_of)["eds-2024-25"]
    assert (eds.due, eds.status) == (dt.date(2025, 2, 28), status)


def test_eds_met_by_a_publication_linking_the_assessment() -> None:
    paper = publication("PUB-001", "eds", "2025-02-20", records=["eds/2024-25"])
    assert evaluate(_trust(), [paper], "2025-06-01")["eds-2024-25"].evidence == "PUB-001"


@pytest.mark.parametrize("sector", ["nhs-trust", "nhs-foundation-trust", "icb"])
def test_wres_and_wdes_due_31_october_for_every_nhs_sector(sector: str) -> None:
    found = evaluate(organisation("england", sector=sector), [], "2025-10-31")
    for standard in ("wres-2025", "wdes-2025"):
        assert (found[standard].due, found[standard].status) == (dt.date(2025, 10, 31), "due")


def test_calendar_settings_move_the_dates() -> None:
    calendar = {"eds_publish_by": "03-31", "workforce_data_as_at": "03-31", "wres_publish_by": "08-31",
                "wdes_publish_by": "09-30"}
    found = evaluate(_trust(calendar=calendar), [], "2025-06-01")
    assert found["eds-2025-26"].due == dt.date(2026, 3, 31)
    assert found["wres-2025"].due == dt.date(2025, 8, 31)
    assert found["wdes-2025"].due == dt.date(2025, 9, 30)


def test_an_override_replaces_only_its_year_and_duty() -> None:
    overrides = [{"duty": "wres", "year": 2025, "due": "2025-09-15"}]
    found = evaluate(_trust(calendar={"overrides": overrides}), [], "2025-06-01")
    assert found["wres-2025"].due == dt.date(2025, 9, 15)
    assert found["wdes-2025"].due == dt.date(2025, 10, 31)
    assert evaluate(_trust(calendar={"overrides": overrides}), [], "2026-06-01")["wres-2026"].due == (
        dt.date(2026, 10, 31))


def test_wres_met_by_a_publication_of_its_year_not_the_previous_one() -> None:
    papers = [publication("PUB-002", "wres", "2024-10-20", period="2024"),
              publication("PUB-003", "wres", "2025-12-01")]
    found = evaluate(_trust(), papers, "2026-01-01")
    assert found["wres-2025"].evidence == "PUB-003"
    assert "31 days late" in found["wres-2025"].note


def test_nhs_standards_are_for_bodies_in_england() -> None:
    found = evaluate(organisation("wales", sector="nhs-trust"), [], "2025-06-01")
    assert not any(i.startswith(("eds-", "wres-", "wdes-")) for i in found)
