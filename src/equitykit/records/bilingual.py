"""Record text in Welsh beside the English: a shown text field `title` may have its Welsh version in
`title_cy`, in the same mapping (a record, an update, a step). The models declare each Welsh sibling with
`welsh()`; which fields are translatable is read from them (`translatable_fields`), and `shown_texts`
finds every such field of a record with its text in both languages, for validate, `translations` and diff."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel, Field

WELSH_SUFFIX = "_cy"


@dataclass(frozen=True)
class LocalText:
    """Text as a report shows it in one language: the words, and whether they are the English standing in
    for a translation the records do not have (English shown in a Welsh report)."""

    text: str
    missing: bool = False


def text_in(part: BaseModel, field: str, language: str, separator: str = ", ") -> LocalText:
    """A shown text field of a record part in `language` (a list of texts joined by `separator`): its Welsh
    version for `cy` where recorded, otherwise the English, marked missing in a Welsh report (an empty field
    is empty text, not missing)."""
    def items(value: str | list[str] | None) -> list[str]:
        return [value] if isinstance(value, str) else list(value or [])

    english = separator.join(items(getattr(part, field)))
    if language != "cy":
        return LocalText(english)
    welsh = getattr(part, field + WELSH_SUFFIX, None)
    return LocalText(separator.join(items(welsh))) if welsh is not None else LocalText(english, missing=bool(english))


def welsh(field: str, **constraints: Any) -> Any:
    """The declaration of `field`'s Welsh sibling, `<field>_cy`: optional, described for editors and `new`, with
    the English field's own `constraints` (e.g. min_length=1 for a list that may not be empty)."""
    return Field(None, description=f"The Welsh text of {field} (Cymraeg), shown in place of it in Welsh reports.",
                 **constraints)


def translatable_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a record part that have a Welsh sibling: `title` where `title_cy` is declared. This is
    the one list of translatable fields: it is read from the models, so it cannot drift from them."""
    return tuple(name for name in model.model_fields if name + WELSH_SUFFIX in model.model_fields)


def is_welsh_sibling(model: type[BaseModel], name: str) -> bool:
    """Whether field `name` of a model is the Welsh text of another of its fields."""
    return name.endswith(WELSH_SUFFIX) and name.removesuffix(WELSH_SUFFIX) in model.model_fields


def without_welsh_siblings(keys: list[str]) -> list[str]:
    """Keys of a mapping less the Welsh siblings of the others, e.g. to name the keys a message asks for."""
    return [key for key in keys if not (key.endswith(WELSH_SUFFIX) and key.removesuffix(WELSH_SUFFIX) in keys)]


@dataclass(frozen=True)
class ShownText:
    """A translatable field of a record with its English and Welsh text (either may be absent)."""

    loc: tuple[str | int, ...]
    """Key path of the English field in the record, e.g. ("updates", 0, "note")."""
    english: Any
    welsh: Any

    @property
    def field(self) -> str:
        return str(self.loc[-1])

    @property
    def welsh_field(self) -> str:
        return self.field + WELSH_SUFFIX

    @property
    def missing(self) -> bool:
        """English text with no Welsh beside it."""
        return bool(self.english) and self.welsh is None

    @property
    def welsh_only(self) -> bool:
        """Welsh text with no English beside it."""
        return not self.english and bool(self.welsh)

    @property
    def uneven(self) -> bool:
        """A list of texts (e.g. groups) whose Welsh list does not have one entry for each English one."""
        return (isinstance(self.english, list) and isinstance(self.welsh, list)
                and len(self.english) != len(self.welsh))


def shown_texts(part: Any, loc: tuple[str | int, ...] = ()) -> Iterator[ShownText]:
    """Every translatable field with text in either language in a record (or part of one), in field order,
    looking inside its parts, lists and mappings (only those whose kind can hold a translatable field)."""
    if isinstance(part, BaseModel):
        for name, translatable in _walk_plan(type(part)):
            value = getattr(part, name)
            if translatable:
                welsh_text = getattr(part, name + WELSH_SUFFIX)
                if (value or welsh_text) and not (welsh_text is None and _same_in_every_language(part, name)):
                    yield ShownText((*loc, name), value, welsh_text)
            elif value is not None:
                yield from shown_texts(value, (*loc, name))
    elif isinstance(part, list):
        for index, item in enumerate(part):
            yield from shown_texts(item, (*loc, index))
    elif isinstance(part, dict):
        for key, item in part.items():
            yield from shown_texts(item, (*loc, key))


def _same_in_every_language(part: BaseModel, name: str) -> bool:
    """Whether a part says that a text of it reads the same in every language (a highlight's unit `£` or `%`,
    which reports write as symbols), so that it needs no Welsh version beside it."""
    same = getattr(part, "same_in_every_language", None)
    return bool(same(name)) if callable(same) else False


@cache
def _walk_plan(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields `shown_texts` visits in a kind of record part, in order: each translatable field (True),
    and each field whose type holds parts that can have one (False); the rest (dates, numbers, slugs) skipped."""
    texts = translatable_fields(model)
    return tuple((name, name in texts) for name, info in model.model_fields.items()
                 if not is_welsh_sibling(model, name)
                 and (name in texts or any(_has_text(inner) for inner in _models_in(info.annotation))))


@cache
def _has_text(model: type[BaseModel]) -> bool:
    """Whether a kind of record part has a translatable field, itself or in a part inside it."""
    return bool(translatable_fields(model)) or any(
        _has_text(inner) for info in model.model_fields.values() for inner in _models_in(info.annotation))


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The record part models a field's type can hold (inside lists, mappings, unions and Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models_in(argument)
