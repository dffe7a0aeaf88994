"""`equitykit new`: the next free id, every field explained, and a record that validates."""

from __future__ import annotations

from pathlib import Path
from typing import get_args, get_origin

import pytest
from typer.testing import CliRunner

from equitykit.authoring.fmt import format_text
from equitykit.authoring.ids import next_numbered_id
from equitykit.authoring.new import TEMPLATES
from equitykit.checks.validate import validate
from equitykit.cli import app
from equitykit.records.bilingual import is_welsh_sibling
from equitykit.records.common import PROTECTED_CHARACTERISTICS
from equitykit.records.kinds import KINDS_BY_NAME
from equitykit.records.loader import load_document

runner = CliRunner()
KINDS = ["objective", "action", "eia", "eds", "workforce", "publication", "engagement", "plan", "highlight"]


def new(root: Path, *args: str):
    return runner.invoke(app, ["new", *args, str(root), "--as-of", "2025-06-01"])


def test_init_then_new_of_every_kind_validates_with_no_edit(root: Path) -> None:
    written = []
    for kind in KINDS:
        result = new(root, kind)
        assert result.exit_code == 0, result.output
        written.append(Path(result.stdout.strip()).relative_to(root).as_posix())
    assert written == ["objectives/OBJ-01.yaml", "actions/ACT-001.yaml", "eias/EIA-2025-001.yaml",
                       "eds/2025-26.yaml", "workforce/2025-03-31.yaml", "publications/PUB-001.yaml",
                       "engagement/ENG-001.yaml", "plans/PLAN-01.yaml", "highlights/HL-001.yaml"]
    result = validate(root)
    assert result.records == len(KINDS)
    assert result.errors == []
    assert {p.code for p in result.warnings} == {"EK407", "EK415", "EK418", "EK419"}
    assert runner.invoke(app, ["validate", str(root)]).exit_code == 0


def test_templates_cover_the_kinds_offered() -> None:
    assert sorted(TEMPLATES) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_is_present_with_its_description(root: Path, kind: str) -> None:
    path = Path(new(root, kind).stdout.strip())
    text = path.read_text()
    model = KINDS_BY_NAME[kind].model
    data = load_document(path, "x").data
    english = [name for name in model.model_fields if not is_welsh_sibling(model, name)]
    assert list(data) == english  # a body publishing in English only gets no Welsh siblings
    for name in english:
        assert f"# {model.model_fields[name].description}" in text, name
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
    assert format_text(text, model) == text  # already in fmt's layout


def test_a_body_publishing_in_welsh_gets_a_welsh_field_beside_each_text_written(root: Path) -> None:
    organisation = root / "equitykit.yaml"
    organisation.write_text(organisation.read_text().replace("jurisdiction: england", "jurisdiction: wales"))
    path = Path(new(root, "objective", "--title", "Close the pay gap").stdout.strip())
    data = load_document(path, "x").data
    assert list(data)[:4] == ["id", "title", "title_cy", "description"]  # none beside an empty description
    assert [key for key in data if key.endswith("_cy")] == ["title_cy", "lead_cy"]
    assert [key for key in data["measures"][0] if key.endswith("_cy")] == ["description_cy"]
    assert data["title_cy"] is None
    assert "# The Welsh text of title (Cymraeg), shown in place of it in Welsh reports." in path.read_text()
    assert format_text(path.read_text(), KINDS_BY_NAME["objective"].model) == path.read_text()


def test_an_eia_lists_every_characteristic_not_yet_assessed(root: Path) -> None:
    organisation = root / "equitykit.yaml"
    organisation.write_text(organisation.read_text().replace(
        "\ncharacteristics: []", "\ncharacteristics:\n  - slug: carers\n    name: Carers", 1))
    path = Path(new(root, "eia", "--title", "Closure of the Riverside clinic").stdout.strip())
    data = load_document(path, "x").data
    assert list(data["characteristics"]) == [*PROTECTED_CHARACTERISTICS, "carers"]
    assert {finding["impact"] for finding in data["characteristics"].values()} == {"not-assessed"}
    assert data["title"] == "Closure of the Riverside clinic"
    assert "# Carers" in path.read_text()
    assert validate(root).errors == []


def test_a_title_that_looks_like_another_type_stays_text(root: Path) -> None:
    for title in ("Yes", "1.10", "Reduce waits: phase #2", "null"):
        path = Path(new(root, "action", "--title", title).stdout.strip())
        assert load_document(path, "x").data["title"] == title
    assert validate(root).errors == []


def test_ids_continue_the_folders_pattern(root: Path) -> None:
    (root / "actions").mkdir()
    for stem in ("ACT-0007", "ACT-0012", "notes"):
        (root / "actions" / f"{stem}.yaml").write_text("id: x\n")
    assert Path(new(root, "action").stdout.strip()).name == "ACT-0013.yaml"


def test_new_over_an_existing_record_is_a_usage_error_and_overwrites_nothing(root: Path) -> None:
    assert new(root, "objective", "--id", "OBJ-07").exit_code == 0
    before = (root / "objectives" / "OBJ-07.yaml").read_text()
    result = new(root, "objective", "--id", "OBJ-07", "--title", "Another")
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert (root / "objectives" / "OBJ-07.yaml").read_text() == before
    assert Path(new(root, "objective").stdout.strip()).name == "OBJ-08.yaml"


def test_year_based_ids_move_to_the_next_free_year(root: Path) -> None:
    assert Path(new(root, "eds").stdout.strip()).name == "2025-26.yaml"
    assert Path(new(root, "eds").stdout.strip()).name == "2026-27.yaml"
    assert Path(new(root, "workforce").stdout.strip()).name == "2025-03-31.yaml"
    assert Path(new(root, "workforce").stdout.strip()).name == "2026-03-31.yaml"


@pytest.mark.parametrize("args, message", [
    (["eds", "--title", "x"], "no title"),
    (["action", "--id", "../escape"], "is not an id"),
    (["paygap"], ""),
])
def test_usage_errors_exit_2(root: Path, args: list[str], message: str) -> None:
    result = new(root, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (root / "actions").exists()


def test_new_outside_a_records_folder_or_with_a_bad_date_is_a_usage_error(root: Path, tmp_path: Path) -> None:
    assert new(tmp_path, "action").exit_code == 2
    result = runner.invoke(app, ["new", "action", str(root), "--as-of", "June"])
    assert result.exit_code == 2 and "not a date" in result.stderr


@pytest.mark.parametrize("existing, prefix, width, year, expected", [
    ([], "OBJ-", 2, 2025, "OBJ-01"),
    (["OBJ-01", "OBJ-02", "OBJ-09"], "OBJ-", 2, 2025, "OBJ-10"),
    (["OBJ-99"], "OBJ-", 2, 2025, "OBJ-100"),
    (["EO1", "EO2"], "OBJ-", 2, 2025, "EO3"),
    (["EIA-2025-007", "EIA-2024-031"], "EIA-{year}-", 3, 2025, "EIA-2025-008"),
    (["EIA-2024-031"], "EIA-{year}-", 3, 2025, "EIA-2025-001"),
    (["EQIA_2024_12"], "EIA-{year}-", 3, 2025, "EQIA_2025_01"),
    (["ENG-2025-01"], "ENG-", 3, 2025, "ENG-2025-02"),
    (["act-001"], "ACT-", 3, 2025, "act-002"),
    (["2025-03-20-gender-pay-gap-2024", "2025-10-16-annual-report-2024-25"], "PUB-", 3, 2025, "PUB-001"),
])
def test_next_numbered_id(existing, prefix, width, year, expected) -> None:
    assert next_numbered_id(existing, prefix, width, year) == expected


def test_new_eds_on_a_council_says_the_eds_does_not_apply_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "council"
    flags = ["--name", "Testshire Council", "--sector", "local-authority", "--jurisdiction", "england",
             "--headcount", "300", "--as-of", "2025-06-01"]
    assert CliRunner().invoke(app, ["init", str(folder), *flags]).exit_code == 0
    result = CliRunner().invoke(app, ["new", "eds", str(folder), "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert "does not apply to Testshire Council, a local authority" in result.stdout
    assert not (folder / "eds").exists()


def _examples(text: str) -> dict[str, str]:
    """Each commented example block of a record (after a comment ending 'For example:'), uncommented."""
    blocks: dict[str, str] = {}
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.rstrip().endswith("For example:"):
            indent = len(line) - len(line.lstrip())
            block = []
            for following in lines[number + 1:]:
                if not following.startswith(" " * indent + "# ") or (block and following[indent + 2] not in " -"):
                    break
                block.append(following[indent + 2:])
            blocks[block[0].rstrip(":")] = "\n".join(block) + "\n"
    return blocks


@pytest.mark.parametrize(("kind", "parts"), [
    ("objective", {"indicator", "baseline", "target", "trajectory", "progress", "updates"}),
    ("action", {"due_history", "risks", "milestones", "updates"}),
    ("eia", {"decision", "sign_off", "previous", "actions"}),
    ("workforce", {"profile", "wres", "wdes"}),
    ("highlight", {"figure"}),
])
def test_a_part_left_empty_shows_every_key_commented_as_the_example_fills_it(root: Path, kind: str,
                                                                               parts: set[str]) -> None:
    from pydantic import TypeAdapter
    from ruamel.yaml import YAML

    from equitykit.records.fields import field_at, is_model, plain_type

    path = Path(new(root, kind).stdout.strip())
    blocks = _examples(path.read_text())
    assert parts <= set(blocks)
    model = KINDS_BY_NAME[kind].model
    for key, block in blocks.items():
        value = YAML(typ="safe").load(block)[key]
        loc = ("measures", 0, key) if key in ("indicator", "baseline", "target", "trajectory", "progress") else (key,)
        if kind == "eia" and key == "actions":  # a characteristic's row: what will be done (the record's are ids)
            loc = ("characteristics", "age", key)
        info = field_at(model, loc)
        assert info is not None
        TypeAdapter(info.annotation).validate_python(value)  # the example, uncommented, is valid
        part = plain_type(info.annotation)
        item, shown = (get_args(part)[0], value[0]) if get_origin(part) is list else (part, value)
        if is_model(item):
            # every key, optional ones too, but the Welsh siblings
            assert set(shown) == {name for name in item.model_fields if not is_welsh_sibling(item, name)}, key


@pytest.mark.parametrize("kind", KINDS)
def test_new_output_passes_fmt_check(root: Path, kind: str) -> None:
    path = Path(new(root, kind).stdout.strip())
    assert runner.invoke(app, ["fmt", "--check", str(path)]).exit_code == 0


@pytest.mark.parametrize(("record_id", "start", "end"), [
    ("2024-25", "2024-04-01", "2025-03-31"), ("2025-26", "2025-04-01", "2026-03-31"),
    ("2027-28", "2027-04-01", "2028-03-31")])
def test_new_eds_with_an_id_writes_the_dates_of_that_year(root: Path, record_id: str, start: str, end: str) -> None:
    result = new(root, "eds", "--id", record_id)
    assert result.exit_code == 0, result.output
    data = load_document(root / "eds" / f"{record_id}.yaml", "x").data
    assert (data["period_start"], data["period_end"]) == (start, end)
    assert not [p for p in validate(root).problems if p.code == "EK420"]


def _body(tmp_path: Path, sector: str, jurisdiction: str, own: str = "") -> Path:
    """A folder made by `init` for a body of `sector` in `jurisdiction`, with `own` characteristics (YAML)."""
    folder = tmp_path / f"{sector}-{jurisdiction}"
    flags = ["--name", "Testshire Body", "--sector", sector, "--jurisdiction", jurisdiction, "--headcount", "3000",
             "--established", "1996-04-01", "--as-of", "2025-06-01"]
    assert runner.invoke(app, ["init", str(folder), *flags]).exit_code == 0
    if own:
        organisation = folder / "equitykit.yaml"
        text = organisation.read_text().replace("\ncharacteristics: []", f"\ncharacteristics:\n{own}", 1)
        organisation.write_text(text)
    return folder


CARE_EXPERIENCE = "  - slug: care-experience\n    name: Care experience\n"
NHS_WORDS = ("EDS", "WRES", "WDES", "hia:", "NHS", "eds_outcomes", "indicator:", "bank:")
NON_NHS_KINDS = [kind for kind in KINDS if kind != "eds"]


@pytest.mark.parametrize(("sector", "jurisdiction"), [("local-authority", "england"),
                                                      ("local-authority", "scotland"),
                                                      ("nhs-trust", "scotland"), ("other-public", "wales")])
def test_a_body_the_nhs_standards_do_not_apply_to_is_offered_no_nhs_field(tmp_path: Path, sector: str,
                                                                         jurisdiction: str) -> None:
    """A council, or any body in Wales or Scotland (an NHS board there too): no EDS outcomes, no WRES indicator or
    WDES metric to track, no WRES or WDES inputs, and no NHS example in the comments; every record still
    validates with no error and is in fmt's layout."""
    root = _body(tmp_path, sector, jurisdiction)
    for kind in NON_NHS_KINDS:
        result = new(root, kind)
        assert result.exit_code == 0, result.output
        text = Path(result.stdout.strip()).read_text()
        assert [word for word in NHS_WORDS if word in text] == [], kind
        assert format_text(text, KINDS_BY_NAME[kind].model) == text
    assert validate(root).errors == []
    workforce = load_document(root / "workforce" / "2025-03-31.yaml", "x").data
    assert list(workforce) == ["id", "snapshot", "period_start", "headcount", "profile"]


def test_an_nhs_trust_in_england_is_still_offered_every_nhs_field(root: Path) -> None:
    objective = load_document(Path(new(root, "objective").stdout.strip()), "x").data
    assert "eds_outcomes" in objective and "indicator" in objective["measures"][0]
    assert "eds_outcomes" in load_document(Path(new(root, "action").stdout.strip()), "x").data
    workforce = load_document(Path(new(root, "workforce").stdout.strip()), "x").data
    assert {"bank", "wres", "wdes", "published"} <= set(workforce)
    text = (root / "objectives" / "OBJ-01.yaml").read_text()
    assert "# EDS outcome codes it supports." in text and "e.g. BME staff in bands 8a and above" in text


def test_a_body_in_scotland_writes_equality_outcomes(tmp_path: Path) -> None:
    """The record kind and folder stay objectives/; the file's words are Scotland's (SSI 2012/162 reg 4)."""
    root = _body(tmp_path, "local-authority", "scotland")
    readme = (root / "README.md").read_text()  # init's guide to the folder
    assert "| `objectives/` | one equality outcome per file" in readme and "`eds/`" not in readme
    path = Path(new(root, "objective", "--title", "Care leavers reach a positive destination").stdout.strip())
    assert path.relative_to(root).as_posix() == "objectives/OBJ-01.yaml"
    text = path.read_text()
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schemas/objective.schema.json"
    assert lines[1].startswith("# Equality outcome: replace every 'To be written'")
    assert "# The outcome in one sentence." in text and "# When the outcome starts" in text
    assert "objective" not in "\n".join(lines[1:]).lower()
    assert format_text(text, KINDS_BY_NAME["objective"].model) == text
    action = Path(new(root, "action").stdout.strip()).read_text()
    assert "# Ids of the outcomes it serves." in action and "\nobjectives: []" in action  # the key stays
    publication = Path(new(root, "publication").stdout.strip()).read_text()
    assert ("One of: mainstreaming-report, equality-outcomes, equality-outcomes-progress, scottish-pay-gap, "
            "equal-pay-statement, modern-slavery, accessible-information, other.") in publication
    assert validate(root).errors == []


@pytest.mark.parametrize(("jurisdiction", "header"), [("england", "# Equality objective: "),
                                                      ("wales", "# Equality objective: ")])
def test_bodies_in_england_and_wales_write_equality_objectives(tmp_path: Path, jurisdiction: str,
                                                               header: str) -> None:
    root = _body(tmp_path, "local-authority", jurisdiction)
    text = Path(new(root, "objective").stdout.strip()).read_text()
    assert text.splitlines()[1].startswith(header) and "# The objective in one sentence." in text
    publication = Path(new(root, "publication").stdout.strip()).read_text()
    assert "mainstreaming-report" not in publication and "wres" not in publication


def test_the_bodys_own_characteristics_are_offered_beside_the_nine(tmp_path: Path) -> None:
    """Characteristics declared in equitykit.yaml are listed (objective, EIA) or named (action, engagement) in
    `new`, and validation accepts them where characteristics are named."""
    root = _body(tmp_path, "local-authority", "scotland", CARE_EXPERIENCE)
    objective = Path(new(root, "objective").stdout.strip())
    data = load_document(objective, "x").data
    assert data["characteristics"] == [*PROTECTED_CHARACTERISTICS, "care-experience"]
    assert "The body's own, after the nine: care-experience (Care experience)." in objective.read_text()
    for kind in ("action", "engagement", "highlight"):
        text = Path(new(root, kind).stdout.strip()).read_text()
        assert "sexual-orientation; and the body's own: care-experience (Care experience)." in text, kind
        path = next((root / KINDS_BY_NAME[kind].folder).glob("*.yaml"))
        path.write_text(text.replace("\ncharacteristics: []", "\ncharacteristics:\n  - care-experience\n  - race"))
    eia = load_document(Path(new(root, "eia").stdout.strip()), "x").data
    assert list(eia["characteristics"])[-1] == "care-experience"
    assert validate(root).errors == []
    action = next((root / "actions").glob("*.yaml"))
    action.write_text(action.read_text().replace("  - care-experience\n", "  - care-experienced\n"))
    [problem] = [p for p in validate(root).errors if p.file.startswith("actions/")]
    assert "`care-experienced` is not a protected characteristic" in problem.message
    assert "care-experience" in problem.message  # did you mean
