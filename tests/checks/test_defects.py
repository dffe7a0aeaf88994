"""Each single defect in an otherwise valid folder is reported with the right code, file and line,
in every output format, and makes validate exit 1."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from equitykit.checks.validate import validate
from equitykit.cli import app

CASES = YAML(typ="safe").load((Path(__file__).parent / "defects.yaml").read_text(encoding="utf-8"))
runner = CliRunner()


def apply_defect(root: Path, case: dict) -> None:
    path = root / case["file"]
    if "content" in case:
        path.write_text(case["content"], encoding="utf-8")
        return
    old, new = case["replace"]
    text = path.read_text(encoding="utf-8")
    assert old in text, f"case {case['name']!r}: {old!r} not in {case['file']}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_is_valid(valid_root: Path) -> None:
    result = validate(valid_root)
    assert result.problems == []
    assert result.records == 8


def test_every_code_of_the_defect_list_is_covered() -> None:
    assert len({case["expect"]["code"] for case in CASES}) >= 20


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_defect_is_reported_in_every_format(valid_root: Path, case: dict) -> None:
    apply_defect(valid_root, case)
    expect = case["expect"]

    result = runner.invoke(app, ["validate", str(valid_root), "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["ok"] is False
    matches = [p for p in report["problems"] if p["code"] == expect["code"] and p["file"] == case["file"]]
    assert matches, report["problems"]
    problem = matches[0]
    assert problem["line"] == expect["line"], problem
    assert problem["path"] == expect.get("path", problem["path"])
    assert expect.get("message", "") in problem["message"]

    text = runner.invoke(app, ["validate", str(valid_root)])
    assert text.exit_code == 1
    assert f"{expect['line']}:{problem['column']}" in text.stdout and expect["code"] in text.stdout

    github = runner.invoke(app, ["validate", str(valid_root), "--format", "github"])
    assert github.exit_code == 1
    assert any(line.startswith("::error ") and f"line={expect['line']}," in line
               and expect["code"] in line for line in github.stdout.splitlines())

    junit = runner.invoke(app, ["validate", str(valid_root), "--format", "junit"])
    assert junit.exit_code == 1
    tree = ET.fromstring(junit.stdout)
    failing = {case.get("name") for case in tree.iter("testcase") if case.find("failure") is not None}
    assert case["file"] in failing

    sarif = runner.invoke(app, ["validate", str(valid_root), "--format", "sarif"])
    assert sarif.exit_code == 1
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert any(r["ruleId"] == expect["code"] and r["locations"][0]["physicalLocation"]["region"]["startLine"]
               == expect["line"] for r in results)
