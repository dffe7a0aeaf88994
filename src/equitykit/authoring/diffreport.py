"""The `equitykit diff` summary as text, Markdown (a pull-request comment) or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from .diff import RecordsDiff

SECTIONS = (
    ("added", "Added"),
    ("removed", "Removed"),
    ("status", "Status changes"),
    ("due", "Moved dates"),
    ("measure", "Objective measures"),
    ("eds", "EDS gradings"),
    ("workforce", "Workforce figures"),
    ("paygap", "Pay gap figures"),
    ("eia", "Equality impact assessments"),
    ("welsh", "Welsh text"),
    ("changed", "Other changes"),
)
NO_CHANGES = "No records changed."


def diff_text(diff: RecordsDiff) -> str:
    """Plain text for people at a terminal."""
    lines = [f"Records changed from {diff.base} to {diff.head}"]
    for category, heading in SECTIONS:
        changes = diff.of(category)
        if changes:
            lines += ["", f"{heading}:", *(f"  {change.summary}" for change in changes)]
    if not diff.changes:
        lines += ["", NO_CHANGES]
    return "\n".join(lines) + "\n"


def diff_markdown(diff: RecordsDiff) -> str:
    """A summary fit to post as a pull-request comment."""
    lines = ["### Equality records: what this change does", "",
             f"Compared `{diff.base}` with `{diff.head}`."]
    for category, heading in SECTIONS:
        changes = diff.of(category)
        if changes:
            lines += ["", f"**{heading}**", "", *(f"- {_escape(change.summary)}" for change in changes)]
    if not diff.changes:
        lines += ["", NO_CHANGES]
    lines += ["", "<sub>Summary by `equitykit diff`.</sub>"]
    return "\n".join(lines) + "\n"


def diff_json(diff: RecordsDiff) -> str:
    """Stable keys for machines: base, head and the list of changes."""
    return json.dumps({"base": diff.base, "head": diff.head,
                       "changes": [asdict(change) for change in diff.changes]}, indent=2, ensure_ascii=False) + "\n"


def _escape(text: str) -> str:
    """Keep record text from being read as Markdown or HTML markup."""
    for character in "\\`*_[]<>|#":
        text = text.replace(character, "\\" + character)
    return text


RENDERERS = {"text": diff_text, "md": diff_markdown, "json": diff_json}
