"""The committed JSON Schemas are current, and accept exactly the shapes that validate accepts."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from equitykit.checks.validate import validate
from equitykit.cli import app
from equitykit.records.kinds import ALL_KINDS, kind_of_path
from equitykit.records.loader import parse_document
from equitykit.schemas import json_schema, schema_text

REPO = Path(__file__).parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "valid"


@pytest.mark.parametrize("kind", ALL_KINDS, ids=[k.name for k in ALL_KINDS])
def test_committed_schema_is_up_to_date(kind) -> None:
    committed = REPO / "schemas" / f"{kind.name}.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(kind), (
        "schemas/ is out of date: run `equitykit schema export schemas`")


def test_export_writes_every_kind(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "export", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k.name}.schema.json" for k in ALL_KINDS)


def _schema_ok(kind, data) -> bool:
    validator = jsonschema.Draft202012Validator(json_schema(kind), format_checker=jsonschema.FormatChecker())
    return validator.is_valid(data)


SHAPE_CASES = [
    ("actions/ACT-001.yaml", "due: 2025-09-30", "due: 2025-02-30"),
    ("actions/ACT-001.yaml", "due: 2025-09-30", "due: 20250930"),
    ("actions/ACT-001.yaml", "status: complete", "status: done"),
    ("actions/ACT-001.yaml", "lead:", "laed:"),
    ("actions/ACT-001.yaml", "objectives: [OBJ-01]", "objectives: OBJ-01"),
    ("objectives/OBJ-01.yaml", "value: 95.0", "value: '95'"),
    ("objectives/OBJ-01.yaml", "characteristics: [disability]", "characteristics: [Disability]"),
    ("objectives/OBJ-01.yaml", "characteristics: [disability]", "characteristics: []"),
    ("workforce/2025-03-31.yaml", "headcount: 1200", "headcount: -1"),
    ("workforce/2025-03-31.yaml", "headcount: 1200", "headcount: yes"),
    ("eds/2024-25.yaml", "1A: {score: 1", "1A: {score: 4"),
    ("eds/2024-25.yaml", "framework: eds2022", "framework: eds3"),
    ("paygap/2024-03-31.yaml", "MaleBonusPercent: 94.5", "MaleBonusPercent: 101"),
    ("paygap/2024-03-31.yaml", "DiffMeanBonusPercent: 9.7", "DiffMeanBonusPercent: null"),
    ("equitykit.yaml", "sector: nhs-trust", "sector: charity"),
    ("equitykit.yaml", "employees: 1200", "employees: 1200.5"),
    ("eias/EIA-2025-001.yaml", "affected: [patients, staff]", "affected: []"),
    ("publications/PUB-001.yaml", "duty: eds", "duty: EDS"),
]


@pytest.mark.parametrize("file, old, new", [(c[0], "", "") for c in {c[0]: c for c in SHAPE_CASES}.values()]
                         + SHAPE_CASES)
def test_json_schema_agrees_with_validate(file: str, old: str, new: str) -> None:
    text = (FIXTURE / file).read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    document = parse_document(text, file)
    kind = kind_of_path(file)
    from equitykit.records.repository import validate_document

    shape_problems: list = []
    validate_document(document, kind.model, shape_problems)
    assert _schema_ok(kind, document.data) == (not shape_problems), shape_problems


def test_fixture_validates(valid_root: Path) -> None:
    assert validate(valid_root).problems == []


@pytest.mark.parametrize(("due", "valid"), [
    ("ongoing", True), ("2025-10-01", True), ("2025-10", True), ("2025", True), (2025, True),
    ({"start": "2025-04", "end": "2025-05"}, True), ("soon", False), ("Sept 2025", False),
])
def test_a_due_date_of_every_form_is_one_branch_even_without_format_checks(due: object, valid: bool) -> None:
    """JSON Schema 2020-12 leaves `format` an annotation: a validator or editor that does not check it must still
    tell a day from `ongoing` (a day's branch has a pattern too), or `due: ongoing` would match two branches."""
    import json

    schema = json.loads((REPO / "schemas" / "action.schema.json").read_text(encoding="utf-8"))
    action = {"id": "ACT-001", "title": "Review the policy", "work_stream": "Workforce", "lead": "Head of HR",
              "due": due}
    assert jsonschema.Draft202012Validator(schema).is_valid(action) is valid
