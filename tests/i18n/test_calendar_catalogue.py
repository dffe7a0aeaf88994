"""The Welsh calendar catalogue is complete and current: every message of the deadlines (and the duty names)
has a Welsh translation with the same placeholders, and no entry is left over from text that is gone."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from equitykit import i18n

SOURCE = Path(i18n.__file__).parent
CATALOGUE = SOURCE / "locale" / "cy" / "LC_MESSAGES" / "calendar.po"
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "in_context": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def source_messages() -> dict[tuple[str | None, str], str | tuple[str, ...]]:
    """Every message marked in the calendar's code, by (context, msgid)."""
    found = list(extract_from_dir(SOURCE / "obligations", method_map=[("**.py", "python")], keywords=KEYWORDS))
    found += [(str(SOURCE / "records" / "publication.py"), *entry) for entry in
              extract_from_file("python", SOURCE / "records" / "publication.py", keywords=KEYWORDS)]
    return {(context, message[0] if isinstance(message, tuple) else message): message
            for _file, _line, message, _comments, context in found}


def catalogue():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle, locale="cy")


def test_every_calendar_message_has_its_welsh() -> None:
    entries = {(message.context, message.id[0] if isinstance(message.id, tuple) else message.id): message
               for message in catalogue() if message.id}
    missing = [key for key in source_messages() if key not in entries]
    assert missing == [], "add these to calendar.po"
    for key, message in entries.items():
        if key not in source_messages():
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, key
        english = set(PLACEHOLDER.findall(key[1]))
        for welsh in strings:
            assert set(PLACEHOLDER.findall(welsh)) == english, (key, welsh)


def test_no_entry_is_stale() -> None:
    sources = source_messages()
    stale = [(message.context, message.id) for message in catalogue() if message.id
             and (message.context, message.id[0] if isinstance(message.id, tuple) else message.id) not in sources]
    assert stale == [], "remove these from calendar.po: the code no longer says them"


def test_each_legal_term_cites_its_source() -> None:
    cited = {message.id: message.auto_comments for message in catalogue() if message.id}
    for duty in ("Annual equality report", "Equality objectives", "Strategic equality plan", "Gender pay gap",
                 "SI 2011/1064 (W.155) reg 16(1)"):
        assert cited[duty], duty
    assert any("legislation.gov.uk" in comment for comment in cited["Annual equality report"])
