"""Reports show what real plans publish (issue 11), in Markdown and HTML: several leads, due dates that are
ongoing or a period with their revisions, risks and mitigations, carried-forward actions, work streams in the
plan's order, milestone measures, interim targets, EDS2 grades as published and WRES targets beside figures."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

from equitykit.obligations import deadlines
from equitykit.records.repository import load_records
from equitykit.reporting.reports import render_report

AS_OF = dt.date(2025, 10, 1)
TRUST_AS_OF = dt.date(2025, 12, 1)
EXAMPLES = Path(__file__).parent.parent.parent / "examples"
ACTIONS = {
    "actions/ACT-001.yaml": """\
id: ACT-001
title: Review the recruitment policy
work_stream: Workforce
lead: [Head of HR, Equality Lead]
due: 2026-01-31
due_history:
  - due: 2025-07-31
    revised: 2025-06-01
    reason: Training paused while staff worked from home.
  - reason: Due by date amended.
status: in-progress
risks:
  - risk: Small number of recruiting managers.
    mitigation: Share the recruitment bias presentation with all of them.
  - mitigation: Ensure the action forms part of ICS and place plans.
""",
    "actions/ACT-002.yaml": """\
id: ACT-002
title: Monitor WRES data
work_stream: Analysis
lead: Equality Lead
due: ongoing
status: carried-forward
carried_by: ACT-003
""",
    "actions/ACT-003.yaml": """\
id: ACT-003
title: Workforce equality action plan
work_stream: Analysis
lead: Head of HR
due: {start: 2025-04-01, end: 2025-05-31}
status: not-started
""",
}
OBJECTIVE = """\
id: OBJ-01
title: A representative workforce
characteristics: [race]
psed_aims: [advance-equality]
lead: Director of People
start: 2024-04-01
end: 2028-03-31
status: in-progress
measures:
  - description: BME staff in bands 8a and above
    unit: percent
    indicator: {standard: wres, number: '1'}
    baseline: {value: 9.5, date: 2024-03-31}
    target: {value: 19, date: 2028-03-31}
    trajectory:
      - {value: 14, date: 2026-03-31}
      - {value: 12, date: 2025-03-31}
  - description: Board-level health inequalities lead in post
    by: 2024-10-31
    done: true
    done_on: 2024-09-01
  - description: Reverse mentoring programme launched
    by: 2025-06-30
"""
EDS2 = """\
id: 2025-26
framework: eds2
period_start: 2025-04-01
period_end: 2026-03-31
outcomes:
  1.1: {grade: Achieving}
  1.2: {grade: Achieving, characteristics: [age, disability, race]}
"""


def records(root: Path) -> Path:
    for name, text in ACTIONS.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "objectives" / "OBJ-01.yaml").write_text(OBJECTIVE, encoding="utf-8")
    return root


def both(root: Path, kind: str) -> list[str]:
    """The report in Markdown and in HTML, as plain text."""
    loaded = load_records(root)
    return both_texts(render_report(kind, loaded, AS_OF, "md"), render_report(kind, loaded, AS_OF, "html"))


def both_texts(markdown: str, page: str) -> list[str]:
    """Markdown and HTML as plain text: escapes, tags and cell borders undone; a cell's lines read as in
    Markdown, which joins them with `;` where a line does not end a sentence."""
    markdown = html.unescape(re.sub(r"\\(.)", r"\1", markdown.replace("|", " ")))
    page = html.unescape(re.sub(r"<[^>]+>", "\n", re.sub(r"(?<![.!?:;,])<br>", ";<br>", page)))
    return [" ".join(text.split()) for text in (markdown, page)]


def test_actions_show_leads_due_dates_revisions_risks_and_carriers(valid_root: Path) -> None:
    for text in both(records(valid_root), "actions"):
        assert "Head of HR; Equality Lead" in text
        assert "31 January 2026; Was 31 July 2025, revised 1 June 2025: Training paused while staff worked from home." \
            in text
        assert "Was an earlier date: Due by date amended." in text
        assert "Risk: Small number of recruiting managers. Mitigation: Share the recruitment bias presentation" in text
        assert "Mitigation: Ensure the action forms part of ICS and place plans." in text
        assert "Carried forward: covered by ACT-003: Workforce equality action plan" in text
        assert "1 April 2025 to 31 May 2025 Not started, overdue (due 1 April 2025 to 31 May 2025)" in text
        assert "Carried forward 1" in text


def test_work_streams_follow_the_plan_not_the_alphabet(valid_root: Path) -> None:
    for text in both(records(valid_root), "actions"):
        assert text.index("Workforce: actions") < text.index("Analysis: actions")


def test_an_ongoing_or_carried_forward_action_has_no_deadline(valid_root: Path) -> None:
    found = {o.id: o for o in deadlines(load_records(records(valid_root)), AS_OF).obligations}
    assert "action-ACT-002" not in found
    assert found["action-ACT-003"].due == dt.date(2025, 5, 31)
    assert found["action-ACT-003"].status == "overdue"
    assert found["action-ACT-001"].description == (
        "Complete the action by its due date (lead: Head of HR; Equality Lead).")


def test_objectives_show_milestones_beside_figures_with_interim_targets(valid_root: Path) -> None:
    for text in both(records(valid_root), "objectives"):
        assert ("19.0% (31 March 2028); Interim target 12.0% (31 March 2025); Interim target 14.0% "
                "(31 March 2026)") in text
        assert "WRES indicator 1" in text
        assert "Milestone: Board-level health inequalities lead in post" in text
        assert "Done by 31 October 2024 Done (1 September 2024)" in text
        assert "Not done, overdue (due by 30 June 2025)" in text


def test_wres_targets_sit_beside_the_indicator_figures(tmp_path: Path) -> None:
    root = tmp_path / "trust"
    shutil.copytree(EXAMPLES / "northfield-trust", root)
    (root / "objectives" / "OBJ-99.yaml").write_text(OBJECTIVE.replace("OBJ-01", "OBJ-99"), encoding="utf-8")
    loaded = load_records(root)
    markdown = render_report("wres", loaded, TRUST_AS_OF, "md")
    overall = next(line for line in markdown.splitlines() if line.startswith("| Indicator 1:"))
    assert overall.endswith("| 19.0% (31 March 2028), OBJ-99 |")
    likelihoods = next(line for line in markdown.splitlines() if line.startswith("| Indicator | BME rate"))
    assert likelihoods.endswith("| Target |")
    assert next(line for line in markdown.splitlines() if line.startswith("| Indicator 2:")).endswith("| None set |")
    page = render_report("wres", loaded, TRUST_AS_OF, "html")
    assert '<td data-label="Target">19.0% (31 March 2028), OBJ-99</td>' in page
    for text in both_texts(markdown, page):
        assert "WRES targets" in text
        assert "Indicator 1 OBJ-99: BME staff in bands 8a and above 9.5% (31 March 2024)" in text
    assert "Target" not in render_report("wdes", loaded, TRUST_AS_OF, "md")


def test_eds2_grades_as_published_and_their_difference_from_the_computed_grade(valid_root: Path) -> None:
    (valid_root / "eds" / "2025-26.yaml").write_text(EDS2, encoding="utf-8")
    for text in both(valid_root, "eds"):
        assert "Achieving (as published)" in text
        assert "Developing (from the characteristics evidenced; published as Achieving)" in text
