"""The one new value of this change, a publication meeting Scotland's reg 4(4) duty (`duty:
equality-outcomes-progress`), through every path a value takes: new, fmt, validate, diff, the JSON Schema, the
report in md, html and docx, and in Welsh."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app

from .conftest import git

runner = CliRunner()
SCOTLAND = Path(__file__).parents[1] / "fixtures" / "scotland"
SCHEMAS = Path(__file__).parents[2] / "schemas"


def test_progress_on_equality_outcomes_round_trip(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(SCOTLAND, root)
    written = runner.invoke(app, ["new", "publication", str(root), "--title", "Equality outcomes: progress 2025",
                                  "--as-of", "2025-10-01"])
    assert written.exit_code == 0, written.output
    path = Path(written.stdout.strip())
    assert "equality-outcomes-progress" in path.read_text()  # offered to a body in Scotland
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "before: the new publication meets no duty yet")
    path.write_text(path.read_text().replace("duty: other", "duty: equality-outcomes-progress"))
    assert runner.invoke(app, ["fmt", "--check", str(path)]).exit_code == 0
    assert runner.invoke(app, ["validate", str(root), "--as-of", "2025-10-01"]).exit_code == 0

    diff = runner.invoke(app, ["diff", "main", "--format", "json", str(root)])
    assert diff.exit_code == 0, diff.output
    [change] = json.loads(diff.stdout)["changes"]
    assert (change["path"], change["after"]) == ("duty", "equality-outcomes-progress"), change
    text = runner.invoke(app, ["diff", "main", str(root)]).stdout
    assert "equality-outcomes-progress" in text, text

    schema = json.loads((SCHEMAS / "publication.schema.json").read_text())
    assert "equality-outcomes-progress" in json.dumps(schema["properties"]["duty"])

    for output_format in ("md", "html"):
        for lang, words in (("en", "Progress on equality outcomes"), ("cy", "Cynnydd ar ganlyniadau cydraddoldeb")):
            report = runner.invoke(app, ["report", "psed", str(root), "--format", output_format, "--lang", lang,
                                         "--as-of", "2025-10-01"])
            assert report.exit_code == 0, report.output
            assert words in report.stdout, (output_format, lang)
    out = tmp_path / "psed.docx"
    docx = runner.invoke(app, ["report", "psed", str(root), "--format", "docx", "--out", str(out),
                               "--as-of", "2025-10-01"])
    assert docx.exit_code == 0, docx.output
    from docx import Document

    cells = [cell.text for table in Document(str(out)).tables for row in table.rows for cell in row.cells]
    assert "Progress on equality outcomes" in cells
