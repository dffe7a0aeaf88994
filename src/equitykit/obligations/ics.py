"""An RFC 5545 calendar of obligations: one all-day event on each due date.

Written by hand to stay dependency-free: CRLF line endings, content lines folded at 75 octets
(never inside a UTF-8 character), TEXT values escaped, UIDs built from the obligation id so a
re-import updates events instead of duplicating them, and DTSTAMP taken from --as-of so the
output is reproducible. In a language other than English, the calendar's name is in that language and
SUMMARY and DESCRIPTION carry its LANGUAGE parameter (RFC 5545 3.2.10), e.g. `SUMMARY;LANGUAGE=cy:`; a
SUMMARY from a record with no text in that language is the whole title in English, marked `LANGUAGE=en`.

The calendar is published output: it speaks to the public, as the reports do. It names the publication that
met a duty by its title, gives the basis without equitykit's settings, and leaves out the record's file and
what to write in the records (those stay in `equitykit deadlines`).
"""

from __future__ import annotations

import re

from ..i18n import SOURCE_LANGUAGE, _, current_language
from .dates import ONE_DAY
from .deadlines import Deadlines
from .model import Obligation, public_basis, status_words
from .reporters import body_name

MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value escaped per RFC 5545 3.3.11: backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", r"\\n", value)


def fold(line: str) -> str:
    """A content line folded into CRLF-joined parts of at most 75 octets (RFC 5545 3.1)."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for character in line:
        octets = len(character.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1  # continuation lines start with a space
        current += character
        size += octets
    parts.append(current)
    return "\r\n ".join(parts)


def ics_calendar(result: Deadlines) -> str:
    """The applicable obligations as a VCALENDAR (not-applicable ones are left out)."""
    organisation = result.organisation
    domain = _slug(organisation.code or organisation.name)
    stamp = result.as_of.strftime("%Y%m%dT000000Z")
    name = _("{name} equality deadlines").format(name=body_name(result))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//equitykit//deadlines//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    for obligation in result.obligations:
        if obligation.status != "not-applicable":
            lines += _event(obligation, domain, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(obligation: Obligation, domain: str, stamp: str) -> list[str]:
    details = [_("Status on the date of export: {status}").format(status=status_words(obligation.status)),
               _("Basis: {basis}").format(basis=public_basis(obligation.basis)), obligation.description]
    if obligation.met_by:
        details.append(_("Met by: {publication}").format(publication=obligation.met_by))
    if obligation.note:
        details.append(_("Note: {note}").format(note=obligation.note))
    language = "" if current_language() == SOURCE_LANGUAGE else f";LANGUAGE={current_language()}"
    summary = f"{language}:{escape_text(obligation.title)}"
    if obligation.english_title and language:
        summary = f";LANGUAGE={SOURCE_LANGUAGE}:{escape_text(obligation.english_title)}"
        details.insert(0, _("The title of this event is in English only: it has no Welsh version yet."))
    return [
        "BEGIN:VEVENT",
        f"UID:{obligation.id}@{domain}.equitykit",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{obligation.due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{obligation.due + ONE_DAY:%Y%m%d}",
        f"SUMMARY{summary}",
        f"DESCRIPTION{language}:{escape_text(chr(10).join(details))}",
        f"CATEGORIES:{escape_text(obligation.duty)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "organisation"
