"""Example values of record parts, built from the models: shown by `new` and in error messages.

A leaf field's example is its `examples` in the model (one source of truth, shared with the JSON
Schema); a fixed set of values gives its first; a nested model gives an example of every key but the
Welsh siblings (`title_cy`), which would only double it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args, get_origin

from pydantic.fields import FieldInfo

from .bilingual import is_welsh_sibling
from .dates import PartialDate
from .fields import is_model, plain_type

_BY_TYPE: dict[Any, Any] = {bool: False, int: 0, float: 0.0, str: "To be written", dt.date: dt.date(2025, 3, 31),
                            PartialDate: PartialDate(2025, 3, 31)}


def example_of(annotation: Any, info: FieldInfo | None = None) -> Any:
    """An example value of a field (given its FieldInfo) or of a bare type."""
    if info is not None and info.examples:
        return info.examples[0]
    annotation = plain_type(annotation)
    origin = get_origin(annotation)
    if is_model(annotation):
        return {name: example_of(field.annotation, field) for name, field in annotation.model_fields.items()
                if not is_welsh_sibling(annotation, name)}
    if origin is Literal:
        return get_args(annotation)[0]
    if origin is list:
        item = example_of(get_args(annotation)[0])
        return [item] if isinstance(item, dict) else []
    if origin is dict:
        return {}
    return _BY_TYPE.get(annotation, "To be written")


def required_example(annotation: Any) -> dict[str, Any]:
    """An example of a mapping with only the keys it must have (every key if none is required)."""
    model = plain_type(annotation)
    if not is_model(model):
        example = example_of(annotation)
        return example if isinstance(example, dict) else {}
    required = {name: example_of(field.annotation, field)
                for name, field in model.model_fields.items() if field.is_required()}
    return required or example_of(model)


def example_lines(data: Any, indent: int = 0) -> list[str]:
    """An example written as the YAML lines a person would type (block style)."""
    lines: list[str] = []
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, dict) and value:
            lines += [f"{pad}{key}:", *example_lines(value, indent + 2)]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{key}:")
            for item in value:
                first, *rest = example_lines(item, indent + 4)
                lines += [f"{pad}  - {first.lstrip()}", *rest]
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}".rstrip())
    return lines


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    text = str(value)
    return f'"{text}"' if isinstance(value, str) and text.isdigit() else text
