"""Messages that say what to write: the keys a mapping needs, with an example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
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


@pytest.mark.parametrize(("file", "old", "new", "hint"), [
    ("objectives/OBJ-01.yaml", "characteristics: [disability]", "characteristics: [Race]", "did you mean `race`?"),
    ("objectives/OBJ-01.yaml", "characteristics: [disability]", "characteristics: [sexual orientation]",
     "did you mean `sexual-orientation`?"),
    ("objectives/OBJ-01.yaml", "characteristics: [disability]", "characteristics: [disabilty]",
     "did you mean `disability`?"),
    ("eias/EIA-2025-001.yaml", "  race:", "  Race:", "did you mean `race`?"),
    ("workforce/2025-03-31.yaml", "sex: {female: 900, male: 300}", "sex: {female: 900, male: 300}\nwres:\n  bands:\n"
     "    - {BME: 58, white: 244, staff_group: clinical, band: '5'}", "`BME` is not a known key; did you mean `bme`?"),
    ("objectives/OBJ-01.yaml", "status: in-progress", "status: Complete", "did you mean `complete`?"),
    ("actions/ACT-001.yaml", "objectives: [OBJ-01]", "objectives: [OBJ-1]", "did you mean `OBJ-01`?"),
    ("eds/2024-25.yaml", "1A: {score: 1,", "1A: {score: Achieving,", "Achieving means 2: write `2`"),
])
def test_a_closed_value_written_differently_gets_did_you_mean(valid_root: Path, file: str, old: str, new: str,
                                                               hint: str) -> None:
    path = valid_root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    messages = [p["message"] for p in _problems(valid_root) if p["file"] == file]
    assert any(hint in message for message in messages), messages
