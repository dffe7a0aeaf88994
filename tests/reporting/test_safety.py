"""Text from the records renders inert; user templates run sandboxed; small numbers stay hidden."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from equitykit.cli import app
from equitykit.reporting.reports.branding import SAFE_PRIMARY, STATUS_STYLES, contrast_ratio
from equitykit.reporting.reports.escaping import markdown_cell, markdown_inline, safe_href

from .conftest import AS_OF, write_files

PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
            "{{ 7*7 }}", "| pipe | and\nnewline")
HOSTILE = " ".join(PAYLOADS)


def run(*args: str):
    return CliRunner().invoke(app, ["report", *args])


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar holding `value` exactly."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@pytest.fixture
def hostile_root(trust_root: Path) -> Path:
    text = yaml_text(HOSTILE)
    write_files(trust_root, {"actions/ACT-009.yaml": f"""\
id: ACT-009
title: {text}
work_stream: {text}
lead: {text}
outcome: {text}
due: 2025-12-31
status: in-progress
milestones:
  - {{due: 2025-08-01, activity: {text}}}
""", "objectives/OBJ-09.yaml": f"""\
id: OBJ-09
title: {text}
description: {text}
characteristics: [race]
barrier: {text}
psed_aims: [advance-equality]
lead: {text}
start: 2025-04-01
end: 2026-03-31
status: in-progress
measures:
  - {{description: {text}, unit: percent, source: {text}}}
"""})
    org = trust_root / "equitykit.yaml"
    org.write_text(org.read_text().replace("alternative_formats:\n  email: equality@testshire.example",
                                           "website: \"javascript:alert(1)\"\nalternative_formats:\n"
                                           f"  email: {yaml_text('x@y.example?<script>')}\n  text: {text}"))
    return trust_root


@pytest.mark.parametrize("kind", ["actions", "objectives", "psed"])
def test_payloads_are_inert_in_html(hostile_root: Path, kind: str) -> None:
    result = run(kind, str(hostile_root), "--format", "html", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript' not in page.lower()
    assert "{{ 7*7 }}" in page and ">49<" not in page and " 49 " not in page
    assert "onerror=alert(1)" not in re.sub(r"&gt;&lt;img src=x onerror=alert\(1\)&gt;", "", page)


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("|")]


def column_count(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


@pytest.mark.parametrize("kind", ["actions", "objectives", "psed"])
def test_payloads_are_inert_in_markdown_and_tables_keep_their_columns(hostile_root: Path, kind: str) -> None:
    result = run(kind, str(hostile_root), "--format", "md", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "<script" not in text and "<img" not in text
    assert "](javascript" not in text
    assert "\\| pipe \\| and; newline" in text
    assert "<br>" not in text
    rows = table_rows(text)
    assert rows
    tables: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    for table in filter(None, tables):
        assert len({column_count(row) for row in table}) == 1, table


def test_markdown_cell_escapes_user_markup_and_joins_lines_without_html() -> None:
    assert markdown_cell("a | b\nc <br> d") == "a \\| b; c &lt;br> d"
    assert markdown_cell("Draft agreed.\nOutcome: published") == "Draft agreed. Outcome: published"


@pytest.mark.parametrize("written,markdown", [
    ("E & D", "E & D"), ("a > b", "a > b"), ("R&D", "R&D"),
    ("&amp; as typed", "&amp;amp; as typed"), ("&#60;", "&amp;#60;"), ("<b>", "&lt;b>"),
])
def test_markdown_shows_text_as_written_and_opens_no_html(written: str, markdown: str) -> None:
    assert markdown_inline(written) == markdown


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a", "https://example.org/a"), ("mailto:a@b.example", "mailto:a@b.example"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,x", None),
    ("//evil.example", None), ("http://", None), ("vbscript:x", None), ("https://a.example/\nx", None),
])
def test_only_http_and_mailto_become_links(url: str, expected: str | None) -> None:
    assert safe_href(url) == expected


@pytest.mark.parametrize("template", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ report.__class__.__init__.__globals__ }}",
    "{% include '/etc/passwd' %}",
    "{% include '../../../../etc/passwd' %}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{% for %}",
])
def test_unsafe_user_template_fails_cleanly(trust_root: Path, tmp_path: Path, template: str) -> None:
    folder = tmp_path / "overrides"
    folder.mkdir()
    (folder / "actions.md.j2").write_text(template)
    result = run("actions", str(trust_root), "--templates", str(folder), "--as-of", AS_OF)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "template" in result.stderr
    assert "root:" not in result.stdout and "uid=" not in result.stdout


def test_override_in_records_templates_folder_then_templates_option(trust_root: Path, tmp_path: Path) -> None:
    (trust_root / "templates").mkdir()
    (trust_root / "templates" / "eias.md.j2").write_text("FROM ROOT {{ report.title }}\n")
    result = run("eias", str(trust_root), "--as-of", AS_OF)
    assert result.exit_code == 0 and result.stdout == "FROM ROOT Equality impact assessments\n"
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "eias.md.j2").write_text('{% extends "base.md.j2" %}{% block contents %}MINE{% endblock %}')
    result = run("eias", str(trust_root), "--templates", str(folder), "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "MINE" in result.stdout and "## Contents" not in result.stdout and "## Register" in result.stdout


def test_override_cannot_switch_off_escaping_by_accident(trust_root: Path, tmp_path: Path) -> None:
    write_files(trust_root, {"eias/EIA-2025-001.yaml": (trust_root / "eias/EIA-2025-001.yaml").read_text()
                             .replace("title: Change to outpatient booking hours", 'title: "<b>bold</b>"')})
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "eias.html.j2").write_text("<p>{{ report.sections[0].blocks[0].rows[0][0].text }}</p>")
    result = run("eias", str(trust_root), "--format", "html", "--templates", str(folder), "--as-of", AS_OF)
    assert result.stdout.strip() == "<p>EIA-2025-001: &lt;b&gt;bold&lt;/b&gt;</p>"


SMALL_WORKFORCE = """\
id: 2025-03-31
snapshot: 2025-03-31
headcount: 1200
profile:
  sex: {female: 1197, male: 3}
wres:
  bands:
    - {staff_group: clinical, band: "5", white: 600, bme: 300}
    - {staff_group: clinical, band: "8d", white: 17, bme: 3}
  shortlisted: {white: 400, bme: 7}
  appointed: {white: 100, bme: 3}
  disciplinary: {white: 20, bme: 11}
  training: {white: 300, bme: 150}
  survey:
    harassment_public: {white: 26.13, bme: 31.17, white_responses: 500, bme_responses: 4}
    harassment_staff: {white: 21.3, bme: 27.2}
    career_progression: {white: 58.9, bme: 44.6}
    discrimination: {white: 6.4, bme: 15.8}
  board:
    voting: {white: 10, bme: 2}
    executive: {white: 6, bme: 0}
"""


def test_counts_below_the_threshold_are_never_shown(trust_root: Path) -> None:
    write_files(trust_root, {"workforce/2025-03-31.yaml": SMALL_WORKFORCE})
    for kind in ("wres", "psed"):
        for output_format in ("md", "html"):
            result = run(kind, str(trust_root), "--format", output_format, "--as-of", AS_OF)
            assert result.exit_code == 0, result.output
            text = result.stdout
            # 3 of 20 in band 8d = 15.0%; 3 of 7 appointed = 42.9%; board 2 of 12 = 16.7%;
            # the survey figure from 4 BME respondents; 3 men = 0.3%
            for hidden in ("15.0%", "42.9%", "16.7%", "31.2%", "0.3%"):
                assert hidden not in text, (kind, output_format, hidden)
            assert "[c]" in text or "\\[c\\]" in text
            assert "could identify individuals" in text
    md = run("psed", str(trust_root), "--as-of", AS_OF).stdout
    assert "| Male | \\[c\\] | \\[c\\] |" in md
    # 1,200 staff in all: 1,197 women would give the 3 men back, so it is hidden too
    assert "| Female | \\[c\\] | \\[c\\] |" in md
    # a count of zero is published: no executive BME board member
    wres = run("wres", str(trust_root), "--as-of", AS_OF).stdout
    assert "| Executive members | 0.0% |" in wres


def test_brand_colour_with_poor_contrast_is_replaced(trust_root: Path) -> None:
    org = trust_root / "equitykit.yaml"
    org.write_text(org.read_text() + "branding:\n  primary_colour: \"#ffcc00\"\n")
    page = run("eias", str(trust_root), "--format", "html", "--as-of", AS_OF).stdout
    assert f"--primary: {SAFE_PRIMARY};" in page and "#ffcc00" not in page
    org.write_text(org.read_text().replace("#ffcc00", "#003087"))
    page = run("eias", str(trust_root), "--format", "html", "--as-of", AS_OF).stdout
    assert "--primary: #003087;" in page


def test_contrast_ratio_and_status_colours() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(SAFE_PRIMARY, "#ffffff") >= 4.5
    for text, background in STATUS_STYLES.values():
        assert contrast_ratio(text, background) >= 4.5


def test_logo_is_embedded_only_as_data_uri(trust_root: Path) -> None:
    org = trust_root / "equitykit.yaml"
    base = org.read_text()
    org.write_text(base + "branding:\n  logo: https://cdn.example/logo.png\n")
    page = run("eias", str(trust_root), "--format", "html", "--as-of", AS_OF).stdout
    assert "<img" not in page and "cdn.example" not in page
    (trust_root / "evidence").mkdir()
    (trust_root / "evidence" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    org.write_text(base + "branding:\n  logo: evidence/logo.png\n")
    page = run("eias", str(trust_root), "--format", "html", "--as-of", AS_OF).stdout
    assert '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Testshire Community NHS Trust logo">' in page


def test_html_structure(trust_root: Path) -> None:
    page = run("psed", str(trust_root), "--format", "html", "--as-of", AS_OF).stdout
    assert '<html lang="en-GB">' in page
    assert page.count("<h1") == 1
    levels = [int(level) for level in re.findall(r"<h([1-6])", page)]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert '<a class="skip-link" href="#main">' in page and '<main id="main"' in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    assert "@media print" in page and ":focus-visible" in page
    for region in re.findall(r'<div class="table-scroll"[^>]*>', page):
        assert 'tabindex="0"' in region and "aria-labelledby=" in region
    assert page.count("<table") == page.count("<caption")
    assert '<th scope="col">' in page and '<th scope="row" data-label=' in page
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_paygap_chart_has_title_description_and_table(trust_root: Path) -> None:
    """The SVG is named by its title and described by the summary shown above it (one text, which can
    carry passages marked in another language; an SVG <desc> cannot)."""
    page = run("paygap", str(trust_root), "--format", "html", "--as-of", AS_OF).stdout
    svg = re.search(r"<svg[^>]*>", page).group(0)
    assert 'role="img"' in svg and "aria-labelledby=" in svg
    described = re.search(r'aria-describedby="([^"]+)"', svg).group(1)
    assert re.search(rf'<p id="{described}" class="chart-summary">\w', page)
    assert "<title id=" in page
    assert "Figure 6: women and men in each pay quartile" in page


def test_exit_codes(trust_root: Path, tmp_path: Path) -> None:
    assert run("eias", str(tmp_path / "missing")).exit_code == 2
    assert run("eias", str(trust_root), "--as-of", "31/03/2025").exit_code == 2
    assert run("eias", str(trust_root), "--templates", str(tmp_path / "none")).exit_code == 2
    assert run("nonsense", str(trust_root)).exit_code == 2
    out = tmp_path / "report.html"
    result = run("eias", str(trust_root), "--format", "html", "--out", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0 and result.stdout == "" and out.read_text().startswith("<!DOCTYPE html>")
    (trust_root / "actions" / "ACT-050.yaml").write_text("id: ACT-050\ntitle: broken\n")
    result = run("actions", str(trust_root), "--as-of", AS_OF)
    assert result.exit_code == 1 and "ACT-050" in result.stderr and "# Equality action plan" in result.stdout
