"""Issue 24: EIAs as councils write them, one assessment as a document, plans, KPIs on actions and tags by
framework, in validate and in the reports."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from editing import edit
from equitykit.cli import app

EXAMPLES = Path(__file__).parents[2] / "examples"
AS_OF = "2025-10-01"
runner = CliRunner()



def problems(root: Path) -> list[dict]:
    return json.loads(runner.invoke(app, ["validate", str(root), "--format", "json", "--as-of", AS_OF]).stdout)[
        "problems"]



def report(*arguments: str) -> str:
    result = runner.invoke(app, ["report", *arguments, "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_an_eia_without_owner_or_start_is_recorded_as_published_with_warnings(valid_root: Path) -> None:
    path = valid_root / "eias" / "EIA-2025-001.yaml"
    edit(path, "owner: Outpatients General Manager\n", "")
    edit(path, "started: 2025-01-06\n", "")
    found = problems(valid_root)
    assert {(p["code"], p["severity"]) for p in found} == {("EK470", "warning")}
    assert len(found) == 2 and all(p["line"] == 2 for p in found)
    markdown = report("eias", str(valid_root))
    assert "| Not recorded | Not recorded |" in markdown  # owner and start in the register


def test_not_assessed_never_reads_as_no_negative_impact(valid_root: Path) -> None:
    path = valid_root / "eias" / "EIA-2025-001.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"impact: (negative|positive|neutral|mixed|not-relevant)", "impact: not-assessed", text)
    path.write_text(text.replace("completed: ", "# completed: "), encoding="utf-8")
    register = report("eias", str(valid_root))
    one = report("eia", "EIA-2025-001", str(valid_root))
    assert "No negative impact" not in register + one
    assert "| Not yet assessed |" in register
    assert "No characteristic has been assessed yet." in register and "No characteristic has been assessed yet." in one


def test_report_eia_names_an_assessment_and_suggests_the_nearest(trust: Path) -> None:
    missing = runner.invoke(app, ["report", "eia", "--as-of", AS_OF])
    assert missing.exit_code == 2 and "name the assessment" in missing.output
    wrong = runner.invoke(app, ["report", "eia", "EIA-2025-01", str(trust), "--as-of", AS_OF])
    assert wrong.exit_code == 2 and "did you mean `EIA-2025-001`?" in wrong.output
    extra = runner.invoke(app, ["report", "eias", str(trust), str(trust), "--as-of", AS_OF])
    assert extra.exit_code == 2 and "one too many" in extra.output


def test_a_plan_keeps_its_headings_in_order_with_those_that_have_no_actions() -> None:
    markdown = report("actions", str(EXAMPLES / "northfield-trust"), "--plan", "wres-wdes-2025-26")
    assert markdown.startswith("# WRES and WDES action plan 2025-26\n")
    assert "Version: Working document, reviewed by the People Committee each quarter." in markdown
    headings = ["### Workforce", "### Bullying and harassment", "### Health and wellbeing", "### Governance"]
    positions = [markdown.index(heading + "\n") for heading in headings]
    assert positions == sorted(positions)
    assert markdown.count("No actions under this heading yet.") == 2
    assert "Lead: Freedom to Speak Up Guardian" in markdown
    assert "ACT-001" not in markdown  # an action of no plan, or of another, is left out


def test_without_plan_the_action_plan_is_todays() -> None:
    markdown = report("actions", str(EXAMPLES / "northfield-trust"))
    assert markdown.startswith("# Equality action plan\n") and "ACT-001" in markdown
    assert "Bullying and harassment" not in markdown


def test_a_shared_kpi_is_shown_once_with_every_action_that_carries_it() -> None:
    markdown = report("actions", str(EXAMPLES / "northfield-trust"), "--plan", "wres-wdes-2025-26")
    kpis = markdown.split("## Progress on KPIs")[1].split("## ")[0]
    row = next(line for line in kpis.splitlines() if line.startswith("| Relative likelihood of White"))
    assert "| ACT-004, ACT-005 | Head of Resourcing | 1.56 ratio (31 March 2025) |" in row
    assert kpis.count("Relative likelihood of White applicants") == 1
    assert "Shared with ACT-004: Relative likelihood" in markdown
    assert "Progress on KPIs: 3 KPIs; 1 met or done." in markdown


def test_tags_are_shown_in_words_and_select_actions() -> None:
    markdown = report("actions", str(EXAMPLES / "northfield-trust"), "--tag", "hia:2")
    assert {"ACT-004", "ACT-005"} <= set(re.findall(r"ACT-\d+", markdown))
    assert "ACT-006" not in markdown and "hia:2" not in markdown
    assert "High impact action 2" in markdown and "Priority area 1: Inclusive recruitment" in markdown
    wrong = runner.invoke(app, ["report", "actions", str(EXAMPLES / "northfield-trust"), "--tag", "hia:9"])
    assert wrong.exit_code == 2 and "its codes are 1, 2, 3, 4, 5, 6" in wrong.output
    other = runner.invoke(app, ["report", "wres", str(EXAMPLES / "northfield-trust"), "--tag", "hia:2"])
    assert other.exit_code == 2 and "--plan and --tag" in other.output


@pytest.mark.parametrize(("kind", "heading", "rows"), [
    ("wres", "Actions for the WRES indicators", ["| Indicator 2 | ACT-004", "| Indicator 9 | ACT-016"]),
    ("wdes", "Actions for the WDES metrics", ["| Metric 8 | ACT-006", "| Metric 10 | ACT-016"]),
])
def test_wres_and_wdes_reports_list_the_actions_tagged_with_each_indicator(kind: str, heading: str,
                                                                            rows: list[str]) -> None:
    markdown = report(kind, str(EXAMPLES / "northfield-trust"))
    section = markdown.split(f"## {heading}\n")[1].split("\n## ")[0]
    assert all(row in section for row in rows)


def test_an_action_under_a_heading_its_plan_lacks_names_the_nearest(trust: Path) -> None:
    edit(trust / "actions" / "ACT-004.yaml", "work_stream: Workforce", "work_stream: Workfroce")
    found = [p for p in problems(trust) if p["code"] == "EK471"]
    assert len(found) == 1 and "did you mean `Workforce`?" in found[0]["message"]
    assert found[0]["path"] == "work_stream" and found[0]["severity"] == "error"


def test_a_kpi_id_given_twice_is_an_error(trust: Path) -> None:
    edit(trust / "actions" / "ACT-006.yaml", "  - description: Disabled staff saying",
         "  - id: appointment-likelihood\n    description: Disabled staff saying")
    found = [p for p in problems(trust) if p["code"] == "EK473"]
    assert len(found) == 1 and found[0]["file"].endswith("actions/ACT-006.yaml")
    assert "already given to a measure of ACT-004" in found[0]["message"]


def test_a_body_declares_its_own_tags_and_a_plan_its_framework(trust: Path) -> None:
    edit(trust / "plans" / "wres-wdes-2025-26.yaml", "framework: hia", "framework: priorty")
    edit(trust / "actions" / "ACT-006.yaml", "  - priority:2", "  - priority:3")
    found = {p["path"]: p["message"] for p in problems(trust) if p["code"] == "EK472"}
    assert "did you mean `priority`?" in found["framework"]
    assert "`priority:3` is not a tag of priority: its codes are 1, 2" in found["tags[1]"]


@pytest.mark.parametrize(("lang", "words"), [("en", "- **Reference:** Left blank on the form"),
                                             ("cy", "- **Cyfeirnod:** Wedi'i adael yn wag ar y ffurflen")])
def test_a_reference_the_form_left_blank_says_so_and_one_not_recorded_is_left_out(tmp_path: Path, lang: str,
                                                                                 words: str) -> None:
    council = tmp_path / "council"
    shutil.copytree(EXAMPLES / "aran-vale-council", council)
    markdown = report("eia", "EIA-2025-002", str(council), "--lang", lang)
    assert words in markdown
    edit(council / "eias" / "EIA-2025-002.yaml", 'reference: ""', "reference:")
    assert words.split("** ")[0] not in report("eia", "EIA-2025-002", str(council), "--lang", lang)
