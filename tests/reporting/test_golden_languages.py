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
