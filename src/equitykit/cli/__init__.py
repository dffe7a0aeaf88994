"""The `equitykit` command line: a thin shell over the domain functions.

Each command module parses options, calls one domain function, hands the result to a
reporter and maps it to an exit code: 0 all good, 1 problems found, 2 usage error or
unreadable input. Heavy modules are imported inside the commands so that start-up stays fast.
"""

from __future__ import annotations

import gc
import os
import sys

import typer

from .. import __version__
from . import (
    authoring,
    deadlines,
    metrics_commands,
    paygap,
    paygap_govuk,  # noqa: F401  (adds `paygap import` and `paygap peers` to the paygap commands)
    records_commands,
    report,
    schema,
    system,
    workforce,
)

app = typer.Typer(
    name="equitykit",
    help="Public Sector Equality Duty records: validate, track deadlines, compute metrics, publish reports.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
records_commands.register(app)
deadlines.register(app)
metrics_commands.register(app)
paygap.register(app)
workforce.register(app)
authoring.register(app)
report.register(app)
system.register(app)
app.add_typer(schema.app, name="schema")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"equitykit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Public Sector Equality Duty records: validate, track deadlines, compute metrics, publish reports."""


def main() -> None:
    """Console entry point: run the app, turning any unexpected failure into a short message.

    What start-up made (every module, class and function) lives until the process ends, so it is moved out of
    the garbage collector's sight (`gc.freeze`): collections during the command no longer walk it. So is what
    is left at the end, which the operating system reclaims at exit in one go rather than the collector
    freeing it object by object (about a tenth of a short command's time; exit handlers still run).
    """
    gc.freeze()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("equitykit: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug, not bad input: say so without a traceback
        if os.environ.get("EQUITYKIT_DEBUG"):
            raise
        sys.stderr.write(f"equitykit: internal error: {type(exc).__name__}: {exc}\n"
                         "Please report this; set EQUITYKIT_DEBUG=1 to see the details.\n")
        sys.exit(1)
    finally:
        gc.freeze()
