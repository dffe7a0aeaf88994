"""A finished action step or objective milestone is marked done in Markdown, HTML and Word alike
(issue 14 item 8: "a finished action step shows (done) in Markdown but nothing in HTML")."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from pathlib import Path

import docx
import pytest

from equitykit.records.repository import load_records
from equitykit.reporting.reports import render_report, render_report_docx

from .conftest import AS_OF, write_files

RECORDS = {
    "actions/ACT-050.yaml": """\
id: ACT-050
title: Steps done and not done
work_stream: Equality impact assessments
lead: Head of Equality
due: 2026-03-31
status: in-progress
milestones:
  - {due: 2025-04-10, activity: Agree the scope, done: true}
  - {due: 2025-04-20, activity: Brief the board}
  - {due: 2025-05-20, activity: "Survey <staff> & *managers*", done: true}
  - {due: 2025-06-20, activity: Publish the findings, done: true}
""",
    "objectives/OBJ-09.yaml": """\
id: OBJ-09
title: Milestones done and not done
characteristics: [race]
psed_aims: [advance-equality]
lead: Director of People
start: 2024-04-01
end: 2027-03-31
status: in-progress
measures:
  - {description: Inclusion lead in post, by: 2025-03-31, done: true, done_on: 2025-02-01}
  - {description: Network chartered, by: 2025-03-31, done: true}
  - {description: Reverse mentoring started, by: 2025-09-30}
""",
}


def row_text(kind: str, root: Path, output_format: str, key: str) -> list[str]:
    """The text of every table row that mentions `key`, as a reader of that format sees it."""
    records = load_records(root)
    as_of = dt.date.fromisoformat(AS_OF)
    if output_format == "docx":
        document = docx.Document(io.BytesIO(render_report_docx(kind, records, as_of)))
        lines = [" | ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
    elif output_format == "html":
        page = render_report(kind, records, as_of, "html")
        lines = [html.unescape(re.sub(r"<[^>]+>", " | ", row.replace("<br>", "\n")))
                 for row in re.findall(r"<tr>.*?</tr>", page, re.S)]
    else:
        # as the Markdown renders: its backslash escapes and character references resolved
        lines = html.unescape(render_report(kind, records, as_of, "md").replace("\\", "")).splitlines()
    return [line for line in lines if key in line]


@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
def test_a_done_action_step_is_marked_in_every_format(trust_root: Path, output_format: str) -> None:
    write_files(trust_root, RECORDS)
    [row] = row_text("actions", trust_root, output_format, "ACT-050")
    for step in ("Agree the scope", "Survey <staff> & *managers*", "Publish the findings"):
        assert f"{step} (done)" in row, (step, row)
    assert "Brief the board (done)" not in row and "Brief the board" in row, row


@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
def test_a_done_objective_milestone_is_marked_in_every_format(trust_root: Path, output_format: str) -> None:
    write_files(trust_root, RECORDS)
    rows = "\n".join(row_text("objectives", trust_root, output_format, "Milestone: "))
    assert re.search(r"Inclusion lead in post.*Done \(1 February 2025\)", rows), rows
    assert re.search(r"Network chartered.*\| Done\b", rows), rows
    assert re.search(r"Reverse mentoring started.*Not done \(due by 30 September 2025\)", rows), rows
