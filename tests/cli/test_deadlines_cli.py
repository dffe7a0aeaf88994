"""`equitykit deadlines`: every option, format and exit code, on a records folder built in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from equitykit.cli import app

ORGANISATION = """\
name: Testshire Borough Council
code: TBC
sector: local-authority
jurisdiction: england
headcount:
  - date: 2024-03-31
    employees: 163
  - date: 2025-03-31
    employees: 140
alternative_formats:
  email: equality@testshire.example
"""

PUBLICATIONS = {
    "PUB-001": "title: Equality information 2025\nduty: equality-information\npublished: 2025-01-31\n",
    "PUB-002": "title: Equality objectives 2024-28\nduty: equality-objectives\npublished: 2024-04-01\n",
}

ACTION = """\
id: ACT-014
title: "Review pay, grading\\nand job evaluation"
work_stream: Pay
lead: Head of Reward
due: 2026-03-31
status: in-progress
"""

runner = CliRunner()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """An English council below the pay gap threshold, with recent publications and one action."""
    folder = tmp_path / "records"
    (folder / "publications").mkdir(parents=True)
    (folder / "actions").mkdir()
    (folder / "equitykit.yaml").write_text(ORGANISATION)
    for record_id, text in PUBLICATIONS.items():
        (folder / "publications" / f"{record_id}.yaml").write_text(f"id: {record_id}\n{text}")
    (folder / "actions" / "ACT-014.yaml").write_text(ACTION)
    return folder


def run(*args: str) -> object:
    return runner.invoke(app, ["deadlines", *args], env={"NO_COLOR": "1", "COLUMNS": "200"})


def _json(root: Path, *args: str) -> list[dict]:
    result = run(str(root), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_text_table_lists_every_obligation_in_words(root: Path) -> None:
    result = run(str(root), "--as-of", "2025-06-01")
    assert result.exit_code == 0
    for text in ("england-equality-information", "action-ACT-014", "gpg-2024", "not applicable",
                 "upcoming", "163 employees"):
        assert text in result.stdout
    assert "\x1b[" not in result.stdout


def test_json_keys_order_and_sources(root: Path) -> None:
    obligations = _json(root, "--as-of", "2025-06-01")
    assert all(set(o) == {"id", "duty", "title", "due", "status", "basis", "evidence", "source", "note", "in_hand"}
               for o in obligations)
    by_id = {o["id"]: o for o in obligations}
    assert by_id["england-equality-information"]["due"] == "2026-01-31"
    assert by_id["england-equality-information"]["source"] is None
    assert by_id["action-ACT-014"]["source"] == {"file": "actions/ACT-014.yaml", "line": 5}
    assert by_id["gpg-2024"]["status"] == "not-applicable"
    applicable = [o for o in obligations if o["status"] != "not-applicable"]
    assert [o["due"] for o in applicable] == sorted(o["due"] for o in applicable)
    assert obligations[-1]["status"] == "not-applicable"


def test_overdue_obligations_come_first(root: Path) -> None:
    obligations = _json(root, "--as-of", "2026-02-01")
    assert obligations[0]["id"] == "england-equality-information"
    assert obligations[0]["status"] == "overdue"


@pytest.mark.parametrize(("window", "status"), [("60", "upcoming"), ("302", "upcoming"), ("303", "due")])
def test_window_decides_due_or_upcoming(root: Path, window: str, status: str) -> None:
    by_id = {o["id"]: o for o in _json(root, "--as-of", "2025-06-01", "--window", window)}
    assert by_id["action-ACT-014"]["status"] == status


def test_ics_calendar_imports_with_one_event_per_applicable_obligation(root: Path) -> None:
    applicable = [o for o in _json(root, "--as-of", "2025-06-01") if o["status"] != "not-applicable"]
    result = run(str(root), "--as-of", "2025-06-01", "--format", "ics")
    assert result.exit_code == 0
    events = list(icalendar.Calendar.from_ical(result.stdout).walk("VEVENT"))
    assert len(events) == len(applicable)
    action = next(e for e in events if str(e["UID"]) == "action-ACT-014@tbc.equitykit")
    assert str(action["SUMMARY"]) == "Review pay, grading\nand job evaluation"
    assert b"SUMMARY:Review pay\\, grading\\nand job evaluation\r\n" in result.stdout_bytes
    assert result.stdout_bytes.count(b"\r\n") == result.stdout_bytes.count(b"\n")


@pytest.mark.parametrize("output_format", ["text", "json", "ics"])
def test_out_writes_the_file_and_nothing_to_stdout(root: Path, tmp_path: Path, output_format: str) -> None:
    target = tmp_path / f"deadlines.{output_format}"
    result = run(str(root), "--as-of", "2025-06-01", "--format", output_format, "--out", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    written = target.read_bytes().decode()
    assert "england-equality-information" in written
    if output_format == "ics":
        assert written.count("\r\n") == written.count("\n")


@pytest.mark.parametrize(("as_of", "fail_on", "code"), [
    ("2025-06-01", "overdue", 0),
    ("2025-06-01", "due", 0),
    ("2025-12-15", "due", 1),
    ("2025-12-15", "overdue", 0),
    ("2026-02-01", "overdue", 1),
    ("2026-02-01", "due", 1),
])
def test_fail_on_exit_codes(root: Path, as_of: str, fail_on: str, code: int) -> None:
    result = run(str(root), "--as-of", as_of, "--fail-on", fail_on, "--format", "json")
    assert result.exit_code == code


def test_explain_prints_rule_source_dates_and_evidence(root: Path) -> None:
    result = run(str(root), "--as-of", "2025-06-01", "--explain", "england-equality-information")
    assert result.exit_code == 0
    for text in ("basis:       SI 2017/353 reg 4(2)", "2025-01-31  last published", "2026-01-31  due",
                 "employee information not required: 140 employees on 31 March 2025"):
        assert text in result.stdout
    action = run(str(root), "--as-of", "2025-06-01", "--explain", "action-ACT-014")
    assert "source:      actions/ACT-014.yaml:5" in action.stdout


def test_explain_as_json(root: Path) -> None:
    result = run(str(root), "--as-of", "2025-06-01", "--explain", "gpg-2024", "--format", "json")
    detail = json.loads(result.stdout)
    assert detail["id"] == "gpg-2024"
    assert {"label": "snapshot date", "date": "2024-03-31"} in detail["dates"]


def test_explain_unknown_id_suggests_the_closest(root: Path) -> None:
    result = run(str(root), "--as-of", "2025-06-01", "--explain", "gpg-2023")
    assert result.exit_code == 2
    assert "did you mean" in result.stderr and "gpg-2024" in result.stderr
    nothing_alike = run(str(root), "--as-of", "2025-06-01", "--explain", "zzz")
    assert nothing_alike.exit_code == 2
    assert "known ids: " in nothing_alike.stderr and "action-ACT-014" in nothing_alike.stderr


@pytest.mark.parametrize("args", [
    ["--as-of", "31/03/2025"],
    ["--format", "pdf"],
    ["--window", "-1"],
    ["--fail-on", "met"],
])
def test_usage_errors_exit_2(root: Path, args: list[str]) -> None:
    result = run(str(root), *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_no_records_folder_exits_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing")).exit_code == 2
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "no equitykit.yaml" in result.stderr


def test_invalid_organisation_exits_2(root: Path) -> None:
    (root / "equitykit.yaml").write_text("name: Testshire Borough Council\n")
    result = run(str(root))
    assert result.exit_code == 2
    assert "equitykit validate" in result.stderr


def test_invalid_records_are_named_on_stderr_the_rest_computed_and_exit_1(root: Path) -> None:
    (root / "actions" / "ACT-015.yaml").write_text("id: ACT-015\ntitle: Unfinished\n")
    result = run(str(root), "--as-of", "2025-06-01", "--format", "json")
    assert result.exit_code == 1
    assert "1 record file has errors: actions/ACT-015.yaml" in result.stderr
    assert "action-ACT-014" in {o["id"] for o in json.loads(result.stdout)}


def test_fail_on_fails_when_a_record_has_problems(root: Path) -> None:
    """A broken action file hides its deadline, so a CI gate cannot pass on the rest."""
    assert run(str(root), "--as-of", "2025-06-01", "--fail-on", "overdue").exit_code == 0
    (root / "actions" / "ACT-015.yaml").write_text("id: ACT-015\ntitle: Unfinished\n")
    result = run(str(root), "--as-of", "2025-06-01", "--fail-on", "overdue")
    assert result.exit_code == 1
    assert "1 record file has errors: actions/ACT-015.yaml" in result.stderr


def test_piped_text_table_never_cuts_an_id(root: Path) -> None:
    result = runner.invoke(app, ["deadlines", str(root), "--as-of", "2025-06-01"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any("england-equality-information" in line for line in lines)
    assert any("england-equality-objectives" in line for line in lines)


def test_explain_says_which_record_would_meet_a_duty_that_has_none(root: Path) -> None:
    result = run(str(root), "--as-of", "2026-03-01", "--explain", "england-equality-information")
    assert result.exit_code == 0
    assert ("to meet it:  a publications/ record with duty: equality-information, published on or before "
            "2026-01-31") in result.stdout
    action = run(str(root), "--as-of", "2025-06-01", "--explain", "action-ACT-014", "--format", "json")
    assert json.loads(action.stdout)["to_meet_it"] == (
        "set status: complete and a completed: date in actions/ACT-014.yaml")
