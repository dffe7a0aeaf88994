"""`new`, `fmt`, `diff` and the JSON Schema for each field of a highlight (issue 22.5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from equitykit.authoring.diff import compare, snapshot
from equitykit.authoring.fmt import format_text
from equitykit.checks.validate import validate
from equitykit.cli import app
from equitykit.records.highlight import Highlight
from equitykit.records.kinds import KINDS_BY_NAME
from equitykit.records.loader import load_document, parse_document
from equitykit.schemas import json_schema

FILE = "highlights/HL-001.yaml"
BASE = "id: HL-001\ntext: 42 community projects funded\n"
FIELDS = {  # field: (YAML before, YAML after, the change in words, a value of the field the schema refuses)
    "text": ("", "", "HL-001: Text: 42 community projects funded → 43 community projects funded", "text: ''\n"),
    "text_cy": ("text_cy: 42 o brosiectau\n", "text_cy: 43 o brosiectau\n",
                "HL-001: Welsh text changed for text (text_cy)", "text_cy: 42\n"),
    "period": ("period: 2024-10\n", "period: 2024-11\n", "HL-001: Period: 2024-10 → 2024-11", "period: 2024-13\n"),
    "period start and end": ("period: 2024-10\n", "period: {start: 2024-04, end: 2025-03}\n",
                             "HL-001: Period: 2024-10 → Start 2024-04; End 2025-03",
                             "period: {start: 2024-04}\n"),
    "figure value": ("figure: {value: 42, unit: projects}\n", "figure: {value: 43, unit: projects}\n",
                     "HL-001: Figure › Value: 42 → 43", "figure: {value: '42', unit: projects}\n"),
    "figure unit": ("figure: {value: 42, unit: projects}\n", "figure: {value: 42, unit: groups}\n",
                    "HL-001: Figure › Unit: projects → groups", "figure: {value: 42}\n"),
    "figure unit_cy": ("figure: {value: 42, unit: projects, unit_cy: prosiect}\n",
                       "figure: {value: 42, unit: projects, unit_cy: grŵp}\n",
                       "HL-001: Welsh text changed for figure.unit (figure.unit_cy)",
                       "figure: {value: 42, unit: projects, unit_cy: ''}\n"),
    "figure earlier": ("figure: {value: 42, unit: projects}\n", "figure: {value: 42, unit: projects, earlier: 30}\n",
                       "HL-001: Figure › Earlier: not set → 30", "figure: {value: 42, unit: projects, earlier: x}\n"),
    "characteristics": ("characteristics: [race]\n", "characteristics: [race, disability]\n",
                        "HL-001: Characteristics: added disability", "characteristics: [Race]\n"),
    "objectives": ("objectives: [OBJ-01]\n", "objectives: [OBJ-02]\n",
                   "HL-001: Objectives: added OBJ-02; removed OBJ-01", "objectives: OBJ-01\n"),
    "actions": ("actions: []\n", "actions: [ACT-001]\n", "HL-001: Actions: added ACT-001", "actions: {ACT-001: 1}\n"),
}


def changes(before: str, after: str) -> list[str]:
    return [change.summary for change in compare(snapshot({FILE: before.encode()}), snapshot({FILE: after.encode()}))]


@pytest.mark.parametrize("field", FIELDS)
def test_diff_names_each_field_changed_in_words(field: str) -> None:
    before, after, words, _ = FIELDS[field]
    if field == "text":
        after_text = BASE.replace("42", "43")
        assert changes(BASE, after_text) == [words]
    else:
        assert changes(BASE + before, BASE + after) == [words]


def test_diff_names_a_highlight_added_by_its_text() -> None:
    added = compare(snapshot({}), snapshot({FILE: BASE.encode()}))
    assert [change.summary for change in added] == ["Highlight of the year HL-001 added: 42 community projects funded"]


@pytest.mark.parametrize("field", FIELDS)
def test_the_schema_accepts_each_field_and_refuses_a_wrong_value_as_validate_does(field: str) -> None:
    _, after, _, wrong = FIELDS[field]
    validator = jsonschema.Draft202012Validator(json_schema(KINDS_BY_NAME["highlight"]),
                                                format_checker=jsonschema.FormatChecker())
    good = parse_document(BASE + after, FILE).data
    assert validator.is_valid(good)
    Highlight.model_validate(good)
    bad = parse_document(BASE.replace("text: 42 community projects funded\n", "") + (
        "" if wrong.startswith("text:") else "text: T\n") + wrong, FILE).data
    assert not validator.is_valid(bad)
    with pytest.raises(ValueError):
        Highlight.model_validate(bad)


def test_the_schema_describes_every_field() -> None:
    schema = json_schema(KINDS_BY_NAME["highlight"])
    assert set(schema["properties"]) == set(Highlight.model_fields)
    assert all(schema["properties"][name].get("description") for name in Highlight.model_fields)
    figure = schema["$defs"]["HighlightFigure"]["properties"]
    assert {"value", "unit", "unit_cy", "earlier"} <= set(figure)


@pytest.mark.parametrize("field", FIELDS)
def test_fmt_keeps_each_field_and_puts_it_in_the_schemas_order(field: str) -> None:
    _, after, _, _ = FIELDS[field]
    scrambled = after + "text: 42 community projects funded\nid: HL-001\n"
    formatted = format_text(scrambled, Highlight)
    assert formatted.startswith("id: HL-001\ntext: 42 community projects funded\n")
    assert parse_document(formatted, FILE).data == parse_document(scrambled, FILE).data
    assert format_text(formatted, Highlight) == formatted


def test_fmt_orders_a_figure_and_a_period_by_their_own_fields() -> None:
    text = BASE + "figure:\n  earlier: 120\n  unit: members\n  value: 310\nperiod:\n  end: 2025-03\n  start: 2024-04\n"
    formatted = format_text(text, Highlight)
    assert formatted == BASE + ("period:\n  start: 2024-04\n  end: 2025-03\n"
                                "figure:\n  value: 310\n  unit: members\n  earlier: 120\n")


def test_new_writes_each_field_explained_and_validates(root: Path) -> None:
    result = CliRunner().invoke(app, ["new", "highlight", str(root), "--as-of", "2025-06-01",
                                      "--title", "42 community projects funded"])
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    assert path == root / "highlights" / "HL-001.yaml"
    text = path.read_text()
    data = load_document(path, "x").data
    assert data["text"] == "42 community projects funded"
    assert data["period"] == {"start": "2025-04-01", "end": "2026-03-31"}  # the reporting year holding today
    # No placeholder figure (a 0 nobody published, flagged twice): an example in comments, the key left empty.
    assert data["figure"] is None
    assert "# figure:\n#   value: 42\n#   unit: community projects\n#   earlier: 120\nfigure:\n" in text
    assert data["characteristics"] == data["objectives"] == data["actions"] == []
    for description in ("The highlight as published", "When it happened", "Its headline figure",
                        "Characteristics it concerns", "Ids of the objectives", "Ids of the actions"):
        assert f"# {description}" in text
    # the figure's keys are explained in its note, above the commented example
    assert "unit: as the text gives it (£ for a sum of money" in text
    assert "earlier: for 'rose from 120 to 310'" in text
    assert format_text(text, Highlight) == text
    result = validate(root, as_of=dt.date(2025, 6, 1))
    assert result.errors == []
    assert result.warnings == []  # nothing flagged about a figure the user has not written


def test_a_figure_written_over_the_example_validates(root: Path) -> None:
    path = Path(CliRunner().invoke(app, ["new", "highlight", str(root), "--as-of", "2025-06-01",
                                         "--title", "42 community projects funded"]).stdout.strip())
    path.write_text(path.read_text().replace("\nfigure:\n", "\nfigure:\n  value: 42\n  unit: community projects\n"))
    result = validate(root, as_of=dt.date(2025, 6, 1))
    assert (result.errors, result.warnings) == ([], [])
    assert load_document(path, "x").data["figure"] == {"value": 42, "unit": "community projects"}


def test_new_for_a_body_publishing_in_welsh_writes_the_welsh_beside_the_text(root: Path) -> None:
    organisation = root / "equitykit.yaml"
    organisation.write_text(organisation.read_text().replace("jurisdiction: england", "jurisdiction: wales"))
    path = Path(CliRunner().invoke(app, ["new", "highlight", str(root), "--as-of", "2025-06-01"]).stdout.strip())
    data = load_document(path, "x").data
    assert list(data)[:3] == ["id", "text", "text_cy"]
    assert data["figure"] is None  # its example is in comments, as for an English-only body


def test_new_continues_the_numbering(root: Path) -> None:
    (root / "highlights").mkdir()
    (root / "highlights" / "HL-007.yaml").write_text("id: HL-007\ntext: T\n")
    result = CliRunner().invoke(app, ["new", "highlight", str(root), "--as-of", "2025-06-01"])
    assert result.stdout.strip().endswith("highlights/HL-008.yaml")
