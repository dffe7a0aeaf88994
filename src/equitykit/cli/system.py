"""`equitykit system status`: one table of an integrated care board's system, member by member."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import AsOfOption, PathArgument, fail_usage, find_root_or_exit, parse_as_of, print_rich, write_output
from .progress import QuietOption, tracking

if TYPE_CHECKING:
    from ..system import SystemStatus

app = typer.Typer(help="An integrated care board's view over its member organisations' records.",
                  no_args_is_help=True)


class StatusFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"


class SystemFailOn(StrEnum):
    overdue = "overdue"


def load_system(path: Path, as_of: str | None, quiet: bool = True) -> SystemStatus:
    """The system at or above `path` on `--as-of`, or a usage error; names members with problems on stderr.
    Unless `quiet`, a bar on a terminal moves as each member is read."""
    from ..system import SystemUnavailable, system_status

    root, day = find_root_or_exit(path), parse_as_of(as_of)
    try:
        with tracking("Reading members", quiet) as track:
            status = system_status(root, day, track=track)
    except SystemUnavailable as exc:
        fail_usage(str(exc))
    troubled = status.with_problems
    if troubled:
        names = ", ".join(f"{m.name} ({m.path})" if m.name != m.path else m.path for m in troubled)
        sys.stderr.write(f"equitykit: {len(troubled)} member(s) cannot be read or have records with errors: "
                         f"{names}; run `equitykit validate` in each\n")
    return status


@app.command("status")
def status(
    path: PathArgument = Path("."),
    as_of: AsOfOption = None,
    output_format: Annotated[StatusFormat, typer.Option("--format", "-f", help="Output format.")] = StatusFormat.text,
    fail_on: Annotated[SystemFailOn | None, typer.Option(
        "--fail-on", help="Also exit 1 if any member has an overdue duty.")] = None,
    out: Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write to a file, not stdout.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Every member's problems, overdue and due duties, EDS, WRES, WDES, pay gap and objectives, and the
    system figures pooled from members' counts: exit 1 if a member cannot be read or has errors (or, with
    --fail-on overdue, has an overdue duty)."""
    from ..reporting.text_tables import plain_text
    from ..system import reporters

    result = load_system(path, as_of, quiet)
    if output_format is StatusFormat.json:
        write_output(reporters.json_report(result), out)
    elif output_format is StatusFormat.md:
        write_output(reporters.markdown_report(result), out)
    elif out is not None:
        write_output(plain_text(reporters.text_report(result)), out)
    else:
        print_rich(reporters.text_report(result))
    if result.with_problems or (fail_on is SystemFailOn.overdue and result.overdue):
        raise typer.Exit(1)


def register(root: typer.Typer) -> None:
    """Add `system` to the app."""
    root.add_typer(app, name="system")
