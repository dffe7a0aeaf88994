"""`equitykit validate` and `equitykit rules`."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    AsOfOption,
    PathArgument,
    append_output,
    fail_usage,
    find_root_or_exit,
    parse_as_of,
    print_rich,
    write_output,
)


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
) -> None:
    """Check every record: schema, references between records, and the domain rules."""
    from ..checks.validate import validate as validate_root
    from ..reporting.problems import REPORTERS, github_step_summary

    result = validate_root(find_root_or_exit(path), parse_as_of(as_of))
    output = REPORTERS[output_format.value](result, strict)
    if output_format is ProblemFormat.text:
        print_rich(output)
    else:
        write_output(output)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format is ProblemFormat.github and summary:
        append_output(github_step_summary(result, strict, os.environ), Path(summary))
    raise typer.Exit(0 if result.ok(strict) else 1)


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
