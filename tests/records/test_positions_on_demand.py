"""Loading at scale: a record file's positions are kept only when a problem needs them. Files are read
without positions, valid records let their data go (the model holds the values), and a problem found
later reads its file again, so every problem still names the right line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from equitykit.checks.validate import validate
from equitykit.records import loader
from equitykit.records.loader import LoadError, load_document, parse_document
from equitykit.records.repository import load_records

FIXTURES = Path(__file__).parent.parent / "fixtures"
TEXT = "id: ACT-001\ntitle: Train managers\nmilestones:\n  - due: 2025-01-01\n    activity: Plan\n"


def record_file(root: Path, text: str) -> Path:
    path = root / "actions" / "ACT-001.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


def test_a_document_read_without_positions_finds_them_when_asked(tmp_path: Path) -> None:
    path = record_file(tmp_path, TEXT)
    lazy = load_document(path, "actions/ACT-001.yaml", positions=False)
    assert lazy._positions is None
    assert lazy.positions == parse_document(TEXT, "actions/ACT-001.yaml").positions
    assert lazy.span(("milestones", 0, "activity")).line == 5


def test_a_released_document_reads_its_data_again(tmp_path: Path) -> None:
    path = record_file(tmp_path, TEXT)
    document = load_document(path, "actions/ACT-001.yaml", positions=False)
    document.release()
    assert document._data is None
    assert document.value(("milestones", 0, "due")) == "2025-01-01"


def test_a_file_named_by_its_absolute_path_reads_its_data_again(tmp_path: Path) -> None:
    path = record_file(tmp_path, TEXT)  # as a mapping file outside the folder is named
    document = load_document(path, str(path), positions=False)
    document.release()
    assert document.value(("milestones", 0, "due")) == "2025-01-01"
    assert document.span(("milestones", 0, "activity")).line == 5


def test_a_file_changed_after_loading_gives_the_file_start_not_a_crash(tmp_path: Path) -> None:
    path = record_file(tmp_path, TEXT)
    document = load_document(path, "actions/ACT-001.yaml", positions=False)
    path.write_text("id: [unclosed\n", encoding="utf-8")
    assert document.span(("title",)).line == 1
    assert document.data["title"] == "Train managers"  # kept: it was never released


def test_a_duplicate_key_names_the_first_line_without_positions(tmp_path: Path) -> None:
    path = record_file(tmp_path, "id: ACT-001\ntitle: a\ntitle: b\n")
    with pytest.raises(LoadError) as raised:
        load_document(path, "actions/ACT-001.yaml", positions=False)
    assert "first on line 2" in raised.value.problem.message and raised.value.problem.line == 3


def test_valid_records_keep_neither_data_nor_positions(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(FIXTURES / "valid", root)
    records = load_records(root)
    assert records.records and all(r.model is not None for r in records.records)
    assert all(r.document._data is None and r.document._positions is None
               for r in records.records if r.document is not None)


def test_problems_found_after_loading_still_name_their_line(tmp_path: Path) -> None:
    root = tmp_path / "records"
    shutil.copytree(FIXTURES / "valid", root)
    action = root / "actions" / "ACT-001.yaml"
    text = action.read_text(encoding="utf-8")
    action.write_text(text.replace("objectives: [OBJ-01]", "objectives: [OBJ-09]"), encoding="utf-8")
    assert "objectives: [OBJ-09]" in action.read_text(encoding="utf-8")
    (problem,) = validate(root).problems  # a reference problem: found by a rule, after loading
    line = next(n for n, row in enumerate(action.read_text().splitlines(), 1) if "OBJ-09" in row)
    assert (problem.code, problem.line) == ("EK302", line)


@pytest.mark.parametrize("text", [TEXT, "id: ACT-001\ntitle: 'a\n", "a: 1\n---\nb: 2\n", "- 1\n",
                                  "a: !!python/object x\n"])
def test_the_pure_python_parser_loads_as_the_c_parser_does(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def outcome() -> object:
        try:
            document = parse_document(text, "f.yaml")
        except LoadError as exc:
            return exc.problem
        return document.data, document.positions

    with_c = outcome()
    monkeypatch.setattr(loader, "CParser", None)
    assert outcome() == with_c
    assert not loader._composer().doc_infos  # nothing kept from one file to the next
