"""The Welsh example council's reports, every kind, in Welsh and in English: Markdown, HTML and the Word outline."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.reporting.reports import REPORT_KINDS

from .conftest import check_golden
from .test_word import outline

COUNCIL = Path(__file__).parents[2] / "examples" / "aran-vale-council"
AS_OF = "2025-10-01"


def render(kind: str, output_format: str, lang: str) -> str | bytes:
    result = CliRunner().invoke(app, ["report", kind, str(COUNCIL), "--format", output_format, "--lang", lang,
                                      "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes if output_format == "docx" else result.stdout


@pytest.mark.parametrize("lang", ["cy", "en"])
@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_welsh_council_report_matches_golden(kind: str, output_format: str, lang: str) -> None:
    rendered = render(kind, output_format, lang)
    if isinstance(rendered, bytes):
        check_golden(f"aran/{kind}.{lang}.docx.txt", outline(rendered))
    else:
        check_golden(f"aran/{kind}.{lang}.{output_format}", rendered)


@pytest.mark.parametrize("lang", ["cy", "en"])
@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
def test_one_assessment_as_its_form_reads_matches_golden(output_format: str, lang: str) -> None:
    """`report eia EIA-ID`: the Welsh example's assessment with every field of the form, in both languages."""
    result = CliRunner().invoke(app, ["report", "eia", "EIA-2025-002", str(COUNCIL), "--format", output_format,
                                      "--lang", lang, "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    if output_format == "docx":
        check_golden(f"aran/eia-EIA-2025-002.{lang}.docx.txt", outline(result.stdout_bytes))
    else:
        check_golden(f"aran/eia-EIA-2025-002.{lang}.{output_format}", result.stdout)
