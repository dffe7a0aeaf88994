"""Write a record as YAML with a comment before every field saying what to write there.

The comments are the Pydantic field descriptions (one source of truth, shared with the JSON
Schema and the error messages), followed by the allowed values where the field has a fixed set.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from ..records.bilingual import WELSH_SUFFIX
from ..records.dates import PartialDate
from ..records.examples import example_lines, example_of
from ..records.fields import field_at
from ..records.loader import Loc, resolve_plain_scalar

_PLAIN_SAFE = re.compile(r"[A-Za-z0-9(][A-Za-z0-9 _.,()/&+'-]*")


def complete(model: type[BaseModel], values: dict[str, Any]) -> dict[str, Any]:
    """Every field of `model` in order: the given values, else each field's default."""
    data = {}
    for name, info in model.model_fields.items():
        if name in values:
            data[name] = values[name]
        elif info.is_required():
            raise KeyError(f"{model.__name__}.{name} is required and has no placeholder")
        else:
            default = info.get_default(call_default_factory=True)
            data[name] = default.model_dump(mode="json") if isinstance(default, BaseModel) else default
    return data


def welsh_beside_text(data: Any, welsh: bool) -> Any:
    """A new record's data with a Welsh sibling (`title_cy:`) only beside text the record already has, and only
    for a body that publishes in Welsh; the other Welsh siblings are left out, to keep the file short."""
    if isinstance(data, list):
        return [welsh_beside_text(item, welsh) for item in data]
    if not isinstance(data, dict):
        return data
    return {key: welsh_beside_text(value, welsh) for key, value in data.items()
            if not (key.endswith(WELSH_SUFFIX) and (not welsh or not data.get(key.removesuffix(WELSH_SUFFIX))))}


def describe(model: type[BaseModel], loc: Loc, note: str = "") -> str:
    """What to write at a key path: the field's description and, if fixed, its allowed values (unless the
    description, or the `note` that follows it, already lists them)."""
    info = field_at(model, loc)
    if info is None or not info.description:
        return ""
    choices = literal_choices(info.annotation)
    if choices and not all(choice in info.description + note for choice in choices):
        return f"{info.description} One of: {', '.join(choices)}."
    return info.description


def literal_choices(annotation: Any) -> list[str]:
    """The allowed values of a Literal field (looking inside `| None` and `list[...]`)."""
    if get_origin(annotation) is Literal:
        return [str(value) for value in get_args(annotation)]
    return [choice for arg in get_args(annotation) for choice in literal_choices(arg)]


def scalar(value: Any) -> str:
    """A value as YAML 1.2 text that reads back as the same value and type."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, PartialDate)):
        return value.isoformat()
    if value == [] or value == {}:
        return json.dumps(value)
    text = str(value)
    if _PLAIN_SAFE.fullmatch(text) and not text.endswith(" ") and resolve_plain_scalar(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def render_record(model: type[BaseModel], data: dict[str, Any], header: list[str],
                  notes: dict[Loc, str] | None = None, descriptions: dict[Loc, str] | None = None,
                  words: Callable[[str], str] = str) -> str:
    """YAML text of `data` with `header` comment lines, and a comment before every described key.

    `notes` adds to a key's description, or describes keys the model does not (e.g. EDS outcome codes);
    `descriptions` replaces a key's description (with its allowed values) where the body needs other words;
    `words` rewrites every comment line (a body's own words, e.g. outcome for objective in Scotland).
    """
    writer = _Writer(model, notes or {}, descriptions or {}, words)
    writer.lines.extend(f"# {line}" for line in header)
    writer.mapping(data, (), 0)
    return "\n".join(writer.lines) + "\n"


class _Writer:
    def __init__(self, model: type[BaseModel], notes: dict[Loc, str], descriptions: dict[Loc, str],
                 words: Callable[[str], str]):
        self.model = model
        self.notes = notes
        self.descriptions = descriptions
        self.words = words
        self.lines: list[str] = []

    def mapping(self, data: dict[str, Any], loc: Loc, indent: int, lead: str | None = None) -> None:
        """Keys at `indent`; a list item's first key follows `lead` (the `- `)."""
        for index, (key, value) in enumerate(data.items()):
            start = lead if index == 0 and lead is not None else " " * indent
            added = self.notes.get(loc + (key,), "")
            described = self.descriptions.get(loc + (key,)) or describe(self.model, loc + (key,), added)
            note = self.words(" ".join(filter(None, [described, added])))
            example = self.example(loc + (key,), value)
            if example:
                note = f"{note} For example:".lstrip()
            if note:
                column = len(start) - 2 if index == 0 and lead is not None else indent
                self.lines.append(f"{' ' * column}# {note}")
                if example:
                    self.lines.extend(f"{' ' * column}# {self.words(line)}" for line in example_lines({key: example}))
            self.value(f"{start}{key}:", value, loc + (key,), indent)

    def example(self, loc: Loc, value: Any) -> Any:
        """How the bundled example fills a mapping or a list of mappings left empty here, or None."""
        info = field_at(self.model, loc)
        if value not in (None, [], {}) or info is None:
            return None
        example = example_of(info.annotation, info)
        return example if isinstance(example, dict) or (isinstance(example, list) and example) else None

    def value(self, head: str, value: Any, loc: Loc, indent: int) -> None:
        if isinstance(value, dict) and value:
            self.lines.append(head)
            self.mapping(value, loc, indent + 2)
        elif isinstance(value, list) and value:
            self.lines.append(head)
            lead = " " * (indent + 2) + "- "
            for index, item in enumerate(value):
                if isinstance(item, dict) and item:
                    self.mapping(item, loc + (index,), indent + 4, lead)
                else:
                    self.lines.append(lead + scalar(item))
        else:
            text = scalar(value)
            self.lines.append(f"{head} {text}" if text else head)
