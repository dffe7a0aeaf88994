"""A section for a duty appears only where the duty applies to the body, or where the body recorded figures by
choice: a Welsh council (no gender pay gap regulations in Wales) has no gender pay gap section unless it
recorded its gap; a council in England has no EDS, WRES or WDES section; an English body below the threshold
says it is not required to publish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

COUNCIL = Path(__file__).parents[2] / "examples" / "aran-vale-council"
runner = CliRunner()


def report(root: Path, kind: str, lang: str = "en", output_format: str = "md") -> str:
    result = runner.invoke(app, ["report", kind, str(root), "--as-of", "2025-11-30", "--lang", lang,
                                 "--format", output_format])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def council_without_pay_gap(tmp_path: Path) -> Path:
    """The Welsh example council with its gender pay gap figures (and what refers to them) taken out."""
    root = tmp_path / "aran"
    shutil.copytree(COUNCIL, root)
    shutil.rmtree(root / "paygap")
    (root / "publications" / "2025-03-20-gender-pay-gap-2024.yaml").unlink()
    annual = root / "publications" / "2025-10-16-annual-report-2024-25.yaml"
    annual.write_text(annual.read_text(encoding="utf-8").replace("  - paygap/2024-03-31\n", ""), encoding="utf-8")
    return root


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_welsh_council_without_pay_gap_figures_has_no_pay_gap_section(council_without_pay_gap: Path,
                                                                        lang: str) -> None:
    text = report(council_without_pay_gap, "psed", lang)
    assert "## Gender pay gap" not in text and "## Bwlch cyflog rhwng y rhywiau" not in text
    assert "pay gap figures" not in text and "bwlch cyflog rhwng y rhywiau wedi" not in text


def test_a_welsh_council_pay_gap_report_says_no_duty_applies(council_without_pay_gap: Path) -> None:
    text = report(council_without_pay_gap, "paygap")
    assert ("No gender pay gap reporting duty applies to Aran Vale County Council, a body in Wales, and it has "
            "recorded no pay gap figures.") in text


def test_a_welsh_council_that_recorded_its_pay_gap_by_choice_shows_it() -> None:
    text = report(COUNCIL, "psed")
    assert "## Gender pay gap" in text and "| 2\\. Median gender pay gap in hourly pay | 8.2% |" in text


def test_an_english_body_below_the_threshold_says_it_is_not_required_to_publish(tmp_path: Path) -> None:
    root = tmp_path / "small"
    root.mkdir()
    (root / "equitykit.yaml").write_text(
        "name: Testshire Council\nsector: local-authority\njurisdiction: england\n"
        "headcount: [{date: 2025-03-31, employees: 180}]\nalternative_formats: {email: e@body.example}\n",
        encoding="utf-8")
    text = report(root, "psed")
    assert "Testshire Council is not required to publish gender pay gap figures (180 employees on 31 March 2025: " \
           "below the 250 threshold for the gender pay gap)." in text
    assert "Equality Delivery System" not in text and "Workforce Race Equality Standard" not in text
