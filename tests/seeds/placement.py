"""Where a seed document's elements appear in the rendered reports: each element is a row of a table
(element, report, section heading, text) and must appear, as written, in that section of that report
in Markdown and in HTML."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.records.repository import load_records
from equitykit.reporting.reports import build_report
from equitykit.reporting.reports.context import heading_text
from equitykit.reporting.reports.environment import render

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
    """The report in Markdown and in HTML; `actions:PLAN` is the action plan PLAN (`report actions --plan`)."""
    records = load_records(folder)
    kind, _, plan = report.partition(":")
    built = build_report(kind, records, as_of, plan=plan or None)
    return render(built, "md", records.root), render(built, "html", records.root)


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


FITS = ("fully", "partly", "not")
"""How an element of a seed publication fits the records: `fully` (held as published, by fields made for it,
nothing filled in), `partly` (held, but something is filled in, forced into a field made for something else,
or lost) or `not` (no field holds it)."""


@dataclass(frozen=True)
class Part:
    """One element of a seed publication, how it fitted the records before this round's re-encoding and how it
    fits now, and why it does not fit fully (one line, for each `partly` or `not`)."""

    name: str
    before: str
    after: str
    why: str = ""


def fit_counts(parts: list[Part], when: str) -> dict[str, int]:
    """How many elements fit fully, partly and not, `before` or `after`."""
    return {fit: sum(getattr(part, when) == fit for part in parts) for fit in FITS}


def badly_classified(parts: list[Part]) -> list[str]:
    """The elements with an unknown fit, a repeated name, or no reason for fitting partly or not."""
    problems = [f"{part.name}: fit {fit!r}" for part in parts for fit in (part.before, part.after) if fit not in FITS]
    problems += [f"{part.name}: no reason" for part in parts if part.after != "fully" and not part.why.strip()]
    names = [part.name for part in parts]
    return problems + [f"{name}: named twice" for name in sorted({n for n in names if names.count(n) > 1})]


SOURCES = SEEDS / "sources"
ENUMERATED = {"id", "plan", "objectives", "characteristics", "psed_aims", "eds_outcomes", "status", "duty", "scope",
              "method", "sector", "jurisdiction", "eds_framework", "framework", "slug", "unit", "period", "records",
              "done", "modern_slavery_statement", "tags", "outcomes", "actions"}
"""Keys whose values are the tool's own words (ids, slugs, statuses, units, links between records): the sources
are read into them, never copied, so they are not looked up in the text."""
DATES = {"due", "start", "end", "date", "revised", "published", "published_by", "planned", "by", "done_on", "completed",
         "started", "period_start", "period_end", "graded_on", "established", "dissolved"}
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
"""A count the source writes in words ("fifteen of the eighteen outcome areas") is given as much as in figures."""
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")


def _flat(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).casefold()


def _date_in(value: str, source: str) -> bool:
    """Whether the source gives the date at the precision held: the day ("1 April 2013", "31st October 2021"),
    the month ("May 2013", "Sept 2013", "January and March 2023") or the year."""
    parts = value.split("-")
    year = parts[0]
    if len(parts) == 1:
        return re.search(rf"\b{year}\b", source) is not None
    month = MONTHS[int(parts[1]) - 1]
    name = rf"{month[:3]}[a-z]*\.?"
    if len(parts) == 2:
        return re.search(rf"\b{name}\b[^.\n]{{0,40}}?\b{year}\b", source, re.IGNORECASE) is not None
    day = int(parts[2])
    return re.search(rf"\b{day}(st|nd|rd|th)?\s+{name}\s+{year}\b", source, re.IGNORECASE) is not None


def _pieces(text: str) -> list[str]:
    """A value as the pieces that must each be in the source: its sentences, clauses and list items (a record may
    join a paragraph's sentences, or list items with commas, where the document breaks them)."""
    return [piece for piece in (p.strip(" .;,:") for p in re.split(r"[.;,]\s+|\n", _flat(text))) if piece]


def _given(key: str, value: object, source: str, labels: tuple[str, ...]) -> bool:
    """Whether the source gives a value: a date at the precision held, a number as written, a text sentence by
    sentence (after any of the fixture's own `labels`)."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if key in DATES:
        return _date_in(text, source)
    if isinstance(value, int | float):
        words = [f"{value:g}", *([NUMBER_WORDS[int(value)]] if value == int(value) and 0 <= value < 21 else [])]
        return any(re.search(rf"\b{re.escape(word)}\b", source, re.IGNORECASE) for word in words)
    for label in labels:
        text = text.removeprefix(label)
    flat = _flat(source)
    return all(piece in flat for piece in _pieces(text))


def _leaves(node: object, key: str, line: int, where: str) -> Iterator[tuple[str, object, int, str]]:
    """Every scalar of a YAML document with its key, its 0-based line and its path, but the values of ENUMERATED
    keys (a mapping under one, such as a body's own characteristic with its name, is read as any other)."""
    if isinstance(node, CommentedMap):
        for name, value in node.items():
            yield from _leaves(value, name, node.lc.key(name)[0], f"{where}.{name}")
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            nested = isinstance(value, CommentedMap | CommentedSeq)
            yield from _leaves(value, key, line if nested else node.lc.item(index)[0], f"{where}[{index}]")
    elif node is not None and not isinstance(node, bool) and key not in ENUMERATED:
        yield key, node, line, where.lstrip(".")


def unsourced(folder: Path, source: str, filled: dict[str, str], labels: tuple[str, ...] = ()) -> list[str]:
    """Every value of the fixture that the source text does not give, unless it is one of `filled` (value to
    why) with a comment beside it in the file (on its line or the four above)."""
    found: list[str] = []
    for path in sorted(folder.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for key, value, line, where in _leaves(YAML().load(text), "", 0, ""):
            if _given(key, value, source, labels):
                continue
            shown = value.isoformat() if isinstance(value, dt.date) else str(value)
            place = f"{path.relative_to(folder)}:{line + 1} {where}: {shown!r}"
            if shown not in filled:
                found.append(f"{place} is not in the source")
            elif not any("#" in before for before in lines[max(0, line - 4):line + 1]):
                found.append(f"{place} is filled ({filled[shown]}) without a comment saying so")
    return found
