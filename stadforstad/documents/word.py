"""Blocks to DOCX (to edit in Word) with python-docx.

Charts are embedded as SVG (vector, Word 2016 and later, LibreOffice) with a PNG beside
it for older programs, the Office way (``asvg:svgBlip``), and carry their text
alternative as the picture's description. Every page's header and footer carry the
step and title, the municipality, the round, the day, the handbook's credit and
"Sida X av Y" (Word fields). A table's header row repeats on every page it runs over.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from docx import Document as new_document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from stadforstad.documents.charts import alternative_text, chart_png, chart_svg, svg_png, svg_size
from stadforstad.documents.meta import Meta
from stadforstad.documents.slips import slips_docx
from stadforstad.i18n import pick
from stadforstad.instruments.blocks import (
    BLOCK_KINDS,
    Answers,
    Block,
    Chart,
    Heading,
    Image,
    Metrics,
    Names,
    Note,
    PageBreak,
    Paragraph,
    Question,
    Signatures,
    Slips,
    Table,
    format_cell,
)

TEXT_WIDTH_MM = 174
GREY = RGBColor(0x5F, 0x6B, 0x76)
TONE_COLOURS = {"info": "1565C0", "success": "2E7D32", "warning": "B35C00"}
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def _field(run, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in ``run``."""
    begin, code, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = instruction
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(end)


def _small(paragraph, value: str, *, bold: bool = False, size: float = 8):
    run = paragraph.add_run(value)
    run.font.size = Pt(size)
    run.font.color.rgb = GREY
    run.bold = bold
    return run


def _border(paragraph, side: str, colour: str = "9AA5B1", size: int = 4) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.append(borders)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "4")
    line.set(qn("w:color"), colour)
    borders.append(line)


def _setup(document, meta: Meta) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    document.core_properties.title = f"{meta.title} – {meta.kind}" if meta.kind else meta.title
    document.core_properties.author = "Stad för stad"
    document.core_properties.subject = meta.credit()
    document.core_properties.language = "en-GB" if meta.lang == "en" else "sv-SE"
    header = section.header.paragraphs[0]
    _small(header, f"{meta.heading()}    {meta.running()}")
    _border(header, "bottom")
    footer = section.footer.paragraphs[0]
    _small(footer, meta.credit(), size=7)
    pages = section.footer.add_paragraph()
    _small(pages, pick(meta.lang, "Sida ", "Page "))
    _field(_small(pages, ""), "PAGE")
    _small(pages, pick(meta.lang, " av ", " of "))
    _field(_small(pages, ""), "NUMPAGES")


def _title(document, meta: Meta) -> None:
    _small(document.add_paragraph(), meta.step_text(), size=9)
    document.add_heading(meta.title, level=1)
    if meta.kind:
        document.add_heading(meta.kind, level=3)
    facts = document.add_table(rows=0, cols=2)
    for label, value in meta.details():
        cells = facts.add_row().cells
        _small(cells[0].paragraphs[0], label, size=9)
        cells[1].paragraphs[0].add_run(value)
        cells[0].width, cells[1].width = Mm(35), Mm(TEXT_WIDTH_MM - 35)
    if meta.source:
        _small(document.add_paragraph(), meta.source)


# -- pictures: SVG with a PNG beside it ----------------------------------------------
def _picture(document, svg: str, png: bytes, description: str, width_mm: float) -> None:
    width_px, _height = svg_size(svg)
    width = Mm(min(width_mm, width_px * 0.2646))  # CSS px → mm at 96 dpi
    run = document.add_paragraph().add_run()
    shape = run.add_picture(io.BytesIO(png), width=width)
    inline = shape._inline
    inline.docPr.set("descr", description)
    part = document.part
    partname = part.package.next_partname("/word/media/image%d.svg")
    svg_part = Part(PackURI(partname), "image/svg+xml", svg.encode("utf-8"), part.package)
    rid = part.relate_to(svg_part, RT.IMAGE)
    blip = inline.find(".//" + qn("a:blip"))
    extensions = OxmlElement("a:extLst")
    extension = OxmlElement("a:ext")
    extension.set("uri", SVG_EXTENSION)
    svg_blip = extension.makeelement(f"{{{SVG_NAMESPACE}}}svgBlip", nsmap={"asvg": SVG_NAMESPACE})
    svg_blip.set(qn("r:embed"), rid)
    extension.append(svg_blip)
    extensions.append(extension)
    blip.append(extensions)


# -- one case per block ------------------------------------------------------------------
def _heading(document, block: Heading, lang: str) -> None:
    document.add_heading(block.text, level=min(max(block.level, 1), 4))


def _paragraph(document, block: Paragraph, lang: str) -> None:
    paragraph = document.add_paragraph()
    if block.small:
        _small(paragraph, block.text, size=9)
    else:
        paragraph.add_run(block.text)


def _metrics(document, block: Metrics, lang: str) -> None:
    table = document.add_table(rows=2, cols=len(block.items))
    table.style = "Table Grid"
    for index, metric in enumerate(block.items):
        value = table.rows[0].cells[index].paragraphs[0].add_run(metric.value)
        value.bold, value.font.size = True, Pt(14)
        _small(table.rows[1].cells[index].paragraphs[0], metric.label)
    document.add_paragraph()


def _note(document, block: Note, lang: str) -> None:
    paragraph = document.add_paragraph()
    _border(paragraph, "left", TONE_COLOURS[block.tone], size=24)
    word = paragraph.add_run(f"{block.tone_word}: ")
    word.bold = True
    word.font.color.rgb = RGBColor.from_string(TONE_COLOURS[block.tone])
    paragraph.add_run(block.text)


def _list(document, lines: Sequence[str], numbered: bool = False) -> None:
    for number, line in enumerate(lines, start=1):
        if numbered:  # numbers written out: Word's own numbering runs on across lists
            document.add_paragraph(f"{number}. {line}")
        else:
            document.add_paragraph(line, style="List Bullet")


def _names(document, block: Names, lang: str) -> None:
    if block.title:
        document.add_paragraph().add_run(block.title).bold = True
        _list(document, block.names, block.numbered)
    else:
        for name in block.names:
            document.add_paragraph(name)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def grid(document, columns: Sequence[str], rows: Sequence[Sequence[str]], empty_rows: int = 0):
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    for cell, title in zip(table.rows[0].cells, columns):
        run = cell.paragraphs[0].add_run(title)
        run.bold, run.font.size = True, Pt(9)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.paragraphs[0].add_run(value).font.size = Pt(9)
    for _ in range(empty_rows):
        table.add_row().height = Mm(9)
    return table


def _table(document, block: Table, lang: str) -> None:
    if block.title:
        document.add_paragraph().add_run(block.title).bold = True
    if not block.rows:
        _small(document.add_paragraph(), pick(lang, "Inga rader.", "No rows."), size=9)
        return
    grid(document, block.columns, [[format_cell(c, lang) for c in row] for row in block.rows])
    document.add_paragraph()


def _chart(document, block: Chart, lang: str) -> None:
    if block.title:
        document.add_paragraph().add_run(block.title).bold = True
    _picture(document, chart_svg(block), chart_png(block), alternative_text(block), TEXT_WIDTH_MM)


def _answers(document, block: Answers, lang: str) -> None:
    for section in block.sections:
        if section.title:
            document.add_heading(section.title, level=3)
        for answer in section.answers:
            document.add_paragraph().add_run(answer.label).bold = True
            if answer.table is not None:
                _table(document, answer.table, lang)
            elif answer.lines:
                _list(document, answer.lines)
            else:
                document.add_paragraph(answer.text or block.empty_text)
            if answer.comment:
                _small(
                    document.add_paragraph(), f"{answer.comment_label}: {answer.comment}", size=9
                )


def _question(document, block: Question, lang: str) -> None:
    document.add_paragraph().add_run(block.label).bold = True
    if block.help:
        _small(document.add_paragraph(), block.help, size=9)
    for choice in block.choices:
        document.add_paragraph(f"☐  {choice}")
    for _ in range(block.lines):
        line = document.add_paragraph()
        _border(line, "bottom")
    if block.columns:
        grid(document, block.columns, [], empty_rows=block.rows)
        document.add_paragraph()


def _image(document, block: Image, lang: str) -> None:
    width = block.width_mm or TEXT_WIDTH_MM
    _picture(document, block.svg, svg_png(block.svg), block.alternative, width)


def _page_break(document, block: PageBreak, lang: str) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _signatures(document, block: Signatures, lang: str) -> None:
    if block.caption:
        document.add_paragraph(block.caption)
    sign, date = (
        pick(lang, "Underskrift", "Signature"),
        pick(lang, "Ort och datum", "Place and date"),
    )
    for party in block.parties:
        document.add_paragraph()
        document.add_paragraph()
        line = document.add_paragraph()
        _border(line, "bottom", "1F2933", 6)
        _small(
            document.add_paragraph(),
            f"{sign} – {party}    {date}" if party else f"{sign}    {date}",
            size=9,
        )


DRAW: dict[type, Callable[[Any, Any, str], None]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    Metrics: _metrics,
    Note: _note,
    Names: _names,
    Table: _table,
    Chart: _chart,
    Answers: _answers,
    Question: _question,
    Image: _image,
    PageBreak: _page_break,
    Signatures: _signatures,
    Slips: slips_docx,
}
assert set(DRAW) == set(BLOCK_KINDS), "every block kind needs a case here"


def write_docx(blocks: Sequence[Block], meta: Meta) -> bytes:
    """The blocks as a Word document, with ``meta`` on every page."""
    document = new_document()
    _setup(document, meta)
    _title(document, meta)
    for block in blocks:
        DRAW[type(block)](document, block, meta.lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
