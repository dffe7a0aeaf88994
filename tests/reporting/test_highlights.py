"""Progress this year (issue 22.5): each field of a highlight as the PSED report and the objectives report show
it, in Markdown, HTML (escaped) and Word, in English and Welsh; which highlights a year shows."""

from __future__ import annotations

import datetime as dt
import html
import io
import shutil
from pathlib import Path

import docx
import pytest

from equitykit.records.repository import load_records
from equitykit.reporting.reports import render_report, render_report_docx

AS_OF = dt.date(2025, 10, 1)  # the PSED report covers 2024-25
COUNCIL = Path(__file__).parents[2] / "examples" / "aran-vale-council"
OBJ_02 = ("OBJ-02: Make council services and information accessible to disabled and older residents, online and "
          "in person")
OBJ_02_CY = ("OBJ-02: Gwneud gwasanaethau a gwybodaeth y cyngor yn hygyrch i breswylwyr anabl a hŷn, ar-lein ac "
             "wyneb yn wyneb")
ACT_003 = ("ACT-003: Scan every council web page for accessibility each month and fix failures within 20 working "
           "days")
ACT_003_CY = ("ACT-003: Sganio pob tudalen ar wefan y cyngor am hygyrchedd bob mis a thrwsio methiannau o fewn 20 "
              "diwrnod gwaith")

FIELDS = {  # field: (the YAML beside the text, what the English report shows, what the Welsh report shows)
    "text": ("text_cy: Cyllid i 42 o brosiectau cymunedol\n", "Funding for 42 community projects",
             "Cyllid i 42 o brosiectau cymunedol"),
    "period (a month)": ("period: 2024-10\n", "October 2024", "Hydref 2024"),
    "period (a day)": ("period: 2025-03-31\n", "31 March 2025", "31 Mawrth 2025"),
    "period (start and end)": ("period: {start: 2024-04, end: 2025-03}\n", "April 2024 to March 2025",
                               "Ebrill 2024 i Fawrth 2025"),
    "figure (value and unit)": ("figure: {value: 42, unit: community projects, unit_cy: prosiect cymunedol}\n",
                                "42 community projects", "42 prosiect cymunedol"),
    "figure (earlier)": ("figure: {value: 310, unit: members, unit_cy: aelod, earlier: 120}\n",
                         "310 members, up from 120 (a rise of 190)", "310 aelod, i fyny o 120 (cynnydd o 190)"),
    "figure (earlier, a fall)": ("figure: {value: 12.5, unit: '%', earlier: 15}\n",
                                 "12.5%, down from 15% (a fall of 2.5 percentage points)",
                                 "12.5%, i lawr o 15% (gostyngiad o 2.5 pwynt canran)"),
    "figure (money)": ("figure: {value: 120000, unit: £}\n", "£120,000", "£120,000"),
    "figure (pence)": ("figure: {value: 1250.5, unit: £, earlier: 1000}\n",
                       "£1,250.50, up from £1,000 (a rise of £250.50)",
                       "£1,250.50, i fyny o £1,000 (cynnydd o £250.50)"),
    "figure (position)": ("figure: {value: 45, unit: position, earlier: 120}\n", "Position 45, previously 120",
                          "Safle 45, 120 yn flaenorol"),
    "characteristics": ("characteristics: [disability, welsh-language]\n",
                        "Disability, Welsh language (Welsh Language Standards)",
                        "Anabledd, Y Gymraeg (Safonau'r Gymraeg)"),
    "objectives": ("objectives: [OBJ-02]\n", OBJ_02, OBJ_02_CY),
    "actions": ("actions: [ACT-003]\n", ACT_003, ACT_003_CY),
}
TEXT = "id: HL-001\ntext: Funding for 42 community projects\ntext_cy: Cyllid i 42 o brosiectau cymunedol\n"


def council(tmp_path: Path, highlights: dict[str, str]) -> Path:
    """The Welsh example council with these highlights in place of its own."""
    root = tmp_path / "council"
    shutil.copytree(COUNCIL, root)
    shutil.rmtree(root / "highlights")
    (root / "highlights").mkdir()
    for name, text in highlights.items():
        (root / "highlights" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def one(tmp_path: Path, yaml: str) -> Path:
    return council(tmp_path, {"HL-001": TEXT + yaml.replace("text_cy: Cyllid i 42 o brosiectau cymunedol\n", "")})


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    lines += [" | ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
    return "\n".join(lines)


def progress(markdown: str) -> str:
    """The "Progress this year" section of a Markdown PSED report."""
    start = markdown.index("## Progress this year") if "## Progress this year" in markdown else (
        markdown.index("## Cynnydd eleni"))
    return markdown[start:markdown.index("\n## ", start + 3)]


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_in_markdown_html_and_word_in_english_and_welsh(tmp_path: Path, field: str) -> None:
    yaml, english, welsh = FIELDS[field]
    records = load_records(one(tmp_path, yaml))
    assert not [p for p in records.problems if p.severity == "error"]
    for lang, expected in (("en", english), ("cy", welsh)):
        markdown = render_report("psed", records, AS_OF, "md", lang=lang)
        assert expected in progress(markdown), (lang, progress(markdown))
        page = render_report("psed", records, AS_OF, "html", lang=lang)
        assert expected in html.unescape(page)
        assert expected in docx_text(render_report_docx("psed", records, AS_OF, lang=lang))


@pytest.mark.parametrize("field", ["text", "period (a month)", "figure (earlier)", "characteristics"])
def test_each_field_under_its_objective_in_the_objectives_report(tmp_path: Path, field: str) -> None:
    yaml, english, welsh = FIELDS[field]
    records = load_records(one(tmp_path, yaml + "objectives: [OBJ-02]\n"))
    for lang, expected, caption in (("en", english, "Progress this year on OBJ-02, 2024-25"),
                                    ("cy", welsh, "Cynnydd eleni ar OBJ-02, 2024-25")):
        markdown = render_report("objectives", records, AS_OF, "md", lang=lang)
        table = markdown[markdown.index(f"Table: {caption}"):]
        assert expected in table[:table.index("\n\n", table.index("| ---"))], lang
        assert expected in docx_text(render_report_docx("objectives", records, AS_OF, lang=lang))
        assert expected in html.unescape(render_report("objectives", records, AS_OF, "html", lang=lang))


def test_a_year_shows_the_highlights_its_period_overlaps_and_undated_ones_saying_so(tmp_path: Path) -> None:
    records = load_records(council(tmp_path, {
        "HL-001": "id: HL-001\ntext: Before the year\nperiod: {start: 2023-04, end: 2024-03}\n",
        "HL-002": "id: HL-002\ntext: Straddling the year's start\nperiod: 2024\n",
        "HL-003": "id: HL-003\ntext: In the year\nperiod: 2024-10-14\n",
        "HL-004": "id: HL-004\ntext: Undated\n",
        "HL-005": "id: HL-005\ntext: After the year\nperiod: 2025-04\n",
    }))
    section = progress(render_report("psed", records, AS_OF, "md"))
    shown = [line.split(" | ")[0].lstrip("| ") for line in section.splitlines() if line.startswith("| ")][2:]
    assert shown == ["Straddling the year's start", "In the year", "Undated"]
    assert "Entries without a date are shown in every year's report." in section
    assert "| Undated | Date not stated |" in section
    earlier = progress(render_report("psed", records, AS_OF, "md", year="2023-24"))
    assert "Before the year" in earlier and "In the year" not in earlier


def test_a_year_without_highlights_says_so_and_a_body_keeping_none_has_no_section(tmp_path: Path) -> None:
    records = load_records(council(tmp_path, {"HL-001": "id: HL-001\ntext: Long ago\nperiod: 2020\n"}))
    section = progress(render_report("psed", records, AS_OF, "md"))
    assert "No progress recorded for the reporting year 2024-25." in section
    records = load_records(council(tmp_path / "none", {}))
    assert "Progress this year" not in render_report("psed", records, AS_OF, "md")
    assert "Progress this year" not in render_report("objectives", records, AS_OF, "md")


def test_the_objectives_report_shows_only_linked_highlights_directly_or_through_an_action(tmp_path: Path) -> None:
    records = load_records(council(tmp_path, {
        "HL-001": "id: HL-001\ntext: Linked directly\nperiod: 2024-10\nobjectives: [OBJ-02]\n",
        "HL-002": "id: HL-002\ntext: Linked through ACT-003\nperiod: 2024-11\nactions: [ACT-003]\n",
        "HL-003": "id: HL-003\ntext: Not linked\nperiod: 2024-12\n",
        "HL-004": "id: HL-004\ntext: Linked but of another year\nperiod: 2023-05\nobjectives: [OBJ-02]\n",
    }))
    markdown = render_report("objectives", records, AS_OF, "md")
    assert markdown.count("Table: Progress this year on") == 1
    table = markdown[markdown.index("Table: Progress this year on OBJ-02, 2024-25"):]
    table = table[:table.index("\n\n", table.index("| ---"))]
    assert "Linked directly" in table and "Linked through ACT-003" in table
    assert "Not linked" not in markdown and "Linked but of another year" not in markdown
    earlier = render_report("objectives", records, AS_OF, "md", year="2023-24")  # report objectives --year 2023-24
    assert "Table: Progress this year on OBJ-02, 2023-24" in earlier and "Linked but of another year" in earlier
    assert "Linked directly" not in earlier


def test_record_text_is_escaped_in_html(tmp_path: Path) -> None:
    records = load_records(council(tmp_path, {"HL-001": (
        "id: HL-001\ntext: 'Grants <script>alert(1)</script> & more'\nperiod: 2024-10\n"
        "figure: {value: 3, unit: '<b>groups</b>'}\n")}))
    page = render_report("psed", records, AS_OF, "html")
    assert "<script>alert" not in page and "<b>groups" not in page
    assert "Grants &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert "3 &lt;b&gt;groups&lt;/b&gt;" in page


def test_a_welsh_report_marks_english_only_text(tmp_path: Path) -> None:
    records = load_records(council(tmp_path, {"HL-001": (
        "id: HL-001\ntext: English only\nperiod: 2024-10\nfigure: {value: 3, unit: groups}\n")}))
    section = progress(render_report("psed", records, AS_OF, "md", lang="cy"))
    assert r"| English only \[Saesneg yn unig\] | Hydref 2024 | 3 groups \[Saesneg yn unig\] |" in section
