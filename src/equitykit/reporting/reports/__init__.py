"""Publication-ready reports: builders turn records into a typed `Report`; templates lay it out.

Public API:
- `REPORT_KINDS`: the report kinds, in the order the command lists them.
- `build_report(kind, records, as_of) -> Report`: the typed context (already suppressed and escaped-safe).
- `render_report(kind, records, as_of, output_format, templates=None) -> str`: Markdown or HTML.
- `render_report_docx(kind, records, as_of) -> bytes`: a Word document.
- `publish(build, choice, output_format, ...)`: a report in the languages chosen (`languages.py`): one
  document, one a language, or one bilingual document.
- `ReportError`: a report cannot be built or rendered (a usage error for the command).

Every builder and render takes `lang` (en or cy): the report is built and laid out in that language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from ...i18n import language
from ...records.repository import RecordSet
from .actions import actions_report
from .context import ReportUnavailable
from .document import Report
from .eds import eds_report
from .eia import eia_report
from .eias import eias_report
from .environment import FORMATS, ReportError, render
from .languages import LanguageChoice
from .objectives import objectives_report
from .paygap import paygap_report
from .psed import psed_report
from .standards import wdes_report, wres_report

Builder = Callable[[RecordSet, dt.date], Report]
BUILDERS: dict[str, Builder] = {
    "psed": psed_report,
    "eds": eds_report,
    "wres": wres_report,
    "wdes": wdes_report,
    "paygap": paygap_report,
    "objectives": objectives_report,
    "actions": actions_report,
    "eias": eias_report,
}
REPORT_KINDS: tuple[str, ...] = tuple(BUILDERS)
YEARLY_KINDS = ("psed", "actions", "objectives")
"""The reports that cover one reporting year, chosen with `--year`."""
RECORD_REPORTS: dict[str, Callable[..., Report]] = {"eia": eia_report}
"""The reports of one record, named by its id (`report eia EIA-2025-001`)."""


def build_report(kind: str, records: RecordSet, as_of: dt.date, year: str | None = None, lang: str = "en",
                 record: str | None = None, plan: str | None = None, tag: str | None = None) -> Report:
    """The typed context of a report of `kind` in language `lang`; `year` (e.g. 2025-26) chooses the year an
    annual report covers; `record` names the record of a report of one record (`eia`); `plan` and `tag` choose
    the plan and the tagged actions of the `actions` report."""
    if (plan is not None or tag is not None) and kind != "actions":
        raise ReportError("--plan and --tag choose the actions of the actions report; leave them out")
    builder: Callable[..., Report]
    options: dict[str, str | None] = {}
    if kind in RECORD_REPORTS:
        builder, options = RECORD_REPORTS[kind], {"eia_id": record}
    elif record is not None:
        raise ReportError(f"the {kind} report covers every record; leave out {record}")
    elif kind == "actions":
        builder, options = actions_report, {"plan": plan, "tag": tag}
    else:
        try:
            builder = BUILDERS[kind]
        except KeyError:
            raise ReportError(f"unknown report {kind!r}; choose one of {', '.join(REPORT_KINDS)}") from None
    if year is not None:
        if kind not in YEARLY_KINDS:
            kinds = f"{', '.join(YEARLY_KINDS[:-1])} and {YEARLY_KINDS[-1]}"
            raise ReportError(f"--year applies to the {kinds} reports only; leave it out")
        options["year"] = year
    try:
        with language(lang):
            return builder(records, as_of, **options)
    except ReportUnavailable as exc:
        raise ReportError(str(exc)) from None


def render_report(kind: str, records: RecordSet, as_of: dt.date, output_format: str,
                  templates: Path | None = None, year: str | None = None, lang: str = "en",
                  record: str | None = None) -> str:
    """A report of `kind` rendered as Markdown (`md`) or HTML (`html`)."""
    return render(build_report(kind, records, as_of, year, lang, record), output_format, records.root, templates)


def render_report_docx(kind: str, records: RecordSet, as_of: dt.date, year: str | None = None,
                       lang: str = "en", record: str | None = None) -> bytes:
    """A report of `kind` as the bytes of a Word (.docx) document; `year` and `record` as for `build_report`."""
    from .word import render_docx

    return render_docx(build_report(kind, records, as_of, year, lang, record))


def render_document(reports: Sequence[Report], output_format: str, root: Path | None = None,
                    templates: Path | None = None, layout: str | None = None) -> str | bytes:
    """One document of the report in one language, or of the same report in several (bilingual, laid out
    as `layout` says in HTML; Welsh then English in Markdown and Word)."""
    if output_format == "docx":
        from .word import render_docx

        return render_docx(list(reports))
    return render(reports, output_format, root, templates, layout)


def publish(build: Callable[[str], Report], choice: LanguageChoice, output_format: str,
            root: Path | None = None, templates: Path | None = None) -> list[tuple[str | None, str | bytes]]:
    """The documents of a report in the languages chosen: (None, document) for one document, or
    (language, document) for each language when each has a file of its own. `build(lang)` builds it."""
    reports = [build(code) for code in choice.languages]
    if choice.one_file_each:
        return [(report.language, render_document([report], output_format, root, templates)) for report in reports]
    return [(None, render_document(reports, output_format, root, templates, choice.layout))]


__all__ = ["FORMATS", "REPORT_KINDS", "LanguageChoice", "Report", "ReportError", "build_report", "publish",
           "render_document", "render_report", "render_report_docx"]
