"""Where a key path leads in a model: the declared type and field at a path, and the keys a mapping may hold.

Paths may be those of a file or those of a Pydantic error, which also names the member of a tagged union
that was chosen (its tag); `untag` turns the latter into the former.
"""

from __future__ import annotations

import types
from typing import Any, TypeGuard, Union, get_args, get_origin

from pydantic import BaseModel, Tag
from pydantic.fields import FieldInfo

from .loader import Loc


def plain_type(annotation: Any) -> Any:
    """Strip `Annotated[...]` and `X | None` down to X."""
    while True:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            options = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        elif hasattr(annotation, "__metadata__"):
            annotation = get_args(annotation)[0]
        else:
            return annotation


def is_model(annotation: Any) -> TypeGuard[type[BaseModel]]:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _tagged(annotation: Any) -> dict[str, Any]:
    """The members of a tagged union (`Tag` in each member's metadata) by tag; empty otherwise."""
    if get_origin(annotation) not in (Union, types.UnionType):
        return {}
    return {meta.tag: arg for arg in get_args(annotation)
            for meta in getattr(arg, "__metadata__", ()) if isinstance(meta, Tag)}


def _member_with(options: dict[str, Any], key: str) -> Any:
    """The first model member of a tagged union with the field `key`, or None."""
    return next((member for member in map(plain_type, options.values())
                 if is_model(member) and key in member.model_fields), None)


def _walk(model: type[BaseModel], loc: Loc) -> tuple[Any, Loc]:
    """The declared type at a key path (None if the path leaves the schema), and the path without the
    tags Pydantic puts in the locations of tagged unions (so the path names keys of the file)."""
    current: Any = model
    kept: list[str | int] = []
    for index, part in enumerate(loc):
        current = plain_type(current)
        options = _tagged(current)
        if options and isinstance(part, str) and part in options:
            current = options[part]
            continue
        if options and isinstance(part, str):
            current = _member_with(options, part)
        kept.append(part)
        origin = get_origin(current)
        if is_model(current) and isinstance(part, str):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
        elif origin is list and isinstance(part, int):
            current = get_args(current)[0]
        elif origin is dict and isinstance(part, str):
            current = get_args(current)[1]
        else:
            return None, (*kept, *loc[index + 1:])
    return current, tuple(kept)


def type_at(model: type[BaseModel], loc: Loc) -> Any:
    """The declared type of the value at a key path, or None if the path leaves the schema."""
    return _walk(model, loc)[0]


def untag(model: type[BaseModel], loc: Loc) -> Loc:
    """A Pydantic error location without its union tags."""
    return _walk(model, loc)[1]


def field_at(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """The field definition at a key path, if the path ends on a model field."""
    if not loc or not isinstance(loc[-1], str):
        return None
    parent = plain_type(type_at(model, loc[:-1]))
    options = _tagged(parent)
    if options:
        parent = _member_with(options, loc[-1])
    if is_model(parent):
        return parent.model_fields.get(loc[-1])
    return None


def field_names_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys a mapping at `loc` may hold (of every member, in order, for a tagged union)."""
    current = plain_type(type_at(model, loc))
    members = [plain_type(member) for member in _tagged(current).values()] or [current]
    names = [name for member in members if is_model(member) for name in member.model_fields]
    return list(dict.fromkeys(names))
