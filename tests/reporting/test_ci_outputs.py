"""validate's outputs for CI (github, sarif, junit and the job summary) name files as the repository
does, from whichever folder equitykit runs: the repository's top, inside the records folder, or outside."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.checks.validate import ValidationResult
from equitykit.cli import app
from equitykit.problem import Problem
from equitykit.reporting.problems import junit_report, sarif_report

FIXTURES = Path(__file__).parent.parent / "fixtures"
DOCS_RULES = Path(__file__).parent.parent.parent / "docs" / "rules.md"
ODD_NAME = "ENG-2025-05,x%y.yaml"
runner = CliRunner()


def make_repository(top: Path, git: bool = True) -> Path:
    """A repository holding a records folder `records/` with problems, one in a file named with `,` and `%`."""
    root = top / "records"
    shutil.copytree(FIXTURES / "valid", root)
    engagement = root / "engagement" / "ENG-001.yaml"
    shutil.copy(engagement, root / "engagement" / ODD_NAME)  # EK207: its id is ENG-001
    action = root / "actions" / "ACT-001.yaml"
    action.write_text(action.read_text(encoding="utf-8").replace("status: ", "status: finished  # ", 1),
                      encoding="utf-8")
    if git:
        subprocess.run(["git", "init", "-q", str(top)], check=True)
    return root


WHERE = ["top", "inside", "outside"]


def run_validate(top: Path, where: str, monkeypatch: pytest.MonkeyPatch, *args: str, env: dict | None = None):
    """Run validate from the repository's top, from inside the records folder, or from a folder elsewhere."""
    root = top / "records"
    if where == "top":
        monkeypatch.chdir(top)
        target = "records"
    elif where == "inside":
        monkeypatch.chdir(root / "actions")
        target = "."
    else:
        elsewhere = top.parent / "elsewhere"
        elsewhere.mkdir(exist_ok=True)
        monkeypatch.chdir(elsewhere)
        target = str(root)
    return runner.invoke(app, ["validate", target, *args], env=env)


@pytest.fixture
def top(tmp_path: Path) -> Path:
    repository = tmp_path / "repo"
    make_repository(repository)
    return repository


@pytest.mark.parametrize("where", WHERE)
def test_github_annotations_name_files_from_the_repository_top(top: Path, where: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_validate(top, where, monkeypatch, "--format", "github")
    assert result.exit_code == 1
    files = {line.split("file=")[1].split(",")[0] for line in result.stdout.splitlines()}
    assert files == {"records/actions/ACT-001.yaml", "records/engagement/ENG-2025-05%2Cx%25y.yaml"}


@pytest.mark.parametrize("where", WHERE)
def test_sarif_locations_are_encoded_uris_from_the_repository_top(top: Path, where: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_validate(top, where, monkeypatch, "--format", "sarif")
    assert result.exit_code == 1
    run = json.loads(result.stdout)["runs"][0]
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": top.resolve().as_uri() + "/"}}
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {loc["uri"] for loc in locations} == {"records/actions/ACT-001.yaml",
                                                 "records/engagement/ENG-2025-05%2Cx%25y.yaml"}
    assert {loc["uriBaseId"] for loc in locations} == {"SRCROOT"}


@pytest.mark.parametrize("where", WHERE)
def test_junit_cases_carry_the_file_from_the_top_and_the_first_problems_line(
        top: Path, where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run_validate(top, where, monkeypatch, "--format", "junit")
    assert result.exit_code == 1
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None and suite.get("name") == "records"  # the same from anywhere, so runs merge
    case = next(c for c in suite.iter("testcase") if c.get("name") == "actions/ACT-001.yaml")
    failure = case.find("failure")
    assert failure is not None
    assert case.get("file") == "records/actions/ACT-001.yaml"
    assert case.get("line") == failure.get("message", "").split(":")[0]
    assert failure.get("message", "").split(" ")[1] == "EK204" == failure.get("type")
    assert "status" in failure.get("message", "") and "problems" not in failure.get("message", "")
    odd = next(c for c in suite.iter("testcase") if c.get("name") == f"engagement/{ODD_NAME}")
    assert odd.get("file") == f"records/engagement/{ODD_NAME}"


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit"])
def test_outside_git_files_are_named_from_the_records_root(tmp_path: Path, fmt: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_repository(tmp_path / "plain", git=False)
    monkeypatch.chdir(tmp_path)
    output = runner.invoke(app, ["validate", str(root), "--format", fmt]).stdout
    assert "actions/ACT-001.yaml" in output and "records/actions" not in output


def test_sarif_rules_carry_everything_code_scanning_shows(top: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = json.loads(run_validate(top, "top", monkeypatch, "--format", "sarif").stdout)["runs"][0]["tool"][
        "driver"]["rules"]
    anchors = DOCS_RULES.read_text(encoding="utf-8")
    assert {rule["id"] for rule in rules} == {"EK204", "EK207"}
    for rule in rules:
        assert rule["name"] != rule["id"] and rule["name"].isalnum()
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["helpUri"].endswith(f"docs/rules.md#{rule['id'].lower()}")
        assert f'<a id="{rule["id"].lower()}"></a>' in anchors
    assert next(r for r in rules if r["id"] == "EK207")["name"] == "RecordIdDiffersFromItsFileName"


def test_sarif_fingerprints_are_stable_across_runs_folders_and_moved_lines(
        top: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fingerprints(where: str) -> list[str]:
        results = json.loads(run_validate(top, where, monkeypatch, "--format", "sarif").stdout)["runs"][0]["results"]
        return [r["partialFingerprints"]["equitykit/v1"] for r in results]

    first = fingerprints("top")
    assert len(set(first)) == len(first) == 2
    assert fingerprints("top") == first == fingerprints("inside") == fingerprints("outside")
    action = top / "records" / "actions" / "ACT-001.yaml"
    action.write_text("# a comment that moves every line down\n" + action.read_text(encoding="utf-8"),
                      encoding="utf-8")
    assert fingerprints("top") == first


def test_sarif_fingerprints_do_not_depend_on_the_date_the_folder_or_the_wording(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fingerprints(top: Path, as_of: str) -> dict[str, str]:
        monkeypatch.chdir(top)
        result = runner.invoke(app, ["validate", "records", "--as-of", as_of, "--format", "sarif"])
        results = json.loads(result.stdout)["runs"][0]["results"]
        return {r["ruleId"]: r["partialFingerprints"]["equitykit/v1"] for r in results}

    tops = [tmp_path / "monday" / "repo", tmp_path / "elsewhere" / "tuesday"]
    for top in tops:
        make_repository(top)  # ACT-001 says it was completed on 2025-09-12
    monday, tuesday = fingerprints(tops[0], "2025-09-01"), fingerprints(tops[1], "2025-09-02")
    assert "EK426" in monday  # "2025-09-12 has not come yet (today is 2025-09-01)..."
    assert monday == tuesday
    problem = Problem("actions/ACT-001.yaml", 9, 12, "completed", "EK426", "warning", "first wording")
    reworded = dataclasses.replace(problem, message="second wording")
    logs = [json.loads(sarif_report(ValidationResult(tmp_path, [p], 1, [p.file]), False)) for p in (problem, reworded)]
    assert len({log["runs"][0]["results"][0]["partialFingerprints"]["equitykit/v1"] for log in logs}) == 1


def test_junit_messages_keep_their_line_breaks_as_character_references(tmp_path: Path) -> None:
    problem = Problem("actions/ACT-001.yaml", 3, 1, "", "EK102", "error", "first line\nsecond line\r")
    xml = junit_report(ValidationResult(tmp_path, [problem], 1, ["equitykit.yaml", problem.file]), False)
    assert "first line&#10;second line&#13;" in xml
    failure = ET.fromstring(xml).find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "3:1 EK102 first line\nsecond line\r"
    assert failure.text == "3:1 EK102 first line\nsecond line\r"


@pytest.mark.parametrize("where", WHERE)
def test_junit_counts_the_organisation_file_and_the_records_the_text_summary_names(
        top: Path, where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = run_validate(top, where, monkeypatch).stdout
    junit = ET.fromstring(run_validate(top, where, monkeypatch, "--format", "junit").stdout)
    records = int(text.split("equitykit.yaml and ")[1].split(" records")[0])
    assert junit.get("tests") == str(1 + records) == str(len(list(junit.iter("testcase"))))


@pytest.mark.parametrize("where", WHERE)
def test_github_format_appends_a_job_summary_with_linked_lines(top: Path, where: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_SERVER_URL": "https://github.com",
           "GITHUB_REPOSITORY": "trust/records", "GITHUB_SHA": "0123abc"}
    result = run_validate(top, where, monkeypatch, "--format", "github", env=env)
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## equitykit validate records: failed\n")
    assert "2 errors and 0 warnings in equitykit.yaml and 9 records." in text
    assert "| EK204 | Value not among those allowed | 1 |" in text
    assert "| EK207 | Record id differs from its file name | 1 |" in text
    assert ("[records/engagement/ENG-2025-05,x%y.yaml:1](https://github.com/trust/records/blob/0123abc/"
            "records/engagement/ENG-2025-05%2Cx%25y.yaml#L1)") in text
    assert "::error " not in text and "::error " in result.stdout


def test_job_summary_lists_the_first_fifty_problems_and_says_how_many(
        top: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actions = top / "records" / "actions"
    for number in range(2, 62):
        shutil.copy(actions / "ACT-001.yaml", actions / f"ACT-{number:03}.yaml")
    summary = tmp_path / "step-summary.md"
    run_validate(top, "top", monkeypatch, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert "First 50 of 122 problems:" in text
    assert text.count("\n- records/") == 50  # no commit known: the places are shown without links


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif"])
def test_only_the_github_format_writes_a_job_summary(top: Path, tmp_path: Path, fmt: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "step-summary.md"
    run_validate(top, "top", monkeypatch, "--format", fmt, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()
