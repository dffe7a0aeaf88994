"""Keeping the message catalogues of fixed text complete: the messages marked in the code, and each language's
.po files. (Record text without its Welsh version is another matter: `equitykit translations` lists it.)

The messages are extracted from the source with Babel: Python (`_`, `N_`, `ngettext`, `pgettext`, and
`in_context`, which marks a message with its context without translating it) and the
report templates (Jinja's `_()` and `{% trans %}`). `locale/equitykit.pot` is the template they make. A
language's catalogue is every `locale/<language>/LC_MESSAGES/*.po` taken together; `problems` says what is
wrong with it: a message missing or untranslated, fuzzy, stale (no longer in the code), or a translation
whose placeholders differ from its message's.

Maintainers run, from the repository:

    python -m equitykit.catalogues template        # rewrite locale/equitykit.pot
    python -m equitykit.catalogues update cy       # add new messages to cy's reports.po, drop stale ones
    python -m equitykit.catalogues check cy        # list what is missing, fuzzy, stale or mismatched

`update` leaves new messages untranslated (empty), so `check` and the tests fail until a translator fills them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

from .i18n import LOCALE_DIR, LOCALES, catalogue_files, read_catalogue

PACKAGE = Path(__file__).parent
TEMPLATE = LOCALE_DIR / "equitykit.pot"
METHODS = [("templates/init/**", "ignore"), ("templates/*.j2", "jinja2.ext.babel_extract"),
           ("**.py", "python")]
KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
                            "in_context": ((1, "c"), 2)}
DEFAULT_FILE = "reports.po"
"""The file of a language's catalogue that new messages are added to."""
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")

Key = str | tuple[str, str]


def extract_messages() -> Catalog:
    """Every message marked for translation in equitykit's code and report templates."""
    catalog = Catalog(project="equitykit", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGE, METHODS, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def write_template(path: Path = TEMPLATE) -> Catalog:
    """Write the template of every message (the .pot) and return it."""
    catalog = extract_messages()
    with path.open("wb") as handle:
        write_po(handle, catalog, width=116, omit_header=False, sort_output=True)
    return catalog


def _keyed(catalog: Catalog) -> dict[Key, Message]:
    """The messages of a catalogue by their message (the singular of a plural) and context."""
    return {_ids(message)[0] if not message.context else (message.context, _ids(message)[0]): message
            for message in catalog if message.id}


def _ids(message: Message) -> list[str]:
    return [str(part) for part in message.id] if isinstance(message.id, (list, tuple)) else [str(message.id)]


def _strings(message: Message) -> list[str]:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return [str(text or "") for text in strings]


def placeholders(text: str) -> list[str]:
    """The named placeholders of a message, sorted: {name} (Python) and %(name)s (templates)."""
    return sorted(_PLACEHOLDER.findall(text))


def problems(language: str, wanted: Catalog | None = None) -> list[str]:
    """What is wrong with a language's catalogue against the messages of the code, one line each."""
    wanted = wanted if wanted is not None else extract_messages()
    needed = _keyed(wanted)
    found: dict[Key, tuple[Path, Message]] = {}
    lines: list[str] = []
    for path in catalogue_files(language):
        for key, message in _keyed(read_catalogue(path, language)).items():
            where = f"{path.name}: {_ids(message)[0]!r}"
            if key in found:
                lines.append(f"{where} is also in {found[key][0].name}")
            found[key] = (path, message)
            if key not in needed:
                lines.append(f"{where} is stale: no longer in the code")
            if message.fuzzy:
                lines.append(f"{where} is fuzzy")
            strings = _strings(message)
            if not all(strings):
                lines.append(f"{where} is not translated")
                continue
            expected = placeholders(_ids(message)[-1])
            for text in strings:
                if placeholders(text) != expected:
                    lines.append(f"{where}: the translation's placeholders {placeholders(text)} differ from {expected}")
    lines += [f"{_ids(message)[0]!r} ({', '.join(f'{f}:{n}' for f, n in message.locations)}) is missing"
              for key, message in needed.items() if key not in found]
    return lines


def update(language: str, into: str = DEFAULT_FILE) -> tuple[int, int]:
    """Add the code's new messages (untranslated) to a language's `into` file and drop stale messages from
    every file of it; returns how many were added and dropped."""
    wanted = _keyed(extract_messages())
    seen: set[Key] = set()
    dropped = 0
    target = LOCALE_DIR / language / "LC_MESSAGES" / into
    paths = catalogue_files(language)
    if target not in paths:
        paths.append(target)
    catalogues = {path: read_catalogue(path, language) if path.exists() else
                  Catalog(locale=LOCALES[language], project="equitykit") for path in paths}
    changed: set[Path] = set()
    for path, catalog in catalogues.items():
        for key, message in list(_keyed(catalog).items()):
            if key in wanted:
                seen.add(key)
                changed |= {path} if message.locations != wanted[key].locations else set()
                message.locations = wanted[key].locations
            else:
                catalog.delete(message.id, message.context)
                changed.add(path)
                dropped += 1
    added = [message for key, message in wanted.items() if key not in seen]
    for message in added:
        catalogues[target][message.id] = Message(message.id, "" if isinstance(message.id, str) else
                                                 ("",) * catalogues[target].num_plurals,
                                                 locations=message.locations, context=message.context)
        changed.add(target)
    for path in changed:
        with path.open("wb") as handle:
            write_po(handle, catalogues[path], width=116, sort_output=True, include_previous=False)
    return len(added), dropped


def main(arguments: Iterable[str]) -> int:
    """The maintenance commands: template, update LANGUAGE, check LANGUAGE."""
    command, *rest = list(arguments) or ["help"]
    if command == "template":
        print(f"{len(write_template())} messages written to {TEMPLATE}")
        return 0
    if command == "update" and rest:
        added, dropped = update(rest[0])
        print(f"{rest[0]}: {added} new messages to translate in {DEFAULT_FILE}, {dropped} stale ones dropped")
        return 0
    if command == "check" and rest:
        found = problems(rest[0])
        print("\n".join(found) if found else f"{rest[0]}: complete")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
