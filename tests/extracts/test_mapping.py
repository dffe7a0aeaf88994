"""The shipped ESR mapping, every form it reads, and a user's mapping file extending and overriding it."""

from __future__ import annotations

from pathlib import Path

import pytest

from equitykit.extracts.mapping import MappingFileError, load_mapping

MAPPING = load_mapping()


@pytest.mark.parametrize(("text", "code"), [
    ("A", "A"), ("s", "S"), ("S", "S"), ("q", None), ("Z", "Z"), ("X", "X"), ("99", "99"), ("", "99"),
    ("A White - British", "A"), ("CA White - English", "C"), ("H Asian or Asian British - Indian", "H"),
    ("99 Unspecified", "99"), ("White - Irish", "B"), ("white british", "A"), ("Chinese", "R"),
    ("Not stated", "Z"), ("Unspecified", "99"), ("  N  ", "N"),
])
def test_ethnicity_reads_codes_esr_labels_and_code_labels(text: str, code: str | None):
    if code is None:  # a letter that is no code: nothing is guessed (a code alone reads in either case, as
        # paygap compute read it before the two commands shared this reader)
        with pytest.raises(ValueError, match="not an ethnicity equitykit knows"):
            MAPPING.meaning("ethnicity", text)
    else:
        assert MAPPING.meaning("ethnicity", text) == code


@pytest.mark.parametrize(("text", "band"), [
    ("5", "5"), ("Band 5", "5"), ("AfC Band 5", "5"), ("Agenda for Change Band 9", "9"), ("Band 8a", "8a"),
    ("8C", "8c"), ("Band 8 - Range D", "8d"), ("Pay Band 1", "1"), ("VSM", "vsm"),
    ("Very Senior Manager", "vsm"), ("Consultant", "consultant"), ("Specialty Doctor", "non-consultant-career-grade"),
    ("Associate Specialist", "non-consultant-career-grade"), ("Foundation Year 2", "trainee"),
    ("Specialty Registrar", "trainee"),
])
def test_bands_in_their_usual_spellings_and_medical_grades(text: str, band: str):
    assert MAPPING.meaning("band", text) == band


@pytest.mark.parametrize("text", ["Band 5a", "Band 10", "8e", "Band"])
def test_a_band_that_is_not_an_afc_band_is_an_error(text: str):
    with pytest.raises(ValueError, match="not a pay band or grade"):
        MAPPING.meaning("band", text)


@pytest.mark.parametrize(("column", "text", "meaning"), [
    ("disability", "Yes", "disabled"), ("disability", "N", "non_disabled"), ("disability", "", "unknown"),
    ("disability", "Not Declared", "unknown"), ("disability", "Prefer Not To Answer", "unknown"),
    ("staff_group", "Nursing and Midwifery Registered", "clinical"),
    ("staff_group", "Administrative and Clerical", "non-clinical"),
    ("staff_group", "Medical and Dental", "medical-dental"),
    ("staff_group", "Add Prof Scientific and Technic", "clinical"),
    ("assignment_category", "Fixed Term Temp", "substantive"), ("assignment_category", "Bank", "bank"),
    ("sex", "F", "female"), ("sex", "Male", "male"),
    ("religion_belief", "Atheism", "no-religion"),
    ("religion_belief", "I do not wish to disclose my religion/belief", "not-stated"),
    ("sexual_orientation", "Gay or Lesbian", "gay-lesbian"), ("sexual_orientation", "", "not-stated"),
    ("process", "Formal Disciplinary", "disciplinary"), ("grounds", "Ill Health", "ill-health"),
])
def test_the_default_mapping_reads_esr_values(column: str, text: str, meaning: str):
    assert MAPPING.meaning(column, text) == meaning


def test_an_unknown_value_names_itself_the_nearest_known_values_and_the_fix():
    with pytest.raises(ValueError) as raised:
        MAPPING.meaning("staff_group", "Nursing and Midwifery Regist")
    message = str(raised.value)
    assert "'Nursing and Midwifery Regist' is not a staff group equitykit knows" in message
    assert "nearest known values: 'nursing and midwifery registered'" in message
    assert "--mapping" in message and "staff_group:" in message and "Nothing is guessed" in message


def test_a_mapping_file_extends_and_overrides_the_default(tmp_path: Path):
    path = tmp_path / "map.yaml"
    path.write_text("staff_group:\n  Nursing: clinical\n  Students: non-clinical\n"
                    "band:\n  Band 10: other\n  Apprentice: '2'\nethnicity:\n  White English: A\n"
                    "disability:\n  Declined: unknown\n")
    mapping = load_mapping(path)
    assert mapping.meaning("staff_group", "nursing") == "clinical"
    assert mapping.meaning("staff_group", "Students") == "non-clinical"  # the default says clinical
    assert mapping.meaning("band", "Band 10") == "other"
    assert mapping.meaning("band", "apprentice") == "2"
    assert mapping.meaning("ethnicity", "White English") == "A"
    assert mapping.meaning("disability", "declined") == "unknown"
    assert mapping.meaning("staff_group", "Estates and Ancillary") == "non-clinical"  # defaults still there


@pytest.mark.parametrize(("text", "where", "what"), [
    ("staff_groups:\n  Nursing: clinical\n", "1:1", "no column called 'staff_groups'"),
    ("band:\n  Band 10: eleven\n", "2:12", "'eleven' is not something band can mean"),
    ("band: 5\n", "1:7", "under 'band' write one 'value: meaning' per line"),
    ("band:\n  x: [1\n", "", "map.yaml:"),
])
def test_a_bad_mapping_file_is_named_by_line_and_column(tmp_path: Path, text: str, where: str, what: str):
    path = tmp_path / "map.yaml"
    path.write_text(text)
    with pytest.raises(MappingFileError) as raised:
        load_mapping(path)
    assert f"{path}:{where}" in str(raised.value)
    assert what in str(raised.value)


def test_a_value_that_is_part_of_known_values_suggests_them():
    with pytest.raises(ValueError, match="nearest known values: 'nursing and midwifery registered'"):
        MAPPING.meaning("staff_group", "Nursing")


def test_the_shipped_entries_are_read_from_json_equal_to_the_yaml():
    """`esr-mapping.json` holds what `esr-mapping.yaml` gives, so that the mapping loads without a YAML parser.
    After changing the YAML, write it again (README, Development)."""
    from importlib.resources import files

    from equitykit.extracts.mapping import SHIPPED_ENTRIES, shipped_entries_json

    assert files("equitykit.extracts").joinpath(SHIPPED_ENTRIES).read_text(encoding="utf-8") == shipped_entries_json()
