"""The language published text is written in: message catalogues, and dates and numbers in that language.

Fixed text is written in English in the code and marked for translation: `_("Equality objectives")` where
it is used, `N_("...")` where it is only named (a table built at import time), translated with `_()` when
it is shown. The translations are gettext catalogues, `locale/<language>/LC_MESSAGES/*.po`, read with
Babel; every file of a language is one catalogue. The active language is set for a block of work with
`with language("cy"):` (a context variable, so nothing needs passing down); English is the default.
Dates and numbers follow the active language's conventions (Babel's CLDR data).
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel is imported where it is used: marking text with N_ costs no start-up time
    from babel.messages.catalog import Catalog
    from babel.support import Translations

LANGUAGES: dict[str, str] = {"en": "English", "cy": "Cymraeg"}
"""The languages equitykit publishes in, each named in itself."""
SOURCE_LANGUAGE = "en"
"""The language the fixed text is written in, in the code."""
LOCALES: dict[str, str] = {"en": "en_GB", "cy": "cy_GB"}
"""The CLDR locale of each language: its dates, numbers and list words."""
LOCALE_DIR = Path(__file__).parent / "locale"

_active: ContextVar[str] = ContextVar("equitykit_language", default=SOURCE_LANGUAGE)


class UnknownLanguage(ValueError):
    """A language code equitykit has no catalogue for."""


def check_language(code: str) -> str:
    """`code` if it names a language equitykit publishes in; otherwise UnknownLanguage naming the choices."""
    if code not in LANGUAGES:
        choices = ", ".join(f"{key} ({name})" for key, name in LANGUAGES.items())
        raise UnknownLanguage(f"unknown language {code!r}; choose one of {choices}")
    return code


@contextmanager
def language(code: str) -> Iterator[None]:
    """Write in language `code` within the block: `_()`, dates and numbers follow it."""
    token = _active.set(check_language(code))
    try:
        yield
    finally:
        _active.reset(token)


def current_language() -> str:
    """The language text is being written in now."""
    return _active.get()


def catalogue_files(code: str) -> list[Path]:
    """The .po files that make up a language's catalogue, in name order."""
    return sorted((LOCALE_DIR / code / "LC_MESSAGES").glob("*.po"))


def read_catalogue(path: Path, code: str) -> Catalog:
    """One .po file of language `code`'s catalogue."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=LOCALES[code])


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The translations into language `code`: every .po file of it merged, fuzzy entries left out. The source
    language's are the identity, without Babel (so that English text costs no start-up time)."""
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.support import Translations

    merged: Translations | None = None
    for path in catalogue_files(code):
        buffer = io.BytesIO()
        write_mo(buffer, read_catalogue(path, code))
        buffer.seek(0)
        part = Translations(buffer)
        if merged is None:
            merged = part
        else:
            merged.merge(part)
    return merged if merged is not None else gettext.NullTranslations()


def _(message: str) -> str:
    """`message` in the active language (itself where there is no translation yet)."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message for `count`, in the active language."""
    return translations(current_language()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` in the active language, told apart from the same English words used elsewhere by `context`."""
    return str(translations(current_language()).pgettext(context, message))


def N_(message: str) -> str:  # noqa: N802 - the conventional name extraction tools look for
    """Mark `message` for translation without translating it now (it is translated where it is shown)."""
    return message


def long_date(day: dt.date) -> str:
    """A date in words in the active language: 31 March 2025, 31 Mawrth 2025."""
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=LOCALES[current_language()])


def month_and_year(day: dt.date) -> str:
    """The month of `day` and its year in words in the active language: October 2023, Hydref 2023."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", day, locale=LOCALES[current_language()])


def short_month(day: dt.date) -> str:
    """A month's short name in the active language: Apr, Sep (in English as written in the UK, not CLDR's
    "Sept"), Ebr, Medi."""
    if current_language() == SOURCE_LANGUAGE:
        return day.strftime("%b")
    from babel.dates import format_date

    return format_date(day, "LLL", locale=LOCALES[current_language()])


_SOFT_MUTATION = (("Rh", "R"), ("M", "F"), ("T", "D"), ("G", ""))
"""Welsh soft mutation of the first letters of a month's name (Mawrth, Mai, Mehefin, Medi, Tachwedd, Gorffennaf,
Rhagfyr); the other months' names (Ionawr, Chwefror, Ebrill, Awst, Hydref) do not change."""


def after_to(words: str) -> str:
    """Words as they read after "to" in the active language: in Welsh "i" softly mutates a month's name at their
    start ("Ebrill 2024 i Fawrth 2025", "Ebr i Fai 2025"); a date that starts with its day does not change."""
    if current_language() != "cy" or not words[:1].isalpha():
        return words
    for radical, mutated in _SOFT_MUTATION:
        if words.startswith(radical):
            return mutated + words[len(radical):] if mutated else words[1].upper() + words[2:]
    return words


def decimal(value: float | int | Decimal, pattern: str | None = None) -> str:
    """A number written the active language's way (`pattern` as Babel's, e.g. "#,##0.0")."""
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=LOCALES[current_language()])

