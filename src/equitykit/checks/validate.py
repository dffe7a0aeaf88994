"""Validation: load every record, then run the reference checks and domain rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..problem import Problem
from ..records.repository import LoadedRecord, RecordSet, load_records, slim, work_tree_top
from . import as_published, domain, references, translation  # noqa: F401  (importing registers the rules)
from .registry import kept_fields, record_problems, run_rules


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

    @cached_property
    def top(self) -> Path:
        """The git work tree's top (or the records root outside git): what file paths for CI start from."""
        return work_tree_top(self.root)

    @cached_property
    def _from_top(self) -> str:
        """The records folder as a path from `top`: "." when it is the top."""
        return self.root.resolve().relative_to(self.top).as_posix()

    @property
    def folder(self) -> str:
        """The records folder's name as CI shows it: its path from `top`, or its own name at the top."""
        return self.top.name if self._from_top == "." else self._from_top

    def repository_path(self, file: str) -> str:
        """A file of the records folder as a path from `top`, the same from whichever folder equitykit ran."""
        return file if self._from_top == "." else f"{self._from_top}/{file}"

    def ok(self, strict: bool = False) -> bool:
        """True when there are no errors (and, if strict, no warnings)."""
        return not (self.problems if strict else self.errors)


def check_records(records: RecordSet) -> list[Problem]:
    """Every problem in a loaded record set, sorted by file and position."""
    problems = list(records.problems)
    problems.extend(references.duplicate_ids(records))
    problems.extend(run_rules(records))
    return sorted(set(problems))


def validate(root: Path, as_of: dt.date | None = None, track: Callable | None = None) -> ValidationResult:
    """Validate the records folder at `root`, taking `as_of` (default: today) as today; `track` wraps the
    record files as they are read (see `load_records`).

    The same problems as `check_records` on the whole folder, found with a small part of the memory: each
    record is checked by the rules on it alone as soon as it is read, and then keeps only what the rules across
    records read (`kept_fields`), which run once every record is read.
    """
    found: list[Problem] = []

    def check(record: LoadedRecord, records: RecordSet) -> None:
        found.extend(record_problems(record, records))
        if record.kind.folder is not None:  # the organisation stays whole: every rule may read it
            slim(record, kept_fields(record.kind.name))

    records = load_records(root, as_of, track=track, each=check)
    problems = [*records.problems, *references.duplicate_ids(records), *found, *run_rules(records, only_across=True)]
    files = ["equitykit.yaml", *(record.file for record in records.records)]
    return ValidationResult(root, sorted(set(problems)), len(records.records), files)
