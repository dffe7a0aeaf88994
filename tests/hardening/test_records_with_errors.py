"""One exit-code rule for every command that reads records: it computes and writes its output from the
valid records, names each record file with errors on stderr, and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import AS_OF, commit_all, make_root, run

BROKEN = "actions/ACT-001.yaml"
STAFF = "sex,full_pay_relevant,bonus_pay,hourly_pay\n" + "M,yes,0,10.00\nF,yes,0,9.00\n" * 6
EXTRACT = ("staff_group,band,ethnicity,disability,sex,age\n"
           + "clinical,5,A,No,Female,34\nnon-clinical,3,H,Yes,Male,51\n" * 6)

COMMANDS = {
    "report": ["report", "actions", "{root}", "--as-of", AS_OF],
    "deadlines": ["deadlines", "{root}", "--as-of", AS_OF, "--format", "json"],
    "grade-eds": ["grade", "eds", "{root}"],
    "wres": ["wres", "{root}"],
    "wdes": ["wdes", "{root}"],
    "paygap-write": ["paygap", "compute", "{staff}", "--snapshot", "2025-03-31", "--write", "{root}"],
    "workforce-write": ["workforce", "compute", "--snapshot", "2026-03-31", "--staff", "{extract}", "--write",
                        "{root}"],
    "diff": ["diff", "HEAD", "{root}"],
}


def extracts(folder: Path) -> dict[str, Path]:
    """A staff pay file and a staff extract beside the records folder, by the names COMMANDS use."""
    paths = {"staff": folder / "staff.csv", "extract": folder / "extract.csv"}
    paths["staff"].write_text(STAFF, encoding="utf-8")
    paths["extract"].write_text(EXTRACT, encoding="utf-8")
    return paths


@pytest.fixture
def broken_root(tmp_path: Path) -> Path:
    """A valid folder, committed, then one action file given a status no action can have."""
    root = make_root(tmp_path / "records")
    commit_all(root)
    action = root / BROKEN
    action.write_text(action.read_text(encoding="utf-8").replace("status:", "status: finished\nold_status:", 1),
                      encoding="utf-8")
    return root


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_that_reads_records_computes_from_the_valid_ones_names_the_bad_file_and_exits_1(
        tmp_path: Path, broken_root: Path, command: str) -> None:
    args = [arg.format(root=broken_root, **extracts(tmp_path)) for arg in COMMANDS[command]]
    result = run(args)
    assert result.exit_code == 1, (result.stdout[-300:], result.stderr)
    assert BROKEN in result.stderr and "equitykit validate" in result.stderr
    assert result.stdout.strip(), "the output is computed from the valid records all the same"
    if command == "paygap-write":
        assert (broken_root / "paygap" / "2025-03-31.yaml").is_file(), "the figures are written all the same"
    if command == "workforce-write":
        assert (broken_root / "workforce" / "2026-03-31.yaml").is_file(), "the counts are written all the same"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_that_reads_valid_records_exits_0(tmp_path: Path, command: str) -> None:
    root = make_root(tmp_path / "records")
    commit_all(root)
    result = run([arg.format(root=root, **extracts(tmp_path)) for arg in COMMANDS[command]])
    assert result.exit_code == 0, (result.stdout[-300:], result.stderr)
    assert "errors" not in result.stderr
