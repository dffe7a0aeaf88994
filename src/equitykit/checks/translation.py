"""Welsh and English record text: for a body that publishes in Welsh, every text a report shows needs its
Welsh version beside it (Welsh Language Standards: Welsh treated no less favourably than English).

Warnings, not errors: a missing translation is work still to do, not a wrong record, and a report marks it
(a Welsh report shows the English marked as untranslated), so CI passes unless run with --strict.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..problem import format_path
from ..records.bilingual import ShownText, shown_texts
from ..records.kinds import ALL_KINDS
from ..records.organisation import Organisation
from ..records.repository import RecordSet
from .registry import Finding, rule

EXCERPT = 60
"""How much of the English a message quotes, so that the translator sees which text it is."""


def excerpt(text: Any) -> str:
    """The English of a text (or of a list of texts) shortened to quote in a message or a worklist."""
    words = "; ".join(text) if isinstance(text, list) else str(text)
    words = " ".join(words.split())
    return words if len(words) <= EXCERPT else words[: EXCERPT - 1].rstrip() + "…"


def publishes_in(organisation: Organisation | None, language: str) -> bool:
    return organisation is not None and language in organisation.publishing_languages


def untranslated(record: Any) -> Iterator[ShownText]:
    """The texts of a record with English but no Welsh version."""
    return (text for text in shown_texts(record) if text.missing)


def missing_welsh(record: Any, records: RecordSet) -> Iterator[Finding]:
    if not publishes_in(records.organisation, "cy"):
        return
    for text in untranslated(record):
        yield text.loc, (f"`{text.field}` has no Welsh text; this body publishes in Welsh (Welsh Language "
                         f"Standards), so add `{text.welsh_field}:` beside it with the Welsh for "
                         f"\"{excerpt(text.english)}\"")


def welsh_without_english(record: Any, records: RecordSet) -> Iterator[Finding]:
    if not publishes_in(records.organisation, "en"):
        return
    for text in shown_texts(record):
        if text.welsh_only:
            yield text.loc[:-1] + (text.welsh_field,), (
                f"`{text.welsh_field}` has Welsh text but `{text.field}` has no English; the English report "
                f"would leave it out: add `{text.field}:` with the English beside it")


def uneven_lists(record: Any, records: RecordSet) -> Iterator[Finding]:
    for text in shown_texts(record):
        if text.uneven:
            yield text.loc[:-1] + (text.welsh_field,), (
                f"`{text.welsh_field}` has {len(text.welsh)} entries but `{text.field}` has {len(text.english)}; "
                "give one Welsh entry for each English one, in the same order")


for _kind in ALL_KINDS:
    rule("EK465", _kind.name, severity="warning", on_key=True)(missing_welsh)
    rule("EK466", _kind.name, severity="warning", on_key=True)(welsh_without_english)
    rule("EK467", _kind.name, severity="warning", on_key=True)(uneven_lists)


@dataclass(frozen=True)
class MissingWelsh:
    """One line of a translator's worklist: a text in a record file that has no Welsh version yet."""

    file: str
    line: int
    column: int
    path: str
    """Key path of the English text, e.g. updates[0].note."""
    welsh_field: str
    """The key to write the Welsh under, beside the English, e.g. note_cy."""
    english: str | list[str]


@dataclass(frozen=True)
class Worklist:
    """The texts of a records folder without their Welsh version, in file and line order."""

    missing: list[MissingWelsh]
    texts: int
    """How many texts the valid records hold in all (translated or not)."""
    publishes_in_welsh: bool


def welsh_worklist(records: RecordSet) -> Worklist:
    """Every shown text of every valid record (the organisation file first) without its Welsh version, with
    the line and column of its English (records loaded with positions)."""
    missing, texts = [], 0
    loaded = [*records.loaded("organisation"), *records.records]
    for record in loaded:
        if record.model is None:
            continue
        for text in shown_texts(record.model):
            texts += 1
            if not text.missing:
                continue
            span = record.document.span(text.loc) if record.document is not None else None
            missing.append(MissingWelsh(record.file, span.key_line if span else 1, span.key_column if span else 1,
                                        format_path(text.loc), text.welsh_field, text.english))
    return Worklist(missing, texts, publishes_in(records.organisation, "cy"))
