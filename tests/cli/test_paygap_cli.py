"""`equitykit paygap compute`: JSON shape and rounding, column mapping, every exit code, --write."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.checks.validate import validate
from equitykit.cli import app

runner = CliRunner()

STAFF = """\
sex,full_pay_relevant,bonus_pay,hourly_pay
M,yes,0,10.00
M,yes,300,14.00
M,yes,0,18.00
M,yes,500,22.00
F,yes,150,8.00
F,yes,0,9.00
F,yes,350,17.00
F,yes,200,26.00
F,no,0,
"""
"""Four men and five women, one woman not full-pay relevant (on reduced pay because of leave).

Hourly pay (full-pay relevant: 4 men, 4 women):
  men 10, 14, 18, 22: mean 64/4 = 16, median (14 + 18)/2 = 16;
  women 8, 9, 17, 26: mean 60/4 = 15, median (9 + 17)/2 = 13.
  Mean gap (16 - 15)/16 = 6.25% -> 6.3 (half up; half to even would give 6.2).
  Median gap (16 - 13)/16 = 18.75% -> 18.8.
Bonus (those paid one): men 300, 500: mean = median = 400; women 150, 350, 200: mean 700/3 = 233.33...,
  median 200. Mean gap (400 - 233.33)/400 = 41.666...% -> 41.7; median gap (400 - 200)/400 = 50.0.
  Men paid a bonus 2 of 4 = 50.0%; women 3 of 5 relevant = 60.0%.
Quartiles of the 8 full-pay relevant, ranked: 8F 9F | 10M 14M | 17F 18M | 22M 26F:
  lower 0 / 100, lower middle 100 / 0, upper middle 50 / 50, top 50 / 50.
"""

EXPECTED_FIGURES = {
    "DiffMeanHourlyPercent": 6.3,
    "DiffMedianHourlyPercent": 18.8,
    "DiffMeanBonusPercent": 41.7,
    "DiffMedianBonusPercent": 50.0,
    "MaleBonusPercent": 50.0,
    "FemaleBonusPercent": 60.0,
    "MaleLowerQuartile": 0.0,
    "FemaleLowerQuartile": 100.0,
    "MaleLowerMiddleQuartile": 100.0,
    "FemaleLowerMiddleQuartile": 0.0,
    "MaleUpperMiddleQuartile": 50.0,
    "FemaleUpperMiddleQuartile": 50.0,
    "MaleTopQuartile": 50.0,
    "FemaleTopQuartile": 50.0,
}
EXPECTED_COUNTS = {
    "male_relevant": 4, "female_relevant": 5, "male_full_pay": 4, "female_full_pay": 4,
    "male_bonus": 2, "female_bonus": 3,
    "quartiles": {"Lower": {"men": 0, "women": 2}, "LowerMiddle": {"men": 2, "women": 0},
                  "UpperMiddle": {"men": 1, "women": 1}, "Top": {"men": 1, "women": 1}},
}

DISTINCTIVE_RATE = "17.3791"
DISTINCTIVE_BONUS = "4321.87"


@pytest.fixture
def staff(tmp_path: Path):
    """Write a staff CSV outside any records folder and return its path."""

    def write(content: str | bytes = STAFF, name: str = "staff.csv") -> Path:
        folder = tmp_path / "hr-secure"
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    return write


def run(*args: str | Path, cwd: Path | None = None):
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(app, [str(arg) for arg in args], env={"COLUMNS": "200", "NO_COLOR": "1"})
    finally:
        os.chdir(previous)


def compute_json(path: Path, *args: str) -> dict:
    result = run("paygap", "compute", path, "--snapshot", "2025-03-31", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assert_fails(result, code: int, *phrases: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for phrase in phrases:
        assert phrase in result.stderr


# --- output ------------------------------------------------------------------------------------------


def test_json_has_the_figures_rounded_half_up_the_counts_and_no_warnings(staff):
    output = compute_json(staff())

    assert list(output) == ["snapshot", "figures", "counts", "warnings"]
    assert output["snapshot"] == "2025-03-31"
    assert output["figures"] == EXPECTED_FIGURES
    assert list(output["figures"]) == list(EXPECTED_FIGURES)
    assert output["counts"] == EXPECTED_COUNTS
    assert output["warnings"] == []


def test_json_numbers_are_numbers_without_float_artefacts(staff):
    stdout = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", "--format", "json").stdout

    assert '"DiffMeanHourlyPercent": 6.3,' in stdout
    assert '"DiffMeanBonusPercent": 41.7,' in stdout
    assert '"FemaleBonusPercent": 60.0,' in stdout
    assert '"6.3"' not in stdout
    assert "0000" not in stdout and "9999" not in stdout


def test_undefined_figures_are_null_with_a_warning(staff):
    """No man was paid a bonus: both bonus gaps are percentages of nothing."""
    output = compute_json(staff(STAFF.replace("M,yes,300,", "M,yes,0,").replace("M,yes,500,", "M,yes,0,")))

    assert output["figures"]["DiffMeanBonusPercent"] is None
    assert output["figures"]["DiffMedianBonusPercent"] is None
    assert output["figures"]["MaleBonusPercent"] == 0.0
    assert any("No man was paid a bonus" in warning for warning in output["warnings"])


def test_text_shows_the_figures_in_plain_english_the_quartiles_and_the_counts(staff):
    result = run("paygap", "compute", staff(), "--snapshot", "2025-03-31")

    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Gender pay gap at 2025-03-31" in out
    assert "Mean hourly pay gap" in out and "6.3%" in out
    assert "women's hourly pay is 18.8% lower than men's" in out
    assert "Mean bonus pay gap" in out and "41.7%" in out
    assert "Women paid a bonus" in out and "of the 5 relevant women" in out
    assert "Lower quartile (lowest paid)" in out and "100.0%" in out
    assert "Full-pay relevant" in out
    assert "\x1b[" not in out


def test_text_shows_warnings(staff):
    no_bonus_for_men = STAFF.replace("M,yes,300,", "M,yes,0,").replace("M,yes,500,", "M,yes,0,")

    out = run("paygap", "compute", staff(no_bonus_for_men), "--snapshot", "2025-03-31").stdout

    assert "Warning: No man was paid a bonus" in out
    assert "undefined" in out


def test_men_paid_less_reads_as_a_negative_gap(staff):
    reversed_sexes = STAFF.replace("M,", "X,").replace("F,", "M,").replace("X,", "F,")

    output = compute_json(staff(reversed_sexes))
    out = run("paygap", "compute", staff(reversed_sexes), "--snapshot", "2025-03-31").stdout

    assert output["figures"]["DiffMeanHourlyPercent"] == -6.7  # (15 - 16)/15 = -6.666...%
    assert "women's hourly pay is 6.7% higher than men's" in out


# --- column mapping ----------------------------------------------------------------------------------


def test_columns_map_the_files_own_header_names(staff):
    renamed = STAFF.replace("sex,full_pay_relevant,bonus_pay,hourly_pay", "Gender,On full pay,Bonus (12m),Rate")

    output = compute_json(staff(renamed), "--columns", "sex=Gender,full_pay_relevant=On full pay",
                          "--columns", "bonus_pay=Bonus (12m), hourly_pay=Rate")

    assert output["figures"] == EXPECTED_FIGURES


def test_hourly_pay_can_be_derived_from_ordinary_pay_days_and_hours(staff):
    """£560 for a 7-day period of 35 hours is £16 an hour; £525 is £15 an hour."""
    derived = ("sex,full_pay_relevant,bonus_pay,Pay,Days,Hours\n"
               "M,yes,0,560,7,35\nM,yes,0,560,7,35\nF,yes,0,525,7,35\nF,yes,0,525,7,35\n")

    output = compute_json(staff(derived), "--columns", "ordinary_pay=Pay,pay_period_days=Days,weekly_hours=Hours")

    assert output["figures"]["DiffMeanHourlyPercent"] == 6.3  # (16 - 15)/16 = 6.25%


def test_without_a_mapping_a_renamed_column_is_missing(staff):
    renamed = STAFF.replace("sex,", "Gender,", 1)

    result = run("paygap", "compute", staff(renamed), "--snapshot", "2025-03-31")

    assert_fails(result, 2, "Line 1, column sex: The file has no 'sex' column", "Did you mean 'Gender'?",
                "--columns sex=Gender")


def test_a_mapping_to_a_column_the_file_lacks_is_unreadable_input(staff):
    result = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", "--columns", "sex=Gendr")

    assert_fails(result, 2, "column Gendr: The file has no 'Gendr' column")


@pytest.mark.parametrize(("columns", "phrase"), [
    ("sex:Gender", "--columns 'sex:Gender' is not OURS=THEIRS"),
    ("sex=", "--columns 'sex=' is not OURS=THEIRS"),
    ("=Gender", "--columns '=Gender' is not OURS=THEIRS"),
    ("sex=Gender=M", "is not OURS=THEIRS"),
    ("gender=Sex", "equitykit has no column called 'gender'"),
    ("sex=Gender,sex=Sex", "maps 'sex' twice"),
])
def test_bad_columns_syntax_is_a_usage_error(staff, columns: str, phrase: str):
    result = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", "--columns", columns)

    assert_fails(result, 2, phrase)


# --- errors in the staff file: exit 1 for a bad row, 2 for a file that cannot be read -----------------


@pytest.mark.parametrize(("bad_line", "column", "phrase"), [
    ("Zebra-unit-7,yes,0,11.00", "sex", "is not a sex equitykit knows"),
    ("F,perhaps-Zebra,0,11.00", "full_pay_relevant", "is not true or false"),
    ("F,yes,0,-11.00", "hourly_pay", "Pay cannot be negative"),
    ("F,yes,-50,11.00", "bonus_pay", "Pay cannot be negative"),
    ("F,yes,0,", "hourly_pay", "blank for a full-pay relevant employee"),
    ("F,yes,0,eleven-Zebra", "hourly_pay", "is not a number"),
])
def test_a_bad_row_names_its_line_column_and_invalid_text_but_never_pay(staff, bad_line: str, column: str,
                                                                          phrase: str):
    lines = STAFF.splitlines()
    lines[6] = bad_line  # line 7 of the file
    result = run("paygap", "compute", staff("\n".join(lines) + "\n"), "--snapshot", "2025-03-31")

    assert_fails(result, 1, f"Line 7, column {column}: ", phrase)
    assert ("Zebra" in result.stderr) == ("Zebra" in bad_line)  # invalid text is quoted, to be found and fixed
    assert "11.00" not in result.stderr and "-50" not in result.stderr  # pay is not


@pytest.mark.parametrize(("cell", "phrase"), [
    ("1e400", "'1e400' is in scientific notation"),
    ("1E5", "'1E5' is in scientific notation"),
    ("£2.5e1", "'£2.5e1' is in scientific notation"),
    ("Infinity", "'Infinity' is not a number of pounds"),
    ("-inf", "'-inf' is not a number of pounds"),
    ("NaN", "'NaN' is not a number of pounds"),
    ("-12.50", "Pay cannot be negative"),
])
def test_one_bad_pay_cell_is_refused_with_its_line_column_and_cell(staff, cell: str, phrase: str):
    lines = STAFF.splitlines()
    lines[6] = f"F,yes,0,{cell}"
    result = run("paygap", "compute", staff("\n".join(lines) + "\n"), "--snapshot", "2025-03-31")

    assert_fails(result, 1, "Line 7, column hourly_pay: ", phrase)
    assert "internal error" not in result.stderr


def test_implausible_hourly_pay_is_warned_about_by_line_and_not_written_without_force(staff, valid_root: Path):
    lines = STAFF.splitlines()
    lines[3] = "M,yes,0,99999999999999999999.99"
    lines[6] = "F,yes,0,612.00"
    path = staff("\n".join(lines) + "\n")
    root = valid_root
    (root / "paygap" / "2025-03-31.yaml").unlink(missing_ok=True)

    shown = run("paygap", "compute", path, "--snapshot", "2025-03-31", "--format", "json")
    assert shown.exit_code == 0
    assert "Hourly pay above £500.00 on lines 4 and 7" in shown.stderr
    assert "612" not in shown.stderr and "99999" not in shown.stderr

    refused = run("paygap", "compute", path, root, "--snapshot", "2025-03-31", "--write")
    assert refused.exit_code == 1
    assert "not written" in refused.stderr and "--force" in refused.stderr
    assert not (root / "paygap" / "2025-03-31.yaml").exists()

    raised = run("paygap", "compute", path, "--snapshot", "2025-03-31", "--max-hourly", "1e30", "-f", "json")
    assert raised.exit_code == 0 and "Hourly pay above" not in raised.stderr

    forced = run("paygap", "compute", path, root, "--snapshot", "2025-03-31", "--write", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (root / "paygap" / "2025-03-31.yaml").exists()


def test_zero_weekly_hours_is_a_bad_row(staff):
    derived = ("sex,full_pay_relevant,bonus_pay,ordinary_pay,pay_period_days,weekly_hours\n"
               "M,yes,0,560,7,35\nF,yes,0,525,7,0\n")

    result = run("paygap", "compute", staff(derived), "--snapshot", "2025-03-31")

    assert_fails(result, 1, "Line 3, column weekly_hours: ", "must be more than 0")


def test_a_row_with_too_few_values_is_a_bad_row(staff):
    result = run("paygap", "compute", staff(STAFF.replace("F,yes,0,9.00", "F,yes,9.00")), "--snapshot",
                 "2025-03-31")

    assert_fails(result, 1, "Line 7: This line has 3 values but the header has 4 columns")


def test_a_semicolon_separated_file_is_unreadable_input(staff):
    result = run("paygap", "compute", staff(STAFF.replace(",", ";")), "--snapshot", "2025-03-31")

    assert_fails(result, 2, "Line 1: Only one column was found", "semicolons")


def test_a_missing_staff_file_is_unreadable_input(tmp_path: Path):
    result = run("paygap", "compute", tmp_path / "no-such.csv", "--snapshot", "2025-03-31")

    assert_fails(result, 2, "no-such.csv", "Cannot read")


def test_a_file_with_only_a_header_is_unreadable_input(staff):
    result = run("paygap", "compute", staff(STAFF.splitlines()[0] + "\n"), "--snapshot", "2025-03-31")

    assert_fails(result, 2, "has a header but no employees")


@pytest.mark.parametrize("line", [1, 10])
def test_a_file_that_is_not_utf8_is_unreadable_input_wherever_the_bad_byte_is(staff, line: int):
    lines = STAFF.splitlines()
    lines[line - 1] += "\xa3"
    latin1 = ("\n".join(lines) + "\n" + "F,no,0,\n" * 5000).encode("latin-1")  # past the first read buffer

    result = run("paygap", "compute", staff(latin1), "--snapshot", "2025-03-31")

    assert_fails(result, 2, f"Line {line}: Byte 0xa3 is not UTF-8")


@pytest.mark.parametrize("date", ["2025-02-30", "31/03/2025", "20250331", "2025-3-31", "soon"])
def test_a_bad_snapshot_date_is_a_usage_error(staff, date: str):
    result = run("paygap", "compute", staff(), "--snapshot", date)

    assert_fails(result, 2, f"--snapshot {date!r} is not a date; write it as YYYY-MM-DD")


def test_the_snapshot_date_is_required(staff):
    result = run("paygap", "compute", staff())

    assert result.exit_code == 2
    assert "--snapshot" in result.output


# --- --write -----------------------------------------------------------------------------------------


def test_write_creates_the_record_in_the_current_folder_and_it_validates(staff, valid_root: Path):
    result = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", "--format", "json", "--write",
                 cwd=valid_root / "objectives")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["figures"] == EXPECTED_FIGURES
    assert "equitykit: created paygap/2025-03-31.yaml" in result.stderr
    record = (valid_root / "paygap" / "2025-03-31.yaml").read_text()
    assert "DiffMeanHourlyPercent: 6.3\n" in record
    assert "employer_size: Less than 250\n" in record
    assert validate(valid_root).problems == []


def test_write_takes_the_records_folder_as_path(staff, valid_root: Path, tmp_path: Path):
    result = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", "--write", valid_root, cwd=tmp_path)

    assert result.exit_code == 0, result.stderr
    assert (valid_root / "paygap" / "2025-03-31.yaml").is_file()


def test_write_without_a_records_folder_is_a_usage_error(staff, tmp_path: Path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()

    result = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", "--write", outside)

    assert_fails(result, 2, "equitykit.yaml")
    assert list(outside.iterdir()) == []


def test_a_path_without_write_is_a_usage_error(staff, valid_root: Path):
    result = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", valid_root)

    assert_fails(result, 2, "add --write")
    assert not (valid_root / "paygap" / "2025-03-31.yaml").exists()


def test_write_updates_keeping_comments_and_narrative_and_a_second_write_is_idempotent(staff, valid_root: Path):
    path = valid_root / "paygap" / "2025-03-31.yaml"
    path.write_text(
        "# yaml-language-server: $schema=../schemas/paygap.schema.json\n"
        "# Signed off by the board.\n"
        "id: 2025-03-31\n"
        "snapshot: 2025-03-31\n"
        "figures:\n"
        "  DiffMeanHourlyPercent: 9.9  # draft\n"
        + "".join(f"  {name}: 50.0\n" for name in list(EXPECTED_FIGURES)[1:])
        + "counts:\n  male_relevant: 1\n"
        "narrative: >-\n  Our gap comes from the make-up of our workforce,\n  not unequal pay for equal work.\n"
        "submitted: 2026-03-14\n"
    )

    first = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", "--write", valid_root)
    after_first = path.read_bytes()
    second = run("paygap", "compute", staff(), "--snapshot", "2025-03-31", "--write", valid_root)

    assert first.exit_code == second.exit_code == 0, (first.stderr, second.stderr)
    assert "equitykit: updated paygap/2025-03-31.yaml" in first.stderr
    assert "equitykit: unchanged paygap/2025-03-31.yaml" in second.stderr
    assert path.read_bytes() == after_first
    text = after_first.decode()
    assert "# Signed off by the board.\n" in text
    assert "  DiffMeanHourlyPercent: 6.3  # draft\n" in text
    assert ("narrative: >-\n  Our gap comes from the make-up of our workforce,\n  not unequal pay for equal "
            "work.\n") in text
    assert "submitted: 2026-03-14\n" in text
    assert "  female_relevant: 5\n" in text
    assert validate(valid_root).problems == []


def test_undefined_hourly_gaps_are_not_written(staff, valid_root: Path):
    """No woman is full-pay relevant, so there are no hourly gaps, which the record requires."""
    nobody_female_on_full_pay = STAFF.replace("F,yes,", "F,no,")

    result = run("paygap", "compute", staff(nobody_female_on_full_pay), "--snapshot", "2025-03-31",
                 "--format", "json", "--write", valid_root)

    assert result.exit_code == 1
    assert json.loads(result.stdout)["figures"]["DiffMeanHourlyPercent"] is None
    assert "paygap/2025-03-31.yaml was not written" in result.stderr
    assert "DiffMeanHourlyPercent" in result.stderr
    assert not (valid_root / "paygap" / "2025-03-31.yaml").exists()


def test_a_bad_row_writes_nothing(staff, valid_root: Path):
    before = sorted(p.relative_to(valid_root) for p in valid_root.rglob("*"))

    result = run("paygap", "compute", staff(STAFF.replace("F,yes,0,9.00", "F,yes,0,-9.00")), "--snapshot",
                 "2025-03-31", "--write", valid_root)

    assert_fails(result, 1, "Line 7, column hourly_pay")
    assert sorted(p.relative_to(valid_root) for p in valid_root.rglob("*")) == before


def test_no_staff_value_is_written_anywhere_under_the_records_folder(staff, valid_root: Path):
    distinctive = STAFF.replace("F,yes,350,17.00", f"F,yes,{DISTINCTIVE_BONUS},{DISTINCTIVE_RATE}")
    before = {p.relative_to(valid_root) for p in valid_root.rglob("*")}

    for _ in range(2):  # a create, then an update
        result = run("paygap", "compute", staff(distinctive), "--snapshot", "2025-03-31", "--write", valid_root)
        assert result.exit_code == 0, result.stderr

    after = {p.relative_to(valid_root) for p in valid_root.rglob("*")}
    assert after - before == {Path("paygap/2025-03-31.yaml")}
    for file in valid_root.rglob("*"):
        if file.is_file():
            content = file.read_bytes()
            assert DISTINCTIVE_RATE.encode() not in content, file
            assert DISTINCTIVE_BONUS.encode() not in content, file
            assert b"staff.csv" not in content, file


def test_a_staff_file_inside_the_records_folder_is_warned_about(staff, valid_root: Path):
    inside = valid_root / "evidence-staff.csv"
    inside.write_text(STAFF)

    result = run("paygap", "compute", inside, "--snapshot", "2025-03-31", "--write", valid_root)

    assert result.exit_code == 0, result.stderr
    assert "is inside the records folder" in result.stderr
