"""`equitykit deadlines` reads a folder one record at a time (issue 25): each action, objective and EIA gives its
obligations, with the line they name, as soon as it is read, and then lets its model, data and positions go. The
calendar must be exactly the one worked out from the whole folder held at once, in every format and language."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.i18n import language
from equitykit.obligations import deadlines, reporters
from equitykit.obligations.ics import ics_calendar
from equitykit.obligations.plans import PlanObligations
from equitykit.records.repository import load_records
from equitykit.reporting.text_tables import plain_text

EXAMPLES = Path(__file__).parents[2] / "examples"
AS_OF = dt.date(2026, 1, 15)
KEYS = {"action": "due", "objective": "end", "objective-update": ("updates", "start"), "eia-review": "review"}
runner = CliRunner()


@pytest.fixture(params=["northfield-trust", "aran-vale-council"])
def example(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    root = tmp_path / request.param
    shutil.copytree(EXAMPLES / request.param, root)
    broken = root / "actions" / "ACT-002.yaml"  # a record with errors is left out either way
    broken.write_text(broken.read_text(encoding="utf-8").replace("\ndue:", "\ndue: soon\nwas_due:", 1),
                      encoding="utf-8")
    return root


def whole_folder(root: Path, form: str) -> str:
    """The calendar as worked out before: every record loaded with every position and held, then read."""
    result = deadlines(load_records(root, AS_OF, positions=True), AS_OF, 60)
    if form == "json":
        return json.dumps([o.to_dict() for o in result.obligations], indent=2, ensure_ascii=False) + "\n"
    if form == "ics":
        return ics_calendar(result)
    text = plain_text(reporters.text_table(result))
    return text if text.endswith("\n") else text + "\n"


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("form", ["json", "text", "ics"])
def test_the_calendar_is_the_one_of_the_whole_folder(example: Path, form: str, lang: str) -> None:
    result = runner.invoke(app, ["deadlines", str(example), "--format", form, "--as-of", AS_OF.isoformat(),
                                 "--lang", lang])
    assert result.exit_code == 1  # the broken action
    with language(lang):
        expected = whole_folder(example, form)
    assert result.stdout.replace("\r\n", "\n") == expected.replace("\r\n", "\n")


def test_every_obligation_names_the_line_of_its_key(example: Path) -> None:
    """The lines are taken while each file is read; the records keep no positions after that. A source line
    that is not where its key is (say, the file's first line) fails here."""
    planned = PlanObligations(AS_OF, 60)
    records = load_records(example, AS_OF, positions=True, each=planned)
    assert planned.found and all(r.document is None or r.document._positions is None for r in records.records)
    for obligation in planned.found:
        assert obligation.source is not None
        lines = (example / obligation.source.file).read_text(encoding="utf-8").splitlines()
        keys = KEYS.get(obligation.duty, ())
        starts = tuple(f"{key}:" for key in ([keys] if isinstance(keys, str) else keys))
        row = lines[obligation.source.line - 1]
        assert row.startswith(starts) and obligation.source.line > 1, (obligation.id, row)


def test_the_json_written_in_pieces_is_that_of_the_whole_list(example: Path) -> None:
    result = deadlines(load_records(example, AS_OF, positions=True), AS_OF, 60)
    assert reporters.json_report(result) == json.dumps([o.to_dict() for o in result.obligations], indent=2,
                                                       ensure_ascii=False)
    empty = deadlines(load_records(example, AS_OF), AS_OF, 60)
    assert reporters.json_report(type(empty)(empty.organisation, AS_OF, 60, [])) == "[]"


def test_json_written_to_a_file_in_pieces_is_the_whole_text(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.json"
    runner.invoke(app, ["deadlines", str(example), "--format", "json", "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert out.read_text(encoding="utf-8") + "\n" == whole_folder(example, "json")
