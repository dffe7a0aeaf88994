"""Right for the body (issue 11): a council, or a body in Wales or Scotland, never sees NHS content
(no EDS, WRES or WDES section, column or advice); `grade eds`, `wres` and `wdes` say so and exit 0.
The organisation's publishing unit, staff networks, EDI roles and publications show in the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

runner = CliRunner()
AS_OF = ["--as-of", "2025-06-01"]
NHS_WORDS = ("EDS", "Equality Delivery System", "WRES", "Workforce Race Equality Standard", "WDES",
             "Workforce Disability Equality Standard", "NHS")


def _organisation(root: Path, old: str, new: str) -> None:
    path = root / "equitykit.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _as_council(root: Path, jurisdiction: str = "england") -> None:
    _organisation(root, "name: Testshire Community NHS Trust", "name: Testshire Council")
    _organisation(root, "sector: nhs-trust", "sector: local-authority")
    _organisation(root, "jurisdiction: england", f"jurisdiction: {jurisdiction}")
    _organisation(root, "eds_framework: eds2022\n", "")
    for folder in ("eds", "workforce"):
        for path in (root / folder).iterdir():
            path.unlink()
    pub = root / "publications" / "PUB-001.yaml"
    pub.write_text("id: PUB-001\ntitle: Equality information 2025\nduty: equality-information\n"
                   "published: 2025-02-20\n", encoding="utf-8")
    objective = root / "objectives" / "OBJ-01.yaml"
    objective.write_text(objective.read_text(encoding="utf-8").replace("eds_outcomes: [1A]\n", ""), encoding="utf-8")


@pytest.mark.parametrize("jurisdiction", ["england", "wales", "scotland"])
@pytest.mark.parametrize("kind", ["psed", "objectives", "actions"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_council_never_sees_nhs_content(valid_root: Path, jurisdiction: str, kind: str, fmt: str) -> None:
    _as_council(valid_root, jurisdiction)
    assert runner.invoke(app, ["validate", str(valid_root)]).exit_code == 0
    result = runner.invoke(app, ["report", kind, str(valid_root), "--format", fmt, *AS_OF])
    assert result.exit_code == 0, result.output
    found = [word for word in NHS_WORDS if word in result.stdout]
    assert found == [], found


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_trust_sees_its_nhs_sections_and_eds_column(valid_root: Path, fmt: str) -> None:
    psed = runner.invoke(app, ["report", "psed", str(valid_root), "--format", fmt, *AS_OF]).stdout
    for heading in ("Equality Delivery System", "Workforce Race Equality Standard",
                    "Workforce Disability Equality Standard"):
        assert heading in psed
    assert "EDS outcomes" in runner.invoke(app, ["report", "objectives", str(valid_root), "--format", fmt,
                                                 *AS_OF]).stdout


@pytest.mark.parametrize(("jurisdiction", "words"), [
    ("england", "does not apply to Testshire Council, a local authority"),
    ("wales", "it does not apply to Testshire Council, a body in Wales"),
])
@pytest.mark.parametrize("command", [["grade", "eds"], ["wres"], ["wdes"]])
def test_nhs_commands_on_a_council_say_so_and_exit_0(valid_root: Path, jurisdiction: str, words: str,
                                                     command: list[str]) -> None:
    _as_council(valid_root, jurisdiction)
    text = runner.invoke(app, [*command, str(valid_root)])
    assert text.exit_code == 0, text.output
    assert words in text.stdout
    as_json = runner.invoke(app, [*command, str(valid_root), "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["applies"] is False


@pytest.mark.parametrize("kind", ["eds", "wres", "wdes"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_nhs_reports_on_a_council_say_so_and_exit_0(valid_root: Path, kind: str, fmt: str) -> None:
    _as_council(valid_root)
    result = runner.invoke(app, ["report", kind, str(valid_root), "--format", fmt, *AS_OF])
    assert result.exit_code == 0, result.output
    assert "does not apply to Testshire Council" in result.stdout


def test_wdes_does_not_apply_to_a_ccg_but_wres_does(valid_root: Path) -> None:
    _organisation(valid_root, "sector: nhs-trust", "sector: ccg\nestablished: 2013-04-01\ndissolved: 2022-07-01")
    wdes = runner.invoke(app, ["wdes", str(valid_root)])
    assert (wdes.exit_code, "a clinical commissioning group" in wdes.stdout) == (0, True)
    assert "does not apply" not in runner.invoke(app, ["wres", str(valid_root)]).stdout


ICB_EXTRAS = """\
unit: Children's Services
staff_networks:
  - name: Ethnic Diverse Group
    characteristics: [race]
  - name: Disability and Neuro Diverse Staff Network
    characteristics: [disability]
    sponsor: Chief People Officer
edi_roles:
  - role: Menopause Ambassadors
    held_by: Staff across teams, with an executive sponsor
  - role: Wellbeing Guardian
    held_by: Non-Executive Director
"""

PUBLICATIONS = {
    "PUB-002": "id: PUB-002\ntitle: ICS Modern Day Slavery Statement 2023-24\nduty: modern-slavery\n"
               "published: 2024-05-01\nperiod: 2023-24\nscope: system\n",
    "PUB-003": "id: PUB-003\ntitle: Accessibility and Communication Statement\nduty: accessible-information\n"
               "published: 2024-06-01\n",
    "PUB-004": "id: PUB-004\ntitle: PSED Annual Report 2024-25\nduty: equality-information\nstatus: draft\n"
               "planned: 2025-07-31\n",
}


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_unit_networks_roles_and_publications_show_in_the_psed_report(valid_root: Path, fmt: str) -> None:
    _organisation(valid_root, "eds_framework: eds2022\n", "eds_framework: eds2022\n" + ICB_EXTRAS)
    for name, text in PUBLICATIONS.items():
        (valid_root / "publications" / f"{name}.yaml").write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["validate", str(valid_root), "--strict"]).exit_code == 0
    result = runner.invoke(app, ["report", "psed", str(valid_root), "--format", fmt, *AS_OF])
    assert result.exit_code == 0, result.output
    page = result.stdout.replace("&#39;", "'").replace("&#x27;", "'")
    for words in ("Children's Services, Testshire Community NHS Trust", "Ethnic Diverse Group",
                  "Disability and Neuro Diverse Staff Network", "Chief People Officer", "Menopause Ambassadors",
                  "Wellbeing Guardian", "Non-Executive Director",
                  "ICS Modern Day Slavery Statement 2023-24 (system-wide, for the integrated care system)",
                  "Accessibility and Communication Statement", "Accessible Information Standard",
                  "Draft, in hand", "expected 31 July 2025", "draft, in hand, expected 31 July 2025"):
        assert words in page, words
    assert "Modern slavery statement, financial year 2023-24" in page


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_psed_calendar_shows_an_unknown_headcount_duty_as_unknown_with_its_fix(valid_root: Path, fmt: str) -> None:
    result = runner.invoke(app, ["report", "psed", str(valid_root), "--format", fmt, *AS_OF])
    row = next(line for line in result.stdout.splitlines() if "Gender pay gap, snapshot 31 March 2024" in line)
    assert "Unknown" in row and "Overdue" not in row
    # the fix (add the headcount in equitykit.yaml) stays in `deadlines`; the public reads why it is unknown
    assert "the number of employees on the snapshot date is not recorded" in row
