"""Wales (SI 2011/1064): the annual report by 31 March, objectives and the plan every four years."""

from __future__ import annotations

import datetime as dt

import pytest
from obligation_builders import evaluate, organisation, publication

WALES = organisation("wales", sector="local-authority")


def test_only_welsh_duties_and_the_gender_pay_gap_reason() -> None:
    found = evaluate(WALES, [], "2025-06-01")
    assert not any(i.startswith(("england-", "scotland-")) for i in found)
    assert {"wales-annual-report-2023-24", "wales-annual-report-2024-25", "wales-equality-objectives",
            "wales-strategic-equality-plan"} <= set(found)


@pytest.mark.parametrize(("as_of", "status"), [
    ("2026-03-30", "due"), ("2026-03-31", "due"), ("2026-04-01", "overdue")])
def test_annual_report_due_31_march_after_the_reporting_year(as_of: str, status: str) -> None:
    report = evaluate(WALES, [], as_of)["wales-annual-report-2024-25"]
    assert (report.due, report.status) == (dt.date(2026, 3, 31), status)
    assert report.basis == "SI 2011/1064 (W.155) reg 16(1)"


def test_annual_report_met_by_its_period_even_when_published_early_in_the_year() -> None:
    report = publication("PUB-010", "annual-report", "2025-09-30", period="2024-25")
    found = evaluate(WALES, [report], "2025-10-01")
    assert (found["wales-annual-report-2024-25"].status, found["wales-annual-report-2024-25"].evidence) == (
        "met", "PUB-010")
    assert found["wales-annual-report-2023-24"].status == "overdue"


def test_objectives_and_plan_are_separate_rolling_clocks() -> None:
    papers = [publication("PUB-001", "equality-objectives", "2024-02-29"),
              publication("PUB-002", "strategic-equality-plan", "2022-04-01")]
    found = evaluate(WALES, papers, "2025-06-01")
    assert found["wales-equality-objectives"].due == dt.date(2028, 2, 29)
    assert found["wales-strategic-equality-plan"].due == dt.date(2026, 4, 1)
    assert found["wales-strategic-equality-plan"].status == "upcoming"
