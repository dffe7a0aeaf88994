"""Reading the five extracts and counting them: hand-checked counts, bank staff, unknown values,
and bad files named by line and column."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from equitykit.extracts.csvfile import RowError, StaffFileError
from equitykit.extracts.mapping import load_mapping
from equitykit.extracts.workforce import read_board, read_casework, read_recruitment, read_staff, read_training
from equitykit.metrics.workforce_counts import (
    board_values,
    casework_values,
    combined,
    recruitment_values,
    staff_values,
    training_values,
)

from .extract_files import BOARD, CASEWORK, RECRUITMENT, STAFF, TRAINING

SNAPSHOT = dt.date(2025, 3, 31)
MAPPING = load_mapping()


def _staff(text: str, columns: dict[str, str] | None = None) -> dict:
    return staff_values(read_staff(io.StringIO(text), SNAPSHOT, MAPPING, columns))


def test_staff_counts_bands_without_bank_staff_and_profiles_everyone():
    values = _staff(STAFF)
    assert (values["headcount"], values["bank"]) == (10, 2)
    assert values["wres"]["bands"] == [
        {"white": 2, "bme": 1, "unknown": 1, "staff_group": "clinical", "band": "5"},
        {"white": 0, "bme": 0, "unknown": 1, "staff_group": "non-clinical", "band": "8a"},
        {"white": 0, "bme": 1, "unknown": 0, "staff_group": "non-clinical", "band": "vsm"},
        {"white": 1, "bme": 0, "unknown": 0, "staff_group": "medical-dental", "band": "consultant"},
        {"white": 0, "bme": 0, "unknown": 1, "staff_group": "medical-dental", "band": "trainee"},
    ]
    assert [(row["disabled"], row["non_disabled"], row["unknown"]) for row in values["wdes"]["bands"]] == [
        (1, 2, 1), (0, 1, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1)]
    assert values["profile"] == {
        "sex": {"female": 6, "male": 4},
        "age": {"16-24": 2, "25-34": 2, "35-44": 1, "45-54": 3, "55-64": 1, "65-plus": 1},
        "race": {"white": 4, "mixed": 0, "asian": 1, "black": 2, "other": 0, "not-stated": 3},
        "disability": {"disabled": 2, "not-disabled": 6, "not-declared": 2},
    }  # no religion or sexual orientation column: those are not profiled


def test_no_one_is_bank_only_when_there_is_no_assignment_category_column():
    values = _staff("band,staff_group,ethnicity,disability,sex,age\n5,clinical,A,No,F,30\n")
    assert values["bank"] == 0 and values["wres"]["bands"][0]["white"] == 1


def test_date_of_birth_gives_the_age_at_the_snapshot_and_optional_characteristics_are_profiled():
    text = ("band,staff_group,ethnicity,disability,sex,date_of_birth,religion_belief,sexual_orientation\n"
            "5,clinical,A,No,F,1990-03-31,Islam,Bisexual\n"    # 35 on the snapshot: 35-44
            "5,clinical,A,No,F,01/04/1990,,Heterosexual\n")  # 34 until 1 April: 25-34
    values = _staff(text)
    assert values["profile"]["age"] == {"16-24": 0, "25-34": 1, "35-44": 1, "45-54": 0, "55-64": 0, "65-plus": 0}
    assert values["profile"]["religion-belief"]["islam"] == 1
    assert values["profile"]["religion-belief"]["not-stated"] == 1
    assert values["profile"]["sexual-orientation"] == {"heterosexual": 1, "gay-lesbian": 0, "bisexual": 1,
                                                       "other": 0, "not-stated": 0}


def test_columns_are_mapped_by_name_and_matched_loosely():
    text = "Pay Band,STAFF-GROUP,Ethnic Origin,Disability Status,Gender,Age\n5,clinical,A,No,F,30\n"
    values = _staff(text, {"band": "pay band", "ethnicity": "Ethnic Origin", "disability": "Disability Status",
                           "sex": "Gender"})
    assert values["headcount"] == 1


def test_recruitment_casework_training_and_board_counts():
    values = combined(
        recruitment_values(read_recruitment(io.StringIO(RECRUITMENT), MAPPING)),
        casework_values(read_casework(io.StringIO(CASEWORK), MAPPING)),
        training_values(read_training(io.StringIO(TRAINING), MAPPING)),
        board_values(read_board(io.StringIO(BOARD), MAPPING)),
    )
    wres, wdes = values["wres"], values["wdes"]
    assert wres["shortlisted"] == {"white": 4, "bme": 2, "unknown": 1}
    assert wres["appointed"] == {"white": 1, "bme": 1, "unknown": 0}
    assert wdes["shortlisted"] == {"disabled": 2, "non_disabled": 4, "unknown": 1}
    assert wdes["appointed"] == {"disabled": 1, "non_disabled": 1, "unknown": 0}
    assert wres["disciplinary"] == {"white": 1, "bme": 1, "unknown": 1}
    assert wdes["capability"] == {"disabled": 1, "non_disabled": 0, "unknown": 0}  # ill health not counted
    assert wres["training"] == {"white": 3, "bme": 1, "unknown": 1}
    assert wres["board"] == {"voting": {"white": 2, "bme": 1, "unknown": 0},
                             "executive": {"white": 1, "bme": 0, "unknown": 1}}
    assert wdes["board"] == {"voting": {"disabled": 1, "non_disabled": 2, "unknown": 0},
                             "executive": {"disabled": 0, "non_disabled": 1, "unknown": 1}}


def test_an_empty_extract_counts_zero_in_every_group():
    values = recruitment_values(read_recruitment(io.StringIO("ethnicity,disability,shortlisted,appointed\n"), MAPPING))
    assert values["wres"]["shortlisted"] == {"white": 0, "bme": 0, "unknown": 0}


def _error(reader, text: str) -> StaffFileError:
    with pytest.raises(StaffFileError) as raised:
        list(reader(io.StringIO(text)))
    return raised.value


STAFF_HEADER = "band,staff_group,ethnicity,disability,sex,age\n"


@pytest.mark.parametrize(("reader", "text", "line", "column", "words"), [
    (lambda s: read_staff(s, SNAPSHOT, MAPPING), "band,staff_group,ethnicity,sex,age\n5,clinical,A,F,30\n",
     1, "disability", "The file has no 'disability' column"),
    (lambda s: read_staff(s, SNAPSHOT, MAPPING), "band,staff_group,ethnicity,disability,sex\n",
     1, "age", "Give an age or a date_of_birth column"),
    (lambda s: read_staff(s, SNAPSHOT, MAPPING), STAFF_HEADER + "5,clinical,A,No,F,30\n5,clinical,Whyte,No,F,30\n",
     3, "ethnicity", "'Whyte' is not an ethnicity equitykit knows"),
    (lambda s: read_staff(s, SNAPSHOT, MAPPING), STAFF_HEADER + "Band 11,clinical,A,No,F,30\n",
     2, "band", "'Band 11' is not a pay band or grade"),
    (lambda s: read_staff(s, SNAPSHOT, MAPPING), STAFF_HEADER + "5,clinical,A,No,F,30,extra\n",
     2, None, "This line has 7 values but the header has 6 columns"),
    (lambda s: read_staff(s, SNAPSHOT, MAPPING), STAFF_HEADER + "5,Medical and Dental,A,No,F,30\n",
     2, "band", "not a medical grade"),
    (lambda s: read_staff(s, SNAPSHOT, MAPPING), STAFF_HEADER + "Consultant,clinical,A,No,F,30\n",
     2, "band", "is a medical grade"),
    (lambda s: read_staff(s, SNAPSHOT, MAPPING), STAFF_HEADER + "5,clinical,A,No,F,thirty\n",
     2, "age", "'thirty' is not an age"),
    (lambda s: read_recruitment(s, MAPPING), "ethnicity,disability,shortlisted,appointed\nA,No,maybe,no\n",
     2, "shortlisted", "'maybe' is not true or false"),
    (lambda s: read_recruitment(s, MAPPING), "ethnicity,disability,shortlisted,appointed\nA,No,no,yes\n",
     2, "appointed", "appointed but not shortlisted"),
    (lambda s: read_casework(s, MAPPING), "ethnicity,disability,process,grounds\nA,No,Capability,\n",
     2, "grounds", "needs its grounds"),
    (lambda s: read_casework(s, MAPPING), "ethnicity,disability,process,grounds\nA,No,Grievance,\n",
     2, "process", "'Grievance' is not a process"),
    (lambda s: read_board(s, MAPPING), "voting,executive,ethnicity,disability\nyes,,A,No\n",
     2, "executive", "A blank cell is not true or false"),
    (lambda s: read_training(s, MAPPING), "Ethnicity;Band\nA;5\n", 1, None, "separated by semicolons"),
])
def test_bad_files_are_named_by_line_and_column(reader, text: str, line: int, column: str | None, words: str):
    error = _error(reader, text)
    assert (error.row, error.column) == (line, column)
    assert words in error.message
    assert isinstance(error, RowError) == (line > 1)


def test_an_error_quotes_only_the_cell_at_fault():
    row = "5,clinical,Whyte,No,Female,58\n"
    error = _error(lambda s: read_staff(s, SNAPSHOT, MAPPING), STAFF_HEADER + row)
    assert "Whyte" in str(error)
    assert not any(cell in str(error) for cell in ("Female", "58", "clinical"))


def test_a_file_that_is_not_utf8_is_named_by_line(tmp_path: Path):
    path = tmp_path / "training.csv"
    path.write_bytes(b"ethnicity\nA\n\xe9\n")
    with pytest.raises(StaffFileError, match="Byte 0xe9 is not UTF-8") as raised:
        list(read_training(path, MAPPING))
    assert raised.value.row == 3
