"""Welsh and English record text: for a body that publishes in Welsh, every text a report shows needs its
Welsh version beside it (Welsh Language Standards: Welsh treated no less favourably than English).

Warnings, not errors: a missing translation is work still to do, not a wrong record, and a report marks it
(a Welsh report shows the English marked as untranslated), so CI passes unless run with --strict.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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
