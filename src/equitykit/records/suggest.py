""""Did you mean": the allowed value a mistyped one most likely meant."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def closest(value: str, options: Iterable[str], spelling: bool = True) -> str | None:
    """The option meant by `value`: the same one when case, spaces, punctuation and leading zeros
    are ignored (`Race`, `sexual orientation`, `OBJ-2`), else (if `spelling`) the nearest spelling."""
    choices = [option for option in options if option != value]
    key = _normal(value)
    same = [option for option in choices if _normal(option) == key]
    if same or not spelling:
        return same[0] if same else None
    lowered = {option.lower(): option for option in choices}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """`; did you mean `x`?` when an option is close to `value`, else nothing."""
    guess = closest(value, options)
    return f"; did you mean `{guess}`?" if guess else ""


def _normal(text: str) -> str:
    return _LEADING_ZEROS.sub("", _NOT_ALPHANUMERIC.sub("", text.lower()))


def slug_of(text: str) -> str:
    """Text as a slug: lower case, words joined by single hyphens (`Not stated` is `not-stated`)."""
    return _NOT_ALPHANUMERIC.sub("-", text.lower()).strip("-")
