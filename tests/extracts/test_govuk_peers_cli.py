"""`equitykit paygap peers`: peer selection (SIC with the public-sector marker 1, size, name), the statistics
worked by hand, null with fewer than two peers, --write, and both JSON contracts against their schemas."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from equitykit.checks.validate import validate
from equitykit.cli import app

from .govuk_files import employer, service_file, snake_file

runner = CliRunner()
OUTPUTS = Path(__file__).parent.parent.parent / "schemas" / "output"
DUE = dt.date(2020, 3, 31)  # snapshot 2019-03-31
BODY = 10


def _peer(employer_id: int, name: str, mean: float, **given: object) -> dict:
    return employer(employer_id, name, DUE, **{"DiffMeanHourlyPercent": mean, "DiffMedianBonusPercent": None, **given})


def _file(tmp_path: Path) -> Path:
    """The body (SIC 86101 and the public-sector marker 1) and its would-be peers.

    Default peers share 86101: means 5, 8, 10, 12, 15, 20 (six). Median (10 + 12) / 2 = 11.0. Inclusive
    quartiles: m = 5; lower j = 5 // 4 = 1, delta 1: (8 x 3 + 10) / 4 = 8.5; upper j = 15 // 4 = 3, delta 3:
    (12 + 15 x 3) / 4 = 14.25. The body's 10.0: 2 below, 1 equal: 100 x 2.5 / 6 = 41.7 (41.666...).
    Only Beta gives a median bonus gap: one peer, so its summary is null.
    """
    rows = [
        _peer(BODY, "Body NHS Trust", 10.0, SicCodes="86101,\n1", DiffMedianBonusPercent=4.0),
        _peer(11, "Alpha NHS Trust", 5.0),
        _peer(12, "Beta NHS Foundation Trust", 8.0, DiffMedianBonusPercent=7.5),
        _peer(13, "Gamma Healthcare Ltd", 10.0),
        _peer(14, "Delta NHS Trust", 12.0, SicCodes="86101,86900"),
        _peer(15, "Epsilon NHS Trust", 20.0),
        _peer(18, "Northfield Acute NHS Foundation Trust", 15.0, EmployerSize="5000 to 19,999"),
        _peer(16, "Moorlands Council", 30.0, SicCodes="1"),
        employer(17, "Acme Widgets Ltd", dt.date(2020, 4, 5), SicCodes="86101"),
        employer(11, "Alpha NHS Trust", dt.date(2019, 3, 31), SicCodes="86101"),
    ]
    path = tmp_path / "2019-20.csv"
    path.write_text(service_file(rows), encoding="utf-8")
    return path


def _peers(*args: object, root: Path | None = None) -> object:
    return runner.invoke(app, ["paygap", "peers", *map(str, args), *([str(root)] if root else []),
                               "--employer-id", str(BODY), "--snapshot", "2019-03-31"])


def assert_valid(name: str, output: str) -> dict:
    schema = json.loads((OUTPUTS / f"{name}.schema.json").read_text(encoding="utf-8"))
    data = json.loads(output)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


def test_default_peers_share_the_bodys_own_sic_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _peers(_file(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = assert_valid("paygap-peers", result.stdout)
    assert data["snapshot"] == "2019-03-31"
    assert data["peer_group"] == {"count": 6, "sic_codes": ["86101"], "size": None, "name_matches": None}
    assert data["figures"]["DiffMeanHourlyPercent"] == {
        "body": 10.0, "peers": 6, "median": 11.0, "lower_quartile": 8.5, "upper_quartile": 14.25, "percentile": 41.7}
    assert data["figures"]["DiffMedianBonusPercent"] == {
        "body": 4.0, "peers": 1, "median": None, "lower_quartile": None, "upper_quartile": None, "percentile": None}
    assert list(data["figures"]) == ["DiffMeanHourlyPercent", "DiffMedianHourlyPercent", "DiffMeanBonusPercent",
                                     "DiffMedianBonusPercent", "FemaleTopQuartile"]
    assert data["figures"]["FemaleTopQuartile"]["percentile"] == 50.0  # all seven the same


@pytest.mark.parametrize(("options", "count", "group"), [
    (("--size",), 5, {"sic_codes": ["86101"], "size": "1000 to 4999", "name_matches": None}),
    (("--name-matches", "nhs (foundation )?trust"), 5,
     {"sic_codes": None, "size": None, "name_matches": "nhs (foundation )?trust"}),
    (("--sic", "1"), 1, {"sic_codes": ["1"], "size": None, "name_matches": None}),
    (("--sic", "86900,25990"), 1, {"sic_codes": ["86900", "25990"], "size": None, "name_matches": None}),
])
def test_peer_filters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...], count: int,
                      group: dict) -> None:
    monkeypatch.chdir(tmp_path)
    result = _peers(_file(tmp_path), *options, "--format", "json")
    assert result.exit_code == 0, result.output
    data = assert_valid("paygap-peers", result.stdout)
    assert data["peer_group"] == {"count": count, **group}
    if count < 2:
        assert {figure["percentile"] for figure in data["figures"].values()} == {None}


def test_the_only_public_sector_code_counts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "councils.csv"
    path.write_text(snake_file([_peer(BODY, "Body Council", 10.0, SicCodes="1"),
                                _peer(21, "Other Council", 12.0, SicCodes="1"),
                                _peer(22, "A Trust", 14.0, SicCodes="86101")]), encoding="utf-8")
    data = json.loads(_peers(path, "--format", "json").stdout)
    assert data["peer_group"]["sic_codes"] == ["1"] and data["peer_group"]["count"] == 1


def test_write_keeps_the_summary_and_reports_say_where_the_body_stands(valid_root: Path) -> None:
    files = _file(valid_root.parent)
    record = valid_root / "paygap" / "2019-03-31.yaml"
    assert _peers(files, "--write", root=valid_root).exit_code == 1  # the figures come first
    imported = runner.invoke(app, ["paygap", "import", str(files), str(valid_root), "--employer-id", str(BODY),
                                   "--write", "--format", "json"])
    assert imported.exit_code == 0, imported.output
    assert_valid("paygap-import", imported.stdout)
    text = record.read_text(encoding="utf-8").replace("DiffMeanHourlyPercent: 10.0", "DiffMeanHourlyPercent: 12.0")
    record.write_text(text, encoding="utf-8")
    result = _peers(files, "--write", "--format", "json", root=valid_root)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["figures"]["DiffMeanHourlyPercent"]["body"] == 12.0  # the record's figure, not the row's
    assert data["figures"]["DiffMeanHourlyPercent"]["percentile"] == 58.3  # 3 below, 1 equal of 6
    written = record.read_text(encoding="utf-8")
    assert written.startswith(text.rstrip("\n")) and "peers:\n  count: 6\n" in written
    assert "  - Alpha NHS Trust\n" in written
    assert validate(valid_root).problems == []
    assert _peers(files, "--write", root=valid_root).exit_code == 0
    assert record.read_text(encoding="utf-8") == written


def test_text_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = _file(tmp_path)
    result = runner.invoke(app, ["paygap", "peers", str(path), "--employer-id", "10", "--snapshot", "2019-03-31"],
                           env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Gender pay gap among 6 peers at 2019-03-31 (SIC code 86101)" in result.stdout
    assert "Peers: Alpha NHS Trust, Beta NHS Foundation Trust" in result.stdout
    other = runner.invoke(app, ["paygap", "peers", str(path), "--employer-id", "10", "--snapshot", "2018-03-31"])
    assert other.exit_code == 1 and "no row at the snapshot 2018-03-31" in other.stderr
    bad = runner.invoke(app, ["paygap", "peers", str(path), "--employer-id", "10", "--snapshot", "2019-03-31",
                              "--name-matches", "("])
    assert bad.exit_code == 2 and "not a regular expression" in bad.stderr


@pytest.mark.parametrize(("lang", "heading", "sentence"), [
    ("en", "## How we compare with other employers",
     "Our median gender pay gap in hourly pay, 9.8%, was higher than those of about 50% of them (a percentile of "
     "50.0)"),
    ("cy", "## Sut rydym yn cymharu â chyflogwyr eraill", "Ein canradd"),
])
def test_the_reports_say_where_the_body_stands_and_who_the_peers_are(valid_root: Path, lang: str, heading: str,
                                                                      sentence: str) -> None:
    import datetime as dt

    from equitykit.records.repository import load_records
    from equitykit.reporting.reports import render_report

    files = _file(valid_root.parent)
    for command in (["import", str(files), str(valid_root)], ["peers", str(files), str(valid_root), "--snapshot",
                                                              "2019-03-31"]):
        result = runner.invoke(app, ["paygap", *command, "--employer-id", str(BODY), "--write"])
        assert result.exit_code == 0, result.output
    records = load_records(valid_root, dt.date(2019, 12, 31))
    for kind in ("paygap", "psed"):
        text = render_report(kind, records, dt.date(2019, 12, 31), "md", lang=lang)
        assert heading.replace("## ", "") in text and sentence in text
        assert "- Alpha NHS Trust" in text and "- Moorlands Council" not in text
