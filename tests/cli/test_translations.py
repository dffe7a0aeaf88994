"""`equitykit translations`: the texts without their Welsh version, as a worklist for a translator."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()
EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "aran-vale-council"


def welsh_body(root: Path) -> Path:
    path = root / "equitykit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("jurisdiction: england", "jurisdiction: wales"),
                    encoding="utf-8")
    return root


def test_a_complete_folder_exits_0() -> None:
    result = runner.invoke(app, ["translations", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "Every text has its Welsh version (136 texts).\n"


def test_the_worklist_names_file_line_key_and_english_and_exits_1(tmp_path: Path) -> None:
    root = tmp_path / "council"
    shutil.copytree(EXAMPLE, root)
    action = root / "actions" / "ACT-003.yaml"
    text = action.read_text(encoding="utf-8")
    action.write_text(text.replace("work_stream_cy: Gwasanaethau hygyrch\n", ""), encoding="utf-8")
    line = text.splitlines().index("work_stream: Accessible services") + 1
    result = runner.invoke(app, ["translations", str(root)])
    assert result.exit_code == 1
    assert result.stdout == (f"actions/ACT-003.yaml\n  {line}:1  work_stream: add work_stream_cy\n"
                             "      Accessible services\n\n"
                             "1 of 136 texts have no Welsh version yet, in 1 file. Write each one's Welsh under the "
                             "key named, beside the English.\n")
    assert result.stderr == ""


def test_json_and_csv_list_every_text_without_welsh(valid_root: Path) -> None:
    welsh_body(valid_root)
    data = json.loads(runner.invoke(app, ["translations", str(valid_root), "--format", "json"]).stdout)
    assert data["publishes_in_welsh"] is True and data["texts"] == len(data["missing"])
    engagement = [item for item in data["missing"] if item["file"] == "engagement/ENG-001.yaml"]
    assert engagement == [
        {"file": "engagement/ENG-001.yaml", "line": 2, "column": 1, "path": "title", "welsh_field": "title_cy",
         "english": "Deaf community forum"},
        {"file": "engagement/ENG-001.yaml", "line": 5, "column": 1, "path": "groups", "welsh_field": "groups_cy",
         "english": ["Deaf community forum"]}]
    assert data["missing"][0]["file"] == "equitykit.yaml"
    result = runner.invoke(app, ["translations", str(valid_root), "--format", "csv"])
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["file", "line", "path", "welsh_field", "english", "welsh"]
    assert {"file": "engagement/ENG-001.yaml", "line": "5", "path": "groups", "welsh_field": "groups_cy",
            "english": "Deaf community forum", "welsh": ""} in rows
    assert len(rows) == len(data["missing"])


def test_a_body_not_publishing_in_welsh_is_told_so(valid_root: Path) -> None:
    result = runner.invoke(app, ["translations", str(valid_root), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["publishes_in_welsh"] is False
    assert "this body does not publish in Welsh" in result.stderr


def test_a_record_with_errors_is_named_and_exits_1(tmp_path: Path) -> None:
    root = tmp_path / "council"
    shutil.copytree(EXAMPLE, root)
    action = root / "actions" / "ACT-003.yaml"
    action.write_text(action.read_text(encoding="utf-8").replace("status: ongoing", "status: done", 1),
                      encoding="utf-8")
    result = runner.invoke(app, ["translations", str(root)])
    assert result.exit_code == 1
    assert "actions/ACT-003.yaml" in result.stderr and "left out of the worklist" in result.stderr


def test_help_says_what_the_exit_codes_mean() -> None:
    result = runner.invoke(app, ["translations", "--help"])
    assert result.exit_code == 0
    assert "Exit 0 when every text has its Welsh version, 1 when some have none" in " ".join(result.stdout.split())


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["translations", str(tmp_path / "nowhere")]).exit_code == 2


def test_csv_cells_are_never_read_as_formulas(valid_root: Path) -> None:
    welsh_body(valid_root)
    action = valid_root / "actions" / "ACT-001.yaml"
    action.write_text(action.read_text(encoding="utf-8").replace(
        "title: Procure a video BSL interpreting service", 'title: "=HYPERLINK(\\"http://x\\")"'), encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["translations", str(valid_root), "-f", "csv"]).stdout)))
    title = next(row for row in rows if row["file"] == "actions/ACT-001.yaml" and row["path"] == "title")
    assert title["english"] == "'=HYPERLINK(\"http://x\")"
