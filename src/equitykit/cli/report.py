"""`equitykit report KIND [PATH]`: a publication-ready Markdown or accessible HTML report."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import (
    AsOfOption,
    exit_if_records_have_errors,
    fail_usage,
    find_root_or_exit,
    parse_as_of,
    warn,
    write_binary_output,
    write_output,
)

if TYPE_CHECKING:
    import datetime as dt

    from ..records.organisation import Organisation
    from ..records.repository import RecordSet
    from ..reporting.reports import Report


class ReportKind(StrEnum):
    psed = "psed"
    eds = "eds"
    wres = "wres"
    wdes = "wdes"
    paygap = "paygap"
    objectives = "objectives"
    actions = "actions"
    eias = "eias"
    eia = "eia"
    system = "system"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"
    json = "json"


class ReportLanguage(StrEnum):
    cy = "cy"
    en = "en"
    all = "all"


LangOption = Annotated[ReportLanguage | None, typer.Option(
    "--lang", help="cy (Welsh), en (English) or all (every language the body publishes in, as its "
    "bilingual_layout in equitykit.yaml says: separate writes one file a language and needs --out, e.g. "
    "--out report.html writes report.cy.html and report.en.html; side-by-side or welsh-first writes one "
    "document: in HTML Welsh and English in columns, or Welsh then English; in Markdown and Word Welsh then "
    "English for both). Default: English, or Welsh for a body that publishes only in Welsh.")]


def report(
    kind: Annotated[ReportKind, typer.Argument(help="Which report to produce.")],
    path: Annotated[Path, typer.Argument(
        help="The records folder (or a folder or file inside it); for `eia`, the id of the assessment, then the "
        "folder.", show_default=False)] = Path("."),
    folder: Annotated[Path | None, typer.Argument(
        help="eia: the records folder, after the assessment's id.", show_default=False)] = None,
    output_format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="md, html, docx (Word; needs --out on a terminal), or json for the actions report: "
        "the actions selected by --plan and --tag, as their records hold them, for other tools "
        "(schemas/output/report-actions.schema.json).")] = ReportFormat.md,
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE",
                                             help="Write the report to FILE (atomically) instead of stdout.")] = None,
    as_of: AsOfOption = None,
    year: Annotated[str | None, typer.Option(
        "--year", metavar="YEAR", help="psed: the reporting year to cover, e.g. 2025-26 (default: the last one "
        "that ended before --as-of); actions: the year of the plan (default: the one holding --as-of); "
        "objectives: the year whose progress is shown (default: as psed).")] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", metavar="DIR", help="Folder of templates that override the records' templates/ "
        "folder and equitykit's own, file by file (md and html).")] = None,
    lang: LangOption = None,
    plan: Annotated[str | None, typer.Option(
        "--plan", metavar="ID", help="actions: the plan (plans/ID.yaml) to render, with its own title, period and "
        "headings.")] = None,
    tag: Annotated[str | None, typer.Option(
        "--tag", metavar="TAG", help="actions: only the actions with this tag, e.g. hia:3 or wres:2.")] = None,
) -> None:
    """Produce a report from the records: exit 0 when written, 1 if some records have errors (they are
    left out and listed on stderr), 2 on a usage error or a template that fails. `system` reports on an
    ICB's member organisations (named under `members:` in its equitykit.yaml); `eia EIA-ID` is one
    assessment laid out as its form reads."""
    from ..records.repository import load_records
    from ..reporting.reports import build_report

    if templates is not None and not templates.is_dir():
        fail_usage(f"--templates {templates} is not a folder")
    record = None
    if kind is ReportKind.eia:
        if path == Path("."):
            fail_usage("name the assessment: equitykit report eia EIA-ID [PATH], e.g. report eia EIA-2025-001")
        record, path = path.name, folder or Path(".")
    elif folder is not None:
        fail_usage(f"the {kind.value} report takes one folder; {folder} is one too many")
    if output_format is ReportFormat.json:
        _check_json_options(kind, templates, lang)
    if kind is ReportKind.system:
        _system_report(path, as_of, output_format, out, templates, lang)
        return
    root = find_root_or_exit(path)
    day = parse_as_of(as_of)
    records = load_records(root, day)
    if output_format is ReportFormat.json:
        _actions_json(records, day, year, plan, tag, lang, out)
        exit_if_records_have_errors(records, "the selection")
        return
    _publish(lambda code: build_report(kind.value, records, day, year, code, record, plan, tag), records.organisation,
             lang, output_format, out, root, templates)
    exit_if_records_have_errors(records, "the report")


def _check_json_options(kind: ReportKind, templates: Path | None, lang: ReportLanguage | None) -> None:
    """JSON is the actions report's selection, in one language and with no template."""
    if kind is not ReportKind.actions:
        fail_usage(f"--format json is the actions report's selection of actions (report actions --format json); "
                   f"the {kind.value} report is md, html or docx")
    if templates is not None:
        fail_usage("--templates lays out md and html; JSON has no template: leave it out")
    if lang is ReportLanguage.all:
        fail_usage("--format json writes one language (tags in words); choose --lang cy or --lang en")


def _actions_json(records: RecordSet, day: dt.date, year: str | None, plan: str | None, tag: str | None,
                  lang: ReportLanguage | None, out: Path | None) -> None:
    """Write the actions that `report actions` selects as JSON: the same selection as the report's."""
    from ..i18n import language
    from ..reporting.reports.actions_json import actions_json, actions_selection
    from ..reporting.reports.context import ReportUnavailable
    from ..reporting.reports.languages import choose_languages

    choice = choose_languages(records.organisation, lang.value if lang else None)
    if choice.warning:
        warn(choice.warning)
    try:
        with language(choice.languages[0]):
            selection = actions_selection(records, day, year, plan, tag)
    except ReportUnavailable as exc:
        fail_usage(str(exc))
    write_output(actions_json(selection), out)


def _system_report(path: Path, as_of: str | None, output_format: ReportFormat, out: Path | None,
                   templates: Path | None, lang: ReportLanguage | None) -> None:
    from ..i18n import language
    from ..system.report import system_report
    from .system import load_system

    status = load_system(path, as_of)

    def build(code: str) -> Report:
        with language(code):
            return system_report(status)

    _publish(build, status.organisation, lang, output_format, out, status.root, templates)
    if status.with_problems:
        raise typer.Exit(1)


def _publish(build: Callable[[str], Report], organisation: Organisation | None, lang: ReportLanguage | None,
             output_format: ReportFormat, out: Path | None, root: Path, templates: Path | None) -> None:
    """Write the report in the languages `--lang` chooses: one file, one a language, or one bilingual file."""
    from ..reporting.reports import ReportError, publish
    from ..reporting.reports.languages import choose_languages, language_path

    choice = choose_languages(organisation, lang.value if lang else None)
    if choice.one_file_each and out is None:
        fail_usage(f"--lang all writes one file for each language ({', '.join(choice.languages)}); add --out "
                   f"FILE, e.g. --out report.{output_format.value} writes "
                   + " and ".join(f"report.{code}.{output_format.value}" for code in choice.languages))
    if choice.warning:
        warn(choice.warning)
    try:
        documents = publish(build, choice, output_format.value, root, templates)
    except ReportError as exc:
        fail_usage(str(exc))
    for code, document in documents:
        target = out if code is None or out is None else language_path(out, code)
        if isinstance(document, bytes):
            write_binary_output(document, target, "A Word document")
        else:
            write_output(document, target)


def register(app: typer.Typer) -> None:
    """Add `report` to the app."""
    app.command()(report)
