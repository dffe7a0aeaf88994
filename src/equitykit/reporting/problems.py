"""Reporters for validation results: text, json, github, junit and sarif, chosen by name."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..checks.catalogue import CODES
from ..checks.validate import ValidationResult
from ..problem import Problem
from ..records.loader import CONTROL_CHARACTERS
from ..records.repository import inside_root

Reporter = Callable[[ValidationResult, bool], str]


def _display_path(result: ValidationResult, problem: Problem) -> str:
    """The file's path as seen from the current directory (what CI annotations need)."""
    path = result.root / problem.file
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


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
    """Problems grouped by file, each with its source line and a caret; then a summary."""
    lines: list[str] = []
    for file, problems in groupby(result.problems, key=lambda p: p.file):
        lines.append(f"[bold]{_escape(file)}[/bold]")
        source_lines = _source_lines(result, file)
        for problem in problems:
            colour = "red" if problem.severity == "error" else "yellow"
            where = f"{problem.line}:{problem.column}"
            lines.append(f"  {where:>7}  [{colour}]{problem.severity}[/{colour}] {problem.code}  "
                         f"{_escape(problem.message)}".replace("\n", "\n       "))  # an example lines up below
            source = source_lines[problem.line - 1] if 0 < problem.line <= len(source_lines) else ""
            if source and len(source) <= 200:
                lines.append(f"           [dim]│[/dim] {_escape(source)}")
                lines.append(f"           [dim]│[/dim] {' ' * (problem.column - 1)}[{colour}]^[/{colour}]")
        lines.append("")
    errors, warnings = len(result.errors), len(result.warnings)
    verdict = "[green]OK[/green]" if result.ok(strict) else "[red]FAILED[/red]"
    lines.append(f"{verdict}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
                 f"in {result.records} record{'s' * (result.records != 1)} ({result.root})")
    return "\n".join(lines)


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
    """GitHub Actions workflow commands: one annotation per problem."""
    lines = []
    for problem in result.problems:
        level = "error" if problem.severity == "error" else "warning"
        props = ",".join([
            f"file={_github_escape(_display_path(result, problem), True)}",
            f"line={problem.line}", f"col={problem.column}",
            f"title={_github_escape(f'{problem.code} {CODES[problem.code].title}', True)}",
        ])
        lines.append(f"::{level} {props}::{_github_escape(problem.message)}")
    return "\n".join(lines)


def junit_report(result: ValidationResult, strict: bool) -> str:
    """JUnit XML with one test case per record file (Azure DevOps, GitLab)."""
    by_file = {file: list(problems) for file, problems in groupby(result.problems, key=lambda p: p.file)}
    cases, failures = [], 0
    for file in sorted(set(result.files) | set(by_file)):
        problems = [p for p in by_file.get(file, []) if strict or p.severity == "error"]
        case = f'    <testcase classname="equitykit.validate" name={quoteattr(file)}'
        if problems:
            failures += 1
            body = "\n".join(f"{p.line}:{p.column} {p.code} {p.message}" for p in problems)
            summary = f"{len(problems)} problem{'s' * (len(problems) != 1)}"
            case += (f'>\n      <failure message={quoteattr(summary)} type="validation">'
                     f"{_xml_text(body)}</failure>\n    </testcase>")
        else:
            case += "/>"
        cases.append(case)
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="equitykit" tests="{len(cases)}" failures="{failures}">',
        f'  <testsuite name="equitykit validate" tests="{len(cases)}" failures="{failures}" errors="0">',
        *cases, "  </testsuite>", "</testsuites>",
    ])


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sarif_report(result: ValidationResult, strict: bool) -> str:
    """SARIF 2.1.0 for code scanning."""
    used = sorted({p.code for p in result.problems})
    rules = [{"id": code, "name": code, "shortDescription": {"text": CODES[code].title},
              **({"help": {"text": f"Basis: {CODES[code].basis}"}} if CODES[code].basis else {})}
             for code in used]
    results = [{
        "ruleId": p.code,
        "ruleIndex": used.index(p.code),
        "level": "error" if p.severity == "error" else "warning",
        "message": {"text": p.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _display_path(result, p)},
            "region": {"startLine": p.line, "startColumn": p.column},
        }}],
    } for p in result.problems]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "equitykit", "version": __version__,
                                      "informationUri": "https://github.com/equitykit/equitykit",
                                      "rules": rules}},
                  "results": results}],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


REPORTERS: dict[str, Reporter] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
    "junit": junit_report,
    "sarif": sarif_report,
}
