"""Where a seed document's elements appear in the rendered reports: each element is a row of a table
(element, report, section heading, text) and must appear, as written, in that section of that report
in Markdown and in HTML."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.records.repository import load_records
from equitykit.reporting.reports import render_report
from equitykit.reporting.reports.context import heading_text

SEEDS = Path(__file__).parent
runner = CliRunner()


@dataclass(frozen=True)
class Element:
    """One element of a seed document: what it is, and the report and section it must appear in."""

    name: str
    report: str
    section: str
    text: str


def validate_problems(folder: Path) -> list[dict]:
    """The problems `equitykit validate` reports for a seed folder (errors and warnings)."""
    result = runner.invoke(app, ["validate", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stdout
    return json.loads(result.stdout)["problems"]


def _plain(text: str) -> str:
    return " ".join(html.unescape(text).split())


def markdown_section(markdown: str, heading: str) -> str:
    """The text under a Markdown heading, up to the next heading of the same or a higher level
    (the whole report when `heading` is empty)."""
    if not heading:
        return _plain(_unmark(markdown.replace("<br>", "\n")))
    lines = markdown.splitlines()
    starts = [i for i, line in enumerate(lines)
              if line.startswith("#") and _unmark(line.lstrip("#").strip()) == heading_text(heading)]
    assert starts, f"no heading {heading!r}"
    level = len(lines[starts[0]]) - len(lines[starts[0]].lstrip("#"))
    end = next((i for i in range(starts[0] + 1, len(lines))
                if re.match(rf"#{{1,{level}}} ", lines[i])), len(lines))
    body = "\n".join(lines[starts[0] + 1:end]).replace("<br>", "\n")
    return _plain(_unmark(body))


def _unmark(text: str) -> str:
    """Markdown text as read: backslash escapes and character references undone."""
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def html_section(page: str, heading: str) -> str:
    """The text under an HTML heading, up to the next heading of the same or a higher level
    (the whole page when `heading` is empty)."""
    if not heading:
        return _plain(re.sub(r"<[^>]+>", " ", page))
    found = re.search(r"<h([1-6])[^>]*>" + re.escape(html.escape(heading_text(heading), quote=False)) + r"</h\1>", page)
    assert found, f"no heading {heading!r}"
    level = int(found.group(1))
    after = page[found.end():]
    stop = re.search(rf"<h[1-{level}][ >]", after)
    body = after[:stop.start()] if stop else after
    return _plain(re.sub(r"<[^>]+>", " ", body))


def rendered(folder: Path, report: str, as_of: dt.date) -> tuple[str, str]:
    """The report in Markdown and in HTML."""
    records = load_records(folder)
    return (render_report(report, records, as_of, "md"), render_report(report, records, as_of, "html"))


def misplaced(folder: Path, elements: list[Element], as_of: dt.date) -> list[str]:
    """The elements not found in their section, in either format (empty when all are in place)."""
    cache: dict[str, tuple[str, str]] = {}
    missing = []
    for element in elements:
        if element.report not in cache:
            cache[element.report] = rendered(folder, element.report, as_of)
        markdown, page = cache[element.report]
        text = _plain(element.text)
        if text not in markdown_section(markdown, element.section):
            missing.append(f"md {element.report} / {element.section}: {element.name}")
        if text not in html_section(page, element.section):
            missing.append(f"html {element.report} / {element.section}: {element.name}")
    return missing
