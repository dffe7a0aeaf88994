"""Record text in Welsh and English: the language a report asks for, or the English marked as missing."""

from __future__ import annotations

from pydantic import BaseModel

from equitykit.records.bilingual import LocalText, text_in
from equitykit.records.organisation import Organisation


class Part(BaseModel):
    title: str
    title_cy: str | None = None
    note: str | None = None


def test_welsh_text_is_shown_in_a_welsh_report() -> None:
    part = Part(title="Close the pay gap", title_cy="Cau'r bwlch cyflog")
    assert text_in(part, "title", "cy") == LocalText("Cau'r bwlch cyflog", "cy")
    assert text_in(part, "title", "en") == LocalText("Close the pay gap", "en")


def test_a_missing_welsh_text_is_the_english_marked_missing() -> None:
    assert text_in(Part(title="Close the pay gap"), "title", "cy") == LocalText("Close the pay gap", "en",
                                                                                missing=True)


def test_an_empty_field_is_nothing_in_either_language() -> None:
    assert text_in(Part(title="x"), "note", "cy") is None


def organisation(**fields: object) -> Organisation:
    base = {"name": "Aran Vale Council", "sector": "local-authority", "jurisdiction": "wales",
            "alternative_formats": {"email": "equality@example.org"}}
    return Organisation.model_validate({**base, **fields})


def test_a_body_in_wales_publishes_in_welsh_and_english_welsh_first() -> None:
    assert organisation().publishing_languages == ("cy", "en")
    assert organisation(jurisdiction="england").publishing_languages == ("en",)


def test_the_languages_a_body_names_are_kept_welsh_first() -> None:
    assert organisation(languages=["en"]).publishing_languages == ("en",)
    assert organisation(jurisdiction="england", languages=["en", "cy"]).publishing_languages == ("cy", "en")
    assert organisation().bilingual_layout == "separate"
