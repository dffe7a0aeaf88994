"""Planned and draft publications show as in hand but meet no duty until published (issue 11)."""

from __future__ import annotations

from obligation_builders import evaluate, organisation, publication

TRUST = organisation("england", sector="nhs-trust", headcount={"2024-03-31": 3000})


def test_a_draft_pay_gap_report_is_in_hand_but_does_not_meet_the_duty() -> None:
    draft = publication("PUB-002", "gender-pay-gap", None, period="2024-25", status="draft",
                        planned="2025-03-20", title="Gender pay gap report 2024.")
    gap = evaluate(TRUST, [draft], "2025-03-01")["gpg-2024"]
    assert (gap.status, gap.evidence, gap.in_hand) == ("due", None, "PUB-002")
    assert ("in hand: Gender pay gap report 2024 (draft, expected 20 March 2025); it meets the duty once "
            "published") in gap.note


def test_a_planned_annual_publication_is_in_hand_for_a_rolling_duty() -> None:
    planned = publication("PUB-003", "equality-information", None, status="planned", title="Equality information")
    information = evaluate(TRUST, [planned], "2025-06-01")["england-equality-information"]
    assert (information.status, information.in_hand) == ("overdue", "PUB-003")
    assert "in hand: Equality information (planned)" in information.note


def test_once_published_it_meets_the_duty() -> None:
    out = publication("PUB-002", "gender-pay-gap", "2025-03-20", period="2024-25")
    gap = evaluate(TRUST, [out], "2025-04-01")["gpg-2024"]
    assert (gap.status, gap.evidence, gap.in_hand) == ("met", "PUB-002", None)


def test_a_recorded_modern_slavery_statement_meets_its_duty_without_the_opt_in_flag() -> None:
    statement = publication("PUB-004", "modern-slavery", "2024-09-01", period="2023-24", scope="system")
    found = evaluate(organisation("england"), [statement], "2024-10-01")
    assert (found["modern-slavery-2023-24"].status, found["modern-slavery-2023-24"].evidence) == ("met", "PUB-004")


def test_a_planned_modern_slavery_statement_opts_in_and_is_in_hand() -> None:
    planned = publication("PUB-005", "modern-slavery", None, period="2024-25", status="planned")
    statement = evaluate(organisation("england"), [planned], "2025-08-01")["modern-slavery-2024-25"]
    assert (statement.status, statement.in_hand) == ("due", "PUB-005")
