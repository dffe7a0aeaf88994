"""Scotland (SSI 2012/162): rolling reports (regs 3, 4) against fixed 30 April cycles (regs 7, 8)."""

from __future__ import annotations

import datetime as dt

import pytest
from obligation_builders import evaluate, organisation, publication

SCOTLAND = organisation("scotland", headcount={"2024-03-31": 400, "2025-03-31": 400})


def test_rolling_reports_move_with_each_publication() -> None:
    papers = [publication("PUB-001", "mainstreaming-report", "2024-01-15"),
              publication("PUB-002", "equality-outcomes", "2021-04-30")]
    found = evaluate(SCOTLAND, papers, "2025-06-01")
    assert found["scotland-mainstreaming-report"].due == dt.date(2026, 1, 15)
    assert found["scotland-equality-outcomes"].due == dt.date(2025, 4, 30)
    assert found["scotland-equality-outcomes"].status == "overdue"


def test_no_history_is_overdue_from_30_april_2013() -> None:
    found = evaluate(SCOTLAND, [], "2025-06-01")
    for rule in ("scotland-mainstreaming-report", "scotland-equality-outcomes"):
        assert (found[rule].due, found[rule].status) == (dt.date(2013, 4, 30), "overdue")


def test_fixed_cycles_do_not_move_with_publication_dates() -> None:
    early = [publication("PUB-003", "scottish-pay-gap", "2024-12-01"),
             publication("PUB-004", "equal-pay-statement", "2025-04-30")]
    found = evaluate(SCOTLAND, early, "2025-06-01")
    assert (found["scotland-pay-gap-2025"].status, found["scotland-pay-gap-2025"].evidence) == ("met", "PUB-003")
    assert found["scotland-pay-gap-2027"].due == dt.date(2027, 4, 30)
    assert found["scotland-equal-pay-statement-2025"].evidence == "PUB-004"
    assert found["scotland-equal-pay-statement-2029"].due == dt.date(2029, 4, 30)


@pytest.mark.parametrize(("as_of", "pay_gap", "equal_pay"), [
    ("2021-04-29", ["2019", "2021"], ["2017", "2021"]),
    ("2021-05-01", ["2021", "2023"], ["2021", "2025"]),
    ("2025-04-30", ["2023", "2025"], ["2021", "2025"]),
])
def test_pay_gap_every_second_year_and_equal_pay_every_fourth(as_of: str, pay_gap: list[str],
                                                              equal_pay: list[str]) -> None:
    found = evaluate(organisation("scotland", headcount={"2013-03-31": 400}), [], as_of)
    assert sorted(i.rsplit("-", 1)[1] for i in found if i.startswith("scotland-pay-gap-")) == pay_gap
    assert sorted(i.rsplit("-", 1)[1] for i in found if i.startswith("scotland-equal-pay-")) == equal_pay


@pytest.mark.parametrize(("employees", "status"), [(19, "not-applicable"), (20, "due")])
def test_pay_duties_need_20_employees(employees: int, status: str) -> None:
    body = organisation("scotland", headcount={"2025-03-31": employees})
    found = evaluate(body, [], "2025-04-30")
    assert found["scotland-pay-gap-2025"].status == status
    assert found["scotland-equal-pay-statement-2025"].status == status
    if status == "not-applicable":
        assert "19 employees on 31 March 2025: below the 20 threshold" in found["scotland-pay-gap-2025"].note
    assert found["scotland-mainstreaming-report"].status == "overdue"


def test_progress_on_outcomes_every_two_years_from_30_april_2015() -> None:
    """Reg 4(4): a report on progress towards the outcomes by 30 April 2015, then at most two years after the
    last; with none on record, overdue from its first date."""
    found = evaluate(SCOTLAND, [], "2025-06-01")
    progress = found["scotland-outcomes-progress"]
    assert (progress.due, progress.status, progress.title) == (dt.date(2015, 4, 30), "overdue",
                                                               "Progress on equality outcomes")
    assert "SSI 2012/162 reg 4(4)" in progress.basis


@pytest.mark.parametrize(("duty", "expected_due"), [
    ("equality-outcomes-progress", dt.date(2026, 4, 30)),
    ("mainstreaming-report", dt.date(2026, 4, 30)),
])
def test_progress_on_outcomes_is_met_by_its_own_report_or_the_mainstreaming_report(duty: str,
                                                                                   expected_due: dt.date) -> None:
    """Bodies usually publish one "mainstreaming and equality outcomes progress report": a mainstreaming report
    meets the progress duty too, and a progress report on its own meets it alone."""
    found = evaluate(SCOTLAND, [publication("PUB-001", duty, "2024-04-30")], "2025-06-01")
    progress = found["scotland-outcomes-progress"]
    assert progress.due == expected_due
    assert "last published 2024-04-30 (PUB-001)" in progress.note
    mainstreaming = found["scotland-mainstreaming-report"]
    assert ("PUB-001" in mainstreaming.note) is (duty == "mainstreaming-report")
