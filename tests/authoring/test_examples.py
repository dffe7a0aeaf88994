"""The authoring commands over copies of the bundled examples (examples/ is never written)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.authoring.layout import scan_layout
from equitykit.checks.validate import validate
from equitykit.cli import app
from equitykit.records.loader import parse_document

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ROOTS = sorted(path.parent for path in EXAMPLES.glob("*/equitykit.yaml"))
pytestmark = pytest.mark.skipif(not ROOTS, reason="no example records folder yet")


def snapshot(root: Path) -> dict[str, tuple]:
    """Data and comment texts of every YAML file under a folder."""
    found = {}
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        found[path.relative_to(root).as_posix()] = (parse_document(text, "x").data, scan_layout(text).comment_texts())
    return found


@pytest.mark.parametrize("example", ROOTS, ids=lambda p: p.name)
def test_fmt_on_an_example_keeps_every_value_and_comment(example: Path, tmp_path: Path) -> None:
    root = shutil.copytree(example, tmp_path / example.name)
    before = snapshot(root)
    assert runner.invoke(app, ["fmt", str(root)]).exit_code == 0
    assert snapshot(root) == before
    assert runner.invoke(app, ["fmt", "--check", str(root)]).exit_code == 0


@pytest.mark.parametrize("example", ROOTS, ids=lambda p: p.name)
def test_new_records_in_an_example_add_no_errors(example: Path, tmp_path: Path) -> None:
    root = shutil.copytree(example, tmp_path / example.name)
    errors_before = len(validate(root).errors)
    for kind in ("objective", "action", "eia", "eds", "workforce", "publication", "engagement"):
        assert runner.invoke(app, ["new", kind, str(root), "--as-of", "2025-06-01"]).exit_code == 0
    assert len(validate(root).errors) == errors_before
