"""`equitykit report KIND [PATH]`: a publication-ready Markdown or accessible HTML report."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import (
    AsOfOption,
    PathArgument,
    exit_if_records_have_errors,
    fail_usage,
    find_root_or_exit,
    parse_as_of,
    write_binary_output,
    write_output,
)


class ReportKind(StrEnum):
    psed = "psed"
    eds = "eds"
    wres = "wres"
    wdes = "wdes"
    paygap = "paygap"
    objectives = "objectives"
    actions = "actions"
    eias = "eias"
    system = "system"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


def report(
    kind: Annotated[ReportKind, typer.Argument(help="Which report to produce.")],
    path: PathArgument = Path("."),
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="md, html or docx (Word; needs --out on a terminal).")] = ReportFormat.md,
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE",
                                             help="Write the report to FILE (atomically) instead of stdout.")] = None,
    as_of: AsOfOption = None,
    year: Annotated[str | None, typer.Option(
        "--year", metavar="YEAR", help="psed: the reporting year to cover, e.g. 2025-26 (default: the last one "
        "that ended before --as-of).")] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", metavar="DIR", help="Folder of templates that override the records' templates/ "
        "folder and equitykit's own, file by file (md and html).")] = None,
) -> None:
    """Produce a report from the records: exit 0 when written, 1 if some records have errors (they are
    left out and listed on stderr), 2 on a usage error or a template that fails. `system` reports on an
    ICB's member organisations (named under `members:` in its equitykit.yaml)."""
    from ..records.repository import load_records
    from ..reporting.reports import ReportError, render_report, render_report_docx

    if templates is not None and not templates.is_dir():
        fail_usage(f"--templates {templates} is not a folder")
    if kind is ReportKind.system:
        _system_report(path, as_of, output_format, out, templates)
        return
    root = find_root_or_exit(path)
    day = parse_as_of(as_of)
    records = load_records(root, day)
    try:
        if output_format is ReportFormat.docx:
            write_binary_output(render_report_docx(kind.value, records, day, year), out, "A Word document")
        else:
            write_output(render_report(kind.value, records, day, output_format.value, templates, year), out)
    except ReportError as exc:
        fail_usage(str(exc))
    exit_if_records_have_errors(records, "the report")


def _system_report(path: Path, as_of: str | None, output_format: ReportFormat, out: Path | None,
                   templates: Path | None) -> None:
    from ..reporting.reports import ReportError
    from ..system.report import render_system_report, system_report
    from .system import load_system

    status = load_system(path, as_of)
    try:
        if output_format is ReportFormat.docx:
            from ..reporting.reports.word import render_docx

            write_binary_output(render_docx(system_report(status)), out, "A Word document")
        else:
            write_output(render_system_report(status, output_format.value, templates), out)
    except ReportError as exc:
        fail_usage(str(exc))
    if status.with_problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `report` to the app."""
    app.command()(report)
