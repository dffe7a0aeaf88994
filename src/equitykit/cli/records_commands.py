"""`equitykit validate` and `equitykit rules`."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    AsOfOption,
    PathArgument,
    append_output,
    exit_if_records_have_errors,
    fail_usage,
    find_root_or_exit,
    parse_as_of,
    print_rich,
    write_output,
)
from .progress import QuietOption, tracking


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    sarif = "sarif"


def validate(
    path: PathArgument = Path("."),
    output_format: Annotated[ProblemFormat, typer.Option(
        "--format", "-f", help="Output format. With github, a job summary is also appended to "
        "$GITHUB_STEP_SUMMARY when it is set.")] = ProblemFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    as_of: AsOfOption = None,
    quiet: QuietOption = False,
) -> None:
    """Check every record: schema, references between records, and the domain rules."""
    from ..checks.validate import validate as validate_root
    from ..reporting.problems import REPORTERS, github_step_summary

    root, day = find_root_or_exit(path), parse_as_of(as_of)
    with tracking("Reading records", quiet) as track:
        result = validate_root(root, day, track)
    output = REPORTERS[output_format.value](result, strict)
    if output_format is ProblemFormat.text:
        print_rich(output)
    else:
        write_output(output)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format is ProblemFormat.github and summary:
        append_output(github_step_summary(result, strict, os.environ), Path(summary))
    raise typer.Exit(0 if result.ok(strict) else 1)


class WorklistFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


def translations(
    path: PathArgument = Path("."),
    output_format: Annotated[WorklistFormat, typer.Option(
        "--format", "-f", help="text for people, json for machines, or csv for a translator's spreadsheet (with "
        "an empty welsh column to fill in).")] = WorklistFormat.text,
    out: Annotated[Path | None, typer.Option("--out", metavar="FILE", help="Write to a file, not stdout.")] = None,
) -> None:
    """List every text in the records that has no Welsh version yet: file, line, the key to add (title_cy
    beside title) and the English, as a worklist for a translator.

    Exit 0 when every text has its Welsh version, 1 when some have none (or a record file has errors: its
    texts are left out of the list until it is fixed), 2 for a usage error.
    """
    from ..checks.translation import welsh_worklist
    from ..records.repository import load_records
    from ..reporting.translations import RENDERERS

    records = load_records(find_root_or_exit(path), positions=True)
    worklist = welsh_worklist(records)
    write_output(RENDERERS[output_format.value](worklist), out)
    if not worklist.publishes_in_welsh:
        sys.stderr.write("equitykit: note: this body does not publish in Welsh (`languages` in equitykit.yaml), "
                         "so validate does not ask for these texts.\n")
    exit_if_records_have_errors(records, "the worklist")
    raise typer.Exit(1 if worklist.missing else 0)


def rules(
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or md (the docs table).")] = "text",
) -> None:
    """List every problem code with its title and basis."""
    from ..checks.catalogue import CODES, rules_markdown

    if output_format == "md":
        write_output(rules_markdown())
        return
    if output_format != "text":
        fail_usage(f"--format {output_format!r} is not one of: text, md")
    for code in CODES.values():
        basis = f" ({code.basis})" if code.basis else ""
        typer.echo(f"{code.code}  {code.title}{basis}")


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the app."""
    app.command()(validate)
    app.command()(rules)
    app.command()(translations)
