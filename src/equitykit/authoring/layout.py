"""Where the comments and multi-line scalars are in YAML text, found from the scanner's tokens.

Everything between two tokens is white space or comments, so a `#` there always starts a comment;
a `#` inside a quoted or block scalar is part of a token and never mistaken for one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ruamel.yaml import YAML


@dataclass(frozen=True)
class Comment:
    """A comment: its 0-based line and column, its text from `#`, and whether it has the line alone."""

    line: int
    column: int
    text: str
    full_line: bool


@dataclass(frozen=True)
class Layout:
    """The comments of a text, and the lines inside multi-line scalars (whose text is content)."""

    comments: list[Comment]
    scalar_lines: frozenset[int]

    def comment_texts(self) -> Counter[str]:
        """How often each comment text occurs, to prove that none was lost."""
        return Counter(comment.text for comment in self.comments)


def scan_layout(text: str) -> Layout:
    """The comments and multi-line scalar lines of YAML text that scans without error."""
    tokens = list(YAML(typ="safe", pure=True).scan(text))
    comments: list[Comment] = []
    scalar_lines: set[int] = set()
    previous_end = 0
    for token in tokens:
        start, end = token.start_mark, token.end_mark
        comments.extend(_gap_comments(text, previous_end, start.index))
        previous_end = max(previous_end, end.index)
        if type(token).__name__ == "ScalarToken" and end.line > start.line:
            last = end.line if end.column > 0 else end.line - 1
            scalar_lines.update(range(start.line + 1, last + 1))
    comments.extend(_gap_comments(text, previous_end, len(text)))
    return Layout(comments, frozenset(scalar_lines))


def _gap_comments(text: str, start: int, end: int) -> list[Comment]:
    found = []
    position = text.find("#", start, end)
    while position != -1:
        line_start = text.rfind("\n", 0, position) + 1
        line_end = text.find("\n", position)
        line_end = len(text) if line_end == -1 else line_end
        found.append(Comment(text.count("\n", 0, position), position - line_start,
                             text[position:line_end].rstrip(" \t"), not text[line_start:position].strip(" \t")))
        position = text.find("#", line_end, end)
    return found
