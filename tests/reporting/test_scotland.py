"""A body in Scotland reads its own law's words (SSI 2012/162): its objectives/ records are equality outcomes and
its report on the duty is the mainstreaming and equality outcomes progress report; the characteristics a body
adds in equitykit.yaml are listed beside the nine protected characteristics, in English and in Welsh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

from .conftest import check_golden
from .test_word import outline

FIXTURES = Path(__file__).parents[1] / "fixtures"
SCOTLAND = FIXTURES / "scotland"
EXAMPLES = Path(__file__).parents[2] / "examples"
AS_OF = "2025-10-01"


def render(root: Path, kind: str, output_format: str, lang: str = "en") -> str:
    result = CliRunner().invoke(app, ["report", kind, str(root), "--format", output_format, "--lang", lang,
                                      "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    return outline(result.stdout_bytes) if output_format == "docx" else result.stdout


@pytest.mark.parametrize(("kind", "output_format", "lang"), [
    *((kind, output_format, "en") for kind in ("psed", "objectives") for output_format in ("md", "html", "docx")),
    ("psed", "md", "cy"), ("objectives", "md", "cy"), ("actions", "md", "en"),
])
def test_scottish_council_reports_match_golden(kind: str, output_format: str, lang: str) -> None:
    suffix = "docx.txt" if output_format == "docx" else output_format
    check_golden(f"scotland/{kind}.{lang}.{suffix}", render(SCOTLAND, kind, output_format, lang))


@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
def test_a_body_in_scotland_reads_equality_outcomes_and_the_mainstreaming_report(output_format: str) -> None:
    psed = render(SCOTLAND, "psed", output_format)
    assert "Mainstreaming and equality outcomes progress report 2024-25" in psed
    assert "made the general equality duty integral to its work (mainstreaming)" in psed
    assert "Public Sector Equality Duty annual report" not in psed
    objectives = render(SCOTLAND, "objectives", output_format)
    assert "Progress towards our equality outcomes" in objectives
    assert "has set 2 equality outcomes" in objectives
    assert "How far each outcome measure has come" in objectives
    assert "Equality outcomes: OBJ-01" in render(SCOTLAND, "actions", output_format)  # what the action serves
    for text in (psed, objectives):
        assert "Equality outcomes" in text
        assert "Equality objective" not in text and "objective measure" not in text


def test_a_body_in_england_keeps_equality_objectives() -> None:
    """A body in England keeps the words of its own regulations (SI 2017/353)."""
    psed = render(EXAMPLES / "northfield-trust", "psed", "md")
    assert "# Public Sector Equality Duty annual report" in psed
    assert "## Equality objectives" in psed and "Equality outcomes" not in psed
    assert "Equality objective plan" in render(EXAMPLES / "northfield-trust", "objectives", "md")


@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
def test_a_body_in_wales_reads_its_strategic_equality_plan_and_annual_equality_report(output_format: str) -> None:
    """A body in Wales sets equality objectives in its strategic equality plan and publishes an annual equality
    report (SI 2011/1064 regs 3, 14-16), in both languages."""
    council = EXAMPLES / "aran-vale-council"
    psed = render(council, "psed", output_format)
    assert "Annual equality report 2024-25" in psed and "Public Sector Equality Duty annual report" not in psed
    assert "progress on the equality objectives of its strategic equality plan" in psed
    assert "Equality objectives" in psed and "Equality outcomes" not in psed
    objectives = render(council, "objectives", output_format)
    assert "Strategic equality plan: equality objectives" in objectives
    assert "Equality objective plan" not in objectives
    welsh = render(council, "psed", output_format, lang="cy")
    assert "Adroddiad blynyddol ar gydraddoldeb 2024-25" in welsh
    assert "Cynllun cydraddoldeb strategol: amcanion cydraddoldeb" in welsh


def test_the_calendar_of_a_body_in_scotland_speaks_of_outcomes() -> None:
    result = CliRunner().invoke(app, ["deadlines", str(SCOTLAND), "--format", "json", "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    found = {o["id"]: o for o in json.loads(result.stdout)}
    assert found["scotland-outcomes-progress"]["title"] == "Progress on equality outcomes"
    assert found["scotland-outcomes-progress"]["due"] == "2027-04-01"  # the mainstreaming report of April 2025
    assert found["scotland-mainstreaming-report"]["title"] == "Mainstreaming report"
    assert found["scotland-equality-outcomes"]["due"] == "2029-04-28"
    assert found["objective-OBJ-01"]["basis"] == "The body's equality outcomes: the outcome's end date"
    explained = CliRunner().invoke(app, ["deadlines", str(SCOTLAND), "--as-of", AS_OF, "--explain",
                                         "objective-OBJ-01"]).stdout
    assert "rule:        Achieve the outcome by its end date (lead: Head of Children's Services)." in explained
    assert "The body's equality outcomes: the outcome's end date" in explained


@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
@pytest.mark.parametrize(("lang", "nine", "also", "local"), [
    ("en", "The duty covers the nine protected characteristics of the Equality Act 2010:",
     "Beside them, we also consider:", ("Socio-economic disadvantage", "Welsh language (Welsh Language Standards)")),
    ("cy", "Mae'r ddyletswydd yn cwmpasu naw nodwedd warchodedig Deddf Cydraddoldeb 2010:",
     "Ochr yn ochr â'r rhain, rydym hefyd yn ystyried:", ("Anfantais economaidd-gymdeithasol", "Y Gymraeg")),
])
def test_local_characteristics_are_listed_beside_the_nine(output_format: str, lang: str, nine: str, also: str,
                                                          local: tuple[str, ...]) -> None:
    """The Welsh council's own characteristics (socio-economic disadvantage, the Welsh language) follow the nine
    in its PSED report, in its Welsh name in the Welsh report."""
    psed = render(EXAMPLES / "aran-vale-council", "psed", output_format, lang)
    if output_format == "html":
        psed = psed.replace("&#39;", "'").replace("&#x27;", "'")
    assert nine in psed and also in psed
    assert psed.index(nine) < psed.index(also)
    for name in local:
        assert psed.index(also) < psed.index(name, psed.index(also))


def test_no_local_characteristics_no_second_list(tmp_path: Path) -> None:
    root = tmp_path / "body"
    root.mkdir()
    (root / "equitykit.yaml").write_text((SCOTLAND / "equitykit.yaml").read_text().split("characteristics:")[0])
    psed = render(root, "psed", "md")
    assert "nine protected characteristics" in psed and "we also consider" not in psed


def test_validation_speaks_of_outcomes_to_a_body_in_scotland(tmp_path: Path) -> None:
    """EK450 and EK451 name an outcome, and a missing measure by Scotland's reg 4(4) (progress reported every two
    years), not by England's "specific and measurable objectives"."""
    import shutil

    root = tmp_path / "scotland"
    shutil.copytree(SCOTLAND, root)
    objective = root / "objectives" / "OBJ-02.yaml"
    objective.write_text(objective.read_text().split("measures:")[0])
    result = CliRunner().invoke(app, ["validate", str(root), "--format", "json", "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    messages = {p["code"]: p["message"] for p in json.loads(result.stdout)["problems"]}
    assert messages["EK450"].startswith("1 outcome states no status (OBJ-02)")
    assert messages["EK451"].startswith("the outcome was published with no measures; a body in Scotland reports its "
                                        "progress towards each equality outcome at least every two years")
    assert "specific and measurable objectives" not in result.stdout
