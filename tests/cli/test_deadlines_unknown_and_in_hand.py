"""`deadlines` in every format: an unknown headcount is `unknown` with its fix, never overdue, and
a draft publication shows as in hand (issue 11)."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from equitykit.cli import app

FIXTURES = Path(__file__).parent.parent / "fixtures"
DRAFT = ("id: PUB-002\ntitle: Gender pay gap 2025\nduty: gender-pay-gap\nstatus: draft\nplanned: 2026-03-01\n"
         "period: 2025-26\n")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    shutil.copytree(FIXTURES / "valid", folder)
    (folder / "publications" / "PUB-002.yaml").write_text(DRAFT, encoding="utf-8")
    return folder


def _run(root: Path, *args: str):
    return CliRunner().invoke(app, ["deadlines", str(root), "--as-of", "2025-06-01", *args])


def test_json_reports_unknown_and_in_hand(root: Path) -> None:
    result = _run(root, "--format", "json")
    assert result.exit_code == 0, result.output
    found = {o["id"]: o for o in json.loads(result.stdout)}
    assert found["gpg-2024"]["status"] == "unknown"
    assert "add the headcount at 31 March 2024" in found["gpg-2024"]["note"]
    assert (found["gpg-2025"]["status"], found["gpg-2025"]["in_hand"]) == ("upcoming", "PUB-002")


def test_text_shows_the_unknown_row_in_words(root: Path) -> None:
    result = CliRunner().invoke(app, ["deadlines", str(root), "--as-of", "2025-06-01"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = next(number for number, line in enumerate(lines) if "gpg-2024" in line)
    row = lines[start]
    assert "unknown" in row and "overdue" not in row
    # the note wraps onto the row's following lines, whose first cell is empty
    note_lines = [row, *itertools.takewhile(lambda line: line.startswith("│            │"), lines[start + 1:])]
    note = " ".join(line.rstrip(" │").rsplit("│", 1)[-1].strip() for line in note_lines)
    assert "add the headcount at 31 March 2024" in note
    assert "1 unknown" in result.stdout


def test_explain_names_the_fix_and_the_draft(root: Path) -> None:
    unknown = _run(root, "--explain", "gpg-2024")
    assert "status:      unknown" in unknown.stdout
    assert "add the headcount at 31 March 2024" in unknown.stdout
    planned = _run(root, "--explain", "gpg-2025")
    assert "in hand:     PUB-002" in planned.stdout


def test_ics_keeps_the_unknown_duty_with_its_status(root: Path) -> None:
    result = _run(root, "--format", "ics")
    assert result.exit_code == 0, result.output
    events = [e for e in icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")]
    gap = next(e for e in events if "gpg-2024" in str(e.get("UID")))
    assert "unknown" in str(gap.get("DESCRIPTION"))
