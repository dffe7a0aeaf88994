"""`equitykit workforce compute`: round trip to `wres`/`wdes`, --write keeping comments, output formats,
privacy warnings, exit codes, and the bundled trust's extracts reproducing its snapshot exactly."""

from __future__ import annotations

import json
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.checks.validate import validate
from equitykit.cli import app
from equitykit.records.loader import load_document

from .extract_files import write_extracts

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"
SNAPSHOT = "2025-03-31"


def _compute(extracts: dict[str, Path], *extra: str, names: tuple[str, ...] = (
        "staff", "recruitment", "casework", "training", "board")):
    options = [item for name in names for item in (f"--{name}", str(extracts[name]))]
    return runner.invoke(app, ["workforce", "compute", "--snapshot", SNAPSHOT, *options, *extra])


@pytest.fixture
def root(valid_root: Path) -> Path:
    """The valid folder without its workforce snapshot: the snapshot is made from the extracts."""
    (valid_root / "workforce" / f"{SNAPSHOT}.yaml").unlink()
    return valid_root


@pytest.fixture
def extracts(tmp_path: Path) -> dict[str, Path]:
    return write_extracts(tmp_path / "outside")


def _value(figure: dict) -> Fraction | None:
    return None if figure["unrounded"] is None else Fraction(str(figure["unrounded"]))


def test_round_trip_the_written_snapshot_gives_the_figures_computed_from_the_rows(root: Path, extracts):
    written = _compute(extracts, "--write", str(root))
    assert written.exit_code == 0, written.output
    assert validate(root).problems == [] or all(p.severity == "warning" for p in validate(root).problems)

    wres = json.loads(runner.invoke(app, ["wres", str(root), "--format", "json"]).stdout)
    wdes = json.loads(runner.invoke(app, ["wdes", str(root), "--format", "json"]).stdout)
    # Straight from the rows of extract_files (see its docstring for the hand count).
    assert _value(wres["appointment"]["ratio"]) == Fraction(1, 4) / Fraction(1, 2)
    assert _value(wres["disciplinary"]["ratio"]) == Fraction(1, 2) / Fraction(1, 3)
    assert _value(wres["training"]["ratio"]) == Fraction(3, 3) / Fraction(1, 2)
    assert _value(wdes["appointment"]["ratio"]) == Fraction(1, 4) / Fraction(1, 2)
    assert wdes["capability"]["ratio"]["value"] is None  # no non-disabled staff entered: zero denominator
    voting = next(b for b in wres["board"] if b["membership"] == "voting")
    assert voting["difference"]["value"] == -6.7  # 1/3 of the board against 2/5 of staff of known ethnicity
    assert float(_value(voting["difference"])) == pytest.approx(float(Fraction(1, 3) * 100 - Fraction(2, 5) * 100))
    bands = {(b["staff_group"], b["band"]): b for b in wres["representation"]["bands"]}
    assert bands[("clinical", "5")]["share"]["unrounded"] == pytest.approx(100 / 3)  # 1 BME of 3 known
    assert bands[("non-clinical", "8a")]["share"]["value"] is None  # nobody of known ethnicity: no share


def test_a_new_record_has_survey_sections_to_fill_in_and_validates(root: Path, extracts):
    assert _compute(extracts, "--write", str(root)).exit_code == 0
    path = root / "workforce" / f"{SNAPSHOT}.yaml"
    text = path.read_text()
    assert "fill in the NHS Staff Survey percentages" in text
    data = load_document(path, "x").data
    assert (data["headcount"], data["bank"], data["period_start"]) == (10, 2, "2024-04-01")
    assert data["wdes"]["voice"] == {"facilitated": False, "narrative": "To be written"}
    problems = validate(root).problems
    assert [p for p in problems if p.severity == "error"] == []


def test_a_new_record_from_the_staff_file_alone_gets_the_profile_and_a_note(root: Path, extracts):
    result = _compute(extracts, "--write", str(root), "--format", "json", names=("staff",))
    assert result.exit_code == 0, result.output
    assert "give --board, --casework, --recruitment, --training" in json.loads(result.stdout)["notes"][0]
    data = load_document(root / "workforce" / f"{SNAPSHOT}.yaml", "x").data
    assert data["headcount"] == 10 and "wres" not in data and "wdes" not in data
    assert [p for p in validate(root).problems if p.severity == "error"] == []


def test_updating_keeps_comments_survey_figures_and_sections_not_computed(root: Path, extracts):
    assert _compute(extracts, "--write", str(root)).exit_code == 0
    path = root / "workforce" / f"{SNAPSHOT}.yaml"
    text = path.read_text().replace("    harassment_public: {}\n", "    harassment_public: {white: 26.1, bme: 29.4}"
                                    "  # staff survey 2024\n", 1)
    text = text.replace("headcount: 10", "# From ESR, 7 April.\nheadcount: 10")
    path.write_text(text)
    (extracts["training"]).write_text("ethnicity\nA\nH\n")

    result = _compute(extracts, "--write", str(root), names=("staff", "training"))

    assert result.exit_code == 0, result.output
    updated = path.read_text()
    assert "harassment_public: {white: 26.1, bme: 29.4}  # staff survey 2024" in updated
    assert "# From ESR, 7 April.\nheadcount: 10" in updated
    data = load_document(path, "x").data
    assert data["wres"]["training"] == {"white": 1, "bme": 1, "unknown": 0}
    assert data["wres"]["shortlisted"] == {"white": 4, "bme": 2, "unknown": 1}  # not given: left as it was


def test_a_band_no_longer_in_the_staff_file_keeps_its_row_with_zero_counts(root: Path, extracts):
    assert _compute(extracts, "--write", str(root)).exit_code == 0
    extracts["staff"].write_text("Band,Staff Group,Ethnicity,Disability,Sex,Age\n"
                                 "Band 5,Nursing and Midwifery Registered,A,Yes,F,30\n")
    assert _compute(extracts, "--write", str(root), names=("staff",)).exit_code == 0
    data = load_document(root / "workforce" / f"{SNAPSHOT}.yaml", "x").data
    rows = {(row["staff_group"], row["band"]): row for row in data["wres"]["bands"]}
    assert rows[("clinical", "5")] == {"white": 1, "bme": 0, "unknown": 0, "staff_group": "clinical", "band": "5"}
    assert rows[("non-clinical", "vsm")]["bme"] == 0


@pytest.mark.parametrize("output_format", ["yaml", "json", "text"])
def test_without_write_the_snapshot_is_printed_and_nothing_is_written(root: Path, extracts, output_format: str):
    result = _compute(extracts, "--format", output_format)
    assert result.exit_code == 0, result.output
    assert not (root / "workforce" / f"{SNAPSHOT}.yaml").exists()
    if output_format == "json":
        assert json.loads(result.stdout)["wres"]["training"] == {"white": 3, "bme": 1, "unknown": 1}
    elif output_format == "yaml":
        assert "headcount: 10\nbank: 2\n" in result.stdout
    else:
        assert "10 people, of whom 2 bank-only staff" in result.stdout
        assert "vsm" not in result.stdout  # the words are checked below, at a width that does not wrap them


def test_an_unmapped_value_is_exit_1_naming_file_line_column_and_the_fix(extracts):
    extracts["training"].write_text("ethnicity\nA\nWhite Brit\n")
    result = _compute(extracts, names=("staff", "training"))
    assert result.exit_code == 1
    assert "training.csv (--training): Line 3, column ethnicity: 'White Brit' is not an ethnicity" in result.stderr
    assert "'white british'" in result.stderr and "A (White - British)" in result.stderr


def test_a_missing_column_is_exit_2(extracts):
    extracts["board"].write_text("voting,ethnicity,disability\nyes,A,No\n")
    result = _compute(extracts, names=("staff", "board"))
    assert result.exit_code == 2
    assert "board.csv (--board): Line 1, column executive: The file has no 'executive' column" in result.stderr


def test_a_mapping_file_and_columns_are_used(tmp_path: Path, extracts):
    extracts["staff"].write_text("Grade,Staff Group,Ethnicity,Disability,Sex,Age\nApprentice,Students,A,No,F,20\n")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("band:\n  Apprentice: '2'\nstaff_group:\n  Students: non-clinical\n")
    result = _compute(extracts, "--mapping", str(mapping), "--columns", "band=Grade", "--format", "json",
                      names=("staff",))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["wres"]["bands"] == [
        {"white": 1, "bme": 0, "unknown": 0, "staff_group": "non-clinical", "band": "2"}]


@pytest.mark.parametrize(("options", "words"), [
    (["--mapping", "{tmp}/nothing.yaml"], "nothing.yaml"),
    (["--columns", "ethnic=Ethnicity"], "no column called 'ethnic'"),
    (["--snapshot", "31/03/2025"], "is not a date"),
])
def test_usage_errors_are_exit_2(tmp_path: Path, extracts, options: list[str], words: str):
    options = [option.replace("{tmp}", str(tmp_path)) for option in options]
    result = _compute(extracts, *options, names=("staff",))
    assert result.exit_code == 2
    assert words in result.stderr


def test_an_extract_inside_the_records_folder_or_tracked_by_git_is_warned_about(root: Path, extracts):
    inside = root / "evidence" / "staff.csv"
    inside.parent.mkdir(exist_ok=True)
    shutil.copy(extracts["staff"], inside)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "evidence/staff.csv"], check=True)

    result = _compute({"staff": inside}, "--write", str(root), names=("staff",))

    assert result.exit_code == 0, result.output
    assert "is inside the records folder" in result.stderr
    assert "is tracked by git" in result.stderr
    outside = _compute(extracts, names=("staff",))
    assert "warning" not in outside.stderr


def test_the_bundled_trusts_extracts_reproduce_its_latest_snapshot_exactly(tmp_path: Path):
    trust = tmp_path / "northfield-trust"
    shutil.copytree(EXAMPLES / "northfield-trust", trust)
    folder = EXAMPLES / "northfield-trust-extracts"
    extracts = {name: folder / f"{name}.csv" for name in ("staff", "recruitment", "casework", "training", "board")}
    original = (trust / "workforce" / f"{SNAPSHOT}.yaml").read_text()

    result = _compute(extracts, "--columns", "sex=Gender,religion_belief=Religious Belief", "--write", str(trust))

    assert result.exit_code == 0, result.output
    assert "equitykit: unchanged workforce/2025-03-31.yaml" in result.stderr
    assert (trust / "workforce" / f"{SNAPSHOT}.yaml").read_text() == original


def test_the_generator_writes_the_extracts_kept_beside_the_trust(tmp_path: Path):
    folder = tmp_path / "examples" / "northfield-trust-extracts"
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLES / "northfield-trust-extracts" / "generate.py", folder)
    shutil.copytree(EXAMPLES / "northfield-trust", tmp_path / "examples" / "northfield-trust")
    subprocess.run(["python", str(folder / "generate.py")], check=True)
    for name in ("staff", "recruitment", "casework", "training", "board"):
        expected = (EXAMPLES / "northfield-trust-extracts" / f"{name}.csv").read_text()
        assert (folder / f"{name}.csv").read_text() == expected


def test_workforce_compute_text_uses_the_words_of_the_one_label_table(extracts):
    options = [item for name in ("staff", "board") for item in (f"--{name}", str(extracts[name]))]
    result = runner.invoke(app, ["workforce", "compute", "--snapshot", SNAPSHOT, *options], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    for words in ("Black and minority ethnic", "Non-disabled", "Non-clinical: very senior managers", "Voting members",
                  "Executive members"):
        assert words in result.stdout, words
    assert "BME" not in result.stdout.replace("WRES", "")
