"""JSON Schemas of the record kinds, generated from the Pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text
from .records.kinds import ALL_KINDS, Kind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS_FOLDER = "schemas"
"""Where a records folder keeps its schemas, beside `equitykit.yaml`; every file's modeline points there."""


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of one kind, with a $schema and a title."""
    schema = kind.model.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, "$id": f"{kind.name}.schema.json", **schema,
            "title": kind.title}


def schema_text(kind: Kind) -> str:
    """The schema as the stable, pretty-printed text that is committed."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write `<kind>.schema.json` for every kind; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in ALL_KINDS:
        path = directory / f"{kind.name}.schema.json"
        atomic_write_text(path, schema_text(kind))
        written.append(path)
    return written
