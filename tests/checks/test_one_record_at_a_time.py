"""`validate` reads a folder one record at a time (issue 25): each record is checked by the rules on it alone as
it is read, then keeps only what the rules across records read. Its problems must be exactly those of checking
the whole folder held at once (`check_records`, as `validate` did before), every message, file, line and column."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from test_defects import apply_defect

from editing import edit
from equitykit.checks import registry
from equitykit.checks.registry import kept_fields, rule
from equitykit.checks.validate import check_records, validate
from equitykit.problem import Problem
from equitykit.records.repository import load_records, slim
from equitykit.records.slim import SlimView

TESTS = Path(__file__).parents[1]
EXAMPLES = TESTS.parent / "examples"
CASES = YAML(typ="safe").load((TESTS / "checks" / "defects.yaml").read_text(encoding="utf-8"))
AS_OF = dt.date(2026, 1, 15)


def whole_folder(root: Path) -> list[Problem]:
    """The problems as found before: every record loaded and held, then every rule run."""
    return check_records(load_records(root, AS_OF))



def across_records(root: Path) -> Path:
    """The example trust with a finding of every rule across records, some on records that fail their schema."""
    actions, objectives = root / "actions", root / "objectives"
    edit(actions / "ACT-004.yaml", "work_stream: Workforce", "work_stream: Workfroce")  # EK471
    edit(actions / "ACT-006.yaml", "  - description: Disabled staff saying",  # EK473
         "  - id: appointment-likelihood\n    description: Disabled staff saying")
    edit(actions / "ACT-006.yaml", "measures:\n", "measures:\n  - no-such-kpi\n")  # EK302 (shared KPI)
    for number in ("001", "002", "003"):  # EK450: actions and an objective state no status
        path = actions / f"ACT-{number}.yaml"
        path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                                  if not line.startswith(("status:", "completed:"))) + "\n", encoding="utf-8")
    path = objectives / "OBJ-02.yaml"
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.startswith(("status:", "completed:"))) + "\n", encoding="utf-8")
    edit(actions / "ACT-010.yaml", "\nwork_stream:", "\ndue: someday\nwork_stream:")  # salvaged, read by the rules
    with (root / "workforce" / "2024-03-31.yaml").open("a", encoding="utf-8") as workforce:  # EK455
        workforce.write('published:\n  wres:\n    "3": {value: "1.61"}\n')
    return root



def test_every_rule_across_records_finds_the_same_problems(trust: Path) -> None:
    root = across_records(trust)
    problems = validate(root, AS_OF).problems
    assert {"EK302", "EK450", "EK455", "EK471", "EK473"} <= {problem.code for problem in problems}
    assert problems == whole_folder(root)


def test_problems_found_after_a_record_is_slimmed_name_their_line_and_column(trust: Path) -> None:
    """The rules across records run once the records have let their data and positions go: their problems must
    still point at the key or value they name, not at the file's start."""
    root = across_records(trust)
    found = {(p.code, p.file): p for p in validate(root, AS_OF).problems}
    lines = (root / "actions" / "ACT-004.yaml").read_text(encoding="utf-8").splitlines()
    row = next(n for n, text in enumerate(lines, 1) if text.startswith("work_stream:"))
    assert (found["EK471", "actions/ACT-004.yaml"].line, found["EK471", "actions/ACT-004.yaml"].column) == (row, 14)
    lines = (root / "actions" / "ACT-006.yaml").read_text(encoding="utf-8").splitlines()
    row = next(n for n, text in enumerate(lines, 1) if "id: appointment-likelihood" in text)
    assert (found["EK473", "actions/ACT-006.yaml"].line, found["EK473", "actions/ACT-006.yaml"].column) == (row, 9)
    row = next(n for n, text in enumerate(lines, 1) if "- no-such-kpi" in text)
    assert (found["EK302", "actions/ACT-006.yaml"].line, found["EK302", "actions/ACT-006.yaml"].column) == (row, 5)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_each_defect_gives_the_problems_of_the_whole_folder(valid_root: Path, case: dict) -> None:
    apply_defect(valid_root, case)
    assert validate(valid_root, AS_OF).problems == whole_folder(valid_root)


@pytest.mark.parametrize("example", sorted(path.name for path in EXAMPLES.iterdir()
                                           if (path / "equitykit.yaml").is_file()))
def test_the_examples_give_the_problems_of_the_whole_folder(tmp_path: Path, example: str) -> None:
    root = tmp_path / example
    shutil.copytree(EXAMPLES / example, root)
    edit(root / "equitykit.yaml", "\n", "\nnot_a_field: 1\n")  # a problem in the organisation file too
    assert validate(root, AS_OF).problems == whole_folder(root)


def test_what_a_record_keeps_is_what_the_rules_across_records_read(valid_root: Path) -> None:
    assert kept_fields("eia") == () and kept_fields("engagement") == ()
    assert set(kept_fields("objective") or ()) == {"id", "status", "start"}
    assert kept_fields("workforce") is None  # the published figures are computed from the whole history
    records = load_records(valid_root, AS_OF, each=lambda record, _records: slim(record, kept_fields(record.kind.name))
                           if record.kind.folder is not None else None)
    action = records.of("action")[0]
    assert isinstance(action, SlimView) and type(action).__name__ == "Action" and action.id == "ACT-001"
    with pytest.raises(AttributeError):
        action.title  # noqa: B018  (not kept: reading it fails, never a default)
    assert all(r.document._data is None and r.document._positions is None
               for r in records.records if r.document is not None)


def test_a_rule_that_reads_other_records_without_saying_so_fails_loudly(valid_root: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "RULES", list(registry.RULES))
    monkeypatch.setattr(registry, "_LOCAL", {})
    rule("EK302", "action")(lambda action, records: iter([((), str(len(records.of("objective"))))]))
    with pytest.raises(RuntimeError, match="before every record was loaded"):
        validate(valid_root, AS_OF)


def test_a_folder_wide_count_is_worked_out_once_not_once_a_record(valid_root: Path) -> None:
    """EK450 on a folder where every action states no status: the list of them is made once (linear), and the
    warning is still given once, on the first."""
    import equitykit.records.repository as repository

    source = (valid_root / "actions" / "ACT-001.yaml").read_text(encoding="utf-8")
    source = source.replace("status: complete\ncompleted: 2025-09-12\n", "")
    for number in range(1, 31):
        (valid_root / "actions" / f"ACT-{number:03d}.yaml").write_text(
            source.replace("ACT-001", f"ACT-{number:03d}"), encoding="utf-8")
    computed: list[object] = []
    memo = repository.RecordSet.memo

    def counting(self, key, compute):  # type: ignore[no-untyped-def]
        return memo(self, key, lambda: computed.append(key) or compute())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repository.RecordSet, "memo", counting)
        result = validate(valid_root)
    assert [p.code for p in result.warnings].count("EK450") == 1
    assert computed.count(("leaves out", "action", "status")) == 1
