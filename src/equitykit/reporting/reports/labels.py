"""Words for people: how published reports name groups, staff groups and pay bands written as slugs.

One table serves every format (Markdown, HTML, Word). A slug not in the table is written as words:
hyphens become spaces and the first letter is a capital ("carers" → "Carers"). Dates are in words.
"""

from __future__ import annotations

import datetime as dt
import re

from ...obligations.dates import spoken_date

GROUPS: dict[str, str] = {
    "bme": "Black and minority ethnic",
    "gay-lesbian": "Gay or lesbian",
    "lgb-plus": "Lesbian, gay, bisexual and other sexual orientations",
    "non-binary": "Non-binary",
    "not-stated": "Not stated",
    "not-declared": "Not declared",
    "not-disclosed": "Not disclosed",
    "prefer-not-to-say": "Prefer not to say",
    "no-religion": "No religion",
    "non-disabled": "Non-disabled",
    "65-plus": "65 and over",
    "under-16": "Under 16",
    "white-british": "White British",
    "white-irish": "White Irish",
    "white-other": "Any other White background",
    "ethnic-minority": "Ethnic minority",
}
STAFF_GROUPS: dict[str, str] = {
    "clinical": "Clinical",
    "non-clinical": "Non-clinical",
    "medical-dental": "Medical and dental",
}
MEDICAL_GRADES: dict[str, str] = {
    "consultant": "consultants",
    "non-consultant-career-grade": "non-consultant career grades",
    "trainee": "trainee grades",
    "other": "other grades",
    "vsm": "very senior managers",
}


def words(slug: str) -> str:
    """A slug as words, for one not in a table: hyphens as spaces, a capital first letter."""
    text = slug.replace("-", " ")
    return text[:1].upper() + text[1:]


def group_label(slug: str) -> str:
    """A group of a characteristic as people write it ("gay-lesbian" → "Gay or lesbian"); an age band
    such as 16-24 is kept as written."""
    if slug in GROUPS:
        return GROUPS[slug]
    return slug if slug[:1].isdigit() else words(slug)


def band_label(staff_group: str, band: str) -> str:
    """A staff group and pay band as people write them ("Non-clinical: band 8a", "Medical and dental:
    consultants", "Non-clinical: very senior managers")."""
    return "{}: {}".format(*band_parts(staff_group, band))


def band_parts(staff_group: str, band: str) -> tuple[str, str]:
    """A staff group and a pay band, each as people write it ("Non-clinical", "band 8a")."""
    return STAFF_GROUPS.get(staff_group, words(staff_group)), MEDICAL_GRADES.get(band, f"band {band}")


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in_words(text: str) -> str:
    """Text with every ISO date (2025-03-31) written as people read it (31 March 2025)."""
    def spoken(match: re.Match[str]) -> str:
        try:
            return spoken_date(dt.date(*(int(part) for part in match.groups())))
        except ValueError:
            return match.group(0)

    return _ISO_DATE.sub(spoken, text)
