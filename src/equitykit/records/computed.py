"""A record computed from outside data (the pay gap, a workforce snapshot), described for writing.

The computation says which values it owns; the writer (`equitykit.authoring.computed`) puts them
into a new record or an existing one and leaves everything else, comments included, as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .kinds import Kind


@dataclass(frozen=True)
class NewRecord:
    """A new record as a computation describes it; the writer (`equitykit.authoring.computed`) lays it out.

    The file opens with the kind's schema comment and ``heading`` (lines of a comment), then
    ``id`` and the keys of ``data`` in order, each key named in ``notes`` under a comment of its
    field's description and the note; then, as comments, each key of ``placeholders`` for people to
    fill in, with its description and an example value.
    """

    heading: tuple[str, ...]
    data: Mapping[str, Any]
    notes: Mapping[str, str] = field(default_factory=dict)
    placeholders: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ComputedRecord:
    """The values a computation owns in one record, and the text of the record when it is new.

    ``values`` nest as the record does: a mapping is merged key by key (other keys stay), any other
    value replaces what was there. A list named in ``list_keys`` is merged item by item, items
    matched on those fields: an item the computation no longer has keeps its comments and gets 0
    for each computed count. A mapping named in ``exact`` (and every mapping inside it) holds
    exactly the computed keys: a key the computation no longer has leaves it (the groups of a
    quartile). ``new`` is the record written when there is none yet (its text, or a `NewRecord`
    for the writer to lay out); the values are merged into it the same way.
    """

    kind: Kind
    record_id: str
    values: Mapping[str, Any]
    new: str | NewRecord
    list_keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exact: frozenset[str] = frozenset()
