"""`equitykit paygap compute --by`: the JSON contract, text, --write, option errors, --exclude-other,
--help, and `--by sex` giving today's output exactly."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_paygap_cli import run

from equitykit.checks.validate import validate

STAFF = "".join(
    ["Gender,full_pay_relevant,bonus_pay,hourly_pay,Disabled\n"]
    + ["M,Y,0,15.69,No\n"] * 6 + ["F,Y,0,15.69,N\n"] * 5
    + ["F,Y,0,13.69,Yes\n"] * 6 + ["M,Y,0,13.69,Y\n"] * 5
    + ["F,N,0,,Not declared\n", "M,Y,0,30,\n"]
)
"""The ONS disability example: 11 not disabled on £15.69, 11 disabled on £13.69 (12.7%); one person not on
full pay and one paid £30 did not declare. Disclosure 22 of 24 = 91.7%.
Quartiles of the 23 full-pay: 6 / 6 / 6 / 5. Ranked: 11 on 13.69 (disabled), 11 on 15.69, then 30 (not
disclosed): lower 6 disabled; lower middle 5 disabled + 1 not disabled; upper middle 6 not disabled;
upper 4 not disabled + the one not disclosed."""


def write_staff(folder: Path, content: str = STAFF) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "staff.csv"
    path.write_text(content)
    return path


def by_disability(tmp_path: Path, *args: str, cwd: Path | None = None):
    return run("paygap", "compute", write_staff(tmp_path / "hr"), "--snapshot", "2025-03-31", "--by", "disability",
               "--columns", "sex=Gender,disability=Disabled", *args, cwd=cwd)


def test_json_follows_the_contract(tmp_path: Path):
    result = by_disability(tmp_path, "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "snapshot": "2025-03-31", "characteristic": "disability", "reference": "not-disabled",
        "disclosure": {"disclosed": 22, "total": 24, "percent": 91.7},
        "comparisons": [{"group": "disabled", "headcount": 11,
                         "figures": {"mean_hourly_gap": 12.7, "median_hourly_gap": 12.7, "mean_bonus_gap": None,
                                     "median_bonus_gap": None, "group_bonus_percent": 0.0,
                                     "reference_bonus_percent": 0.0},
                         "reason": "No one in the reference group was paid a bonus, so the bonus gaps are undefined."}],
        "quartiles": {
            "lower": {"not-disabled": 0.0, "disabled": 100.0, "not-disclosed": 0.0},
            "lower_middle": {"not-disabled": 16.7, "disabled": 83.3, "not-disclosed": 0.0},
            "upper_middle": {"not-disabled": 100.0, "disabled": 0.0, "not-disclosed": 0.0},
            "upper": {"not-disabled": 80.0, "disabled": 0.0, "not-disclosed": 20.0},
        },
    }
    assert list(json.loads(result.stdout)) == [
        "snapshot", "characteristic", "reference", "disclosure", "comparisons", "quartiles"]


def test_text_states_the_reference_the_disclosure_and_the_direction(tmp_path: Path):
    result = by_disability(tmp_path)

    assert result.exit_code == 0, result.stderr
    assert "Disability pay gaps at 2025-03-31" in result.stdout
    assert "Reference group: Not disabled (11 full-pay relevant staff)" in result.stdout
    assert "Disclosure: 22 of 24 relevant staff (91.7%)" in result.stdout
    assert "disabled staff's median hourly pay is 12.7% lower than that of not disabled staff." in result.stdout
    assert "Not disclosed" in result.stdout


def test_the_ethnicity_reference_defaults_to_white_in_an_nhs_records_folder(tmp_path: Path, valid_root: Path):
    staff = write_staff(tmp_path / "hr", "ethnicity,full_pay_relevant,bonus_pay,hourly_pay\nA,Y,0,10\nH,Y,0,9\n")

    inside = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "--by", "ethnicity", "-f", "json",
                 cwd=valid_root)
    outside = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "--by", "ethnicity", "-f", "json",
                  cwd=tmp_path)
    chosen = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "--by", "ethnicity", "-f", "json",
                 "--reference", "white-british", cwd=valid_root)

    assert json.loads(inside.stdout)["reference"] == "white"
    assert json.loads(outside.stdout)["reference"] == "white-british"
    assert json.loads(chosen.stdout)["reference"] == "white-british"


def test_write_records_a_paygap_record_per_characteristic_that_validates(tmp_path: Path, valid_root: Path):
    result = by_disability(tmp_path, "--write", cwd=valid_root)

    assert result.exit_code == 0, result.stderr
    assert "equitykit: created paygap/2025-03-31-disability.yaml" in result.stderr
    record = (valid_root / "paygap" / "2025-03-31-disability.yaml").read_text()
    assert "characteristic: disability\n" in record and "reference: not-disabled\n" in record
    assert "median_hourly_gap: 12.7\n" in record
    assert "15.69" not in record and "13.69" not in record
    assert validate(valid_root).problems == []

    again = by_disability(tmp_path, "--write", cwd=valid_root)
    assert "equitykit: unchanged paygap/2025-03-31-disability.yaml" in again.stderr


def test_write_keeps_what_people_added_to_the_record(tmp_path: Path, valid_root: Path):
    by_disability(tmp_path, "--write", cwd=valid_root)
    path = valid_root / "paygap" / "2025-03-31-disability.yaml"
    path.write_text(path.read_text().replace("reference: not-disabled\n", "reference: not-disabled  # NHS practice\n")
                    + "narrative: Our plan to close the gap.\n")

    result = by_disability(tmp_path, "--write", "--min-group", "12", cwd=valid_root)

    assert "equitykit: updated paygap/2025-03-31-disability.yaml" in result.stderr
    text = path.read_text()
    assert "# NHS practice" in text and "narrative: Our plan to close the gap.\n" in text
    assert "mean_hourly_gap:\n" in text  # 11 disabled are fewer than 12: not compared
    assert validate(valid_root).problems == []


def test_write_again_with_another_reference_leaves_only_the_groups_compared(tmp_path: Path, valid_root: Path):
    staff = write_staff(tmp_path / "hr", "ethnicity,full_pay_relevant,bonus_pay,hourly_pay\n"
                        + "A,Y,0,12\n" * 10 + "B,Y,0,11\n" * 10 + "H,Y,0,10\n" * 10)

    def write(reference: str):
        return run("paygap", "compute", staff, "--snapshot", "2025-03-31", "--by", "ethnicity", "--reference",
                   reference, "--write", cwd=valid_root)

    assert write("white").exit_code == 0
    result = write("white-british")

    assert "equitykit: updated paygap/2025-03-31-ethnicity.yaml" in result.stderr, result.stderr
    record = (valid_root / "paygap" / "2025-03-31-ethnicity.yaml").read_text()
    lower = record[record.index("  lower:"):record.index("  lower_middle:")]
    assert "white-british:" in lower and "white:" not in lower  # no stale share of the old reference group
    assert validate(valid_root).problems == []


def test_a_misnamed_diversity_record_is_ek440(tmp_path: Path, valid_root: Path):
    by_disability(tmp_path, "--write", cwd=valid_root)
    (valid_root / "paygap" / "2025-03-31-disability.yaml").rename(valid_root / "paygap" / "disability.yaml")
    text = (valid_root / "paygap" / "disability.yaml").read_text()
    (valid_root / "paygap" / "disability.yaml").write_text(text.replace("id: 2025-03-31-disability", "id: disability"))

    codes = [problem.code for problem in validate(valid_root).problems]

    assert codes == ["EK440"]


def test_an_unknown_value_is_named_by_line_and_column_quoted_with_the_nearest(tmp_path: Path):
    staff = write_staff(tmp_path / "hr", "ethnicity,full_pay_relevant,bonus_pay,hourly_pay\nA,Y,0,10\n"
                                         "Whte British,Y,0,9\n")

    result = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "--by", "ethnicity")

    assert result.exit_code == 1
    assert "Line 3, column ethnicity: 'Whte British' is not an ethnicity equitykit knows" in result.stderr
    assert "nearest known values: 'white british'" in result.stderr
    assert "--mapping" not in result.stderr  # paygap compute reads the shipped mapping only
    assert "9" not in result.stderr.split("column ethnicity")[1].split("It can mean")[0]  # never the pay


ESR_LABELS = {"R Chinese": "R", "S Any Other Ethnic Group": "S", "H Indian": "H", "Chinese": "R",
              "CA White - English": "C", "A White - British": "A", "Z Not Stated": None}


def test_esr_ethnicity_labels_read_as_the_shipped_mapping_says_by_both_commands(tmp_path: Path):
    from equitykit.extracts.mapping import load_mapping
    from equitykit.metrics.staffcsv import tally_staff_groups

    rows = "".join(f"{label},Y,0,{10 + number}\n" for number, label in enumerate(ESR_LABELS))
    staff = write_staff(tmp_path / "hr", "ethnicity,full_pay_relevant,bonus_pay,hourly_pay\n" + rows)

    result = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "--by", "ethnicity", "--min-group", "1",
                 "--format", "json")

    assert result.exit_code == 0, result.stderr
    tallies = tally_staff_groups(staff, "ethnicity")
    assert {value: tally.relevant for value, tally in tallies.items()} == {"R": 2, "S": 1, "H": 1, "C": 1, "A": 1,
                                                                          None: 1}
    mapping = load_mapping()  # what workforce compute reads
    assert {label: mapping.meaning("ethnicity", label) for label in ESR_LABELS} == {
        label: code or "Z" for label, code in ESR_LABELS.items()}


def test_a_missing_characteristic_column_shows_the_columns_form(tmp_path: Path):
    result = run("paygap", "compute", write_staff(tmp_path / "hr"), "--snapshot", "2025-03-31", "--by", "ethnicity")

    assert result.exit_code == 2
    assert "The file has no 'ethnicity' column" in result.stderr
    assert "--columns ethnicity=NAME" in result.stderr


def test_options_for_another_characteristic_are_usage_errors(tmp_path: Path):
    staff = write_staff(tmp_path / "hr")
    cases = [
        (["--reference", "white"], "use it with --by ethnicity"),
        (["--min-group", "5"], "--min-group applies to --by ethnicity"),
        (["--by", "disability", "--exclude-other"], "--exclude-other applies to --by sex"),
        (["--by", "disability", "--reference", "white"], "use it with --by ethnicity"),
    ]
    for options, phrase in cases:
        result = run("paygap", "compute", staff, "--snapshot", "2025-03-31", *options)
        assert result.exit_code == 2, options
        assert phrase in result.stderr


def test_exclude_other_leaves_out_staff_neither_male_nor_female_and_counts_them(tmp_path: Path):
    staff = write_staff(tmp_path / "hr", "sex,full_pay_relevant,bonus_pay,hourly_pay\n"
                                         "M,Y,0,10\nF,Y,0,8\nNon-binary,Y,0,9\nX,N,0,\n")

    refused = run("paygap", "compute", staff, "--snapshot", "2025-03-31")
    json_out = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "--exclude-other", "-f", "json")
    text_out = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "--exclude-other")

    assert refused.exit_code == 1
    assert "Line 4, column sex: 'Non-binary' is neither male nor female" in refused.stderr
    assert "--exclude-other" in refused.stderr
    output = json.loads(json_out.stdout)
    assert output["counts"]["excluded_other"] == 2
    assert output["figures"]["DiffMeanHourlyPercent"] == 20.0  # (10 - 8)/10
    assert "Left out (--exclude-other): 2 staff whose sex is neither male nor female" in text_out.stdout


def test_help_lists_every_column_what_it_accepts_and_whether_it_is_required():
    from equitykit.metrics.staff_columns import STAFF_COLUMNS

    result = run("paygap", "compute", "--help")

    assert result.exit_code == 0
    for column in STAFF_COLUMNS:
        assert f"{column.name} ({column.needed}):" in result.stdout
    assert "true/false, yes/no, Y/N or 1/0" in result.stdout
    assert "required with --by ethnicity" in result.stdout


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["M", "F", "male", "Female"]), st.sampled_from(["Y", "N", "true"]),
                          st.sampled_from(["", "0", "120.50", "300"]), st.integers(800, 2500)),
                min_size=2, max_size=30))
def test_by_sex_gives_todays_output_exactly(tmp_path: Path, rows):
    lines = "".join(f"{sex},{flag},{bonus},{pence / 100:.2f}\n" for sex, flag, bonus, pence in rows)
    staff = write_staff(tmp_path / "hr", "sex,full_pay_relevant,bonus_pay,hourly_pay\n" + lines)

    for output_format in ("json", "text"):
        today = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "-f", output_format)
        by_sex = run("paygap", "compute", staff, "--snapshot", "2025-03-31", "-f", output_format, "--by", "sex")
        assert (by_sex.exit_code, by_sex.stdout, by_sex.stderr) == (today.exit_code, today.stdout, today.stderr)
