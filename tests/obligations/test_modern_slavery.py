"""Modern slavery statement: opt-in, six months after the financial year ends."""

from __future__ import annotations

import datetime as dt

import pytest
from obligation_builders import evaluate, organisation, publication


def test_not_tracked_unless_the_body_opts_in() -> None:
    found = evaluate(organisation(), [], "2025-06-01")
    statements = [o for i, o in found.items() if i.startswith("modern-slavery-")]
    assert [o.status for o in statements] == ["not-applicable"]
    assert "modern_slavery_statement: true" in statements[0].note


@pytest.mark.parametrize(("start", "as_of", "obligation_id", "due"), [
    ("04-01", "2025-09-30", "modern-slavery-2024-25", "2025-09-30"),
    ("01-01", "2025-06-30", "modern-slavery-2024", "2025-06-30"),
    ("07-01", "2025-12-31", "modern-slavery-2024-25", "2025-12-30"),
])
def test_due_six_months_after_the_financial_year_end(start: str, as_of: str, obligation_id: str,
                                                     due: str) -> None:
    body = organisation(modern_slavery_statement=True, financial_year_start=start)
    statement = evaluate(body, [], as_of)[obligation_id]
    assert statement.due == dt.date.fromisoformat(due)


def test_met_by_a_statement_for_the_year() -> None:
    body = organisation(modern_slavery_statement=True)
    paper = publication("PUB-009", "modern-slavery", "2025-09-01", period="2024/25")
    found = evaluate(body, [paper], "2025-10-01")
    assert (found["modern-slavery-2024-25"].status, found["modern-slavery-2024-25"].evidence) == ("met", "PUB-009")
    assert found["modern-slavery-2025-26"].status == "upcoming"
