"""The valid parts of a record that fails its schema, so that its other problems show in the same run.

The parts that fail are left out (an item of a list, a key of a mapping, or the smallest optional
part around them); a required field of the record that fails gets a stand-in value. Reference and
domain rules then run on what is left, and `Salvaged` says which findings to trust: none at or
around a part left out, and none from a rule that read a stand-in.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from .examples import example_of
from .loader import Loc, value_at

_MAX_ROUNDS = 20


@dataclass
class Salvaged:
    """A model of a record's valid parts, with what was left out or stood in for."""

    model: Any
    removed: list[Loc] = field(default_factory=list)
    """Original key paths of the parts left out (and of the fields with a stand-in)."""
    stand_ins: set[str] = field(default_factory=set)
    """Fields of the record holding a stand-in value (or left out, holding their default), not one the user
    wrote."""
    origin: dict[int, list[int]] = field(default_factory=dict)
    data: Any = None

    def original(self, loc: Loc) -> Loc:
        """A key path in the salvaged data as a path in the file (list items left out shift the rest)."""
        current, parts = self.data, list[str | int]()
        for part in loc:
            if isinstance(current, list) and isinstance(part, int) and id(current) in self.origin:
                indices = self.origin[id(current)]
                parts.append(indices[part] if part < len(indices) else part)
            else:
                parts.append(part)
            try:
                current = current[part]
            except (KeyError, IndexError, TypeError):
                current = None
        return tuple(parts)

    def trusts(self, loc: Loc) -> bool:
        """Whether a finding at this (original) path is clear of every part left out."""
        return not any(loc[: len(gone)] == gone or gone[: len(loc)] == loc for gone in self.removed)


def salvage(data: Any, model: type[BaseModel]) -> Salvaged | None:
    """The valid parts of `data` as a model, or None if nothing can be saved (e.g. a record-wide error)."""
    if not isinstance(data, dict):
        return None
    result = Salvaged(None)
    result.data = _copy(data, result.origin)
    for _ in range(_MAX_ROUNDS):
        try:
            result.model = model.model_validate(result.data)
            return result
        except ValidationError as error:
            for loc, kind in _error_locs(error):
                if not _leave_out(result, model, loc, kind):
                    return None
    return None


def _copy(value: Any, origin: dict[int, list[int]]) -> Any:
    if isinstance(value, dict):
        return {key: _copy(item, origin) for key, item in value.items()}
    if isinstance(value, list):
        items = [_copy(item, origin) for item in value]
        origin[id(items)] = list(range(len(items)))
        return items
    return copy.copy(value)


def _error_locs(error: ValidationError) -> list[tuple[Loc, str]]:
    """Each error's path (the deepest first, so that removing one does not move another)."""
    locs = {(tuple(part for part in detail["loc"] if part != "[key]"), detail["type"])
            for detail in error.errors(include_url=False)}
    return sorted(locs, key=lambda item: (len(item[0]), item[0]), reverse=True)


def _leave_out(result: Salvaged, model: type[BaseModel], loc: Loc, kind: str) -> bool:
    """Leave out the part at `loc` (for a missing key, the mapping that lacks it); False if it is the record."""
    target = loc[:-1] if kind == "missing" and len(loc) > 1 else loc
    parent = value_at(result.data, target[:-1]) if target else None
    if not target or not isinstance(parent, (dict, list)):
        return False
    key = target[-1]
    info = model.model_fields.get(str(key)) if len(target) == 1 else None
    if info is not None and info.is_required() and isinstance(parent, dict):  # the record needs it: stand in
        parent[key] = example_of(info.annotation, info)
        result.stand_ins.add(str(key))
    elif isinstance(parent, dict) and key in parent:
        del parent[key]
        if len(target) == 1:  # an optional field of the record left out: its default stands in for what was written
            result.stand_ins.add(str(key))
    elif isinstance(parent, list) and isinstance(key, int) and key < len(parent):
        del parent[key]
        indices = result.origin.get(id(parent))
        if indices is not None:
            original = indices.pop(key)
            result.removed.append(result.original(target[:-1]) + (original,))
            return True
    result.removed.append(result.original(target))
    return True


class Watched:
    """A salvaged record as the rules see it: notes whether a rule read a stand-in (or the whole record)."""

    def __init__(self, salvaged: Salvaged):
        self._salvaged = salvaged
        self.read_stand_in = False

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._salvaged.model, name)
        fields = type(self._salvaged.model).model_fields
        if name in self._salvaged.stand_ins or (name not in fields and callable(value)):
            self.read_stand_in = True
        return value
