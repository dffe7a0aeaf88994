"""JSON for metric results: every dataclass field by name, figures as plain numbers.

Rounded figures (``Decimal``) and unrounded ones (``Fraction``) become JSON numbers, dates ISO
strings; a figure that cannot be computed is null with its reason beside it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pydantic import BaseModel


def jsonable(value: Any) -> Any:
    """`value` as JSON-ready lists, dicts, numbers and strings."""
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: jsonable(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [jsonable(item) for item in value]
    if isinstance(value, Decimal | Fraction):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def metrics_json(result: Any, **header: Any) -> str:
    """The result as indented JSON, after the `header` keys (e.g. which standard it is)."""
    return json.dumps({**jsonable(header), **jsonable(result)}, indent=2, ensure_ascii=False)
