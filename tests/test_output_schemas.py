"""Every machine output (`--format json` of validate, deadlines, grade eds, wres, wdes and paygap compute)
is valid against its committed JSON Schema in schemas/output/, run from the repository's top, from inside
the records folder and from outside it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.metrics.eds import grade_eds
from equitykit.records.eds import Eds
from equitykit.records.frameworks import EDS2
from equitykit.reporting.metrics_json import metrics_json
from equitykit.reporting.output_schemas import output_schemas

REPO = Path(__file__).parent.parent
OUTPUTS = REPO / "schemas" / "output"
TRUST = REPO / "examples" / "northfield-trust"
COUNCIL = REPO / "examples" / "aran-vale-council"
runner = CliRunner()


def assert_valid(name: str, output: str) -> object:
    schema = json.loads((OUTPUTS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(output)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


@pytest.mark.parametrize("name", list(output_schemas()))
def test_committed_output_schema_is_up_to_date(name: str) -> None:
    committed = (OUTPUTS / f"{name}.schema.json").read_text(encoding="utf-8")
    assert json.loads(committed) == output_schemas()[name], "run `equitykit schema outputs`"


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    """A git repository whose records folder is a copy of the bundled trust, with a problem in it."""
    root = tmp_path / "repo" / "trust"
    shutil.copytree(TRUST, root)
    (tmp_path / "repo" / ".git").mkdir()
    action = root / "actions" / "ACT-001.yaml"
    action.write_text(action.read_text(encoding="utf-8").replace("status: ", "status: finished  # ", 1))
    return root


@pytest.fixture(params=["top", "inside", "outside"])
def where(request, trust: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run from the repository's top, inside the records folder, or elsewhere; the path argument to give."""
    cwd = {"top": trust.parent, "inside": trust / "actions", "outside": trust.parent.parent}[request.param]
    monkeypatch.chdir(cwd)
    return {"top": "trust", "inside": ".", "outside": str(trust)}[request.param]


def test_validate_output_is_valid(where: str) -> None:
    data = assert_valid("validate", runner.invoke(app, ["validate", where, "--format", "json"]).stdout)
    assert {p["severity"] for p in data["problems"]} == {"error"}  # type: ignore[index]


def test_deadlines_output_is_valid(where: str) -> None:
    result = runner.invoke(app, ["deadlines", where, "--format", "json", "--as-of", "2025-09-01"])
    assert_valid("deadlines", result.stdout)


@pytest.mark.parametrize("command", ["wres", "wdes"])
def test_workforce_standards_output_is_valid(where: str, command: str) -> None:
    assert_valid(command, runner.invoke(app, [command, where, "--format", "json"]).stdout)


def test_eds2022_grading_output_is_valid(where: str) -> None:
    data = assert_valid("grade-eds", runner.invoke(app, ["grade", "eds", where, "--format", "json"]).stdout)
    assert data["framework"] == "eds2022"  # type: ignore[index]


def test_eds2_grading_output_is_valid() -> None:
    outcomes = {code: {"characteristics": ["age", "race"], "all_fare_well": False} for code in EDS2.codes}
    assessments = [Eds.model_validate({"id": f"{year}-{year - 1999}", "framework": "eds2",
                                       "period_start": f"{year}-04-01", "period_end": f"{year + 1}-03-31",
                                       "outcomes": outcomes}) for year in (2023, 2024)]
    result = grade_eds(assessments)
    data = assert_valid("grade-eds", metrics_json(result, framework=result.framework, complete=result.complete))
    assert data["framework"] == "eds2"  # type: ignore[index]


def test_council_outputs_are_valid() -> None:
    assert_valid("validate", runner.invoke(app, ["validate", str(COUNCIL), "--format", "json"]).stdout)
    assert_valid("deadlines", runner.invoke(app, ["deadlines", str(COUNCIL), "--format", "json",
                                                  "--as-of", "2025-09-01"]).stdout)


def test_paygap_compute_output_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("sex,full_pay_relevant,bonus_pay,hourly_pay\nM,yes,0,10.00\nM,yes,300,14.00\n"
                     "F,yes,150,8.00\nF,yes,0,9.00\nF,no,0,\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["paygap", "compute", "staff.csv", "--snapshot", "2025-03-31", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert_valid("paygap-compute", result.stdout)


def test_schema_outputs_writes_every_output_schema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "outputs", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in tmp_path.iterdir()) == sorted(f"{name}.schema" for name in output_schemas())
