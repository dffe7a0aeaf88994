"""Published wording that says only what the records hold (issue 22): the objective plan claims that progress on
each is measured only when each has measures, and otherwise says which were published without one; the actions
report counts actions with no status stated in a row of their own; a version printed with a full stop keeps one;
a plan that gives no period is not given the reporting year as its own. In English and Welsh."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

AS_OF = dt.date(2026, 1, 15)
MEASURED = "Each is specific and measurable, and this plan says how progress towards it is measured."


def report(root: Path, kind: str, *options: str, lang: str = "en") -> str:
    result = CliRunner().invoke(app, ["report", kind, str(root), "--format", "md", "--as-of", AS_OF.isoformat(),
                                      "--lang", lang, *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def _second_objective(root: Path, measures: bool) -> None:
    text = (root / "objectives" / "OBJ-01.yaml").read_text(encoding="utf-8").replace("OBJ-01", "OBJ-02")
    (root / "objectives" / "OBJ-02.yaml").write_text(text if measures else text.split("measures:")[0],
                                                     encoding="utf-8")


def test_objectives_all_measured_say_so(valid_root: Path) -> None:
    _second_objective(valid_root, measures=True)
    page = report(valid_root, "objectives")
    assert "has 2 equality objectives. " + MEASURED in page
    assert "published without a measure" not in page


def test_objectives_without_measures_are_named_not_called_measurable(valid_root: Path) -> None:
    _second_objective(valid_root, measures=False)
    page = report(valid_root, "objectives")
    assert "specific and measurable" not in page
    assert "has 2 equality objectives. 1 of the 2 objectives was published without a measure: OBJ-02." in page
    welsh = report(valid_root, "objectives", lang="cy")
    assert "Cyhoeddwyd 1 o'r 2 amcan heb fesur: OBJ-02." in welsh and "yn fesuradwy" not in welsh


def test_a_single_objective_without_measures(valid_root: Path) -> None:
    path = valid_root / "objectives" / "OBJ-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("measures:")[0], encoding="utf-8")
    page = report(valid_root, "objectives")
    assert "has 1 equality objective. The objective was published without a measure." in page


def test_actions_with_no_status_stated_have_a_row_of_their_own(valid_root: Path) -> None:
    path = valid_root / "actions" / "ACT-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: complete\ncompleted: 2025-09-12\n", ""),
                    encoding="utf-8")
    page = report(valid_root, "actions")
    assert "| Not stated | 1 |" in page and "| Complete | 0 |" in page
    assert "| Heb ei nodi | 1 |" in report(valid_root, "actions", lang="cy")


def test_actions_all_with_a_status_have_no_not_stated_row(valid_root: Path) -> None:
    assert "| Not stated |" not in report(valid_root, "actions")


def _plan(root: Path, extra: str) -> None:
    (root / "plans").mkdir()
    (root / "plans" / "PLAN-1.yaml").write_text("id: PLAN-1\ntitle: Patient access plan\n" + extra, encoding="utf-8")
    path = root / "actions" / "ACT-001.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "plan: PLAN-1\n", encoding="utf-8")


def test_a_version_printed_with_a_full_stop_keeps_one(valid_root: Path) -> None:
    _plan(valid_root, "version: Final draft v2.\nperiod: {start: 2025-04, end: 2026-03}\n")
    page = report(valid_root, "actions", "--plan", "PLAN-1")
    assert "Version: Final draft v2." in page and "v2.." not in page
    assert "Patient access plan of " in page and ", April 2025 to March 2026." in page


def test_a_plan_without_a_period_says_so(valid_root: Path) -> None:
    _plan(valid_root, "")
    page = report(valid_root, "actions", "--plan", "PLAN-1")
    assert "The plan gives no period; this report covers the year 1 April 2025 to 31 March 2026." in page
    welsh = report(valid_root, "actions", "--plan", "PLAN-1", lang="cy")
    assert "Nid yw'r cynllun yn rhoi cyfnod" in welsh


def test_outcomes_without_measures_are_named_in_scotlands_words(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "scotland", root)
    assert "This report says how progress towards each is measured." in report(root, "objectives")
    path = root / "objectives" / "OBJ-02.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("measures:")[0], encoding="utf-8")
    page = report(root, "objectives")
    assert "has set 2 equality outcomes. 1 of the 2 outcomes was published without a measure: OBJ-02." in page
    assert "progress towards each is measured" not in page and "objective was" not in page
    welsh = report(root, "objectives", lang="cy")
    assert "Cyhoeddwyd 1 o'r 2 canlyniad heb fesur: OBJ-02." in welsh
