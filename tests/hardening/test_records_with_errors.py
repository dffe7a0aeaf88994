"""One exit-code rule for every command that reads records: it computes and writes its output from the
valid records, names each record file with errors on stderr, and exits 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import AS_OF, commit_all, make_root, run

BROKEN = "actions/ACT-001.yaml"
STAFF = "sex,full_pay_relevant,bonus_pay,hourly_pay\n" + "M,yes,0,10.00\nF,yes,0,9.00\n" * 6

COMMANDS = {
    "report": ["report", "actions", "{root}", "--as-of", AS_OF],
    "deadlines": ["deadlines", "{root}", "--as-of", AS_OF, "--format", "json"],
    "grade-eds": ["grade", "eds", "{root}"],
    "wres": ["wres", "{root}"],
    "wdes": ["wdes", "{root}"],
    "paygap-write": ["paygap", "compute", "{staff}", "--snapshot", "2025-03-31", "--write", "{root}"],
    "diff": ["diff", "HEAD", "{root}"],
}


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
    staff = tmp_path / "staff.csv"
    staff.write_text(STAFF, encoding="utf-8")
    args = [arg.format(root=broken_root, staff=staff) for arg in COMMANDS[command]]
    result = run(args)
    assert result.exit_code == 1, (result.stdout[-300:], result.stderr)
    assert BROKEN in result.stderr and "equitykit validate" in result.stderr
    assert result.stdout.strip(), "the output is computed from the valid records all the same"
    if command == "paygap-write":
        assert (broken_root / "paygap" / "2025-03-31.yaml").is_file(), "the figures are written all the same"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_that_reads_valid_records_exits_0(tmp_path: Path, command: str) -> None:
    root = make_root(tmp_path / "records")
    commit_all(root)
    staff = tmp_path / "staff.csv"
    staff.write_text(STAFF, encoding="utf-8")
    result = run([arg.format(root=root, staff=staff) for arg in COMMANDS[command]])
    assert result.exit_code == 0, (result.stdout[-300:], result.stderr)
    assert "errors" not in result.stderr
