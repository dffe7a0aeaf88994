"""Every machine output (`--format json` of every command that has it) is valid against its committed JSON
Schema in schemas/output/: for both examples, for a body a standard does not apply to, for each pay gap
characteristic, run from the repository's top, from inside the records folder and from outside it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer
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


SCHEMA_OF = {
    "validate": "validate", "deadlines": "deadlines", "grade eds": "grade-eds", "wres": "wres", "wdes": "wdes",
    "paygap compute": "paygap-compute", "workforce compute": "workforce-compute", "diff": "diff",
    "translations": "translations", "system status": "system-status",
    "paygap import": "paygap-import", "paygap peers": "paygap-peers",  # validated in tests/extracts/test_govuk_*
    "report": "report-actions",  # only `report actions` has json; tests/reporting/test_actions_json.py
}
"""Each command with `--format json`, and the name of its output's schema."""
EXTRACTS = REPO / "examples" / "northfield-trust-extracts"
SYSTEM = Path(__file__).parent / "fixtures" / "system" / "staffordshire-icb"
STAFF = "".join([
    "sex,ethnicity,disability,sexual_orientation,full_pay_relevant,bonus_pay,hourly_pay\n",
    *(f"{'MF'[i % 2]},{'AAHNDB'[i % 6]},{('Yes', 'No', 'No')[i % 3]},"
      f"{('Heterosexual', 'Heterosexual', 'Gay or Lesbian', 'Bisexual')[i % 4]},Y,{(0, 0, 100)[i % 3]},"
      f"{10 + (i * 37 % 200) / 10:.2f}\n" for i in range(60)),
])


def json_commands() -> set[str]:
    """Every command (with its group, e.g. `grade eds`) whose --format offers json."""
    found: set[str] = set()

    def walk(command: Any, names: tuple[str, ...]) -> None:
        for name, sub in getattr(command, "commands", {}).items():  # a group of commands
            walk(sub, (*names, name))
        for parameter in command.params:
            described = getattr(parameter, "type_descriptor", None) or getattr(parameter, "type", None)
            if "--format" in getattr(parameter, "opts", ()) and "json" in (getattr(described, "choices", None) or ()):
                found.add(" ".join(names))

    walk(typer.main.get_command(app), ())
    return found


def test_every_command_with_json_output_has_a_published_schema() -> None:
    assert json_commands() == set(SCHEMA_OF)
    assert set(SCHEMA_OF.values()) <= set(output_schemas())


def run_json(*args: str, exit_codes: tuple[int, ...] = (0,)) -> str:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code in exit_codes, result.output
    return result.stdout


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both examples in one git repository, committed, then with a change to each in the work tree."""
    top = tmp_path_factory.mktemp("examples")
    bodies = {name: top / name for name in ("northfield-trust", "aran-vale-council")}
    for name, folder in bodies.items():
        shutil.copytree(REPO / "examples" / name, folder)
    git = ["git", "-C", str(top), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "examples"], check=True)
    for folder in bodies.values():
        action = folder / "actions" / "ACT-001.yaml"
        action.write_text(action.read_text(encoding="utf-8").replace("status: ", "status: complete  # ", 1))
    return bodies


@pytest.mark.parametrize("body", ["northfield-trust", "aran-vale-council"])
@pytest.mark.parametrize(("command", "args"), [
    ("validate", ()), ("deadlines", ("--as-of", "2025-09-01")), ("grade eds", ()), ("wres", ()), ("wdes", ()),
    ("translations", ()), ("diff", ("HEAD",)), ("report", ("actions",)),
])
def test_each_commands_output_for_each_example_is_valid(examples: dict[str, Path], body: str, command: str,
                                                        args: tuple[str, ...]) -> None:
    output = run_json(*command.split(), *args, str(examples[body]), exit_codes=(0, 1))
    data = assert_valid(SCHEMA_OF[command], output)
    if body == "aran-vale-council" and command in ("grade eds", "wres", "wdes"):
        assert data["applies"] is False and "does not apply" in data["reason"]  # type: ignore[index]


def test_the_not_applicable_outputs_are_only_valid_as_not_applicable() -> None:
    for name, standard in (("grade-eds", "eds"), ("wres", "wres"), ("wdes", "wdes")):
        assert_valid(name, json.dumps({"standard": standard, "applies": False, "reason": "Not an NHS body."}))
        with pytest.raises(jsonschema.ValidationError):
            assert_valid(name, json.dumps({"standard": standard, "applies": True, "reason": "Not an NHS body."}))


@pytest.mark.parametrize("args", [(), ("--exclude-other",), ("--by", "ethnicity"), ("--by", "disability"),
                                  ("--by", "sexual-orientation")])
def test_paygap_compute_output_for_each_characteristic_is_valid(tmp_path: Path, args: tuple[str, ...]) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text(STAFF, encoding="utf-8")
    data = assert_valid("paygap-compute", run_json("paygap", "compute", str(staff), "--snapshot", "2025-03-31", *args))
    assert data.get("characteristic", "sex") == (args[1] if args[:1] == ("--by",) else "sex")  # type: ignore[union-attr]


def test_workforce_compute_output_is_valid() -> None:
    extracts = [f"--{name}={EXTRACTS / f'{name}.csv'}" for name in ("staff", "recruitment", "casework", "training",
                                                                       "board")]
    full = run_json("workforce", "compute", "--snapshot", "2025-03-31", *extracts,
                    "--columns", "sex=Gender,religion_belief=Religious Belief")
    assert {"headcount", "profile", "wres", "wdes"} <= set(assert_valid("workforce-compute", full))  # type: ignore[arg-type]
    staff_only = run_json("workforce", "compute", "--snapshot", "2025-03-31", extracts[0],
                          "--columns", "sex=Gender,religion_belief=Religious Belief")
    assert_valid("workforce-compute", staff_only)


def test_system_status_output_is_valid(tmp_path: Path) -> None:
    shutil.copytree(SYSTEM.parent, tmp_path / "system")
    output = run_json("system", "status", str(tmp_path / "system" / SYSTEM.name), "--as-of", "2025-11-30",
                      exit_codes=(0, 1))
    assert_valid("system-status", output)
