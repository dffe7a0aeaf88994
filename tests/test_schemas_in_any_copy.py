"""Schemas travel with the records folder: every modeline that init, new and the bundled examples write
resolves to a current schema inside the folder, in any copy of it; schema titles read as words; closed
values are offered in completion."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.records.common import PROTECTED_CHARACTERISTICS
from equitykit.records.kinds import ALL_KINDS
from equitykit.schemas import schema_text

REPO = Path(__file__).parent.parent
EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if (p / "equitykit.yaml").is_file())
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
SCHEMA_TEXTS = {f"{kind.name}.schema.json": schema_text(kind) for kind in ALL_KINDS}
runner = CliRunner()


def assert_modelines_resolve_inside(folder: Path) -> int:
    """Every YAML file's modeline names a current schema inside `folder`; return how many were checked."""
    checked = 0
    for path in folder.rglob("*.yaml"):
        if "evidence" in path.parts or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        match = MODELINE.match(path.read_text(encoding="utf-8").splitlines()[0])
        assert match, path
        schema = (path.parent / match.group(1)).resolve()
        assert schema.is_relative_to(folder.resolve()), (path, match.group(1))
        assert schema.read_text(encoding="utf-8") == SCHEMA_TEXTS[schema.name], f"{schema} is out of date"
        checked += 1
    return checked


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_a_copied_example_keeps_working_schemas(example: Path, tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / example.name
    shutil.copytree(example, copy)
    assert assert_modelines_resolve_inside(copy) > 5


def test_init_and_new_write_modelines_that_resolve_in_a_copy(tmp_path: Path) -> None:
    root = tmp_path / "trust"
    assert runner.invoke(app, ["init", str(root), "--name", "A Trust", "--sector", "nhs-trust",
                               "--jurisdiction", "england", "--headcount", "300"]).exit_code == 0
    for kind in ("objective", "action", "eia", "eds", "workforce", "publication", "engagement"):
        assert runner.invoke(app, ["new", kind, str(root), "--as-of", "2025-06-01"]).exit_code == 0, kind
    copy = tmp_path / "moved" / "copy"
    shutil.copytree(root, copy)
    assert assert_modelines_resolve_inside(copy) == 8


@pytest.mark.parametrize("where", ["root", "inside", "outside"])
def test_schema_export_refreshes_the_records_folders_schemas(tmp_path: Path, where: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "trust"
    assert runner.invoke(app, ["init", str(root), "--name", "A Trust", "--sector", "icb",
                               "--jurisdiction", "england", "--headcount", "300"]).exit_code == 0
    stale = root / "schemas" / "action.schema.json"
    stale.write_text("{}", encoding="utf-8")
    (root / "actions").mkdir()
    monkeypatch.chdir({"root": root, "inside": root / "actions", "outside": tmp_path}[where])
    result = runner.invoke(app, ["schema", "export"])
    assert result.exit_code == 0, result.output
    if where == "outside":  # not in a records folder: ./schemas, as before
        assert (tmp_path / "schemas" / "action.schema.json").is_file()
        assert stale.read_text(encoding="utf-8") == "{}"
    else:
        assert stale.read_text(encoding="utf-8") == SCHEMA_TEXTS["action.schema.json"]


def _titles(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["title"]] if isinstance(node.get("title"), str) else []
        return own + [t for key, value in node.items() if key != "title" or not isinstance(value, str)
                      for t in _titles(value)]
    if isinstance(node, list):
        return [t for value in node for t in _titles(value)]
    return []


@pytest.mark.parametrize("kind", ALL_KINDS, ids=[k.name for k in ALL_KINDS])
def test_schema_titles_read_as_words(kind) -> None:
    for title in _titles(json.loads(schema_text(kind))):
        assert not re.search(r"[a-z][A-Z]", title), title  # no CamelCase class or GOV.UK names
        assert title[0].isupper() and (" " not in title or not re.search(r" [A-Z][a-z]", title)), title


def test_pay_gap_figures_are_titled_as_people_read_them() -> None:
    figures = json.loads(SCHEMA_TEXTS["paygap.schema.json"])["$defs"]["PayGapFigures"]["properties"]
    assert figures["DiffMeanHourlyPercent"]["title"] == "Mean hourly pay gap (%)"
    assert figures["FemaleTopQuartile"]["title"] == "Women in the top pay quarter (%)"


def _nodes(node: object) -> list[dict]:
    if isinstance(node, dict):
        return [node, *(found for value in node.values() for found in _nodes(value))]
    if isinstance(node, list):
        return [found for value in node for found in _nodes(value)]
    return []


@pytest.mark.parametrize("kind", ["objective", "action", "engagement", "eds"])
def test_characteristic_list_items_offer_the_nine_in_completion(kind: str) -> None:
    schema = json.loads(SCHEMA_TEXTS[f"{kind}.schema.json"])
    lists = [node for node in _nodes(schema) if node.get("type") == "array"
             and node.get("items", {}).get("examples") == list(PROTECTED_CHARACTERISTICS)]
    assert lists, "no list of characteristics offers the nine"
    for aims in (node for node in _nodes(schema) if "psed_aims" in node.get("properties", {})):
        assert aims["properties"]["psed_aims"]["items"]["enum"] == [
            "eliminate-discrimination", "advance-equality", "foster-good-relations"]


def test_eia_offers_the_nine_as_keys() -> None:
    characteristics = json.loads(SCHEMA_TEXTS["eia.schema.json"])["properties"]["characteristics"]
    assert list(characteristics["properties"]) == list(PROTECTED_CHARACTERISTICS)
    assert characteristics["properties"]["race"] == {"$ref": "#/$defs/CharacteristicImpact"}
