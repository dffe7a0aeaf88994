"""A report as a Word document (.docx), laid out from the same typed `Report` as the Markdown and HTML.

Built with python-docx: real heading styles (so Word's navigation pane and a table of contents work),
the document's language set on its defaults and every style, tables with a caption, a header row that repeats on
each page and rows that never split across pages, links as real hyperlinks, and each chart as a
picture with alt text followed by its data table. Suppression happened in the builder, so the
document shows exactly what the HTML shows.
"""

from __future__ import annotations

import base64
import binascii
import io

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Emu
from docx.table import Table as WordTable
from docx.table import _Row
from docx.text.paragraph import Paragraph as WordParagraph

from ...i18n import _, language
from .charts_raster import chart_png
from .document import Block, BulletList, Cell, Chart, Facts, Link, Paragraph, Report, Section, Table, passages, plain

LANGUAGES = {"en": "en-GB", "cy": "cy-GB"}
"""Word's language of each language a report is written in."""
LANGUAGE = LANGUAGES["en"]
A4_SHORT, A4_LONG, MARGIN = Cm(21), Cm(29.7), Cm(2)
MAX_HEADING_LEVEL = 9
MAX_PORTRAIT_COLUMNS = 5
"""A section with a table wider than this is printed on landscape pages."""
MAX_COLUMN_WEIGHT = 60
"""Characters of a cell's text beyond which a column asks for no more width (long text wraps)."""
CHARACTER_WIDTH = Cm(0.23)
"""The width of one character of bold 11-point text, a little generously."""
CELL_PADDING = Cm(0.4)
_RASTER_IMAGES = {"image/png", "image/jpeg", "image/gif"}


def render_docx(report: Report | list[Report]) -> bytes:
    """The report as the bytes of a .docx file; given the report in several languages, one document with
    each in turn (Welsh first), every run of a part in its own language."""
    reports = [report] if isinstance(report, Report) else report
    document = Document()
    _set_up(document, reports[0])
    if reports[0].logo is not None:
        _add_logo(document, reports[0])
    body = document.element.body
    for index, part in enumerate(reports):
        if index:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        before = set(body)
        with language(part.language):
            _add_report(document, part)
        if part.language != reports[0].language:
            _set_run_language([element for element in body if element not in before], LANGUAGES[part.language])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_report(document: WordDocument, report: Report) -> None:
    """The title, the line saying whose report it is, the summary, the contents and the sections."""
    _add_heading(document, report.title, 0)
    _add_text(document.add_paragraph(), _("{organisation}. Information as at {date}.").format(
        organisation=report.organisation, date=report.as_of_text))
    if report.summary:
        _add_text(document.add_paragraph(), report.summary)
    _add_heading(document, _("Contents"), 1)
    numbering = _NumberedList(document)
    for section in report.sections:
        _add_text(numbering.add(), section.heading)
        for sub in section.subsections:
            _add_text(document.add_paragraph(style="List Bullet 2"), sub.heading)
    for section in report.sections:
        _add_section(document, section, 1)


def _add_heading(document: WordDocument, text: str, level: int) -> None:
    _add_text(document.add_heading(level=level), text)


def _set_run_language(elements: list, code: str) -> None:
    """Every run in `elements` in language `code`."""
    for element in elements:
        for run in element.iter(qn("w:r")):
            properties = run.find(qn("w:rPr"))
            if properties is None:
                properties = OxmlElement("w:rPr")
                run.insert(0, properties)
            _language_of(properties).set(qn("w:val"), code)


_AFTER_LANG = tuple(qn(tag) for tag in ("w:eastAsianLayout", "w:specVanish", "w:oMath"))
"""The run properties that come after w:lang in the schema's order."""


def _language_of(run_properties: BaseOxmlElement) -> BaseOxmlElement:
    """The w:lang element of run properties, added in its place in the schema's order if there is none."""
    element = run_properties.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        after = next((child for child in run_properties if child.tag in _AFTER_LANG), None)
        if after is None:
            run_properties.append(element)
        else:
            after.addprevious(element)
    return element


def _set_document_language(document: WordDocument, code: str) -> None:
    """The language `code` (e.g. en-GB) wherever a document names one: its defaults, every style that can
    hold run properties, the theme's fonts, and the older copy of the styles Word 2010 kept is left out; so a PDF made
    from it is tagged in the report's language, never the template's en-US."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_default)
    run_properties = run_default.find(qn("w:rPr"))
    if run_properties is None:
        run_properties = OxmlElement("w:rPr")
        run_default.append(run_properties)
    _language_of(run_properties).set(qn("w:val"), code)
    for style in document.styles:
        if style.type != WD_STYLE_TYPE.LIST:  # a numbering style holds no run properties
            _language_of(style.element.get_or_add_rPr()).set(qn("w:val"), code)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), code)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):  # Word 2010's copy of the styles, in en-US: Word rebuilds it
            document.part.drop_rel(rel_id)


def _set_up(document: WordDocument, report: Report) -> None:
    """A4 pages with 2 cm margins, the document's language everywhere, and the document's properties."""
    for page in document.sections:
        page.page_width, page.page_height = A4_SHORT, A4_LONG
        page.left_margin = page.right_margin = page.top_margin = page.bottom_margin = MARGIN
    _set_document_language(document, LANGUAGES[report.language])
    properties = document.core_properties
    with language(report.language):
        properties.title = plain(_("{title}: {organisation}").format(title=report.title,
                                                                     organisation=report.organisation))
        properties.subject = _("Equality information")
    properties.author = plain(report.organisation)
    properties.language = LANGUAGES[report.language]


def _add_logo(document: WordDocument, report: Report) -> None:
    """The organisation's logo, when it is a raster image (Word cannot show an SVG logo without one)."""
    assert report.logo is not None
    header, _, data = report.logo.src.partition(",")
    mime = header.removeprefix("data:").split(";")[0]
    if mime not in _RASTER_IMAGES:
        return
    try:
        image = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return
    shape = document.add_paragraph().add_run().add_picture(io.BytesIO(image), height=Cm(2))
    _describe(shape, plain(report.logo.alt))


def _add_section(document: WordDocument, section: Section, level: int) -> None:
    wide = any(isinstance(block, Table) and len(block.columns) > MAX_PORTRAIT_COLUMNS and block.rows
               for block in section.blocks)
    if wide:
        _new_page(document, WD_ORIENT.LANDSCAPE)
    _add_heading(document, section.heading, min(level, MAX_HEADING_LEVEL))
    for block in section.blocks:
        _add_block(document, block)
    if wide:
        _new_page(document, WD_ORIENT.PORTRAIT)
    for sub in section.subsections:
        _add_section(document, sub, level + 1)


def _new_page(document: WordDocument, orientation: WD_ORIENT) -> None:
    """Start a new page in the given orientation, A4 with the same margins."""
    page = document.add_section(WD_SECTION.NEW_PAGE)
    page.orientation = orientation
    landscape = orientation == WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)


def _add_block(document: WordDocument, block: Block) -> None:
    if isinstance(block, Paragraph):
        for text in block.text.split("\n\n"):
            _add_text(document.add_paragraph(), text)
    elif isinstance(block, Table):
        _add_table(document, block)
    elif isinstance(block, BulletList):
        numbering = _NumberedList(document) if block.ordered else None
        for item in block.items:
            paragraph = numbering.add() if numbering else document.add_paragraph(style="List Bullet")
            _add_text_or_link(paragraph, item)
    elif isinstance(block, Facts):
        for fact in block.items:
            paragraph = document.add_paragraph()
            paragraph.add_run(_("{term}: ").format(term=plain(fact.term))).bold = True
            _add_text_or_link(paragraph, fact.value)
    elif isinstance(block, Chart):
        _add_chart(document, block)


class _NumberedList:
    """A numbered list that starts again at 1 (Word's List Number style alone runs on from the last list)."""

    def __init__(self, document: WordDocument) -> None:
        self.document = document
        numbering = document.part.numbering_part.element
        style_number = document.styles["List Number"].element.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(style_number).abstractNumId.val
        number = numbering.add_num(abstract)
        number.add_lvlOverride(ilvl=0).add_startOverride(1)
        self.number_id = number.numId

    def add(self, text: str = "") -> WordParagraph:
        paragraph = self.document.add_paragraph(text, style="List Number")
        properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        properties.get_or_add_ilvl().val = 0
        properties.get_or_add_numId().val = self.number_id
        return paragraph


def _add_text(paragraph: WordParagraph, text: str) -> None:
    """Text with its single new lines kept as line breaks, and its passages in English as runs in English."""
    for number, line in enumerate(text.split("\n")):
        pieces = passages(line) or [("", False)]
        for index, (words, english) in enumerate(pieces):
            run = paragraph.add_run()
            if number and not index:
                run.add_break(WD_BREAK.LINE)
            run.add_text(words)
            if english:
                _set_run_language([run._r], LANGUAGES["en"])


def _add_text_or_link(paragraph: WordParagraph, item: str | Link) -> None:
    if isinstance(item, str):
        _add_text(paragraph, item)
    elif item.href is None:
        _add_text(paragraph, item.text)
    else:
        _add_hyperlink(paragraph, item)


def _add_hyperlink(paragraph: WordParagraph, link: Link) -> None:
    """A real hyperlink, underlined in the Hyperlink style, whose text is the link's own words."""
    assert link.href is not None
    relationship = paragraph.part.relate_to(link.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([style, underline])
    text = OxmlElement("w:t")
    text.text = plain(link.text)
    text.set(qn("xml:space"), "preserve")
    run.extend([properties, text])
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def _add_table(document: WordDocument, table: Table) -> None:
    caption = document.add_paragraph(style="Caption")
    _add_text(caption, table.caption)
    caption.paragraph_format.keep_with_next = True
    if not table.rows:
        _add_text(document.add_paragraph(), table.empty)
        return
    word_table = document.add_table(rows=1, cols=len(table.columns))
    word_table.style = "Table Grid"
    _fit_columns(document, word_table, table)
    header = word_table.rows[0]
    _repeat_as_header(header)
    for cell, heading in zip(header.cells, table.columns, strict=True):
        _add_text(cell.paragraphs[0], heading)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in table.rows:
        word_row = word_table.add_row()
        _keep_together(word_row)
        for word_cell, cell in zip(word_row.cells, row, strict=False):
            _fill_cell(word_cell.paragraphs[0], cell)


def _fill_cell(paragraph: WordParagraph, cell: Cell) -> None:
    if cell.link is not None:
        _add_text_or_link(paragraph, cell.link)
    else:
        _add_text(paragraph, cell.text)
    if cell.header:
        for run in paragraph.runs:
            run.bold = True


def _fit_columns(document: WordDocument, word_table: WordTable, table: Table) -> None:
    """Give each column room for its longest word, then share the rest of the page's text width by how
    much text each column holds, so long text wraps and short words stay whole."""
    landscape = document.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    available = (A4_LONG if landscape else A4_SHORT) - 2 * MARGIN
    minimums, weights = [], []
    for index, heading in enumerate(table.columns):
        texts = [plain(heading), *(plain(row[index].text) for row in table.rows if index < len(row))]
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        minimums.append(CELL_PADDING + CHARACTER_WIDTH * longest_word)
        weights.append(min(max(len(text) for text in texts), MAX_COLUMN_WEIGHT))
    spare = available - sum(minimums)
    if spare < 0:
        widths = [available * minimum / sum(minimums) for minimum in minimums]
    else:
        widths = [minimum + spare * weight / sum(weights) for minimum, weight in zip(minimums, weights, strict=True)]
    for column, width in zip(word_table.columns, widths, strict=True):
        column.width = Emu(int(width))
        for cell in column.cells:
            cell.width = column.width


def _repeat_as_header(row: _Row) -> None:
    """Mark a row as the table's header: Word repeats it at the top of each page and reads it out."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    _keep_together(row)


def _keep_together(row: _Row) -> None:
    """Never split the row across two pages."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _add_chart(document: WordDocument, chart: Chart) -> None:
    title = document.add_paragraph(style="Caption")
    _add_text(title, chart.title)
    title.paragraph_format.keep_with_next = True
    summary = document.add_paragraph()
    _add_text(summary, chart.description)
    summary.paragraph_format.keep_with_next = True
    picture = document.add_paragraph().add_run().add_picture(io.BytesIO(chart_png(chart)), width=Cm(16))
    _describe(picture, plain(f"{chart.name or chart.title}. {chart.description}"))
    _add_table(document, chart.table)


def _describe(shape: object, alt_text: str) -> None:
    """Give a picture its alt text (Word's 'Alt Text' pane reads the description)."""
    properties = shape._inline.docPr  # type: ignore[attr-defined]
    properties.set("descr", alt_text)
    properties.set("title", alt_text.split(". ")[0])
