"""Words for people: how published reports name groups, staff groups and pay bands written as slugs.

One table serves every format (Markdown, HTML, Word) and the commands' own tables. A slug not in the table
is written as words: hyphens become spaces and the first letter is a capital ("carers" → "Carers"). Dates are
in words. It imports nothing heavy, so that a command printing a table of counts starts quickly.
"""

from __future__ import annotations

import datetime as dt
import re

from ..i18n import N_, _

GROUPS: dict[str, str] = {
    "bme": N_("Black and minority ethnic"),
    "gay-lesbian": N_("Gay or lesbian"),
    "lgb-plus": N_("Lesbian, gay, bisexual and other sexual orientations"),
    "non-binary": N_("Non-binary"),
    "not-stated": N_("Not stated"),
    "not-declared": N_("Not declared"),
    "not-disclosed": N_("Not disclosed"),
    "prefer-not-to-say": N_("Prefer not to say"),
    "no-religion": N_("No religion"),
    "non-disabled": N_("Non-disabled"),
    "65-plus": N_("65 and over"),
    "under-16": N_("Under 16"),
    "white-british": N_("White British"),
    "white-irish": N_("White Irish"),
    "white-other": N_("Any other White background"),
    "ethnic-minority": N_("Ethnic minority"),
    "female": N_("Female"),
    "male": N_("Male"),
    "white": N_("White"),
    "mixed": N_("Mixed"),
    "asian": N_("Asian"),
    "black": N_("Black"),
    "other": N_("Other"),
    "disabled": N_("Disabled"),
    "not-disabled": N_("Not disabled"),
    "christianity": N_("Christianity"),
    "islam": N_("Islam"),
    "hinduism": N_("Hinduism"),
    "sikhism": N_("Sikhism"),
    "judaism": N_("Judaism"),
    "buddhism": N_("Buddhism"),
    "heterosexual": N_("Heterosexual"),
    "bisexual": N_("Bisexual"),
}
STAFF_GROUPS: dict[str, str] = {
    "clinical": N_("Clinical"),
    "non-clinical": N_("Non-clinical"),
    "medical-dental": N_("Medical and dental"),
}
MEDICAL_GRADES: dict[str, str] = {
    "consultant": N_("consultants"),
    "non-consultant-career-grade": N_("non-consultant career grades"),
    "trainee": N_("trainee grades"),
    "other": N_("other grades"),
    "vsm": N_("very senior managers"),
}
MEMBERSHIP_WORDS: dict[str, str] = {"voting": N_("Voting members"), "executive": N_("Executive members")}
"""Board members counted by WRES indicator 9 and WDES metric 10."""


def words(slug: str) -> str:
    """A slug as words, for one not in a table: hyphens as spaces, a capital first letter."""
    text = slug.replace("-", " ")
    return text[:1].upper() + text[1:]


def group_label(slug: str) -> str:
    """A group of a characteristic as people write it ("gay-lesbian" → "Gay or lesbian"); an age band
    such as 16-24 is kept as written."""
    if slug in GROUPS:
        return _(GROUPS[slug])
    return slug if slug[:1].isdigit() else words(slug)


def band_label(staff_group: str, band: str) -> str:
    """A staff group and pay band as people write them ("Non-clinical: band 8a", "Medical and dental:
    consultants", "Non-clinical: very senior managers")."""
    group, grade = band_parts(staff_group, band)
    return _("{staff_group}: {grade}").format(staff_group=group, grade=grade)


def band_parts(staff_group: str, band: str) -> tuple[str, str]:
    """A staff group and a pay band, each as people write it ("Non-clinical", "band 8a")."""
    grade = _(MEDICAL_GRADES[band]) if band in MEDICAL_GRADES else _("band {band}").format(band=band)
    group = _(STAFF_GROUPS[staff_group]) if staff_group in STAFF_GROUPS else words(staff_group)
    return group, grade


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in_words(text: str) -> str:
    """Text with every ISO date (2025-03-31) written as people read it (31 March 2025)."""
    from ..obligations.dates import spoken_date  # the obligations package reads records: only when needed

    def spoken(match: re.Match[str]) -> str:
        try:
            return spoken_date(dt.date(*(int(part) for part in match.groups())))
        except ValueError:
            return match.group(0)

    return _ISO_DATE.sub(spoken, text)
