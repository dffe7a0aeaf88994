"""The kinds of body the seed documents name (../shared/seeds), each with the duties that apply to
it, on the date its document describes: a council directorate's 2013-14 plan (2011 regulations), a
CCG's last PSED report (163 staff; abolished 1 July 2022), and an ICB's 2023 equality page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()
CONTACT = "alternative_formats: {email: equality@body.example}\n"
BODIES = {
    "directorate": ("name: Testshire County Council\nunit: Children's Services\nsector: local-authority\n"
                    "jurisdiction: england\nheadcount: [{date: 2013-03-31, employees: 2400}]\n" + CONTACT),
    "ccg": ("name: NHS South Testshire CCG\nsector: ccg\njurisdiction: england\nestablished: 2013-04-01\n"
            "dissolved: 2022-07-01\nheadcount: [{date: 2021-03-31, employees: 163}]\n" + CONTACT),
    "icb": ("name: Testshire Integrated Care Board\nsector: icb\njurisdiction: england\nestablished: 2022-07-01\n"
            "headcount: [{date: 2023-03-31, employees: 610}]\n" + CONTACT),
}


def _folder(tmp_path: Path, body: str) -> Path:
    root = tmp_path / body
    root.mkdir()
    (root / "equitykit.yaml").write_text(BODIES[body], encoding="utf-8")
    return root


def _calendar(root: Path, as_of: str) -> dict[str, dict]:
    result = runner.invoke(app, ["deadlines", str(root), "--as-of", as_of, "--format", "json"])
    assert result.exit_code == 0, result.output
    return {o["id"]: o for o in json.loads(result.stdout)}


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_council_directorate_2013_plan(tmp_path: Path, fmt: str) -> None:
    root = _folder(tmp_path, "directorate")
    found = _calendar(root, "2013-06-01")
    assert found["england-equality-information"]["due"] == "2012-01-31"
    assert found["england-equality-information"]["basis"].startswith("SI 2011/2260")
    assert found["england-equality-objectives"]["due"] == "2012-04-06"
    assert not [i for i in found if i.startswith(("gpg-", "eds-", "wres-", "wdes-"))]
    report = runner.invoke(app, ["report", "psed", str(root), "--format", fmt, "--as-of", "2013-06-01"]).stdout
    assert "Children’s Services, Testshire County Council" in report.replace("'", "’").replace("&#39;", "’")
    assert "WRES" not in report and "Equality Delivery System" not in report


def test_a_ccg_with_163_staff(tmp_path: Path) -> None:
    found = _calendar(_folder(tmp_path, "ccg"), "2022-05-01")
    assert found["gpg-2021"]["status"] == "not-applicable"
    assert "163 employees on 31 March 2021: below the 250 threshold" in found["gpg-2021"]["note"]
    assert any(i.startswith("wres-") for i in found) and not any(i.startswith("wdes-") for i in found)

    (tmp_path / "later").mkdir()
    after = _calendar(_folder(tmp_path / "later", "ccg"), "2024-01-01")
    assert all(o["due"] < "2022-07-01" or o["status"] == "not-applicable" for o in after.values())


def test_an_icb_in_2023_shows_nothing_from_2012(tmp_path: Path) -> None:
    root = _folder(tmp_path, "icb")
    (root / "publications").mkdir()
    (root / "publications" / "PUB-001.yaml").write_text(
        "id: PUB-001\ntitle: PSED Annual Report 2022-2023\nduty: equality-information\nstatus: draft\n"
        "planned: 2023-04-30\n", encoding="utf-8")
    found = _calendar(root, "2023-07-14")
    overdue = [o for o in found.values() if o["status"] == "overdue"]
    assert [(o["id"], o["due"], o["in_hand"]) for o in overdue] == [
        ("england-equality-information", "2023-07-01", "PUB-001")]  # a year after 1 July 2022; in draft
    assert found["gpg-2023"]["due"] == "2024-03-30"  # the seed: "apply to ICBs from 30 March 2024"
    assert found["england-equality-objectives"]["due"] == "2026-07-01"


@pytest.mark.parametrize(("fmt", "marker"), [("text", "Children's Services, Testshire County Council: deadlines"),
                                             ("ics", "X-WR-CALNAME:Children's Services\\, Testshire County Council")])
def test_the_directorate_names_its_calendar(tmp_path: Path, fmt: str, marker: str) -> None:
    result = runner.invoke(app, ["deadlines", str(_folder(tmp_path, "directorate")), "--as-of", "2013-06-01",
                                 "--format", fmt], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert marker in result.stdout
