"""The bundled examples validate clean, and a single defect in a copy is caught where it is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

EXAMPLES = sorted(p.parent for p in (Path(__file__).parent.parent / "examples").glob("*/equitykit.yaml"))
"""The records folders (beside them, `northfield-trust-extracts` holds staff-level extracts)."""
runner = CliRunner()


def test_there_is_an_english_trust_and_a_devolved_body() -> None:
    names = [p.name for p in EXAMPLES]
    assert "northfield-trust" in names and len(names) >= 2


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_validates_clean_and_strict(example: Path) -> None:
    result = runner.invoke(app, ["validate", str(example), "--strict", "--format", "json"])
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["problems"] == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_record_names_its_schema_for_editors(example: Path) -> None:
    for path in example.rglob("*.yaml"):
        if "evidence" not in path.parts:
            assert "yaml-language-server: $schema=" in path.read_text(encoding="utf-8").splitlines()[0], path


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_is_fmt_clean(example: Path) -> None:
    result = runner.invoke(app, ["fmt", "--check", str(example)])
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_a_defect_in_a_copy_of_the_trust_is_caught(tmp_path: Path) -> None:
    root = tmp_path / "trust"
    shutil.copytree(EXAMPLES[[p.name for p in EXAMPLES].index("northfield-trust")], root)
    path = root / "actions" / "ACT-001.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("due:"))
    lines[number] = "due: 2025-02-30\n"
    path.write_text("".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1
    problem = json.loads(result.stdout)["problems"][0]
    assert (problem["file"], problem["line"], problem["code"]) == ("actions/ACT-001.yaml", number + 1, "EK205")
