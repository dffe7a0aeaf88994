"""The fast reading of the extracts (distinct cells counted, by polars or the csv module, each distinct
cell read once) against the straightforward one (every row read, one value each): the same counts, the
same output byte for byte, and the same errors, on the fixtures and on random files, good or bad."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import odd_csv
from equitykit.cli import app
from equitykit.extracts import csvfile
from equitykit.extracts import workforce as extracts
from equitykit.extracts.csvfile import StaffFileError
from equitykit.extracts.mapping import load_mapping
from equitykit.metrics import workforce_counts as count

from .extract_files import write_extracts

SNAPSHOT = dt.date(2025, 3, 31)
MAPPING = load_mapping()
EXAMPLE_EXTRACTS = Path(__file__).parents[2] / "examples" / "northfield-trust-extracts"
NAMES = ("staff", "recruitment", "casework", "training", "board")
runner = CliRunner()


@pytest.fixture(params=("polars", "csv"))
def engine(request, monkeypatch):
    """Each way of counting: polars (where it may be used), then Python's csv module alone."""
    if request.param == "csv":
        monkeypatch.setattr(csvfile, "_distinct_by_polars", lambda *args: None)
    return request.param


def _compute(monkeypatch, files: dict[str, Path], output_format: str, *, straightforward: bool, extra=()) -> str:
    """The command's output, read fast or (``straightforward``) every row one by one."""
    with monkeypatch.context() as patch:
        if straightforward:
            patch.setattr(extracts, "_counted", lambda *args: None)
        options = [item for name, path in files.items() for item in (f"--{name}", str(path))]
        result = runner.invoke(app, ["workforce", "compute", "--snapshot", SNAPSHOT.isoformat(), *options,
                                     "--format", output_format, *extra], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("output_format", ["json", "yaml", "text"])
def test_the_fixtures_give_the_same_output_byte_for_byte(tmp_path: Path, monkeypatch, engine, output_format: str):
    for files, extra in ((write_extracts(tmp_path / "small"), ()),
                         ({name: EXAMPLE_EXTRACTS / f"{name}.csv" for name in NAMES},
                          ("--columns", "sex=Gender,religion_belief=Religious Belief"))):
        fast = _compute(monkeypatch, files, output_format, straightforward=False, extra=extra)
        assert fast == _compute(monkeypatch, files, output_format, straightforward=True, extra=extra)


def test_the_fast_reading_is_the_one_used_for_a_file(tmp_path: Path, monkeypatch, engine):
    files = write_extracts(tmp_path)
    monkeypatch.setattr(extracts, "_reader", None)  # the row by row reading would fail
    assert extracts.tally_staff(files["staff"], SNAPSHOT, MAPPING).placings.total() == 10
    assert extracts.tally_recruitment(files["recruitment"], MAPPING).total() == 8


# Random files: good values in several spellings, and now and then one bad cell or an odd line.

GRADES = st.sampled_from([("clinical", "5"), ("Nursing and Midwifery Registered", "Band 5"),
                          ("Medical and Dental", "Consultant"), ("Medical and Dental", "Foundation Year 1"),
                          ("Administrative and Clerical", "VSM"), ("Estates and Ancillary", "Band 8 - Range A")])
ETHNICITIES = st.sampled_from(["A", "B White - Irish", "H", "R Chinese", "Z", "99", "", "Chinese"])
DISABILITIES = st.sampled_from(["Yes", "No", "Not Declared", ""])
FLAGS = st.sampled_from(["yes", "No", "Y", "0"])
GOOD = {
    "ethnicity": ETHNICITIES, "disability": DISABILITIES,
    "sex": st.sampled_from(["F", "Male", "female", " m "]),
    "age": st.sampled_from(["30", "19", "70", "44"]),
    "date_of_birth": st.sampled_from(["1990-03-31", "01/04/1990", "1960-01-01", "2/2/2002"]),
    "religion_belief": st.sampled_from(["Christianity", "Islam", "", "Atheism"]),
    "sexual_orientation": st.sampled_from(["Heterosexual or Straight", "Bisexual", "", "Gay or Lesbian"]),
    "assignment_category": st.sampled_from(["Bank", "Permanent", "Fixed Term Temp"]),
    "shortlisted": FLAGS, "appointed": st.sampled_from(["no", "N"]), "voting": FLAGS, "executive": FLAGS,
    "process": st.sampled_from(["Disciplinary", "Capability"]), "grounds": st.sampled_from(["Performance",
                                                                                             "Ill Health"]),
    "team": st.sampled_from(["Wards", "HR", ""]),
}
BAD = st.sampled_from(["Whyte", "Band 11", "maybe", "thirty", "15", "31/02/1990", "Consultant", "Grievance", "",
                       "Medical and Dental", "yes"])
ODDITIES = st.sampled_from(odd_csv.ODDITIES)
OPTIONAL = {"staff": ("age", "date_of_birth", "religion_belief", "sexual_orientation", "assignment_category"),
            "casework": ("grounds",)}
REQUIRED = {"staff": ("staff_group", "band", "ethnicity", "disability", "sex"),
            "recruitment": extracts.RECRUITMENT_COLUMNS, "casework": ("ethnicity", "disability", "process"),
            "training": extracts.TRAINING_COLUMNS, "board": extracts.BOARD_COLUMNS}


@st.composite
def extract_files(draw, kind: str) -> str:
    """The text of an extract of `kind`: its columns (some optional ones, a column not read) in any order,
    rows of good values, and perhaps a bad cell, odd lines, quotes and CRLF line ends."""
    optional = OPTIONAL.get(kind, ())
    columns = [*REQUIRED[kind], *(name for name in optional if draw(st.booleans())), "team"]
    columns = draw(st.permutations(columns))
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        staff_group, band = draw(GRADES)
        row = {name: draw(GOOD[name]) for name in columns if name in GOOD}
        row.update({name: value for name, value in (("staff_group", staff_group), ("band", band)) if name in columns})
        if row.get("process") == "Disciplinary" and "grounds" in row:
            row["grounds"] = ""
        rows.append([row[name] for name in columns])
    if rows and draw(st.booleans()):
        rows[draw(st.integers(0, len(rows) - 1))][draw(st.integers(0, len(columns) - 1))] = draw(BAD)
    crlf, plain = draw(st.booleans()), draw(st.booleans())  # a plain file is one polars may count
    quoted = not plain and draw(st.booleans())
    oddities = [] if plain else draw(st.lists(ODDITIES, max_size=3))
    if rows and not plain and draw(st.booleans()):
        rows[-1][columns.index("team")] = "a,b"

    header = ",".join(name.replace("_", " ").title() for name in columns)
    return odd_csv.csv_text(header, rows, oddities, crlf=crlf, quoted=quoted, short=2)


READINGS = {
    "staff": (lambda path: extracts.read_staff(path, SNAPSHOT, MAPPING), count.staff_values,
              lambda path: extracts.tally_staff(path, SNAPSHOT, MAPPING)),
    "recruitment": (lambda path: extracts.read_recruitment(path, MAPPING), count.recruitment_values,
                    lambda path: extracts.tally_recruitment(path, MAPPING)),
    "casework": (lambda path: extracts.read_casework(path, MAPPING), count.casework_values,
                 lambda path: extracts.tally_casework(path, MAPPING)),
    "training": (lambda path: extracts.read_training(path, MAPPING), count.training_values,
                 lambda path: extracts.tally_training(path, MAPPING)),
    "board": (lambda path: extracts.read_board(path, MAPPING), count.board_values,
              lambda path: extracts.tally_board(path, MAPPING)),
}


def _outcome(values) -> str:
    """The counts as the command prints them in JSON (order included), or the error as it would say it."""
    try:
        return json.dumps(values(), indent=2)
    except StaffFileError as error:
        return f"{type(error).__name__}: {error}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
@pytest.mark.parametrize("kind", NAMES)
def test_fast_counts_equal_the_straightforward_reading(tmp_path_factory, engine, kind: str, data):
    path = tmp_path_factory.mktemp(kind) / f"{kind}.csv"
    path.write_text(data.draw(extract_files(kind)), encoding="utf-8", newline="")
    read, values_of, tally = READINGS[kind]
    assert _outcome(lambda: values_of(tally(path))) == _outcome(lambda: values_of(read(path)))


def test_a_capability_entry_without_a_grounds_column_names_the_column(tmp_path: Path, engine):
    path = tmp_path / "casework.csv"
    path.write_text("ethnicity,disability,process\nA,No,Disciplinary\nA,No,Capability\n", encoding="utf-8")
    for reading in (lambda: list(extracts.read_casework(path, MAPPING)),
                    lambda: extracts.tally_casework(path, MAPPING)):
        with pytest.raises(StaffFileError, match="The file has no 'grounds' column. Capability entries need") as raised:
            reading()
        assert (raised.value.row, raised.value.column) == (1, "grounds")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(ETHNICITIES | st.sampled_from(['""', '""', '"A"', '""""', '"" ', '"', 'A"']), max_size=12),
       oddities=st.lists(ODDITIES, max_size=3), crlf=st.booleans(), last_line_ended=st.booleans(),
       last_line=st.sampled_from(["", ",", "A,", ",A", "A,,", "   ", '""', '"']))
def test_a_file_of_one_column_counts_as_read_row_by_row(tmp_path_factory, engine, cells, oddities, crlf,
                                                         last_line_ended, last_line):
    """Blank lines, lines of spaces, trailing commas, an unended last line, and quotes: empty cells in quotes
    (as Python's csv module writes them) among others."""
    text = odd_csv.csv_text("Ethnicity", [[cell] for cell in cells], oddities, crlf=crlf, quoted=False, short=1)
    text += last_line + ("\n" if last_line_ended else "")
    path = tmp_path_factory.mktemp("training") / "training.csv"
    path.write_text(text, encoding="utf-8", newline="")
    read, values_of, tally = READINGS["training"]
    assert _outcome(lambda: values_of(tally(path))) == _outcome(lambda: values_of(read(path)))


def test_polars_counts_a_file_of_one_column_unless_it_has_a_blank_line_or_a_quoted_value(tmp_path: Path) -> None:
    path = tmp_path / "training.csv"
    for text, counts in (("A\nH\nA\n", {("A",): 2, ("H",): 1}), ('A\n""\nA\r\n""', {("A",): 2, ("",): 2})):
        path.write_text("Ethnicity\n" + text, newline="")
        frames = csvfile._distinct_by_polars(path, 1, 1, [[0]], None)
        assert frames is not None and csvfile.counts_of(frames[0].get_columns()) == counts
    for text in ("A\n\nH\n", "A\nH\n\n", "\nA\n", "A\r\n\r\nH\r\n", "A\n,", '"A"\n""\n', '""\n""""\n', '"" \n'):
        path.write_text("Ethnicity\n" + text, newline="")
        assert csvfile._distinct_by_polars(path, 1, 1, [[0]], None) is None, repr(text)
