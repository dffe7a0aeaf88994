"""Progress on long work: `validate`, `paygap compute`, `workforce compute` and `system status` move a bar
on stderr, once per record file, member or chunk read (never per row), only when stderr is a terminal;
nothing when piped or with --quiet, and the output is the same either way."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.extracts import csvfile
from equitykit.metrics import staffcsv
from equitykit.records.kinds import KINDS_BY_FOLDER

REPO = Path(__file__).resolve().parents[2]
NHS = REPO / "examples" / "northfield-trust"
EXTRACTS = REPO / "examples" / "northfield-trust-extracts"
SYSTEM = REPO / "tests" / "fixtures" / "system" / "staffordshire-icb"
CHUNK = 8192
runner = CliRunner()


class Bar:
    """Stands in for rich's Progress: records what the command asked of it."""

    def __init__(self) -> None:
        self.totals: list[int] = []
        self.advances: list[int] = []

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def track(self, items, total, description):
        self.totals.append(total)
        for item in items:
            self.advances.append(1)
            yield item

    def add_task(self, description: str, total: int) -> int:
        self.totals.append(total)
        return len(self.totals)

    def advance(self, task: int, done: int) -> None:
        self.advances.append(done)


@pytest.fixture
def bar(monkeypatch: pytest.MonkeyPatch) -> Bar:
    """A terminal on stderr, with the bar recorded."""
    recorded = Bar()
    monkeypatch.setattr("equitykit.cli.progress.showing", lambda quiet: not quiet)
    monkeypatch.setattr("equitykit.cli.progress._bar", lambda size: recorded)
    return recorded


@pytest.fixture(scope="module")
def pay_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = ["sex,full_pay_relevant,bonus_pay,hourly_pay"] + [
        f"{'MF'[index % 2]},yes,{index % 7 * 100},{10 + index % 50}.25" for index in range(3000)]
    path = tmp_path_factory.mktemp("hr") / "pay.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def workforce_args() -> list[str]:
    return ["workforce", "compute", "--snapshot", "2025-03-31", "--staff", str(EXTRACTS / "staff.csv"),
            "--recruitment", str(EXTRACTS / "recruitment.csv"), "--columns",
            "sex=Gender,religion_belief=Religious Belief", "--format", "json"]


def commands(pay_file: Path) -> dict[str, list[str]]:
    return {"validate": ["validate", str(NHS), "--as-of", "2025-11-30"],
            "paygap": ["paygap", "compute", str(pay_file), "--snapshot", "2025-03-31"],
            "paygap-by": ["paygap", "compute", str(pay_file), "--snapshot", "2025-03-31", "--by", "disability",
                          "--columns", "disability=sex", "--format", "json"],
            "workforce": workforce_args(),
            "system": ["system", "status", str(SYSTEM), "--as-of", "2025-11-30", "--format", "json"]}


def test_validate_moves_the_bar_once_per_record_file(bar: Bar) -> None:
    result = runner.invoke(app, ["validate", str(NHS), "--as-of", "2025-11-30"])
    assert result.exit_code == 0, result.output
    records = sum(1 for folder in KINDS_BY_FOLDER for _ in (NHS / folder).glob("*.yaml"))
    assert bar.totals == [records] and len(bar.advances) == records


def test_system_status_moves_the_bar_once_per_member(bar: Bar) -> None:
    runner.invoke(app, ["system", "status", str(SYSTEM), "--as-of", "2025-11-30", "--format", "json"])
    assert bar.totals == [4] and len(bar.advances) == 4  # three members and one that is broken


def test_paygap_compute_moves_the_bar_per_chunk_of_the_file_not_per_row(bar: Bar, pay_file: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    counted = []
    original = staffcsv._tallied_natively
    monkeypatch.setattr(staffcsv, "_tallied_natively", lambda *args: counted.append(1) or original(*args))
    quiet = runner.invoke(app, ["paygap", "compute", str(pay_file), "--snapshot", "2025-03-31", "--quiet"])
    assert bar.totals == []
    result = runner.invoke(app, ["paygap", "compute", str(pay_file), "--snapshot", "2025-03-31"])
    assert result.exit_code == 0, result.output
    size = pay_file.stat().st_size
    assert bar.totals == [size] and sum(bar.advances) == size
    assert len(bar.advances) <= size // CHUNK + 2 < 3000
    assert result.stdout == quiet.stdout
    assert counted == [1, 1], "read the fast way, with a bar as without"


def test_workforce_compute_moves_a_bar_for_each_extract(bar: Bar) -> None:
    result = runner.invoke(app, workforce_args())
    assert result.exit_code == 0, result.output
    sizes = [(EXTRACTS / name).stat().st_size for name in ("staff.csv", "recruitment.csv")]
    assert bar.totals == sizes and sum(bar.advances) == sum(sizes)


def test_workforce_compute_counts_the_fast_way_on_a_terminal_too(bar: Bar, monkeypatch: pytest.MonkeyPatch) -> None:
    quiet = runner.invoke(app, [*workforce_args(), "--quiet"])
    counted = []
    original = csvfile._distinct_by_polars
    monkeypatch.setattr(csvfile, "_distinct_by_polars", lambda *args: counted.append(original(*args)) or counted[-1])
    monkeypatch.setattr("equitykit.extracts.workforce._reader", None)  # reading row by row would fail
    shown = runner.invoke(app, workforce_args())
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == quiet.stdout
    assert len(counted) == 2 and None not in counted, "both extracts counted in native code, with a bar"
    assert bar.totals and sum(bar.advances) == sum(bar.totals)


def test_a_bad_file_read_with_a_bar_gets_the_readers_own_message(bar: Bar, tmp_path: Path) -> None:
    bad = tmp_path / "pay.csv"
    bad.write_bytes(b"sex,full_pay_relevant,bonus_pay,hourly_pay\nM,yes,0,10\nF,yes,0,\xa310\n")
    shown = runner.invoke(app, ["paygap", "compute", str(bad), "--snapshot", "2025-03-31"])
    quiet = runner.invoke(app, ["paygap", "compute", str(bad), "--snapshot", "2025-03-31", "--quiet"])
    assert shown.exit_code == quiet.exit_code != 0
    assert shown.stderr == quiet.stderr and "0xa3" in shown.stderr


@pytest.mark.parametrize("name", ["validate", "paygap", "paygap-by", "workforce", "system"])
def test_no_bar_when_stderr_is_not_a_terminal_or_with_quiet(name: str, pay_file: Path) -> None:
    args = commands(pay_file)[name]
    piped = runner.invoke(app, args)
    quiet = runner.invoke(app, [*args, "--quiet"])
    assert piped.stdout == quiet.stdout and piped.stderr == quiet.stderr
    assert "Reading" not in piped.stderr and "\x1b[" not in piped.stderr


def test_the_bar_draws_on_a_terminal(monkeypatch: pytest.MonkeyPatch, pay_file: Path) -> None:
    monkeypatch.setattr("equitykit.cli.progress.showing", lambda quiet: not quiet)
    shown = runner.invoke(app, ["paygap", "compute", str(pay_file), "--snapshot", "2025-03-31", "--format", "json"],
                          env={"FORCE_COLOR": "1"})
    quiet = runner.invoke(app, ["paygap", "compute", str(pay_file), "--snapshot", "2025-03-31", "--format", "json",
                                "--quiet"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == quiet.stdout  # stdout untouched: the bar is on stderr only
    assert f"Reading {pay_file.name}" in shown.stderr
