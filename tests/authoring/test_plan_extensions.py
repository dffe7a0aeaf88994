"""`new`, `fmt` and `diff` on what real plans publish (issue 11): several leads, due periods and revisions,
milestone measures and EDS2 grades as published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from equitykit.authoring.diff import compare, snapshot
from equitykit.authoring.fmt import format_text
from equitykit.authoring.new import new_record
from equitykit.records.action import Action
from equitykit.records.loader import load_document
from equitykit.records.objective import Objective

ACTION = "id: ACT-001\ntitle: Review the policy\nwork_stream: Workforce\nlead: [Head of HR, Equality Lead]\n"
EDS2 = "id: 2020-21\nframework: eds2\nperiod_start: 2020-04-01\nperiod_end: 2021-03-31\noutcomes:\n"


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    encode = lambda files: {name: text.encode() for name, text in files.items()}  # noqa: E731
    return [change.summary for change in compare(snapshot(encode(before)), snapshot(encode(after)))]


def test_diff_names_a_revised_due_date_and_its_reason() -> None:
    before = ACTION + "due: 2025-07-31\nstatus: in-progress\n"
    after = ACTION + ("due: {start: 2025-10-01, end: 2026-01-31}\ndue_history:\n  - due: 2025-07-31\n"
                      "    reason: Training paused.\nstatus: in-progress\n")
    assert changes({"actions/ACT-001.yaml": before}, {"actions/ACT-001.yaml": after}) == [
        "ACT-001: due 31 July 2025 → 1 October 2025 to 31 January 2026 (184 days later); reason: Training paused."]


def test_diff_names_a_due_date_that_became_ongoing() -> None:
    before = ACTION + "due: 2025-07-31\nstatus: in-progress\n"
    after = ACTION + "due: ongoing\nstatus: ongoing\n"
    assert changes({"actions/ACT-001.yaml": before}, {"actions/ACT-001.yaml": after}) == [
        "ACT-001: in-progress (amber) → ongoing (blue)", "ACT-001: due 31 July 2025 → ongoing"]


def test_diff_names_a_carried_forward_status() -> None:
    before = ACTION + "due: ongoing\nstatus: ongoing\n"
    after = ACTION + "due: ongoing\nstatus: carried-forward\ncarried_by: Workforce plan\n"
    assert changes({"actions/ACT-001.yaml": before}, {"actions/ACT-001.yaml": after}) == [
        "ACT-001: ongoing (blue) → carried-forward (purple)", "ACT-001: Carried by: not set → Workforce plan"]


def test_diff_names_an_eds2_grade_as_published() -> None:
    before = EDS2 + "  1.1: {}\n"
    after = EDS2 + "  1.1: {grade: Achieving}\n"
    assert changes({"eds/2020-21.yaml": before}, {"eds/2020-21.yaml": after}) == [
        "EDS 2020-21 outcome 1.1: not graded → Achieving (as published)"]


def test_fmt_orders_a_due_period_a_revision_and_a_risk_by_the_schema() -> None:
    text = ACTION + ("due: {end: 2026-01-31, start: 2025-10-01}\ndue_history:\n  - reason: Paused.\n    due: ongoing\n"
                     "status: in-progress\nrisks:\n  - mitigation: M\n    risk: R\n")
    formatted = format_text(text, Action)
    assert "due: {start: 2025-10-01, end: 2026-01-31}\n" in formatted  # a short flow mapping stays one line
    assert "  - due: ongoing\n    reason: Paused.\n" in formatted
    assert "  - risk: R\n    mitigation: M\n" in formatted
    assert "lead: [Head of HR, Equality Lead]\n" in formatted


def test_fmt_orders_a_milestone_measure_by_its_own_fields() -> None:
    text = ("id: OBJ-01\ntitle: T\ncharacteristics: [race]\npsed_aims: [advance-equality]\nlead: L\n"
            "start: 2024-04-01\nend: 2028-03-31\nstatus: in-progress\nmeasures:\n"
            "  - done: true\n    by: 2024-10-31\n    description: Lead in post\n"
            "  - trajectory: [{date: 2025-03-31, value: 12}]\n    unit: percent\n    description: BME staff\n")
    formatted = format_text(text, Objective)
    assert "  - description: Lead in post\n    by: 2024-10-31\n    done: true\n" in formatted
    assert ("  - description: BME staff\n    unit: percent\n    trajectory:\n"
            "      - {value: 12, date: 2025-03-31}\n") in formatted  # a short flow row stays one line


def test_new_eds2_offers_the_grade_as_published(root: Path) -> None:
    organisation = root / "equitykit.yaml"
    organisation.write_text(organisation.read_text().replace("eds_framework: eds2022", "eds_framework: eds2"))
    assert "eds_framework: eds2\n" in organisation.read_text()
    path = new_record(root, "eds", dt.date(2025, 6, 1))
    outcome = load_document(path, "x").data["outcomes"]["1.1"]
    assert list(outcome) == ["characteristics", "all_fare_well", "grade", "evidence", "graded_by"]
    assert "EDS2: the grade as published" in path.read_text()


def test_new_action_writes_lead_not_its_older_name(root: Path) -> None:
    data = load_document(new_record(root, "action", dt.date(2025, 6, 1)), "x").data
    assert "lead" in data and "lead_officer" not in data
