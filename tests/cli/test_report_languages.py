"""`equitykit report --lang cy|en|all`: one language, one file a language, or one bilingual document."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
from docx.oxml.ns import qn
from typer.testing import CliRunner

from equitykit.cli import app

EXAMPLES = Path(__file__).parents[2] / "examples"
AS_OF = "2025-11-30"


def run(*arguments: str):
    return CliRunner().invoke(app, ["report", *arguments, "--as-of", AS_OF])


def council(tmp_path: Path, **settings: str) -> Path:
    """A copy of the Welsh example council, with settings added to its equitykit.yaml."""
    root = tmp_path / "council"
    shutil.copytree(EXAMPLES / "aran-vale-council", root)
    with (root / "equitykit.yaml").open("a", encoding="utf-8") as handle:
        handle.writelines(f"{key}: {value}\n" for key, value in settings.items())
    return root


def test_welsh_and_english_reports_say_their_language() -> None:
    welsh = run("objectives", str(EXAMPLES / "aran-vale-council"), "--format", "html", "--lang", "cy")
    assert welsh.exit_code == 0, welsh.output
    assert '<html lang="cy">' in welsh.stdout and "<h1>Amcanion cydraddoldeb</h1>" in welsh.stdout
    english = run("objectives", str(EXAMPLES / "aran-vale-council"), "--format", "html", "--lang", "en")
    assert '<html lang="en-GB">' in english.stdout and "<h1>Equality objectives</h1>" in english.stdout


def test_without_lang_a_report_is_english_unless_the_body_publishes_only_in_welsh(tmp_path: Path) -> None:
    assert "# Equality objectives" in run("objectives", str(EXAMPLES / "aran-vale-council")).stdout
    only_welsh = run("objectives", str(council(tmp_path, languages="[cy]")))
    assert only_welsh.exit_code == 0, only_welsh.output
    assert only_welsh.stdout.startswith("# Amcanion cydraddoldeb")


def test_welsh_for_a_body_not_publishing_in_welsh_is_written_with_a_warning() -> None:
    result = run("eias", str(EXAMPLES / "northfield-trust"), "--lang", "cy")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Asesiadau o'r effaith ar gydraddoldeb")
    assert "warning: the body does not publish in Welsh" in result.stderr


def test_english_for_a_body_not_publishing_in_english_needs_no_warning(tmp_path: Path) -> None:
    result = run("eias", str(council(tmp_path, languages="[cy]")), "--lang", "en")
    assert result.exit_code == 0 and result.stderr == ""


def test_all_languages_as_separate_files_needs_out(tmp_path: Path) -> None:
    result = run("psed", str(EXAMPLES / "aran-vale-council"), "--lang", "all")
    assert result.exit_code == 2
    assert "--lang all writes one file for each language (cy, en); add --out FILE" in result.stderr
    assert "report.cy.md and report.en.md" in result.stderr


def test_all_languages_as_separate_files(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("psed", str(EXAMPLES / "aran-vale-council"), "--lang", "all", "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert not out.exists()
    assert '<html lang="cy">' in (tmp_path / "report.cy.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in (tmp_path / "report.en.html").read_text(encoding="utf-8")


def test_all_languages_side_by_side_in_one_html_document(tmp_path: Path) -> None:
    root = council(tmp_path, bilingual_layout="side-by-side")
    result = run("objectives", str(root), "--lang", "all", "--format", "html")
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert '<html lang="cy">' in page and '<div class="bilingual side-by-side">' in page
    assert page.index('<div class="part" lang="cy">') < page.index('<div class="part" lang="en-GB">')
    assert "<h1>Amcanion cydraddoldeb</h1>" in page and "<h1>Equality objectives</h1>" in page
    assert '<p lang="en-GB">Produced with equitykit from Aran Vale County Council' in page
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "every anchor is unique across the two languages"
    assert all(f'id="{target}"' in page for target in re.findall(r'href="#([^"]+)"', page))


def test_all_languages_welsh_first_in_markdown_and_word(tmp_path: Path) -> None:
    root = council(tmp_path, bilingual_layout="welsh-first")
    markdown = run("eias", str(root), "--lang", "all").stdout
    assert markdown.index("# Asesiadau o'r effaith ar gydraddoldeb") < markdown.index("# Equality impact assessments")
    out = tmp_path / "eias.docx"
    assert run("eias", str(root), "--lang", "all", "--format", "docx", "--out", str(out)).exit_code == 0
    document = docx.Document(io.BytesIO(out.read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert headings == ["Asesiadau o'r effaith ar gydraddoldeb", "Equality impact assessments"]
    english_title = next(p for p in document.paragraphs if p.text == "Equality impact assessments")
    assert {run._r.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) for run in english_title.runs} == {"en-GB"}


def test_the_system_report_in_welsh() -> None:
    icb = Path(__file__).parents[1] / "fixtures" / "system" / "staffordshire-icb"
    result = CliRunner().invoke(app, ["report", "system", str(icb), "--lang", "cy", "--as-of", AS_OF])
    assert result.stdout.startswith("# Adroddiad cydraddoldeb y system gofal integredig")
