"""Slim views: what is kept of a record's model once the work of reading it one file at a time is done.

A command that reads a large folder one record at a time (`load_records`' `each`) takes what it needs of each
record as it is read, and keeps of its model only the fields still to be read once every record is loaded (for
`validate`, those the rules across records read). The view answers those fields with the model's own values
(the same objects), and any other field with an AttributeError rather than a default: a field read but not
kept fails loudly, never silently differently.
"""

from __future__ import annotations

from functools import cache
from typing import Any


class SlimView:
    """Some fields of a record's model; its class is named after the model's (rules name the kind by it)."""

    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__slots__)
        return f"{type(self).__name__}(slim: {fields})"


@cache
def _view_class(name: str, fields: tuple[str, ...]) -> type[SlimView]:
    return type(name, (SlimView,), {"__slots__": fields, "__module__": __name__, "__qualname__": f"{name}.slim"})


def slim_view(model: Any, fields: tuple[str, ...]) -> SlimView:
    """A view of `model` holding only `fields` (attributes or properties, read now)."""
    view = _view_class(type(model).__name__, fields)()
    for name in fields:
        setattr(view, name, getattr(model, name))
    return view
