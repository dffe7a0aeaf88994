"""A tag written in a one-line list (`tags: [hia:3]`) is refused by the YAML parser: the message says how to
write it (quoted, or one item a line), not that the value holds ': ', which it does not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_a_colon_inside_a_one_line_list_is_explained_with_the_fix(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(FIXTURES / "valid", root)
    action = next((root / "actions").glob("*.yaml"))
    action.write_text(action.read_text(encoding="utf-8") + "tags: [hia:3, wres:2]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 1
    [problem] = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "EK102"]
    assert 'must be put in quotes (for example "hia:3"), or write the list one item a line' in problem["message"]
    assert "containing ': '" not in problem["message"]
