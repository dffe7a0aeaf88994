"""Reports in Welsh: every fixed string from the Welsh catalogue, record text without a Welsh version marked
as English only (never silently English), and the document's language set in every format."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from equitykit.catalogues import extract_messages, placeholders, problems, read_catalogue
from equitykit.i18n import catalogue_files, language
from equitykit.records.bilingual import WELSH_SUFFIX
from equitykit.records.repository import RecordSet, load_records
from equitykit.reporting.reports import REPORT_KINDS, build_report, render_report, render_report_docx

EXAMPLES = Path(__file__).parents[2] / "examples"
AS_OF = dt.date(2025, 11, 30)
ENGLISH_ONLY = "[Saesneg yn unig]"


def test_the_welsh_catalogue_has_every_message_translated_none_fuzzy_or_stale() -> None:
    assert problems("cy") == []


def test_a_message_missing_from_the_catalogue_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wanted = extract_messages()
    wanted.add("A sentence no translator has seen yet.")
    assert problems("cy", wanted) == [
        "'A sentence no translator has seen yet.' () is missing"]


def test_a_translation_must_keep_its_message_placeholders() -> None:
    assert placeholders("{name} has {count} objectives") == ["{count}", "{name}"]
    assert placeholders("%(organisation)s. Information as at %(date)s.") == ["%(date)s", "%(organisation)s"]


def welsh_words() -> set[str]:
    """Every word of the Welsh catalogue's translations."""
    words: set[str] = set()
    for path in catalogue_files("cy"):
        for message in read_catalogue(path, "cy"):
            strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
            for text in strings:
                words |= set(re.findall(r"[A-Za-z]+", text.lower()))
    return words


def english_words() -> set[str]:
    """Words of equitykit's fixed English text that Welsh never uses: the sign of an untranslated string."""
    found: set[str] = set()
    for message in extract_messages():
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        for text in ids:
            found |= set(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{\w+\}|%\(\w+\)s", "", text).lower()))
    return found - welsh_words()


class VisibleText(HTMLParser):
    """The text a reader meets outside passages marked lang="en" (and outside style)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("br", "img", "meta", "link", "rect"):
            return
        english = dict(attrs).get("lang", "").startswith("en") or tag in ("style", "title")
        self.stack.append((tag, english or bool(self.stack and self.stack[-1][1])))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1][1]) and data.strip():
            self.text.append(data.strip())


NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|\b[A-Z]{2,}-[\w-]+|\bequitykit\b")
"""Addresses, web links, record ids (ACT-001, EIA-2025-001) and the tool's name: not words of a language."""


def unmarked_english(page: str, english: set[str]) -> list[str]:
    """The texts of a page outside passages marked as English that hold a word of equitykit's English text."""
    parser = VisibleText()
    parser.feed(page)
    return [text for text in parser.text
            if set(re.findall(r"[A-Za-z]{3,}", NOT_WORDS.sub(" ", text).lower())) & english]


def welsh_record_words(records: RecordSet) -> set[str]:
    """Every word of the records' Welsh texts (a Welsh word may be spelt like an English one: "well")."""
    def texts(value: object, welsh: bool = False) -> Iterator[str]:
        if isinstance(value, str) and welsh:
            yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from texts(item, welsh or str(key).endswith(WELSH_SUFFIX))
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from texts(item, welsh)

    parts = [records.organisation, *(record.model for record in records.records)]
    return {word for part in parts if part is not None for text in texts(part.model_dump())
            for word in re.findall(r"[A-Za-z]{3,}", text.lower())}


@pytest.mark.parametrize("kind", REPORT_KINDS)
@pytest.mark.parametrize("example", ["aran-vale-council", "northfield-trust"])
def test_no_english_fixed_text_is_left_in_a_welsh_report(kind: str, example: str) -> None:
    """Every text of a Welsh report is Welsh, or record text and standards' own texts marked as English."""
    records = load_records(EXAMPLES / example)
    page = render_report(kind, records, AS_OF, "html", lang="cy")
    assert '<html lang="cy">' in page
    assert unmarked_english(page, english_words() - welsh_record_words(records)) == []


def test_the_check_finds_english_fixed_text_left_in_a_welsh_page() -> None:
    page = '<html lang="cy"><p>Cynnwys</p><p>Not recorded</p><p lang="en">Close the gap</p></html>'
    assert unmarked_english(page, english_words()) == ["Not recorded"]


def council_with_objective_title(tmp_path: Path, title_lines: str) -> Path:
    """The Welsh example council, its OBJ-01 titled by `title_lines` (the title and any Welsh title)."""
    root = tmp_path / "council"
    shutil.copytree(EXAMPLES / "aran-vale-council", root)
    path = root / "objectives" / "OBJ-01.yaml"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(("title:", "title_cy:"))]
    at = next(index for index, line in enumerate(kept) if line.startswith("id:")) + 1
    path.write_text("\n".join([*kept[:at], title_lines, *kept[at:]]) + "\n", encoding="utf-8")
    return root


def test_record_text_without_welsh_is_marked_english_only_in_every_format(tmp_path: Path) -> None:
    records = load_records(council_with_objective_title(tmp_path, "title: Close the gap"))
    page = render_report("objectives", records, AS_OF, "html", lang="cy")
    assert ('<th scope="row" data-label="Amcan">OBJ-01: <span lang="en">Close the gap</span> [Saesneg yn unig]</th>'
            in page)
    assert "OBJ-01: Close the gap \\[Saesneg yn unig\\]" in render_report("objectives", records, AS_OF, "md", lang="cy")
    document = docx.Document(io.BytesIO(render_report_docx("objectives", records, AS_OF, lang="cy")))
    runs = [run for table in document.tables for row in table.rows for cell in row.cells
            for paragraph in cell.paragraphs for run in paragraph.runs if run.text == "Close the gap"]
    assert runs and all(run._r.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == "en-GB" for run in runs)


def test_an_english_report_has_no_marks() -> None:
    records = load_records(EXAMPLES / "aran-vale-council")
    page = render_report("psed", records, AS_OF, "html")
    assert '<html lang="en-GB">' in page and 'lang="en"' not in page and ENGLISH_ONLY not in page
    assert "\ue000" not in render_report("psed", records, AS_OF, "md")


def test_a_welsh_word_document_is_in_welsh() -> None:
    document = docx.Document(io.BytesIO(render_report_docx("psed", load_records(EXAMPLES / "aran-vale-council"),
                                                           AS_OF, lang="cy")))
    assert document.core_properties.language == "cy-GB"
    styles = {style.element.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val"))
              for style in document.styles if style.element.find(qn("w:rPr")) is not None
              and style.element.find(qn("w:rPr")).find(qn("w:lang")) is not None}
    assert styles == {"cy-GB"}
    assert document.paragraphs[0].text.startswith("Adroddiad blynyddol ar gydraddoldeb")  # a Welsh council's report


def test_dates_in_a_welsh_report_are_welsh() -> None:
    report = build_report("actions", load_records(EXAMPLES / "aran-vale-council"), AS_OF, lang="cy")
    assert report.language == "cy"
    assert "1 Ebrill 2025 i 31 Mawrth 2026" in (report.summary or "")
    columns = report.sections[1].subsections[0].blocks[0].columns
    assert "Ebr i Mai 2025" in columns


def test_the_language_of_a_report_does_not_leak_into_what_follows() -> None:
    records = load_records(EXAMPLES / "aran-vale-council")
    build_report("eias", records, AS_OF, lang="cy")
    with language("en"):
        assert build_report("eias", records, AS_OF).title == "Equality impact assessments"
    assert build_report("eias", records, AS_OF).title == "Equality impact assessments"


def test_record_text_with_welsh_is_shown_in_welsh_unmarked(tmp_path: Path) -> None:
    records = load_records(council_with_objective_title(tmp_path, "title: Close the gap\ntitle_cy: Cau'r bwlch"))
    welsh = render_report("objectives", records, AS_OF, "md", lang="cy")
    assert "OBJ-01: Cau'r bwlch" in welsh and "Close the gap" not in welsh
    english = render_report("objectives", records, AS_OF, "md", lang="en")
    assert "OBJ-01: Close the gap" in english and "Cau'r bwlch" not in english
