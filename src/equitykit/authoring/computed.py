"""Writing a computed record (`paygap compute --write`, `workforce compute --write`).

A new record is the computation's own text with its values. An existing record keeps every key and
comment its authors wrote: only the computed values change, each keeping its comments, and new keys
go where the record's model puts them. The result is proved before it is written: its data must
equal the old data with the computed values merged in, and no comment may be lost. Files are
written atomically, and not at all when nothing changed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, MutableSequence, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from ..atomic import atomic_write_text
from ..records.computed import ComputedRecord, NewRecord
from ..records.kinds import Kind
from ..records.loader import LoadError, parse_document, read_text
from ..records.repository import YAML_SUFFIXES, inside_root
from .fmt import round_trip_yaml
from .layout import scan_layout


class ComputedRecordError(Exception):
    """The computed values cannot be written to the record safely; nothing was written."""


@dataclass(frozen=True)
class WrittenRecord:
    """The record written: its path, its name relative to the root, and what was done."""

    path: Path
    file: str
    action: Literal["created", "updated", "unchanged"]


def write_computed_record(root: Path, record: ComputedRecord) -> WrittenRecord:
    """Create or update the record under the records `root` with the computed values.

    Raises `ComputedRecordError` when an existing record cannot be read or updated safely, or is
    a symbolic link out of the folder; `OSError` when the file cannot be read or written.
    """
    path = record_path(root, record.kind, record.record_id)
    file = path.relative_to(root).as_posix()
    if not inside_root(path, root):
        raise ComputedRecordError(f"{file} is a symbolic link to a file outside the records folder; it was "
                                  "neither read nor written (replace the link with the file itself)")
    if not path.exists():
        text = updated_record_text(new_record_text(record), file, record)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        return WrittenRecord(path, file, "created")
    try:
        original = read_text(path, file)
    except LoadError as exc:
        raise ComputedRecordError(_problem_message(exc)) from None
    updated = updated_record_text(original, file, record)
    if updated == original:
        return WrittenRecord(path, file, "unchanged")
    atomic_write_text(path, updated)
    return WrittenRecord(path, file, "updated")


def record_path(root: Path, kind: Kind, record_id: str) -> Path:
    """A record's file: an existing `.yaml` or `.yml` file, else a new `.yaml` one."""
    folder = root / str(kind.folder)
    for suffix in YAML_SUFFIXES:
        candidate = folder / f"{record_id}{suffix}"
        if candidate.exists():
            return candidate
    return folder / f"{record_id}{YAML_SUFFIXES[0]}"


def new_record_text(record: ComputedRecord) -> str:
    """The text of a new record before the computed values are merged in: the computation's own text, or
    its `NewRecord` laid out (placeholders and notes described from the kind's model)."""
    if isinstance(record.new, str):
        return record.new
    new: NewRecord = record.new
    data = CommentedMap(new.data)
    for key, note in new.notes.items():
        data.yaml_set_comment_before_after_key(key, before=f"{_description(record.kind, key)} {note}")
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    lines = [f"# {record.kind.schema_comment()}", "#", *(f"# {line}" for line in new.heading),
             f"id: {record.record_id}", stream.getvalue().rstrip("\n")]
    for key, example in new.placeholders:
        lines += [f"# {_description(record.kind, key)}", *_commented_example(key, example)]
    return "\n".join(lines) + "\n"


PROSE = 30
"""An example text with spaces longer than this is shown as a folded block, as a paragraph is best written."""


def _commented_example(key: str, example: str) -> list[str]:
    """A key for people to fill in, as comment lines: `# link: https://...`, or a paragraph as a block."""
    if len(example) > PROSE and " " in example:
        return [f"# {key}: >-", f"#   {example}"]
    return [f"# {key}: {example}"]


def _description(kind: Kind, key: str) -> str:
    return str(kind.model.model_fields[key].description)


def _problem_message(exc: LoadError) -> str:
    problem = exc.problem
    return (
        f"{problem.file}:{problem.line}:{problem.column}: {problem.message}. Fix the record"
        " (run `equitykit validate`), then write the figures again."
    )


def updated_record_text(text: str, file: str, record: ComputedRecord) -> str:
    """The record's text with the computed values merged in and everything else as it was.

    Raises `ComputedRecordError` when the text is not a valid YAML mapping, or when the update
    would change anything else (a value or a comment); the file is then left alone.
    """
    try:
        before = parse_document(text, file).data
        data = round_trip_yaml().load(text)
    except LoadError as exc:
        raise ComputedRecordError(_problem_message(exc)) from None
    except YAMLError:
        raise ComputedRecordError(f"{file} cannot be read for updating; fix it, then write again.") from None
    if not isinstance(data, CommentedMap):
        raise ComputedRecordError(f"{file} is not a mapping of keys to values; fix it, then write again.")
    expected = merged(before, record.values, record.list_keys, exact=record.exact)
    _check_valid(before, expected, record.kind, file)
    _merge_into(data, record.values, record.kind.model, record.list_keys, top=True, exact=record.exact)
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    updated = stream.getvalue()
    _prove_only_computed_values_changed(text, expected, updated, file)
    return updated


def _check_valid(before: Any, after: Any, kind: Kind, file: str) -> None:
    """Refuse values that would make the record invalid in a way it was not, naming what it would lack.

    Problems the record already had elsewhere are its authors' to fix and do not stop the update.
    """
    already = _errors(before, kind)
    new = [error for key, error in _errors(after, kind).items() if key not in already]
    if new:
        problems = "; ".join(f"{'.'.join(map(str, error['loc']))}: {error['msg'].lower()}" for error in new[:5])
        raise ComputedRecordError(
            f"{file} was not written: with these values it would not be a valid record ({problems}). Give the"
            " inputs those values come from, or fill them in by hand and run `equitykit validate`."
        )


def _errors(data: Any, kind: Kind) -> dict[tuple[Any, ...], Any]:
    try:
        kind.model.model_validate(data)
    except ValidationError as exc:
        return {(error["loc"], error["type"]): error for error in exc.errors()}
    return {}


def merged(data: Any, values: Any, list_keys: Mapping[str, tuple[str, ...]], name: str = "", *,
           exact: frozenset[str] = frozenset(), whole: bool = False) -> Any:
    """Plain data with the computed `values` merged in, as `ComputedRecord` describes; `whole`: the
    mapping holds exactly the computed keys."""
    if isinstance(values, Mapping):
        whole = whole or name in exact
        base = ({key: value for key, value in data.items() if not whole or key in values}
                if isinstance(data, dict) else {})
        return {**base, **{key: merged(base.get(key), value, list_keys, key, exact=exact, whole=whole)
                           for key, value in values.items()}}
    if name in list_keys and isinstance(data, list) and isinstance(values, list):
        items = [dict(item) if isinstance(item, dict) else item for item in data]
        _merge_list(items, values, list_keys[name], dict, lambda item, key, value: item.__setitem__(key, value))
        return items
    return values


def _item_key(item: Any, keys: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(str(item.get(key)) for key in keys) if isinstance(item, Mapping) else ()


def _counted_fields(items: Sequence[Mapping[str, Any]], keys: tuple[str, ...]) -> set[str]:
    return {name for item in items for name in item if name not in keys}


def _merge_into(target: CommentedMap, values: Mapping[str, Any], model: type[BaseModel] | None,
                list_keys: Mapping[str, tuple[str, ...]], top: bool = False, *,
                exact: frozenset[str] = frozenset(), whole: bool = False) -> None:
    order = list(model.model_fields) if model is not None else list(values)
    if whole:
        for stale in [key for key in target if key not in values]:
            del target[stale]
    for name, value in values.items():
        current = target.get(name)
        if isinstance(value, Mapping):
            if not isinstance(current, CommentedMap):
                current = CommentedMap()
                _set(target, name, current, order, top, last=list(value)[-1] if value else None)
            _merge_into(current, value, _field_model(model, name), list_keys, exact=exact,
                        whole=whole or name in exact)
        elif name in list_keys and isinstance(current, CommentedSeq) and isinstance(value, list):
            _merge_list(current, value, list_keys[name], CommentedMap, partial(_set, order=list(value[0]), top=False))
        else:
            _set(target, name, value, order, top)


def _set(target: CommentedMap, name: str, value: Any, order: list[str], top: bool, last: str | None = None) -> None:
    """Set `name`, inserting it after the nearest key before it in the model's order when it is new."""
    if name in target:
        target[name] = value
        return
    earlier = order[:order.index(name)] if name in order else []
    present = [index for index, key in enumerate(target) if key in earlier]
    position = max(present) + 1 if present else (len(target) if top else 0)
    target.insert(position, name, value)
    if top:
        _hand_on_trailing_comments(target, position - 1, value if last is not None else target,
                                   last if last is not None else name)


def _field_model(model: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    """The model of a field's value (looking inside `X | None`), if it is one."""
    info = None if model is None else model.model_fields.get(name)
    if info is None:
        return None
    optional = get_origin(info.annotation) in (Union, UnionType)  # X | None; not the values of a dict
    for candidate in (info.annotation, *(get_args(info.annotation) if optional else ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _merge_list(target: MutableSequence[Any], items: Sequence[Mapping[str, Any]], keys: tuple[str, ...],
                new: Callable[[Mapping[str, Any]], Any], update: Callable[[Any, str, Any], None]) -> None:
    """Merge `items` into the list, matched on `keys`: a new item goes after the one before it,
    and an old item no longer computed gets 0 for each count."""
    wanted = {_item_key(item, keys) for item in items}
    counted = _counted_fields(items, keys)
    position = -1
    for item in items:
        key = _item_key(item, keys)
        found = next((index for index, old in enumerate(target) if _item_key(old, keys) == key), None)
        if found is None:
            position += 1
            target.insert(position, new(item))
            continue
        position = found
        for name, value in item.items():
            if name not in keys:
                update(target[found], name, value)
    for old in target:
        if isinstance(old, Mapping) and _item_key(old, keys) not in wanted:
            for name in counted & set(old):
                update(old, name, 0)


def _hand_on_trailing_comments(data: CommentedMap, index: int, holder: CommentedMap, key: str) -> None:
    """Comment lines after the key before a new one describe the key after them: move them on.

    ruamel.yaml keeps whole-line comments on whatever precedes them; a key inserted after that
    would otherwise come after the comments instead of before them. `holder` and `key` say where
    the new key's text ends (its own line, or the last key of a new section).
    """
    if index < 0:
        return
    previous_key = list(data)[index]
    owner, last = (data[previous_key], None) if isinstance(data[previous_key], CommentedMap) else (data, previous_key)
    if last is None:
        if not owner:
            return
        last = list(owner)[-1]
    entry = owner.ca.items.get(last)
    if not entry or not isinstance(entry[2], CommentToken):
        return
    token = entry[2]
    first, newline, rest = token.value.partition("\n")
    if not rest:
        return
    entry[2] = CommentToken(first + newline, token.start_mark, None) if first else None
    holder.ca.items[key] = [None, None, CommentToken(newline + rest, CommentMark(0), None), None]


def _prove_only_computed_values_changed(text: str, expected: Any, updated: str, file: str) -> None:
    try:
        after = parse_document(updated, file).data
    except LoadError:
        after = None
    if after != expected or not scan_layout(updated).comment_texts() >= scan_layout(text).comment_texts():
        raise ComputedRecordError(
            f"{file} was left as it is: updating it would change more than its computed values."
            " Please report this file; meanwhile copy the values from the output into it by hand."
        )
