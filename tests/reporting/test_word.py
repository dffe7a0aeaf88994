"""Every report kind as a Word document: opened and checked for headings, tables, alt text and language,
and its outline (headings, captions, cells, pictures) kept as a golden file."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.reporting.reports import REPORT_KINDS, build_report
from equitykit.reporting.reports.document import Chart, Section, Table

from .conftest import AS_OF, check_golden

EXAMPLES = Path(__file__).parents[2] / "examples"


def outline(data: bytes) -> str:
    """What a reader of the document meets, in order: headings with their level, paragraphs with their
    style, tables row by row, and pictures by their alt text."""
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    body = document.element.body
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = next(paragraphs)
            for picture in child.iter(qn("wp:docPr")):
                lines.append(f"[picture: {picture.get('descr')}]")
            if paragraph.text:
                lines.append(f"{paragraph.style.name}: {paragraph.text}")
        elif child.tag == qn("w:tbl"):
            for row in next(tables).rows:
                lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines) + "\n"


def render(root: Path, kind: str, as_of: str) -> bytes:
    result = CliRunner().invoke(app, ["report", kind, str(root), "--format", "docx", "--as-of", as_of])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def walk(sections: tuple[Section, ...], level: int = 1):
    for section in sections:
        yield section, level
        yield from walk(section.subsections, level + 1)


@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_word_report_matches_golden(trust_root: Path, kind: str) -> None:
    check_golden(f"{kind}.docx.txt", outline(render(trust_root, kind, AS_OF)))


@pytest.mark.parametrize("example", ["northfield-trust", "aran-vale-council"])
@pytest.mark.parametrize("kind", REPORT_KINDS)
def test_word_report_is_an_accessible_document(example: str, kind: str) -> None:
    from equitykit.records.repository import load_records

    root = EXAMPLES / example
    report = build_report(kind, load_records(root), dt.date(2025, 10, 1))
    document = docx.Document(io.BytesIO(render(root, kind, "2025-10-01")))

    headings = [(p.text, p.style.name) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == (report.title, "Title")
    expected = [(s.heading, f"Heading {level}") for s, level in walk(report.sections)]
    assert [h for h in headings if h[0] != "Contents"][1:] == expected

    normal = document.styles["Normal"].element.find(qn("w:rPr")).find(qn("w:lang"))
    assert normal.get(qn("w:val")) == "en-GB"
    assert document.core_properties.language == "en-GB"
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)

    shown = [b.table if isinstance(b, Chart) else b for s, _ in walk(report.sections) for b in s.blocks
             if isinstance(b, (Table, Chart))]
    with_rows = [t for t in shown if t.rows]
    assert len(document.tables) == len(with_rows)
    for word_table, table in zip(document.tables, with_rows, strict=True):
        header = word_table.rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")) is not None, table.caption
        assert [c.text for c in word_table.rows[0].cells] == list(table.columns)
        assert [[c.text for c in row.cells] for row in word_table.rows[1:]] == [
            [c.link.text if c.link else c.text for c in row] for row in table.rows]
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in word_table.rows)

    charts = [b for s, _ in walk(report.sections) for b in s.blocks if isinstance(b, Chart)]
    pictures = list(document.element.body.iter(qn("wp:docPr")))
    logo = 1 if report.logo and report.logo.src.startswith(("data:image/png", "data:image/jpeg")) else 0
    assert len(pictures) == len(charts) + logo
    assert all(p.get("descr") for p in pictures)


@pytest.mark.parametrize("kind", ["wres", "wdes", "psed"])
def test_word_report_suppresses_the_cells_the_html_suppresses(kind: str) -> None:
    root = EXAMPLES / "northfield-trust"
    document = docx.Document(io.BytesIO(render(root, kind, "2025-10-01")))
    word_cells = sum(cell.text == "[c]" for table in document.tables for row in table.rows for cell in row.cells)
    html = CliRunner().invoke(app, ["report", kind, str(root), "--format", "html", "--as-of", "2025-10-01"]).stdout
    html_cells = len(re.findall(r"<t[dh][^>]*>\[c\]</t[dh]>", html))
    assert html_cells > 0
    assert word_cells == html_cells


def test_word_report_links_are_hyperlinks_with_their_own_words(trust_root: Path) -> None:
    document = docx.Document(io.BytesIO(render(trust_root, "psed", AS_OF)))
    links = list(document.element.body.iter(qn("w:hyperlink")))
    assert links
    targets = {document.part.rels[link.get(qn("r:id"))].target_ref for link in links}
    assert all(target.startswith(("https://", "http://", "mailto:")) for target in targets)


def test_word_report_to_a_file_is_written_atomically(trust_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "psed.docx"
    out.write_bytes(b"old")
    result = CliRunner().invoke(app, ["report", "psed", str(trust_root), "--format", "docx", "--as-of", AS_OF,
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
    assert docx.Document(str(out)).paragraphs[0].style.name == "Title"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["psed.docx", "trust"]


def test_word_report_refuses_a_terminal_as_its_output(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import typer

    from equitykit.cli.common import write_binary_output

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(typer.Exit) as exit_info:
        write_binary_output(b"PK", None, "A Word document")
    assert exit_info.value.exit_code == 2


def _languages_in(data: bytes) -> dict[str, set[str]]:
    """Every language named in the document's styles, defaults and settings, by part."""
    import zipfile

    found: dict[str, set[str]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml") and name != "word/document.xml":
                text = package.read(name).decode("utf-8")
                languages = set(re.findall(r'<w:(?:lang|themeFontLang) w:val="([^"]+)"', text))
                if languages:
                    found[name] = languages
    return found


@pytest.mark.parametrize(("lang", "code"), [("en", "en-GB"), ("cy", "cy-GB")])
def test_word_document_defaults_and_every_style_are_in_the_reports_language(lang: str, code: str) -> None:
    result = CliRunner().invoke(app, ["report", "psed", str(EXAMPLES / "aran-vale-council"), "--format", "docx",
                                      "--lang", lang, "--as-of", "2025-10-01"])
    assert result.exit_code == 0, result.output
    found = _languages_in(result.stdout_bytes)
    assert {"word/styles.xml", "word/settings.xml"} <= set(found)
    assert all(languages == {code} for languages in found.values()), found  # defaults, styles, theme: no en-US
    document = docx.Document(io.BytesIO(result.stdout_bytes))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == code
    for style in document.styles:
        if style.type != 4:  # a numbering style has no run properties
            assert style.element.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == code, style.name
