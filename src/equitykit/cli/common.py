"""Options and helpers shared by the commands."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from ..records.computed import ComputedRecord
    from ..records.repository import RecordSet

PathArgument = Annotated[
    Path,
    typer.Argument(help="The records folder, or any path inside it (default: the current folder)."),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help="Treat this date (YYYY-MM-DD) as today."),
]


def fail_usage(message: str) -> NoReturn:
    """Report a usage error or unreadable input and exit 2."""
    sys.stderr.write(f"equitykit: error: {message}\n")
    raise typer.Exit(2)


def warn(message: str) -> None:
    """Tell the person running the command something they may want to act on, on stderr."""
    sys.stderr.write(f"equitykit: warning: {message}\n")


def find_root_or_exit(path: Path) -> Path:
    """The records root at or above `path`, or a usage error."""
    from ..records.repository import RootNotFound, find_root

    if not path.exists():
        fail_usage(f"{path} does not exist")
    try:
        return find_root(path)
    except RootNotFound as exc:
        fail_usage(str(exc))
    except OSError as exc:
        fail_usage(f"cannot read {path}: {exc.strerror or exc}")


def parse_as_of(value: str | None) -> dt.date:
    """The --as-of date, or today."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail_usage(f"--as-of {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31")


def write_output(text: str | Iterable[str], out: Path | None = None) -> None:
    """Write a command's output to stdout or, atomically, to a file: one text, or its pieces in turn (a large
    output is then never held whole)."""
    if out is None:
        last = ""
        for part in [text] if isinstance(text, str) else text:
            sys.stdout.write(part)
            last = part[-1:] or last
        if last and last != "\n":
            sys.stdout.write("\n")
        return
    from ..atomic import atomic_write_text

    try:
        atomic_write_text(out, text)
    except OSError as exc:
        fail_usage(f"cannot write {out}: {exc.strerror or exc}")


def write_binary_output(data: bytes, out: Path | None, what: str) -> None:
    """Write a binary document to a file (atomically) or to stdout when that is not a terminal."""
    if out is None:
        if sys.stdout.isatty():
            fail_usage(f"{what} is a binary file and cannot be shown on the terminal: add --out FILE")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from ..atomic import atomic_write_bytes

    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        fail_usage(f"cannot write {out}: {exc.strerror or exc}")


def append_output(text: str, out: Path) -> None:
    """Add text to the end of a file that others write too (a CI job summary), creating it if need be."""
    try:
        with out.open("a", encoding="utf-8") as file:
            file.write(text)
    except OSError as exc:
        fail_usage(f"cannot write {out}: {exc.strerror or exc}")


def exit_if_records_have_errors(records: RecordSet, left_out_of: str | None) -> None:
    """The rule of every command that reads records, applied once its output is written from the valid
    records: name the record files with errors on stderr (and what they were `left_out_of`) and exit 1."""
    exit_if_files_have_errors({problem.file for problem in records.problems if problem.severity == "error"},
                              left_out_of)


def exit_if_files_have_errors(files: Collection[str], left_out_of: str | None) -> None:
    """Name the record `files` that have errors on stderr and exit 1, if there are any."""
    files = sorted(files)
    if files:
        plural = len(files) != 1
        left_out = f"; {'they were' if plural else 'it was'} left out of {left_out_of}" if left_out_of else ""
        sys.stderr.write(f"equitykit: {len(files)} record file{'s' * plural} {'have' if plural else 'has'} errors: "
                         f"{', '.join(files)}{left_out}. Run `equitykit validate` to see what to fix.\n")
        raise typer.Exit(1)


def fail_problems(message: str) -> NoReturn:
    """Report that the records or input have problems and exit 1."""
    sys.stderr.write(f"equitykit: {message}\n")
    raise typer.Exit(1)


def print_rich(renderable: Any, soft_wrap: bool = True) -> None:
    """Print rich markup or a rich renderable to stdout: colour only on a terminal, NO_COLOR respected; a
    table wraps its words to the screen (or COLUMNS when piped) and never cuts one, printed wider than the
    screen if it must be."""
    from rich.console import Console

    from ..reporting.text_tables import fit_tables

    console = Console(highlight=False, soft_wrap=soft_wrap)
    if (needed := fit_tables(console, renderable)) > console.width:
        console = Console(highlight=False, soft_wrap=soft_wrap, width=needed)
    console.print(renderable)


def stdout_is_terminal() -> bool:
    """Whether a person is reading stdout on a terminal (not a pipe, a file or CI)."""
    return sys.stdout.isatty()


def terminal_width() -> int:
    """The width of the terminal (COLUMNS, when set, as rich reads it)."""
    from rich.console import Console

    return Console().width


def write_record_or_exit(root: Path, record: ComputedRecord) -> None:
    """Write a computed record under `root` and say what was done; exit 1 or 2 when it cannot be, and 1
    when any record of the folder has errors (the rule of every command that reads records)."""
    from ..authoring.computed import ComputedRecordError, write_computed_record
    from ..records.repository import load_records

    try:
        written = write_computed_record(root, record)
    except ComputedRecordError as exc:
        fail_problems(str(exc))
    except OSError as exc:
        fail_usage(f"cannot write {record.kind.folder}/{record.record_id}.yaml in {root}: {exc.strerror or exc}")
    sys.stderr.write(f"equitykit: {written.action} {written.file}\n")
    exit_if_records_have_errors(load_records(root), None)


def parse_snapshot(value: str) -> dt.date:
    """The --snapshot date, or a usage error."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    fail_usage(f"--snapshot {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31")


def parse_columns(values: list[str], names: Sequence[str], example: str) -> dict[str, str]:
    """`--columns sex=Gender,hourly_pay=Rate` as {"sex": "Gender", "hourly_pay": "Rate"}; ours are `names`."""
    mapping: dict[str, str] = {}
    for value in values:
        for pair in value.split(","):
            if not pair.strip():
                continue
            ours, equals, theirs = (part.strip() for part in pair.partition("="))
            if not equals or not ours or not theirs or "=" in theirs:
                fail_usage(f"--columns {pair.strip()!r} is not OURS=THEIRS; write it like --columns {example}")
            if ours not in names:
                fail_usage(f"--columns: equitykit has no column called {ours!r}; map one of {', '.join(names)}")
            if ours in mapping and mapping[ours] != theirs:
                fail_usage(f"--columns maps {ours!r} twice, to {mapping[ours]!r} and {theirs!r}; keep one")
            mapping[ours] = theirs
    return mapping


def compute_options(snapshot: str, columns: list[str] | None, names: Sequence[str], example: str,
                    path: Path | None, write: bool, what: str) -> tuple[dt.date, dict[str, str], Path | None]:
    """What every `compute` command reads first: the snapshot, the column names, and the records root
    for --write (None without it); `what` names what --write records, for the usage error."""
    date = parse_snapshot(snapshot)
    mapping = parse_columns(columns or [], names, example)
    if path is not None and not write:
        fail_usage(f"{path} is a records folder for --write; add --write to record the {what} there")
    return date, mapping, find_root_or_exit(path or Path(".")) if write else None
