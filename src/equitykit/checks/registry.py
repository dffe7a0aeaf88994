"""The rule registry: each rule has a stable code, the kind of record it checks and a function."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..problem import Problem, Severity, format_path
from ..records.loader import Loc
from ..records.repository import LoadedRecord, RecordSet
from ..records.salvage import Salvaged, Watched
from .catalogue import CODES

Finding = tuple[Loc, str]
"""Where a rule found something (key path in the record) and the message."""
Check = Callable[[Any, RecordSet], Iterable[Finding]]
Reads = Mapping[str, tuple[str, ...] | None]
"""The fields of each kind's records a rule reads, its own record's included (None: the whole model)."""


@dataclass(frozen=True)
class Rule:
    """A check of one kind of record that yields findings for one code."""

    code: str
    kind: str
    check: Check
    severity: Severity = "error"
    on_key: bool = False
    """Point at the key of the field found rather than its value (e.g. the English text a Welsh one is missing for)."""
    across: Reads | None = field(default=None, hash=False)
    """For a rule that reads other records' models (`records.of`, `find`, `kpis`): what it reads of each kind.
    Such a rule runs once every record is loaded, on what `validate` keeps of them (`kept_fields`); any other
    rule runs on each record as it is read, and may ask `records` only for the organisation, `as_of` and which
    ids exist."""


RULES: list[Rule] = []


def rule(code: str, kind: str, severity: Severity = "error", on_key: bool = False,
         across: Reads | None = None) -> Callable[[Check], Check]:
    """Register a check: `check(model, records)` yields (key path, message) pairs; `across` says what a rule that
    reads other records reads of each kind (see `Rule.across`)."""
    if code not in CODES:
        raise KeyError(f"{code} is not in the catalogue")

    def register(check: Check) -> Check:
        RULES.append(Rule(code, kind, check, severity, on_key, across))
        return check

    return register


def kept_fields(kind: str) -> tuple[str, ...] | None:
    """What the rules across records read of a kind's records, in the order declared (None: the whole model)."""
    fields: dict[str, None] = {}
    for registered in RULES:
        if registered.across is not None and kind in registered.across:
            read = registered.across[kind]
            if read is None:
                return None
            fields.update(dict.fromkeys(read))
    return tuple(fields)


def problem_at(record: LoadedRecord, loc: Loc, code: str, message: str,
               severity: Severity = "error", at_key: bool = False) -> Problem:
    """A problem positioned at a key path of a loaded record: at its value, or at its key if `at_key` or the
    value is a collection."""
    line = column = 1
    if record.document is not None:
        span = record.document.span(loc)
        on_key = at_key or isinstance(record.document.value(loc), (dict, list))
        line, column = (span.key_line, span.key_column) if on_key else (span.line, span.column)
    return Problem(record.file, line, column, format_path(loc), code, severity, message)


def run_rules(records: RecordSet, only_across: bool = False) -> Iterator[Problem]:
    """Every finding of every registered rule (or only of the rules across records) on every valid record, and
    on the valid parts of the others."""
    for registered in RULES:
        if registered.across is not None or not only_across:
            for record in records.loaded(registered.kind):
                yield from _findings(registered, record, records)


def record_problems(record: LoadedRecord, records: RecordSet) -> Iterator[Problem]:
    """The findings of the rules on one record alone (not those across records): what can be checked of it as
    soon as it is read."""
    for registered in _local_rules(record.kind.name):
        yield from _findings(registered, record, records)


def _local_rules(kind: str) -> list[Rule]:
    """The rules on one record alone of a kind, found once per kind (and again if more are registered)."""
    key = (kind, len(RULES))
    if key not in _LOCAL:
        _LOCAL[key] = [registered for registered in RULES if registered.kind == kind and registered.across is None]
    return _LOCAL[key]


_LOCAL: dict[tuple[str, int], list[Rule]] = {}


def _findings(registered: Rule, record: LoadedRecord, records: RecordSet) -> Iterator[Problem]:
    if record.model is not None:
        for loc, message in registered.check(record.model, records):
            yield problem_at(record, loc, registered.code, message, registered.severity, registered.on_key)
    elif record.salvaged is not None:
        yield from _salvaged_findings(registered, record, record.salvaged, records)


def _salvaged_findings(registered: Rule, record: LoadedRecord, salvaged: Salvaged,
                       records: RecordSet) -> Iterator[Problem]:
    """A rule's findings on the valid parts of a record: none from a stand-in or near a part left out."""
    watched = Watched(salvaged)
    findings = [(salvaged.original(loc), message) for loc, message in registered.check(watched, records)]
    if not watched.read_stand_in:
        for loc, message in findings:
            if salvaged.trusts(loc):
                yield problem_at(record, loc, registered.code, message, registered.severity, registered.on_key)
