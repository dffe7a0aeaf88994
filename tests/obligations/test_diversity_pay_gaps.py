"""Ethnicity, disability and sexual orientation pay gaps: an NHS England expectation beside the gender
pay gap (EDI Improvement Plan HIA 3), on by default for NHS bodies in England, switchable in equitykit.yaml."""

from __future__ import annotations

import datetime as dt

import pytest
from obligation_builders import evaluate, organisation, publication


@pytest.mark.parametrize("sector", ["nhs-trust", "nhs-foundation-trust", "icb"])
def test_expected_beside_the_gender_pay_gap_for_nhs_bodies_in_england(sector: str) -> None:
    found = evaluate(organisation("england", sector=sector), [], "2025-03-30")["diversity-pay-gaps-2024"]

    assert (found.due, found.status) == (dt.date(2025, 3, 30), "due")
    assert "high impact action 3" in found.basis


def test_met_by_a_publication_linking_a_characteristics_record() -> None:
    paper = publication("PUB-009", "diversity-pay-gaps", "2025-03-14", records=["paygap/2024-03-31-ethnicity"])

    found = evaluate(organisation("england", sector="nhs-trust"), [paper], "2025-06-01")

    assert found["diversity-pay-gaps-2024"].evidence == "PUB-009"


def test_switched_off_in_equitykit_yaml_for_an_nhs_body() -> None:
    body = organisation("england", sector="nhs-trust", calendar={"diversity_pay_gaps": False})

    found = evaluate(body, [], "2025-06-01")["diversity-pay-gaps-2025"]

    assert found.status == "not-applicable"
    assert "calendar.diversity_pay_gaps is false" in found.note


def test_never_seen_by_other_bodies_unless_switched_on() -> None:
    council = organisation("england", sector="local-authority")
    assert not any(key.startswith("diversity-pay-gaps") for key in evaluate(council, [], "2025-06-01"))

    switched_on = organisation("england", sector="local-authority", calendar={"diversity_pay_gaps": True})
    assert evaluate(switched_on, [], "2025-06-01")["diversity-pay-gaps-2025"].due == dt.date(2026, 3, 30)


def test_not_for_bodies_outside_england() -> None:
    found = evaluate(organisation("wales", sector="nhs-trust"), [], "2025-06-01")
    assert not any(key.startswith("diversity-pay-gaps") for key in found)
