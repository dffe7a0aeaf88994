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
    assert text_in(part, "title", "cy") == LocalText("Cau'r bwlch cyflog")
    assert text_in(part, "title", "en") == LocalText("Close the pay gap")


def test_a_missing_welsh_text_is_the_english_marked_missing() -> None:
    assert text_in(Part(title="Close the pay gap"), "title", "cy") == LocalText("Close the pay gap", missing=True)


def test_an_empty_field_is_nothing_in_either_language() -> None:
    assert text_in(Part(title="x"), "note", "cy") == LocalText("")


class Leads(BaseModel):
    lead: list[str]
    lead_cy: list[str] | None = None


def test_a_list_of_texts_is_joined_in_the_language_asked_for() -> None:
    both = Leads(lead=["Head of People", "Director"], lead_cy=["Pennaeth Pobl", "Cyfarwyddwr"])
    assert text_in(both, "lead", "cy", "; ") == LocalText("Pennaeth Pobl; Cyfarwyddwr")
    assert text_in(both, "lead", "en", "; ") == LocalText("Head of People; Director")
    assert text_in(Leads(lead=["Head of People", "Director"]), "lead", "cy") == LocalText(
        "Head of People, Director", missing=True)
    assert text_in(Leads(lead=[]), "lead", "cy") == LocalText("")


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


def test_each_shown_text_field_has_a_welsh_sibling_of_its_own_type_but_optional() -> None:
    from typing import Annotated

    from pydantic import TypeAdapter

    from equitykit.records.bilingual import WELSH_SUFFIX, translatable_fields
    from equitykit.records.kinds import ALL_KINDS

    seen = {}
    for model in _parts(tuple(kind.model for kind in ALL_KINDS)):
        for name in translatable_fields(model):
            english, welsh = model.model_fields[name], model.model_fields[name + WELSH_SUFFIX]
            assert not welsh.is_required() and welsh.default is None, (model, name)
            english_schema, welsh_schema = (TypeAdapter(
                Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation).json_schema()
                for info in (english, welsh))
            options = welsh_schema.get("anyOf", [welsh_schema])
            assert {"type": "null"} in options, (model, name)
            assert english_schema in options or english_schema == welsh_schema, (model, name)  # same constraints
        seen[model.__name__] = translatable_fields(model)
    assert seen["Objective"] == ("title", "description", "barrier", "lead")
    assert seen["Action"] == ("title", "description", "work_stream", "lead", "barrier", "outcome")
    assert seen["Update"] == ("note",) and seen["Risk"] == ("risk", "mitigation")
    assert seen["Eia"] == ("title", "owner", "department", "directorate", "template", "aims")
    assert seen["CharacteristicImpact"] == ("evidence", "data", "feedback", "considerations", "reason", "mitigation")
    assert seen["Decision"] == ("maker", "summary", "author", "meeting", "wards", "recommendations")
    assert seen["ImpactAction"] == ("action", "lead") and seen["Previous"] == ("title",)
    assert seen["Organisation"] == ("name", "short_name", "unit", "governance")
    assert seen["Engagement"] == ("title", "groups", "summary", "outcome")
    assert seen["PayGap"] == ("responsible_person", "narrative")
    assert seen["DisabledStaffVoice"] == ("narrative",) and seen["Publication"] == ("title",)


def _parts(models: tuple) -> list:
    """Every model reachable from `models` (records and the parts inside them)."""
    from equitykit.records.fields import is_model, plain_type

    found: dict = {}

    def visit(annotation) -> None:
        from typing import get_args

        annotation = plain_type(annotation)
        if is_model(annotation):
            if annotation in found:
                return
            found[annotation] = None
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in get_args(annotation):
            visit(arg)

    for model in models:
        visit(model)
    return list(found)


def test_shown_texts_finds_every_text_in_both_languages_with_its_key_path() -> None:
    from equitykit.records.action import Action
    from equitykit.records.bilingual import shown_texts

    action = Action.model_validate({
        "id": "ACT-001", "title": "Train panels", "title_cy": "Hyfforddi paneli", "work_stream": "Recruitment",
        "lead": ["Head of HR", "Chief Nurse"], "lead_cy": ["Pennaeth AD"], "due": "ongoing", "status": "ongoing",
        "description_cy": "Manylion", "risks": [{"mitigation": "Panels need it"}],
        "updates": [{"date": "2025-06-30", "note": "First cohort done"}]})
    texts = {text.loc: text for text in shown_texts(action)}
    assert list(texts) == [("title",), ("description",), ("work_stream",), ("lead",), ("risks", 0, "mitigation"),
                           ("updates", 0, "note")]
    assert [loc for loc, text in texts.items() if text.missing] == [
        ("work_stream",), ("risks", 0, "mitigation"), ("updates", 0, "note")]
    assert texts[("description",)].welsh_only and texts[("lead",)].uneven
    assert texts[("updates", 0, "note")].welsh_field == "note_cy"
