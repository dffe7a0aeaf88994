"""`equitykit schema export`: JSON Schemas of every record kind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .common import fail_usage

app = typer.Typer(help="JSON Schemas of the record kinds, for editors and other validators, and of the JSON outputs.",
                  no_args_is_help=True)


@app.command("export")
def export(
    directory: Annotated[Path | None, typer.Argument(
        help="Where to write <kind>.schema.json (default: the schemas/ folder of the records folder you are "
             "in, which its files' yaml-language-server lines point at; else ./schemas).")] = None,
) -> None:
    """Write schemas/<kind>.schema.json for every kind of record."""
    from ..records.repository import RootNotFound, find_root
    from ..schemas import SCHEMAS_FOLDER, write_schemas

    if directory is None:
        try:
            directory = find_root(Path.cwd()) / SCHEMAS_FOLDER
        except RootNotFound:
            directory = Path(SCHEMAS_FOLDER)
    _write(write_schemas, directory)


@app.command("outputs")
def outputs(
    directory: Annotated[Path, typer.Argument(help="Where to write <command>.schema.json.")] = Path("schemas/output"),
) -> None:
    """Write the JSON Schemas of the commands' JSON outputs (validate, deadlines, grade eds, wres, wdes, paygap)."""
    from ..reporting.output_schemas import write_output_schemas

    _write(write_output_schemas, directory)


def _write(write: Callable[[Path], list[Path]], directory: Path) -> None:
    """Write schemas into `directory` and list the files written; a folder that cannot be written is a usage error."""
    try:
        written = write(directory)
    except OSError as exc:
        fail_usage(f"cannot write to {directory}: {exc.strerror or exc}")
    for path in written:
        typer.echo(path.as_posix())
