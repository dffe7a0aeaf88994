"""The translator's worklist (`equitykit translations`) as text, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from itertools import groupby

from ..checks.translation import MissingWelsh, Worklist


def worklist_text(worklist: Worklist) -> str:
    """For people: each file, then each text without Welsh with its line, the key to add and the English."""
    lines: list[str] = []
    for file, items in groupby(worklist.missing, key=lambda item: item.file):
        lines.append(file)
        for item in items:
            lines.append(f"  {item.line}:{item.column}  {item.path}: add {item.welsh_field}")
            lines += [f"      {text}" for text in _texts(item)]
        lines.append("")
    files = len({item.file for item in worklist.missing})
    if worklist.missing:
        lines.append(f"{len(worklist.missing)} of {worklist.texts} texts have no Welsh version yet, in {files} "
                     f"file{'s' * (files != 1)}. Write each one's Welsh under the key named, beside the English.")
    else:
        lines.append(f"Every text has its Welsh version ({worklist.texts} texts).")
    return "\n".join(lines) + "\n"


def _texts(item: MissingWelsh) -> list[str]:
    """The English of an item, a line for each entry of a list (e.g. the groups that took part)."""
    if isinstance(item.english, list):
        return [f"- {' '.join(text.split())}" for text in item.english]
    return [" ".join(item.english.split())]


def worklist_json(worklist: Worklist) -> str:
    """For machines: the count of texts, and each one without Welsh with stable keys."""
    return json.dumps({"publishes_in_welsh": worklist.publishes_in_welsh, "texts": worklist.texts,
                       "missing": [asdict(item) for item in worklist.missing]},
                      indent=2, ensure_ascii=False) + "\n"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula in a cell (CSV injection, OWASP)."""


def inert_cell(text: str) -> str:
    """A cell's text that no spreadsheet runs as a formula: one starting like a formula gets a leading '."""
    return "'" + text if text.startswith(FORMULA_START) else text


def worklist_csv(worklist: Worklist) -> str:
    """For a translator's spreadsheet: one row per text, with an empty welsh column to fill in (a list's
    entries one to a line in its cell); the records' text is made inert, never read as a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "line", "path", "welsh_field", "english", "welsh"])
    for item in worklist.missing:
        english = "\n".join(item.english) if isinstance(item.english, list) else item.english
        writer.writerow([inert_cell(item.file), item.line, item.path, item.welsh_field, inert_cell(english), ""])
    return buffer.getvalue()


RENDERERS = {"text": worklist_text, "json": worklist_json, "csv": worklist_csv}
