"""`equitykit report KIND [PATH]`: a publication-ready Markdown or accessible HTML report."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import (AsOfOption, PathArgument, exit_if_records_have_errors, fail_usage, find_root_or_exit, parse_as_of,
                     write_output)


class ReportKind(StrEnum):
    psed = "psed"
    eds = "eds"
    wres = "wres"
    wdes = "wdes"
    paygap = "paygap"
    objectives = "objectives"
    actions = "actions"
    eias = "eias"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


def report(
    kind: Annotated[ReportKind, typer.Argument(help="Which report to produce.")],
    path: PathArgument = Path("."),
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="md or html.")] = ReportFormat.md,
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE",
                                             help="Write the report to FILE (atomically) instead of stdout.")] = None,
    as_of: AsOfOption = None,
    year: Annotated[str | None, typer.Option(
        "--year", metavar="YEAR", help="psed: the reporting year to cover, e.g. 2025-26 (default: the last one "
        "that ended before --as-of).")] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", metavar="DIR", help="Folder of templates that override the records' templates/ "
        "folder and equitykit's own, file by file.")] = None,
) -> None:
    """Produce a report from the records: exit 0 when written, 1 if some records have errors (they are
    left out and listed on stderr), 2 on a usage error or a template that fails."""
    from ..records.repository import load_records
    from ..reporting.reports import ReportError, render_report

    root = find_root_or_exit(path)
    day = parse_as_of(as_of)
    if templates is not None and not templates.is_dir():
        fail_usage(f"--templates {templates} is not a folder")
    records = load_records(root)
    try:
        text = render_report(kind.value, records, day, output_format.value, templates, year)
    except ReportError as exc:
        fail_usage(str(exc))
    write_output(text, out)
    exit_if_records_have_errors(records, "the report")


def register(app: typer.Typer) -> None:
    """Add `report` to the app."""
    app.command()(report)
