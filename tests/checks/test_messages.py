"""Messages that say what to write: the keys a mapping needs, with an example."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()


def _problems(root: Path) -> list[dict]:
    return json.loads(runner.invoke(app, ["validate", str(root), "--format", "json"]).stdout)["problems"]


def test_mapping_written_as_text_shows_a_two_line_example_of_its_keys(valid_root: Path) -> None:
    path = valid_root / "eias" / "EIA-2025-001.yaml"
    text = path.read_text(encoding="utf-8").replace("sign_off: {role: Chief Operating Officer, date: 2025-02-20}",
                                                    "sign_off: Director")
    path.write_text(text, encoding="utf-8")
    [problem] = [p for p in _problems(valid_root) if p["path"] == "sign_off"]
    assert problem["code"] == "EK203"
    message = problem["message"]
    assert "not the text 'Director'; it needs the keys `role` and `date`," in message
    assert message.endswith("for example:\n    sign_off:\n      role: Director of Nursing\n      date: 2025-03-03")
