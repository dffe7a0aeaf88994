"""What the values in staff-level extracts mean: the shipped ESR mapping, extended by the user's file.

A mapping says, for each column, which value in the extract stands for which of our values: ESR's
"Nursing and Midwifery Registered" is staff group ``clinical``. The default ships as
``esr-mapping.yaml`` beside this module; a mapping file in the same layout adds entries and
replaces those with the same value. Values match ignoring case, spaces and punctuation. Besides
the entries, NHS ethnic category codes (alone or leading an ESR label) and Agenda for Change bands
in their usual spellings are read as such. Anything else is an error naming the nearest known
values: nothing is guessed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import get_args

from ..records.bands import Band, StaffGroup
from ..records.ethnicity import ETHNIC_CATEGORIES
from ..records.loader import Document, LoadError, load_document, parse_document
from .csvfile import shown

PROFILE_GROUPS: dict[str, tuple[str, ...]] = {
    "sex": ("female", "male"),
    "religion_belief": ("christianity", "islam", "hinduism", "sikhism", "judaism", "buddhism", "other",
                        "no-religion", "not-stated"),
    "sexual_orientation": ("heterosexual", "gay-lesbian", "bisexual", "other", "not-stated"),
}
"""The groups of the characteristics profiled as read (in the order profiles list them)."""

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "ethnicity": tuple(ETHNIC_CATEGORIES),
    "disability": ("disabled", "non_disabled", "unknown"),
    "band": get_args(Band),
    "staff_group": get_args(StaffGroup),
    "assignment_category": ("substantive", "bank"),
    **PROFILE_GROUPS,
    "process": ("disciplinary", "capability"),
    "grounds": ("performance", "ill-health", "none"),
}
"""The values each mapped column can mean."""

_LABELS = {
    "ethnicity": "an ethnicity", "disability": "a disability status", "band": "a pay band or grade",
    "staff_group": "a staff group", "assignment_category": "an assignment category", "sex": "a sex",
    "religion_belief": "a religion or belief", "sexual_orientation": "a sexual orientation",
    "process": "a process", "grounds": "grounds",
}
_CODE_LEAD = re.compile(r"([A-HJ-NPRSXZ])[0-9A-Z]?(?:\s|-|$)|(99)(?:\s|-|$)")
_AFC_BAND = re.compile(r"(?:agenda for change |afc )?(?:pay )?(?:band )?([1-9])(?: ?([a-d])| range ([a-d]))?")
DEFAULT_MAPPING = "esr-mapping.yaml"


class MappingFileError(ValueError):
    """A mapping file that cannot be used, with its file, line and column."""


def normalised(text: str) -> str:
    """A value as matched: lower case, '&' as 'and', runs of anything but letters and digits as one space."""
    return re.sub(r"[^0-9a-z]+", " ", text.casefold().replace("&", " and ")).strip()


@dataclass(frozen=True)
class ValueMapping:
    """For each column, the values it can hold (normalised) and what each means."""

    entries: Mapping[str, Mapping[str, str]]
    written: Mapping[str, Mapping[str, str]]
    """Each entry's value as written in its file, for suggestions."""

    def meaning(self, column: str, text: str, *, mappable: bool = True) -> str:
        """What a cell of `column` means; a ValueError quoting it and naming the nearest known values if
        unknown, with how to say what it means in a mapping file when ``mappable``."""
        key = normalised(text)
        found = self.entries[column].get(key) or _recognised(column, text, key)
        if found is None:
            raise ValueError(self._unknown(column, text, mappable))
        return found

    def _unknown(self, column: str, text: str, mappable: bool = True) -> str:
        labels = {normalised(label): label for label, _ in ETHNIC_CATEGORIES.values()} if column == "ethnicity" else {}
        known = {**labels, **self.written[column]}
        key = normalised(text)
        close = difflib.get_close_matches(key, known, n=3, cutoff=0.6) or [
            value for value in known if key and key in value][:3]
        nearest = ", ".join(repr(known[key]) for key in close) or "none"
        value = text.strip() or '""'
        example = f"{value}: {VOCABULARIES[column][0]}"
        remedy = (f"correct the value, or say what it means in a mapping file (--mapping) under '{column}:', "
                  f"e.g. '{example}'" if mappable else "correct the value")
        return (f"{shown(text)} is not {_LABELS[column]} equitykit knows (nearest known values: {nearest}). "
                f"Nothing is guessed: {remedy}. It can mean: {_meanings(column)}.")


def _meanings(column: str) -> str:
    if column == "ethnicity":
        return ", ".join(f"{code} ({label})" for code, (label, _) in ETHNIC_CATEGORIES.items())
    return ", ".join(VOCABULARIES[column])


def _recognised(column: str, text: str, key: str) -> str | None:
    """A value read without an entry: an ethnic category code or label, or an AfC band."""
    if column == "ethnicity":
        if key.upper() in ETHNIC_CATEGORIES:  # a code alone, in either case ("a")
            return key.upper()
        lead = _CODE_LEAD.match(text.strip())
        if lead:
            return lead.group(1) or lead.group(2)
        labels = {normalised(label): code for code, (label, _) in ETHNIC_CATEGORIES.items()}
        return labels.get(key)
    if column == "band":
        band = _AFC_BAND.fullmatch(key)
        if band:
            number, letter = band.group(1), band.group(2) or band.group(3)
            if letter is None or number == "8":
                return number + (letter or "")
    return None


def load_mapping(path: Path | None = None) -> ValueMapping:
    """The shipped mapping, extended and overridden by the mapping file at `path` if given.

    Raises `MappingFileError` naming the file, line and column of a problem in the user's file.
    """
    default = files("equitykit.extracts").joinpath(DEFAULT_MAPPING).read_text(encoding="utf-8")
    entries: dict[str, dict[str, str]] = {column: {} for column in VOCABULARIES}
    written: dict[str, dict[str, str]] = {column: {} for column in VOCABULARIES}
    _add(parse_document(default, DEFAULT_MAPPING), entries, written)
    if path is not None:
        try:
            document = load_document(path, str(path))
        except LoadError as exc:
            problem = exc.problem
            raise MappingFileError(f"{path}:{problem.line}:{problem.column}: {problem.message}") from None
        _add(document, entries, written)
    return ValueMapping(entries, written)


def _add(document: Document, entries: dict[str, dict[str, str]], written: dict[str, dict[str, str]]) -> None:
    for column, values in document.data.items():
        if column not in VOCABULARIES:
            raise _mapping_error(document, (column,), f"equitykit reads no column called {column!r}; "
                                 f"map values of {', '.join(VOCABULARIES)}", at_key=True)
        if not isinstance(values, dict):
            raise _mapping_error(document, (column,), f"under {column!r} write one 'value: meaning' per line")
        for value, meaning in values.items():
            text = "" if value is None else str(value)
            if str(meaning) not in VOCABULARIES[column]:
                raise _mapping_error(document, (column, value), f"{meaning!r} is not something {column} can "
                                     f"mean; write one of: {', '.join(VOCABULARIES[column])}")
            entries[column][normalised(text)] = str(meaning)
            written[column][normalised(text)] = text


def _mapping_error(document: Document, loc: tuple[str | int, ...], message: str,
                   at_key: bool = False) -> MappingFileError:
    span = document.span(loc)
    line, column = (span.key_line, span.key_column) if at_key else (span.line, span.column)
    return MappingFileError(f"{document.file}:{line}:{column}: {message}")
