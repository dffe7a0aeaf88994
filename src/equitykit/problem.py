"""A problem found in the records: one small value, whatever the output format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file, and where: 1-based line and column of the key or value."""

    file: str
    line: int
    column: int
    path: str
    code: str
    severity: Severity
    message: str

    def to_dict(self) -> dict[str, object]:
        """The problem as design.md section 3 lays it out."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


def format_path(loc: tuple[str | int, ...]) -> str:
    """Render a key path as `measures[0].target.value`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text
