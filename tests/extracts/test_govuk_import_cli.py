"""`equitykit paygap import`: both layouts, several files, snapshots from due dates, recorded, --write, errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.checks.validate import validate
from equitykit.cli import app

from .govuk_files import FULL_SET, employer, service_file, snake_file

runner = CliRunner()
TRUST = 4021


def _files(tmp_path: Path) -> list[Path]:
    """Four years of one trust, which changed its name in 2019, in both layouts and both date styles."""
    old_name, new_name = "Northfield Valley Hospitals NHS Trust", "NORTHFIELD VALLEY NHS FOUNDATION TRUST"
    first = service_file([
        employer(TRUST, old_name, dt.date(2018, 3, 31), CompanyNumber="01234567",
                 DiffMeanBonusPercent=None, DiffMedianBonusPercent=None, MaleBonusPercent=0, FemaleBonusPercent=0,
                 SicCodes="86101,\n86900"),
        employer(77, "Acme Widgets Ltd", dt.date(2018, 4, 5), SicCodes="25990", EmployerSize="5000 to 19,999"),
    ], old_dates=True)
    second = service_file([
        employer(TRUST, new_name, dt.date(2020, 3, 31), SubmittedAfterTheDeadline=True,
                 DateSubmitted=dt.datetime(2020, 4, 20, 9, 0), DiffMeanHourlyPercent=0, CompanyNumber="01234567"),
    ])
    extended = service_file([
        employer(TRUST, new_name, dt.date(2021, 10, 6), SicCodes="86101", EmployerSize="5000 to 19,999"),
        employer(77, "Acme Widgets Ltd", dt.date(2021, 10, 6), SicCodes="25990"),
        employer(88, "Moorlands Council", dt.date(2021, 10, 6), SicCodes="1"),
    ])
    copy = snake_file([employer(TRUST, new_name, dt.date(2019, 3, 31), DiffMedianBonusPercent=None,
                                EmployerSize=None, SubmittedAfterTheDeadline=None)])
    paths = []
    for name, text in (("2017-18.csv", first), ("2019-20.csv", second), ("2020-21.csv", extended),
                       ("gpg_2018_19.csv", copy)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _import(*args: object) -> object:
    return runner.invoke(app, ["paygap", "import", *map(str, args)])


def test_json_is_the_contract_sorted_by_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _import(*_files(tmp_path), "--employer-id", TRUST, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["employer"] == {"employer_id": TRUST, "name": "NORTHFIELD VALLEY NHS FOUNDATION TRUST",
                                "company_number": "01234567"}
    years = data["years"]
    assert [(y["snapshot"], y["due"]) for y in years] == [
        ("2017-03-31", "2018-03-31"), ("2018-03-31", "2019-03-31"), ("2019-03-31", "2020-03-31"),
        ("2020-03-31", "2021-10-06")]
    first, copy, late, extended = years
    assert list(first) == ["snapshot", "due", "submitted", "late", "figures", "employer_size", "link",
                           "responsible_person", "recorded"]
    assert first["figures"]["DiffMeanBonusPercent"] is None and first["figures"]["FemaleBonusPercent"] == 0
    assert list(first["figures"]) == list(FULL_SET)
    assert first["submitted"] == "2018-02-28" and first["late"] is False
    assert copy["figures"]["DiffMedianBonusPercent"] is None and copy["employer_size"] is None
    assert copy["late"] is None
    assert late["late"] is True and late["submitted"] == "2020-04-20"
    assert late["figures"]["DiffMeanHourlyPercent"] == 0
    assert extended["employer_size"] == "5000 to 19,999"
    assert {y["recorded"] for y in years} == {"absent"}
    assert first["responsible_person"] == "Jo Bloggs (Chief Executive)"


def test_company_number_keeps_leading_zeros(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _import(*_files(tmp_path)[:2], "--company-number", "01234567", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [y["snapshot"] for y in json.loads(result.stdout)["years"]] == ["2017-03-31", "2019-03-31"]
    assert _import(*_files(tmp_path)[:2], "--company-number", "1234567").exit_code == 1


@pytest.mark.parametrize(("employer_id", "snapshot"), [(77, "2020-04-05"), (88, "2020-03-31")])
def test_2020_21_snapshot_from_the_other_years_or_the_public_sector_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, employer_id: int, snapshot: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = _import(*_files(tmp_path), "--employer-id", employer_id, "--format", "json")
    assert result.exit_code == 0, result.output
    assert snapshot in [y["snapshot"] for y in json.loads(result.stdout)["years"]]


def test_text_is_a_table_naming_earlier_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["paygap", "import", *map(str, _files(tmp_path)), "--employer-id", str(TRUST)],
                           env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "NORTHFIELD VALLEY NHS FOUNDATION TRUST (GOV.UK employer 4021, company number 01234567)" in result.stdout
    assert "Earlier names: Northfield Valley Hospitals NHS Trust." in result.stdout
    assert "4 years not yet recorded" in result.stdout


def test_write_records_absent_years_as_published_and_never_overwrites(valid_root: Path) -> None:
    files = _files(valid_root.parent)
    (valid_root / "paygap" / "2024-03-31.yaml").unlink()
    differing = valid_root / "paygap" / "2018-03-31.yaml"
    differing.write_text("id: 2018-03-31\nsnapshot: 2018-03-31\nfigures:\n  DiffMeanHourlyPercent: 14.2\n"
                         "  DiffMedianHourlyPercent: 9.9\n", encoding="utf-8")
    before = differing.read_text(encoding="utf-8")
    result = _import(*files, valid_root, "--employer-id", TRUST, "--write")
    assert result.exit_code == 0, result.output
    assert "differs from GOV.UK" in result.stderr and differing.read_text(encoding="utf-8") == before
    written = valid_root / "paygap" / "2017-03-31.yaml"
    text = written.read_text(encoding="utf-8")
    assert "imported_from: gov.uk" in text and "DiffMeanBonusPercent: null" in text
    assert "counts:" not in text
    assert "employer_size: 1000 to 4999" in text and "submitted: 2018-02-28" in text
    assert validate(valid_root).problems == []
    again = _import(*files, valid_root, "--employer-id", TRUST, "--format", "json")
    recorded = {y["snapshot"]: y["recorded"] for y in json.loads(again.stdout)["years"]}
    assert recorded == {"2017-03-31": "same", "2018-03-31": "differs", "2019-03-31": "same", "2020-03-31": "same"}
    assert _import(*files, valid_root, "--employer-id", TRUST, "--write").exit_code == 0
    assert written.read_text(encoding="utf-8") == text


def test_a_bad_cell_names_file_line_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "bad.csv"
    path.write_text(service_file([employer(TRUST, "A Trust", dt.date(2019, 3, 31)),
                                  employer(TRUST, "A Trust", dt.date(2020, 3, 31), DiffMeanHourlyPercent="n/k")]),
                    encoding="utf-8")
    result = _import(path, "--employer-id", TRUST)
    assert result.exit_code == 1
    assert f"{path}, line 3, column DiffMeanHourlyPercent: 'n/k' is not a number" in result.stderr
    copy = tmp_path / "copy.csv"
    copy.write_text(snake_file([employer(TRUST, "A Trust", dt.date(2019, 3, 31), DueDate="31.03.2019")]),
                    encoding="utf-8")
    result = _import(copy, "--employer-id", TRUST)
    assert result.exit_code == 1 and "line 2, column due_date: '31.03.2019' is not a date" in result.stderr


@pytest.mark.parametrize(("text", "message"), [
    ("", "The file is empty"),
    ("name,id\nA,1\n", "The header has no EmployerName"),
    ("EmployerName;EmployerId\n", "semicolons"),
])
def test_a_file_that_is_not_a_download_file_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            text: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "other.csv"
    path.write_text(text, encoding="utf-8")
    result = _import(path, "--employer-id", 1)
    assert result.exit_code == 2 and message in result.stderr and str(path) in result.stderr


def test_usage_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = _files(tmp_path)
    assert _import(*files).exit_code == 2
    assert _import(*files, "--employer-id", 1, "--company-number", "2").exit_code == 2
    assert _import(tmp_path / "none.csv", "--employer-id", 1).exit_code == 2
    missing = _import(*files, "--employer-id", 999)
    assert missing.exit_code == 1 and "no row" in missing.stderr


def test_the_reader_names_the_figures_as_the_record_does() -> None:
    from equitykit.extracts.govuk_paygap import FIGURE_NAMES
    from equitykit.records.paygap import PayGapFigures

    assert FIGURE_NAMES == tuple(PayGapFigures.model_fields)


def test_a_quote_never_closed_names_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "cut.csv"
    text = service_file([employer(TRUST, "A Trust", dt.date(2019, 3, 31))])
    path.write_text(text + 'B Trust,5,"1 Road,\nTown\n', encoding="utf-8")
    result = _import(path, "--employer-id", TRUST)
    assert result.exit_code == 2 and f"{path}, line 3: A quote" in result.stderr and "never closed" in result.stderr


def test_peers_in_the_extended_year_are_the_public_bodies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = _files(tmp_path)
    result = runner.invoke(app, ["paygap", "peers", *map(str, files), "--employer-id", str(TRUST), "--snapshot",
                                 "2020-03-31", "--sic", "1,86101,25990", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["peer_group"]["count"] == 1  # the council; the company's snapshot is 5 April
