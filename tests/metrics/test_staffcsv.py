"""Reading staff CSV files: layouts, formats, and an error for each way a file can be wrong."""

from __future__ import annotations

import io
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from equitykit.metrics.paygap import Employee, pay_gap_figures
from equitykit.metrics.staffcsv import StaffFileError, read_staff_csv

D = Decimal
HEADER = "sex,full_pay_relevant,hourly_pay,bonus_pay\n"
DERIVED_HEADER = "sex,full_pay_relevant,ordinary_pay,pay_period_days,weekly_hours,bonus_pay\n"


@pytest.fixture
def staff_file(tmp_path):
    """Write bytes (or UTF-8 text) to a CSV file and return its path."""

    def write(content: str | bytes):
        path = tmp_path / "staff.csv"
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    return write


def test_columns_in_any_order_extra_columns_and_loose_header_names(staff_file):
    path = staff_file(
        " Employee ref ,BONUS_PAY,Hourly Pay,Full-Pay Relevant,SEX ,Team\n"
        "E1,100,15.50,true,male,Estates\n"
        "E2,,14.25,false,female,Wards\n"
    )
    assert read_staff_csv(path) == [
        Employee("male", True, D("15.50"), D(100)),
        Employee("female", False, D("14.25"), D(0)),
    ]


def test_columns_mapped_to_the_files_names(staff_file):
    path = staff_file("Gender,FPR,Rate,Bonus\nF,yes,12.00,0\n")
    columns = {"sex": "gender", "full_pay_relevant": "FPR", "hourly_pay": "Rate", "bonus_pay": "Bonus"}
    assert read_staff_csv(path, columns) == [Employee("female", True, D(12), D(0))]


@pytest.mark.parametrize(
    ("sex", "expected"),
    [("male", "male"), ("M", "male"), (" Male ", "male"), ("f", "female"), ("FEMALE", "female")],
)
def test_sex_spellings(sex, expected):
    (employee,) = read_staff_csv(io.StringIO(f"{HEADER}{sex},true,10,0\n"))
    assert employee.sex == expected


@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("Yes", True),
        ("1", True),
        ("false", False),
        ("no", False),
        ("0", False),
    ],
)
def test_full_pay_relevant_spellings(flag, expected):
    (employee,) = read_staff_csv(io.StringIO(f"{HEADER}m,{flag},10,0\n"))
    assert employee.full_pay_relevant is expected


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ('"1,234.56"', "1234.56"),
        ('"£1,234.56"', "1234.56"),
        ("£12", "12"),
        (" 12.50 ", "12.50"),
        ("0", "0"),
    ],
)
def test_money_formats(cell, amount):
    (employee,) = read_staff_csv(io.StringIO(f"{HEADER}m,true,{cell},{cell}\n"))
    assert employee.hourly_pay == employee.bonus_pay == D(amount)


def test_blank_bonus_is_zero_and_blank_hourly_pay_is_fine_when_not_full_pay_relevant():
    (employee,) = read_staff_csv(io.StringIO(f"{HEADER}f,false,,\n"))
    assert employee == Employee("female", False, None, D(0))


def test_hourly_pay_derived_from_a_month_of_ordinary_pay():
    # £2,500 in April (30 days) for 37.5 hours a week: 2,500 x 7 / 30 / 37.5 = £15.555...
    (employee,) = read_staff_csv(io.StringIO(DERIVED_HEADER + "f,true,2500,30,37.5,0\n"))
    assert employee.hourly_pay == Fraction(140, 9)


def test_hourly_pay_derived_with_the_periods_bonus():
    text = (
        "sex,full_pay_relevant,ordinary_pay,period_bonus_pay,pay_period_days,weekly_hours,bonus_pay\n"
        "f,true,2500,125,30,37.5,1500\n"
        "m,false,,,,,\n"
    )
    assert read_staff_csv(io.StringIO(text)) == [
        Employee("female", True, Fraction(2625 * 7 * 2, 30 * 75), D(1500)),
        Employee("male", False, None, D(0)),
    ]


def test_a_given_hourly_pay_is_used_even_when_ordinary_pay_is_there():
    text = "sex,full_pay_relevant,hourly_pay,ordinary_pay,bonus_pay\nm,true,20,9999,0\n"
    assert read_staff_csv(io.StringIO(text))[0].hourly_pay == D(20)


def test_utf8_bom_and_crlf_line_endings(staff_file):
    path = staff_file(
        b"\xef\xbb\xbfsex,full_pay_relevant,hourly_pay,bonus_pay\r\nm,true,10,0\r\nf,true,9,0\r\n"
    )
    assert [e.sex for e in read_staff_csv(path)] == ["male", "female"]


def test_a_bom_in_a_text_stream():
    assert read_staff_csv(io.StringIO(f"\ufeff{HEADER}m,true,10,0\n"))[0].sex == "male"


def test_blank_lines_are_skipped_but_still_counted():
    text = f"{HEADER}m,true,10,0\n\n,,,\n  , ,,\nf,true,x,0\n"
    with pytest.raises(StaffFileError) as caught:
        read_staff_csv(io.StringIO(text))
    assert caught.value.row == 6


def test_read_employees_give_pay_gap_figures(staff_file):
    path = staff_file(HEADER + "m,true,20,100\nm,true,10,0\nf,true,12,50\nf,true,9,0\n")
    figures = pay_gap_figures(read_staff_csv(path)).figures
    assert figures["DiffMeanHourlyPercent"] == D("30.0")  # (15 - 10.5) / 15
    assert figures["DiffMeanBonusPercent"] == D("50.0")


@pytest.mark.parametrize(
    ("rows", "row", "column", "message"),
    [
        (
            "m,true,10,0\nq,true,10,0\n",
            3,
            "sex",
            "'q' is not a sex equitykit knows: write male or female",
        ),
        ("m,maybe,10,0\n", 2, "full_pay_relevant", "'maybe' is not true or false"),
        ("m,true,-10.00,0\n", 2, "hourly_pay", "Pay cannot be negative"),
        ("m,true,10,-£5\n", 2, "bonus_pay", "Pay cannot be negative"),
        ("m,true,ten,0\n", 2, "hourly_pay", "'ten' is not a number"),
        ("m,true,12;50,0\n", 2, "hourly_pay", "'12;50' is not a number"),
        ("m,true,NaN,0\n", 2, "hourly_pay", "'NaN' is not a number"),
        ("m,true,,0\n", 2, "hourly_pay", "blank for a full-pay relevant employee"),
        ("m,true,10\n", 2, None, "This line has 3 values but the header has 4 columns"),
    ],
)
def test_errors_name_the_line_column_and_fix(rows, row, column, message):
    with pytest.raises(StaffFileError) as caught:
        read_staff_csv(io.StringIO(HEADER + rows))
    assert (caught.value.row, caught.value.column) == (row, column)
    assert message in caught.value.message
    assert str(caught.value).startswith(f"Line {row}")


def test_negative_pay_is_not_quoted_in_the_error():
    with pytest.raises(StaffFileError) as caught:
        read_staff_csv(io.StringIO(HEADER + "m,true,-12345.67,0\n"))
    assert "12345" not in str(caught.value)


@pytest.mark.parametrize(
    ("days", "hours", "column"),
    [("0", "37.5", "pay_period_days"), ("-30", "37.5", "pay_period_days"), ("30", "0", "weekly_hours")],
)
def test_days_and_hours_must_be_more_than_zero(days, hours, column):
    with pytest.raises(StaffFileError, match="must be more than 0") as caught:
        read_staff_csv(io.StringIO(f"{DERIVED_HEADER}f,true,2500,{days},{hours},0\n"))
    assert (caught.value.row, caught.value.column) == (2, column)


def test_a_missing_column_lists_the_headers_and_suggests_the_closest():
    with pytest.raises(StaffFileError) as caught:
        read_staff_csv(io.StringIO("sex,full_pay_relevant,hourly_pay,Bonus\nm,true,10,0\n"))
    error = caught.value
    assert (error.row, error.column) == (1, "bonus_pay")
    assert "Columns found: sex, full_pay_relevant, hourly_pay, Bonus." in error.message
    assert "Did you mean 'Bonus'?" in error.message


def test_a_missing_pay_column_names_both_ways_to_give_pay():
    with pytest.raises(StaffFileError, match="hourly_pay column, or ordinary_pay") as caught:
        read_staff_csv(io.StringIO("sex,full_pay_relevant,bonus_pay\nm,true,0\n"))
    assert caught.value.column == "ordinary_pay"


def test_a_missing_mapped_column_names_the_files_name():
    with pytest.raises(StaffFileError, match="no 'Gender' column"):
        read_staff_csv(io.StringIO(HEADER + "m,true,10,0\n"), {"sex": "Gender"})


def test_mapping_an_unknown_column_is_an_error():
    with pytest.raises(StaffFileError, match="no column called 'salary' to map"):
        read_staff_csv(io.StringIO(HEADER + "m,true,10,0\n"), {"salary": "Pay"})


def test_a_column_named_twice_is_an_error():
    with pytest.raises(StaffFileError, match="Columns 1 and 5 have the same name"):
        read_staff_csv(io.StringIO("sex,full_pay_relevant,hourly_pay,bonus_pay,Sex\nm,true,10,0,m\n"))


@pytest.mark.parametrize(("delimiter", "name"), [(";", "semicolons"), ("\t", "tabs")])
def test_a_wrong_delimiter_is_named(delimiter, name):
    text = HEADER.replace(",", delimiter) + delimiter.join(["m", "true", "10", "0"]) + "\n"
    with pytest.raises(StaffFileError, match=f"separated by {name}, not commas") as caught:
        read_staff_csv(io.StringIO(text))
    assert caught.value.row == 1


@pytest.mark.parametrize("content", [b"", b"\n\n", b"\xef\xbb\xbf"])
def test_an_empty_file(staff_file, content):
    with pytest.raises(StaffFileError, match="The file is empty"):
        read_staff_csv(staff_file(content))


def test_a_header_without_employees(staff_file):
    with pytest.raises(StaffFileError, match="no employees"):
        read_staff_csv(staff_file(HEADER + "\n"))


def test_a_file_that_is_not_utf8_names_the_line(staff_file):
    path = staff_file(HEADER.encode() + b"m,true,10,0\nf,true,\xa312.00,0\n")  # '£' in Windows-1252
    with pytest.raises(StaffFileError) as caught:
        read_staff_csv(path)
    assert caught.value.row == 3
    assert "Byte 0xa3 is not UTF-8" in caught.value.message
    assert "CSV UTF-8" in caught.value.message


def test_a_missing_file(tmp_path):
    with pytest.raises(StaffFileError, match="Cannot read"):
        read_staff_csv(tmp_path / "absent.csv")


def test_identical_rows_give_equal_employees():
    first, second = read_staff_csv(io.StringIO(HEADER + "m,true,10,5\nm,true,10,5\n"))
    assert first == second


def test_an_unquoted_thousands_separator_is_caught_not_truncated(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("sex,full_pay_relevant,hourly_pay,bonus_pay\nmale,true,15.00,0\nfemale,true,£1,234.56,0\n",
                    encoding="utf-8")
    with pytest.raises(StaffFileError) as caught:
        read_staff_csv(path)
    assert caught.value.row == 3
    assert "5 values but the header has 4" in caught.value.message


def test_a_short_row_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("sex,full_pay_relevant,hourly_pay,bonus_pay,team\nmale,true,15.00,0\n", encoding="utf-8")
    with pytest.raises(StaffFileError) as caught:
        read_staff_csv(path)
    assert caught.value.row == 2


def test_trailing_empty_cells_from_a_spreadsheet_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("sex,full_pay_relevant,hourly_pay,bonus_pay\nmale,true,15.00,0,,\nfemale,true,14.00,0\n",
                    encoding="utf-8")
    assert len(read_staff_csv(path)) == 2
