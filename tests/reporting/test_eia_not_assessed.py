"""A new equality impact assessment, with no characteristic assessed yet, is never reported as having found
no negative impact: the register and the assessment say nothing has been assessed yet, in every format and
in Welsh, in the EIA register and in the annual report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app

from .test_word import outline

COUNCIL = Path(__file__).parents[2] / "examples" / "aran-vale-council"
runner = CliRunner()
SAYS = {"en": ("No characteristic has been assessed yet.", "None assessed yet"),
        "cy": ("Nid oes unrhyw nodwedd wedi'i hasesu eto.", "Dim wedi'u hasesu eto")}


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Welsh example council with a new EIA just added by `equitykit new`, completed in 2024-25."""
    root = tmp_path_factory.mktemp("council") / "aran"
    shutil.copytree(COUNCIL, root)
    result = runner.invoke(app, ["new", "eia", str(root), "--title", "Library opening hours", "--as-of", "2025-01-06"])
    assert result.exit_code == 0, result.output
    path = root / "eias" / "EIA-2025-003.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\ncompleted:\n", "\ncompleted: 2025-01-10\n"),
                    encoding="utf-8")
    return root


def rendered(root: Path, kind: str, output_format: str, lang: str) -> str:
    result = runner.invoke(app, ["report", kind, str(root), "--format", output_format, "--lang", lang,
                                 "--as-of", "2025-11-30"])
    assert result.output is not None
    text = outline(result.stdout_bytes) if output_format == "docx" else result.stdout
    return text.replace("&#39;", "'")


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("output_format", ["md", "html", "docx"])
def test_a_new_eia_with_nothing_assessed_says_no_characteristic_is_assessed_yet(
        council: Path, output_format: str, lang: str) -> None:
    nothing_assessed, none_yet = SAYS[lang]
    register = rendered(council, "eias", output_format, lang)
    assert nothing_assessed in register and none_yet in register
    assert "No negative impact was found." not in register.split("EIA-2025-003")[-1]
    annual = rendered(council, "psed", output_format, lang)
    assert none_yet in annual
