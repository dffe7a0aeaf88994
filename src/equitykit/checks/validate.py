"""Validation: load every record, then run the reference checks and domain rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..problem import Problem
from ..records.repository import RecordSet, load_records
from . import domain, references  # noqa: F401  (importing registers the rules)
from .registry import run_rules


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of validating a records folder."""

    root: Path
    problems: list[Problem]
    records: int
    files: list[str]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def ok(self, strict: bool = False) -> bool:
        """True when there are no errors (and, if strict, no warnings)."""
        return not (self.problems if strict else self.errors)


def check_records(records: RecordSet) -> list[Problem]:
    """Every problem in a loaded record set, sorted by file and position."""
    problems = list(records.problems)
    problems.extend(references.duplicate_ids(records))
    problems.extend(run_rules(records))
    return sorted(set(problems))


def validate(root: Path, as_of: dt.date | None = None) -> ValidationResult:
    """Validate the records folder at `root`, taking `as_of` (default: today) as today."""
    records = load_records(root, as_of)
    files = ["equitykit.yaml", *(record.file for record in records.records)]
    return ValidationResult(root, check_records(records), len(records.records), files)
