"""Options and helpers shared by the commands."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

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


def write_output(text: str, out: Path | None = None) -> None:
    """Write a command's output to stdout or, atomically, to a file."""
    if out is None:
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        return
    from ..atomic import atomic_write_text

    try:
        atomic_write_text(out, text)
    except OSError as exc:
        fail_usage(f"cannot write {out}: {exc.strerror or exc}")


def append_output(text: str, out: Path) -> None:
    """Add text to the end of a file that others write too (a CI job summary), creating it if need be."""
    try:
        with out.open("a", encoding="utf-8") as file:
            file.write(text)
    except OSError as exc:
        fail_usage(f"cannot write {out}: {exc.strerror or exc}")


def fail_problems(message: str) -> NoReturn:
    """Report that the records or input have problems and exit 1."""
    sys.stderr.write(f"equitykit: {message}\n")
    raise typer.Exit(1)


def print_rich(renderable: Any, soft_wrap: bool = True) -> None:
    """Print rich markup or a rich renderable to stdout: colour only on a terminal, NO_COLOR respected."""
    from rich.console import Console

    Console(highlight=False, soft_wrap=soft_wrap).print(renderable)
