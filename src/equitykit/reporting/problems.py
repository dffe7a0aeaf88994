"""Reporters for validation results: text, json, github, junit and sarif, chosen by name."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from itertools import groupby
from urllib.parse import quote
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..checks.catalogue import CODES
from ..checks.validate import ValidationResult
from ..problem import Problem
from ..records.kinds import ORGANISATION_FILE
from ..records.loader import CONTROL_CHARACTERS
from ..records.repository import inside_root
from .reports.escaping import link, markdown_cell, markdown_inline, markdown_link

Reporter = Callable[[ValidationResult, bool], str]


def _source_lines(result: ValidationResult, file: str) -> list[str]:
    """A file's lines for showing problems in context, read once; control characters made visible
    (so a terminal escape in a bad file cannot act on the reader's terminal)."""
    path = result.root / file
    if not inside_root(path, result.root):  # a link out of the folder is not followed
        return []
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return []
    return [CONTROL_CHARACTERS.sub("\ufffd", line).replace("\t", " ") for line in text.splitlines()]


def text_report(result: ValidationResult, strict: bool) -> str:
    """Problems grouped by file, each with its source line and a caret; several of a code that has a hint
    for many at once (texts without their Welsh version) in one line per file naming each place; then a
    summary, and the hint of each such code."""
    lines: list[str] = []
    for file, problems in groupby(result.problems, key=lambda p: p.file):
        lines.append(f"[bold]{_escape(file)}[/bold]")
        source_lines = _source_lines(result, file)
        for problem, many in _summarised(list(problems)):
            colour = "red" if problem.severity == "error" else "yellow"
            where = f"{problem.line}:{problem.column}"
            message = problem.message if not many else (
                f"{len(many)} of these: {CODES[problem.code].title[:1].lower()}{CODES[problem.code].title[1:]}: "
                + ", ".join(f"{p.path} ({p.line}:{p.column})" for p in many))
            lines.append(f"  {where:>7}  [{colour}]{problem.severity}[/{colour}] {problem.code}  "
                         f"{_escape(message)}".replace("\n", "\n       "))  # an example lines up below
            source = source_lines[problem.line - 1] if 0 < problem.line <= len(source_lines) else ""
            if source and len(source) <= 200 and not many:
                lines.append(f"           [dim]│[/dim] {_escape(source)}")
                lines.append(f"           [dim]│[/dim] {' ' * (problem.column - 1)}[{colour}]^[/{colour}]")
        lines.append("")
    verdict = "[green]OK[/green]" if result.ok(strict) else "[red]FAILED[/red]"
    lines.append(f"{verdict}: {_tally(result, ', ')} ({result.root})")
    counts = Counter(p.code for p in result.problems)
    lines += [f"{code} ({counts[code]}): {_escape(CODES[code].hint)}" for code in sorted(counts) if CODES[code].hint]
    return "\n".join(lines)


def _summarised(problems: list[Problem]) -> list[tuple[Problem, list[Problem]]]:
    """A file's problems in order, each with [] (shown on its own), except that several of a code with a hint
    are one entry, at the first, with all of them."""
    hinted = Counter(p.code for p in problems if CODES[p.code].hint)
    shown: list[tuple[Problem, list[Problem]]] = []
    for problem in problems:
        if hinted[problem.code] > 1:
            if not any(first.code == problem.code for first, many in shown if many):
                shown.append((problem, [p for p in problems if p.code == problem.code]))
        else:
            shown.append((problem, []))
    return shown


def _escape(text: str) -> str:
    return text.replace("[", r"\[")


def json_report(result: ValidationResult, strict: bool) -> str:
    """The design.md section 3 object: ok, problems, records."""
    return json.dumps({"ok": result.ok(strict), "problems": [p.to_dict() for p in result.problems],
                       "records": result.records}, indent=2, ensure_ascii=False)


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github_report(result: ValidationResult, strict: bool) -> str:
    """GitHub Actions workflow commands: one annotation per problem, its file named from the repository's top."""
    lines = []
    for problem in result.problems:
        level = "error" if problem.severity == "error" else "warning"
        props = ",".join([
            f"file={_github_escape(result.repository_path(problem.file), True)}",
            f"line={problem.line}", f"col={problem.column}",
            f"title={_github_escape(f'{problem.code} {CODES[problem.code].title}', True)}",
        ])
        lines.append(f"::{level} {props}::{_github_escape(problem.message)}")
    return "\n".join(lines)


SUMMARY_PROBLEMS = 50


def github_step_summary(result: ValidationResult, strict: bool, environ: Mapping[str, str]) -> str:
    """A Markdown job summary (GitHub shows only ten annotations of each kind a step): the verdict, the
    count of each code, and the first problems, each linked to its line when the workflow's commit is known."""
    verdict = "passed" if result.ok(strict) else "failed"
    lines = [f"## equitykit validate {markdown_inline(result.folder)}: {verdict}", "",
             f"{_tally(result, ' and ')}.", ""]
    if not result.problems:
        return "\n".join(lines) + "\n"
    counts = Counter(p.code for p in result.problems)
    lines += ["| code | problem | count |", "| --- | --- | --- |",
              *(f"| {code} | {markdown_cell(CODES[code].title)} | {counts[code]} |" for code in sorted(counts)), ""]
    shown = result.problems[:SUMMARY_PROBLEMS]
    more = len(result.problems) - len(shown)
    lines += [f"First {len(shown)} of {len(result.problems)} problems:" if more else "Problems:", ""]
    blob = _blob_url(environ)
    for problem in shown:
        path = result.repository_path(problem.file)
        place = f"{path}:{problem.line}"
        target = f"{blob}/{quote(path)}#L{problem.line}" if blob else None
        lines.append(f"- {markdown_link(link(place, target))} {problem.severity} {problem.code}: "
                     f"{markdown_inline(problem.message)}")
    return "\n".join(lines) + "\n"


def _blob_url(environ: Mapping[str, str]) -> str | None:
    """The web address of the workflow's commit's files, from GitHub's default variables (None outside Actions)."""
    server, repository, sha = (environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    return f"{server}/{repository}/blob/{sha}" if server and repository and sha else None


def _tally(result: ValidationResult, joint: str) -> str:
    """Errors and warnings in what was checked, in the words that agree with JUnit's count of test cases
    (the organisation file and each record)."""
    errors, warnings, records = len(result.errors), len(result.warnings), result.records
    return (f"{errors} error{'s' * (errors != 1)}{joint}{warnings} warning{'s' * (warnings != 1)} in "
            f"{ORGANISATION_FILE} and {records} record{'s' * (records != 1)}")


def junit_report(result: ValidationResult, strict: bool) -> str:
    """JUnit XML with one test case per file (Azure DevOps, GitLab, Jenkins): a failing case's message is its
    first problem, its `file` and `line` point there, and the suite is named after the records folder."""
    by_file = {file: list(problems) for file, problems in groupby(result.problems, key=lambda p: p.file)}
    cases, failures = [], 0
    for file in sorted(set(result.files) | set(by_file)):
        problems = [p for p in by_file.get(file, []) if strict or p.severity == "error"]
        line = problems[0].line if problems else 1
        case = (f'    <testcase classname="equitykit.validate" name={quoteattr(file)} '
                f'file={quoteattr(result.repository_path(file))} line="{line}"')
        if problems:
            failures += 1
            first = _junit_line(problems[0])
            body = "\n".join(_xml_text(_junit_line(p)) for p in problems)
            case += (f'>\n      <failure message={quoteattr(first)} type={quoteattr(problems[0].code)}>'
                     f"{body}</failure>\n    </testcase>")
        else:
            case += "/>"
        cases.append(case)
    suite = quoteattr(result.folder)
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="equitykit validate" tests="{len(cases)}" failures="{failures}">',
        f'  <testsuite name={suite} tests="{len(cases)}" failures="{failures}" errors="0">',
        *cases, "  </testsuite>", "</testsuites>",
    ])


def _junit_line(problem: Problem) -> str:
    return f"{problem.line}:{problem.column} {problem.code} {problem.message}"


def _xml_text(text: str) -> str:
    """Text content escaped, its line breaks kept as character references (a parser would fold a bare CR)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;").replace("\n", "&#10;"))


RULES_URL = "https://github.com/equitykit/equitykit/blob/main/docs/rules.md"
SRCROOT = "SRCROOT"


def sarif_report(result: ValidationResult, strict: bool) -> str:
    """SARIF 2.1.0 as GitHub code scanning ingests it: paths from the repository's top under `SRCROOT`,
    percent-encoded; every rule described with help and a link to its docs; fingerprints that do not move
    with line numbers, the date, the folder the repository is in or run from, or the message's wording."""
    used = sorted({p.code for p in result.problems})
    occurrences: Counter[str] = Counter()
    results = []
    for p in result.problems:
        path = result.repository_path(p.file)
        fingerprint = _fingerprint(path, p, occurrences)
        results.append({
            "ruleId": p.code,
            "ruleIndex": used.index(p.code),
            "level": "error" if p.severity == "error" else "warning",
            "message": {"text": p.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": quote(path), "uriBaseId": SRCROOT},
                "region": {"startLine": p.line, "startColumn": p.column},
            }}],
            "partialFingerprints": {"equitykit/v1": fingerprint},
        })
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "equitykit", "version": __version__, "semanticVersion": __version__,
                                      "informationUri": "https://github.com/equitykit/equitykit",
                                      "rules": [_sarif_rule(code) for code in used]}},
                  "originalUriBaseIds": {SRCROOT: {"uri": result.top.as_uri().rstrip("/") + "/"}},
                  "results": results}],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def _fingerprint(path: str, problem: Problem, occurrences: Counter[str]) -> str:
    """What makes a problem the same one from run to run: its file from the repository's top, its code and
    its key path, and which of the problems alike it is (counted in order). Never its message, which may
    hold today's date (EK426) or be reworded, nor its line, which moves when lines are added above."""
    identity = "\0".join([path, problem.code, problem.path])
    occurrences[identity] += 1
    return hashlib.sha256(f"{identity}\0{occurrences[identity]}".encode()).hexdigest()


def _sarif_rule(code: str) -> dict[str, object]:
    """A SARIF reportingDescriptor: a readable name, the title, the basis, and the rule's entry in docs/rules.md."""
    entry = CODES[code]
    basis = f"Basis: {entry.basis}." if entry.basis else "See the problem's message for what to change."
    url = f"{RULES_URL}#{code.lower()}"
    return {
        "id": code,
        "name": "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", entry.title)),
        "shortDescription": {"text": f"{entry.title}."},
        "fullDescription": {"text": f"{entry.title}. {basis}"},
        "help": {"text": f"{code}: {entry.title}. {basis} {url}",
                 "markdown": f"**{code}**: {markdown_inline(entry.title)}. {markdown_inline(basis)} "
                             f"[{code} in the problem codes]({url})"},
        "helpUri": url,
    }


REPORTERS: dict[str, Reporter] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
    "junit": junit_report,
    "sarif": sarif_report,
}
