"""Where a key path leads in a model: the declared type and field at a path, and the keys a mapping may hold."""

from __future__ import annotations

import types
from typing import Any, TypeGuard, Union, get_args, get_origin

from pydantic import BaseModel
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


def type_at(model: type[BaseModel], loc: Loc) -> Any:
    """The declared type of the value at a key path, or None if the path leaves the schema."""
    current: Any = model
    for part in loc:
        current = plain_type(current)
        origin = get_origin(current)
        if is_model(current) and isinstance(part, str):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
        elif origin is list and isinstance(part, int):
            current = get_args(current)[0]
        elif origin is dict and isinstance(part, str):
            current = get_args(current)[1]
        else:
            return None
    return current


def field_at(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    """The field definition at a key path, if the path ends on a model field."""
    parent = plain_type(type_at(model, loc[:-1])) if loc else None
    if is_model(parent) and isinstance(loc[-1], str):
        return parent.model_fields.get(loc[-1])
    return None


def field_names_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys a mapping at `loc` may hold."""
    current = plain_type(type_at(model, loc))
    return list(current.model_fields) if is_model(current) else []
