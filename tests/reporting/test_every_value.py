"""Every value a schema accepts renders in every report kind and format.

The walk finds every `Literal` (and `Enum`) field of every record model, sets each of its values in turn on
a record of the bundled example, and renders every report from the result. A
value a model accepts but a report has no words for fails here, instead of crashing a user's report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from equitykit.records.kinds import ALL_KINDS
from equitykit.records.repository import RecordSet, load_records
from equitykit.reporting.reports import FORMATS, REPORT_KINDS, ReportError, render_report

EXAMPLE = Path(__file__).parents[2] / "examples" / "northfield-trust"
AS_OF = dt.date(2025, 10, 1)
EXTRA = {
    # Parts the example does not use, so that the walk reaches their values too.
    "objectives/OBJ-99.yaml": "id: OBJ-99\ntitle: A representative workforce\ncharacteristics: [race]\n"
    "psed_aims: [advance-equality]\nlead: Director of People\nstart: 2024-04-01\nend: 2028-03-31\n"
    "status: in-progress\nmeasures:\n  - description: BME staff in bands 8a and above\n    unit: percent\n"
    "    indicator: {standard: wres, number: '1'}\n    baseline: {value: 9.5, date: 2024-03-31}\n"
    "    target: {value: 19, date: 2028-03-31}\n",
    "actions/ACT-099.yaml": "id: ACT-099\ntitle: Review the recruitment policy\nwork_stream: Recruitment\n"
    "lead: [Head of HR, Equality Lead]\ndue: 2026-01-31\ndue_history:\n  - due: 2025-07-31\n"
    "    revised: 2025-06-01\n    reason: Training paused\nstatus: in-progress\n",
}

FieldKey = tuple[str, str, Any]
"""(model class name, field name, value)."""


def closed_values(annotation: Any) -> tuple[Any, ...]:
    """The values of a `Literal` or `Enum` inside an annotation (through Optional, list, dict, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return tuple(annotation)
    if origin is typing.Annotated:
        return closed_values(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple):
        return tuple(v for arg in typing.get_args(annotation) for v in closed_values(arg))
    if origin is dict:
        return closed_values(typing.get_args(annotation)[1])
    return ()


def is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        return any(is_list(arg) for arg in typing.get_args(annotation))
    return origin is list


def model_classes(annotation: Any) -> Iterator[type[BaseModel]]:
    """Every model class reachable from an annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        for field in annotation.model_fields.values():
            yield from model_classes(field.annotation)
    for arg in typing.get_args(annotation):
        yield from model_classes(arg)


def every_closed_field() -> set[FieldKey]:
    """(model, field, value) for every closed value any record model accepts."""
    keys = set()
    for kind in ALL_KINDS:
        for model in model_classes(kind.model):
            for name, field in model.model_fields.items():
                if typing.get_origin(field.annotation) is dict:
                    continue  # closed dict values are models, walked through model_classes
                keys.update((model.__name__, name, value) for value in closed_values(field.annotation))
    return keys


def variants(model: BaseModel) -> Iterator[tuple[FieldKey, BaseModel]]:
    """Copies of `model` with one closed field set to one of its values, at any depth."""
    for name, field in type(model).model_fields.items():
        current = getattr(model, name)
        for value in closed_values(field.annotation):
            if not isinstance(current, dict):
                yield (type(model).__name__, name, value), model.model_copy(
                    update={name: [value] if is_list(field.annotation) else value})
        if isinstance(current, BaseModel):
            for key, part in variants(current):
                yield key, model.model_copy(update={name: part})
        elif isinstance(current, list | tuple):
            for index, item in enumerate(current):
                if isinstance(item, BaseModel):
                    for key, part in variants(item):
                        changed = list(current)
                        changed[index] = part
                        yield key, model.model_copy(update={name: changed})
        elif isinstance(current, dict):
            for slug, item in current.items():
                if isinstance(item, BaseModel):
                    for key, part in variants(item):
                        yield key, model.model_copy(update={name: {**current, slug: part}})


def revalidated(model: BaseModel) -> BaseModel | None:
    """The model as the loader would build it from the changed data, or None if it would refuse it."""
    try:
        return type(model).model_validate(model.model_dump())
    except ValidationError:
        return None


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> RecordSet:
    import shutil

    root = tmp_path_factory.mktemp("walk") / "northfield"
    shutil.copytree(EXAMPLE, root)
    for name, text in EXTRA.items():
        (root / name).write_text(text, encoding="utf-8")
    records = load_records(root)
    assert not [p for p in records.problems if p.severity == "error"], records.problems
    return records


def every_variant(records: RecordSet) -> Iterator[tuple[FieldKey, RecordSet]]:
    """One changed record set for each (model, field, value), the first the models accept."""
    assert records.organisation is not None
    seen: set[FieldKey] = set()
    for key, organisation in variants(records.organisation):
        valid = None if key in seen else revalidated(organisation)
        if valid is not None:
            seen.add(key)
            yield key, dataclasses.replace(records, organisation=valid)
    for index, loaded in enumerate(records.records):
        for key, model in variants(loaded.model):
            valid = None if key in seen else revalidated(model)
            if valid is not None:
                seen.add(key)
                changed = list(records.records)
                changed[index] = dataclasses.replace(loaded, model=valid)
                yield key, dataclasses.replace(records, records=changed)


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_every_accepted_value_renders_in_every_format_of_each_report_kind(example: RecordSet, kind: str) -> None:
    failures = []
    for key, records in every_variant(example):
        for output_format in FORMATS:
            try:
                render_report(kind, records, AS_OF, output_format)
            except ReportError:
                pass  # a report the records cannot support is a usage message, not a crash
            except Exception as exc:  # noqa: BLE001 - every crash is collected and shown
                failures.append(f"{key} in {kind}.{output_format}: {exc!r}")
    assert not failures, "\n".join(failures[:20])


def test_the_walk_reaches_every_accepted_value(example: RecordSet) -> None:
    covered = {key for key, _ in every_variant(example)}
    missing = every_closed_field() - covered
    assert not missing, f"values no record of the walk could carry: {sorted(missing, key=str)}"
