"""What every report builder shares: the organisation, suppression, names, anchors and the closing sections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence

from pydantic import BaseModel

from ...i18n import N_, _, current_language
from ...records.bilingual import text_in
from ...records.common import CHARACTERISTIC_NAMES, FIRST_AIM, MARRIAGE, STATUS_COLOURS, status_text
from ...records.dates import PartialDate, span_words
from ...records.repository import RecordSet
from ...records.sectors import not_applicable_reason
from ...records.terms import PlanTerms, plan_terms
from ...records.years import ReportingYear, last_year_ended_before, year_of_label
from .branding import embedded_logo, report_style
from .document import Block, Cell, Facts, Link, Paragraph, Report, Section, Table, in_english, long_date
from .escaping import anchor, link
from .suppression import Suppressor

AIM_NAMES = {
    "eliminate-discrimination": N_("Eliminate discrimination"),
    "advance-equality": N_("Advance equality of opportunity"),
    "foster-good-relations": N_("Foster good relations"),
}
COLOUR_NAMES = {"red": N_("Red"), "amber": N_("Amber"), "green": N_("Green"), "blue": N_("Blue"),
                "purple": N_("Purple")}


class ReportUnavailable(Exception):
    """The records hold nothing a report of this kind can be built from."""


def chosen_year(start_month_day: str, label: str | None) -> ReportingYear | None:
    """The reporting year `--year` names (e.g. 2025-26), or None when it names none."""
    if label is None:
        return None
    year = year_of_label(label, start_month_day)
    if year is None:
        raise ReportUnavailable(f"--year {label!r} is not a reporting year; write it like 2025-26")
    return year


def reporting_year(start_month_day: str, as_of: dt.date, label: str | None) -> ReportingYear:
    """The year an annual report covers: the one `label` names (`--year`), or by default the last reporting year
    that ended before `as_of`."""
    return chosen_year(start_month_day, label) or last_year_ended_before(as_of, start_month_day)


def heading_text(title: str) -> str:
    """A title as a heading or caption: without a closing full stop or other closing punctuation."""
    return title.rstrip().rstrip(".,;:").rstrip() or title


class Builder:
    """Helpers for one report: unique anchors, suppression and the organisation's names."""

    def __init__(self, records: RecordSet, as_of: dt.date) -> None:
        if records.organisation is None:
            raise ReportUnavailable("the organisation file equitykit.yaml is not valid; run "
                                    "`equitykit validate` and fix it first")
        self.records = records
        self.organisation = records.organisation
        self.as_of = as_of
        self.language = current_language()
        self.suppress = Suppressor(self.organisation.suppression_threshold)
        self.notes: list[str] = []
        self.terms: PlanTerms = plan_terms(self.organisation.jurisdiction)
        self._anchors: set[str] = set()
        self._names = {slug: _(name) for slug, name in CHARACTERISTIC_NAMES.items()}
        self._names.update({c.slug: self.text(c, "name") for c in self.organisation.characteristics})

    # record text in the report's language
    def text(self, part: BaseModel, field: str, separator: str = ", ") -> str:
        """A shown text field (or list of texts, joined) of a record part in the report's language: its Welsh
        version in a Welsh report, or the English marked as English only where there is none."""
        local = text_in(part, field, self.language, separator)
        return self.english_only(local.text) if local.missing else local.text

    def untranslated(self, text: str) -> str:
        """Fixed text computed in English only (an NHS England standard's indicator titles and readings),
        marked as a passage in English in a report in another language."""
        return text if self.language == "en" else in_english(text)

    @staticmethod
    def english_only(text: str) -> str:
        """Record text with no version in the report's language: the English, marked as a passage in
        English and followed by a note that it is in English only."""
        return _("{english} [English only]").format(english=in_english(text))

    # names and words
    @property
    def name(self) -> str:
        """The publishing unit and the body, e.g. Children's Services, Testshire Council."""
        org = self.organisation
        name = self.text(org, "name")
        return _("{unit}, {body}").format(unit=self.text(org, "unit"), body=name) if org.unit else name

    def follows(self, standard: str) -> bool:
        """Whether an NHS England standard (eds, wres, wdes) applies to the body: if not, its reports
        carry no section, column or advice about it."""
        return self.organisation.standard_not_applicable(standard) is None

    def not_applicable(self, kind: str, title: str, standard: str) -> Report | None:
        """A one-section report saying the standard does not apply to the body, or None if it does."""
        org = self.organisation
        reason = not_applicable_reason(self.name, org.sector, org.jurisdiction, standard)
        if reason is None:
            return None
        return self.finish(kind, title, [self.section(_("Not applicable"), [Paragraph(reason)])])

    @property
    def characteristics_heading(self) -> str:
        """The heading over a record's characteristics: "Protected characteristics", or "Characteristics" where
        the body considers others beside the nine (care experience is not a protected characteristic)."""
        return _("Characteristics") if self.organisation.characteristics else _("Protected characteristics")

    def characteristic(self, slug: str) -> str:
        return self._names.get(slug, slug)

    def characteristics(self, slugs: Iterable[str], aims: Iterable[str] = ()) -> str:
        """The characteristics' names; when aims beyond (a) are listed with marriage and civil
        partnership, a note that it is covered by aim (a) only (s149(7))."""
        slugs = list(slugs)
        text = ", ".join(self.characteristic(slug) for slug in slugs) or _("None given")
        if MARRIAGE in slugs and set(aims) - {FIRST_AIM}:
            text = _("{characteristics} (marriage and civil partnership: aim (a) only)").format(characteristics=text)
        return text

    @staticmethod
    def status(slug: str | None) -> str:
        return status_text(slug)

    @staticmethod
    def date(day: PartialDate | dt.date | None, missing: str | None = None) -> str:
        """A date in words at its precision (2025, October 2023, 1 October 2023), or `missing` (by default
        "Not set") when there is none."""
        if day is not None:
            return long_date(day)
        return _("Not set") if missing is None else missing

    @staticmethod
    def span(start: PartialDate | dt.date | None, end: PartialDate | dt.date) -> str:
        """A span of dates in words: 1 April 2025 to 31 March 2026; October 2023 for the whole month."""
        return span_words(start, end)

    # structure
    def anchor(self, text: str) -> str:
        base = anchor(text)
        candidate, number = base, 0
        while candidate in self._anchors:
            number += 1
            candidate = f"{base}-{number}"
        self._anchors.add(candidate)
        return candidate

    def section(self, heading: str, blocks: Sequence[Block] = (), subsections: Sequence[Section] = ()) -> Section:
        """A section; a heading taken from a record's title loses a closing full stop, as headings do."""
        heading = heading_text(heading)
        return Section(self.anchor(heading), heading, tuple(blocks), tuple(subsections))

    def table(self, caption: str, columns: Sequence[str], rows: Iterable[Sequence[Cell]],
              empty: str | None = None, left_out: Collection[int] = ()) -> Table:
        """A table; the columns at the indexes `left_out` (a comparison with no earlier year) are dropped;
        `empty` is what it says when it has no rows (by default "None recorded.")."""
        def kept(values: Sequence) -> tuple:
            return tuple(value for index, value in enumerate(values) if index not in left_out)

        return Table(self.anchor(_("table {caption}").format(caption=caption)), caption, kept(columns),
                     tuple(kept(row) for row in rows), _("None recorded.") if empty is None else empty)

    def finish(self, kind: str, title: str, sections: Sequence[Section], summary: str | None = None) -> Report:
        """The report, with notes (including the suppression note) and how to get it in another format."""
        closing = []
        key = status_key(sections)
        if key:
            closing.append(self.section(_("Key to status colours"), [
                Paragraph(_("Each status is written in words; its colour is an addition, in the red, amber, "
                            "green and blue of the plan.")),
                self.table(_("Status colours"), (_("Colour"), _("Shows")), key)]))
        footnotes = (self.suppress.published_note(), self.suppress.footnote())
        notes = [*self.notes, *(note for note in footnotes if note)]
        if notes:
            closing.append(self.section(_("Notes"), [Paragraph(note) for note in notes]))
        formats = self.alternative_formats()
        closing.append(self.section(_("This document in another format"), [
            Paragraph(_("If you need this document in another format, such as large print, easy read, "
                        "British Sign Language, Braille, audio or another language, please contact us.")),
            Facts(formats) if formats else Paragraph(_("Contact details have not been recorded.")),
        ]))
        return Report(
            kind=kind, title=title, organisation=self.name, as_of=self.as_of,
            sections=(*sections, *closing), footnotes=tuple(notes),
            style=report_style(self.organisation), logo=embedded_logo(self.organisation, self.records.root),
            summary=summary,
            alternative_formats=tuple(fact.value for fact in formats),
            language=current_language(),
        )

    def alternative_formats(self) -> tuple:
        from .document import Fact

        contact = self.organisation.alternative_formats
        facts = []
        if contact.email:
            facts.append(Fact(_("Email"), link(contact.email, f"mailto:{contact.email}")))
        if contact.phone:
            facts.append(Fact(_("Telephone"), contact.phone))
        if contact.address:
            facts.append(Fact(_("Post"), self.text(contact, "address")))
        if contact.text:
            facts.append(Fact(_("Other ways"), self.text(contact, "text")))
        return tuple(facts)


def numbered(number: str, title: str) -> str:
    """A record's id (or an indicator's number) and its title: OBJ-01: Close the gap."""
    return _("{id}: {title}").format(id=number, title=title)


def update_text(builder: Builder, day: PartialDate | dt.date, note: str, status: str | None = None) -> str:
    """An update as published: its date and note, and the status it reported."""
    if status:
        return _("Update {date}: {note} (status: {status})").format(date=builder.date(day), note=note,
                                                                    status=builder.status(status))
    return _("Update {date}: {note}").format(date=builder.date(day), note=note)


def cell(text: str, status: str | None = None, header: bool = False, link: Link | None = None) -> Cell:
    return Cell(text, status, link, header)


def header(text: str) -> Cell:
    return Cell(text, header=True)


KEY_ORDER = ("not-started", "overdue", "in-progress", "complete", "ongoing", "carried-forward")
KEY_WORDS = {"overdue": N_("Overdue")}
"""Words for a status that is not an action's or objective's, where the key needs them (a count coloured
by it: the key names the status, not the count)."""
"""Status colours in the order a RAG and blue key reads: red, amber, green, blue, then others."""


def status_key(sections: Sequence[Section]) -> list[tuple[Cell, Cell]]:
    """The rows of a key to the status colours a report uses: each colour, shown in itself, and the
    words it marks in this report (without any detail in brackets, such as a due date); a cell that holds a
    number coloured by a status (a count of overdue duties) adds the status's own words, not the number."""
    shown: dict[str, dict[str, None]] = {}
    for slug, text in _statuses(sections):
        colour = STATUS_COLOURS.get(slug, "red" if slug == "overdue" else slug)
        words = text.split(" (")[0].strip()
        if not any(character.isalpha() for character in words):
            words = _(KEY_WORDS[slug]) if slug in KEY_WORDS else status_text(slug)
        shown.setdefault(colour, {})[words] = None
    first_slug = {STATUS_COLOURS.get(slug, "red"): slug for slug in reversed(KEY_ORDER)}
    order = sorted(shown, key=lambda colour: KEY_ORDER.index(first_slug[colour]) if colour in first_slug else 99)
    return [(Cell(_(COLOUR_NAMES[colour]) if colour in COLOUR_NAMES else colour.capitalize(), first_slug.get(colour),
                  header=True), Cell("; ".join(shown[colour]))) for colour in order]


def _statuses(sections: Sequence[Section]) -> Iterable[tuple[str, str]]:
    """Every (status slug, words) a report's tables and facts show."""
    for section in sections:
        for block in section.blocks:
            table = getattr(block, "table", block)
            for row in getattr(table, "rows", ()):
                yield from ((c.status, c.text) for c in row if c.status)
            for fact in getattr(block, "items", ()):
                if getattr(fact, "status", None) and isinstance(fact.value, str):
                    yield fact.status, fact.value
        yield from _statuses(section.subsections)
