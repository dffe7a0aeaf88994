"""Turn Pydantic validation errors into problems that point at the exact line and say what to do."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from ..problem import Problem, format_path
from .bilingual import without_welsh_siblings
from .common import PROTECTED_CHARACTERISTICS, SLUG_PATTERN, renamed_keys
from .examples import example_lines, required_example
from .fields import field_at, field_names_at, type_at, untag
from .loader import Document, Loc
from .suggest import closest, did_you_mean, slug_of

TYPE_NAMES = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "date_type": "a date written as YYYY-MM-DD",
}
_NUMBERED_WORD = re.compile(r"\b(\d+) ([A-Z][a-z]+)")
MAPPING_TYPES = ("dict_type", "model_type", "model_attributes_type")
PATTERN_HINTS = {
    SLUG_PATTERN: "use lower-case letters, digits and single hyphens, e.g. `socio-economic`",
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$": "use letters, digits, dots, hyphens and underscores, e.g. `OBJ-01`",
    r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": "write a month and day as MM-DD, e.g. `04-01`",
    r"^#[0-9a-fA-F]{6}$": "write a colour as #RRGGBB, e.g. `#005eb8`",
    r"^[^/\\~:\s][^:]*$": "write the member's records folder relative to the folder holding equitykit.yaml, "
    "e.g. `../north-trust` or `members/north-trust`",
}


def validation_problems(error: ValidationError, model: type[BaseModel], doc: Document) -> list[Problem]:
    """One problem per Pydantic error, positioned with the loader's position map."""
    return [_problem(detail, model, doc) for detail in error.errors(include_url=False)]


def _problem(detail: Any, model: type[BaseModel], doc: Document) -> Problem:
    tagged: Loc = tuple(part for part in detail["loc"] if part != "[key]")
    loc = untag(model, tagged)
    on_key = "[key]" in detail["loc"]
    kind = detail["type"]
    code, message = _describe(detail, model, loc, tagged, on_key)
    span = doc.span(loc)
    if kind == "missing":
        parent = doc.span(loc[:-1])
        line, column = (parent.key_line, parent.key_column) if loc[:-1] else (1, 1)
    elif kind == "extra_forbidden" or on_key:
        line, column = span.key_line, span.key_column
    else:
        line, column = span.line, span.column
    return Problem(doc.file, line, column, format_path(loc), code, "error", message)


def _describe(detail: Any, model: type[BaseModel], loc: Loc, tagged: Loc, on_key: bool) -> tuple[str, str]:
    """The code and message of an error at `loc`; `tagged` is the same location with Pydantic's union tags,
    so the description and keys are those of the member of a tagged union that was chosen."""
    kind: str = detail["type"]
    name = f"`{loc[-1]}`" if loc and isinstance(loc[-1], str) else "this item"
    value = detail.get("input")
    context = detail.get("ctx") or {}
    info = field_at(model, tagged)
    about = f": {info.description.rstrip('.')}" if info is not None and info.description else ""
    if kind == "missing":
        return "EK201", f"{name} is required but missing; add it{about}"
    if kind == "extra_forbidden":
        older = renamed_keys(model).get(str(loc[-1])) if len(loc) == 1 else None
        if older is not None:
            return "EK202", (f"{name} is the older name of `{older}`, which is here too; keep `{older}` and put "
                             "everything in it (write a list if there are several)")
        known = field_names_at(model, tagged[:-1])
        guess = closest(str(loc[-1]), known)
        hint = f"did you mean `{guess}`?" if guess else f"known keys here: {', '.join(known)}"
        return "EK202", f"{name} is not a known key; {hint}"
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        hint = did_you_mean(value, re.findall(r"'([^']*)'", expected)) if isinstance(value, str) else ""
        return "EK204", f"{name} is {_show(value)}; it must be one of: {expected}{hint}"
    if kind == "value_error":
        reason = str(context.get("error", detail["msg"]))
        return "EK205", f"{name} is {_show(value)}: {reason}"
    if kind in MAPPING_TYPES and value is not None:
        return "EK203", _mapping_wanted(name, value, model, loc)
    if value is None and kind in TYPE_NAMES:
        return "EK201", f"{name} is empty; write {TYPE_NAMES[kind]}{about}"
    if kind in TYPE_NAMES:
        hint = "; YAML 1.2 reads yes/no/on/off as text" if kind == "bool_type" else ""
        if kind in {"int_type", "float_type"} and isinstance(value, str):
            hint = _number_for_word(value, info) or "; write the number without quotes, units or a % sign"
        if kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
            hint = f"; YAML reads {value} as a number: put it in quotes, e.g. \"{value}\""
        return "EK203", f"{name} should be {TYPE_NAMES[kind]}, not {_show(value)}{hint}"
    target = "this key" if on_key else name
    return "EK206", f"{target} is {_show(value)}: {_constraint(kind, context, detail['msg'], value)}"


def _number_for_word(word: str, info: FieldInfo | None) -> str:
    """`; Achieving means 2` where the field's description gives numbers their words (EDS scores)."""
    words = {name.lower(): (number, name) for number, name in _NUMBERED_WORD.findall(info.description or "")} \
        if info is not None else {}
    match = words.get(word.strip().lower())
    return f"; {match[1]} means {match[0]}: write `{match[0]}`" if match else ""


def _slug_hint(value: Any) -> str:
    """`; did you mean `race`?` for a characteristic written as its name, else the text as a slug."""
    if not isinstance(value, str) or not slug_of(value):
        return ""
    return f"; did you mean `{closest(value, PROTECTED_CHARACTERISTICS, spelling=False) or slug_of(value)}`?"


def _mapping_wanted(name: str, value: Any, model: type[BaseModel], loc: Loc) -> str:
    """What to write where a mapping is wanted: the keys it needs and an example of them."""
    annotation = type_at(model, loc)
    example = required_example(annotation)
    keys = without_welsh_siblings(field_names_at(model, loc))
    needs = [key for key in example if key in keys]
    if needs:
        optional = [key for key in keys if key not in needs]
        wanted = f"it needs the key{'s' * (len(needs) != 1)} {_and(needs)}" + (
            f" (and may have {_and(optional, 'or')})" if optional else "")
    else:
        wanted = "it holds keys with their values"
    lines = "\n".join(f"    {line}" for line in example_lines(example, 2))
    return (f"{name} should be a mapping of keys to values, not {_show(value)}; {wanted}, each on its own "
            f"line under {name}, indented, for example:\n    {loc[-1] if loc else 'key'}:\n{lines}")


def _and(words: list[str], last: str = "and") -> str:
    quoted = [f"`{word}`" for word in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {last} {quoted[-1]}"


def _constraint(kind: str, context: dict[str, Any], fallback: str, value: Any) -> str:
    if kind == "greater_than_equal":
        return f"it must be at least {context['ge']}"
    if kind == "less_than_equal":
        return f"it must be at most {context['le']}"
    if kind == "too_short":
        count = context.get("min_length", 1)
        return f"it needs at least {count} item{'s' if count != 1 else ''}"
    if kind == "finite_number":
        return "write an ordinary number (.inf and .nan are not figures)"
    if kind == "string_too_short":
        return "it must not be empty"
    if kind == "string_too_long":
        return f"it must be at most {context['max_length']} characters"
    if kind == "string_pattern_mismatch":
        pattern = context.get("pattern", "")
        hint = _slug_hint(value) if pattern == SLUG_PATTERN else ""
        return PATTERN_HINTS.get(pattern, f"it must match {pattern}") + hint
    return fallback


def _show(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"the text '{shown}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
