"""Blocks to PDF (A4, for printing) with ReportLab.

Text is set in Bitstream Vera, the TrueType font that ships inside ReportLab (embedded
in the file: Swedish letters and dashes print everywhere). Charts and pictures stay
vectors (SVG through svglib). Every page carries the form's step and title, the
municipality, the round, the day, the handbook's credit and "Sida X av Y". Tables
break across pages with their header row repeated. All text is escaped: what a
respondent typed is printed as typed, never read as markup.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from stadforstad.documents.charts import chart_svg
from stadforstad.documents.meta import Meta
from stadforstad.documents.pdf_style import (
    FONT,
    GREY,
    HEIGHT,
    INK,
    MARGIN,
    RULE,
    TONE_COLOURS,
    WIDTH,
    TickBox,
    grid,
    para,
    register_fonts,
    styles,
    text,
)
from stadforstad.documents.slips import slip_flowables
from stadforstad.i18n import pick
from stadforstad.instruments.blocks import (
    BLOCK_KINDS,
    MISSING,
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


# -- one flowable (or a few) per block --------------------------------------------------
def _heading(block: Heading) -> list[Flowable]:
    style = styles()[f"h{min(max(block.level, 1), 4)}"]
    paragraph = PdfParagraph(text(block.text), style)
    paragraph.keepWithNext = True
    return [paragraph]


def _paragraph(block: Paragraph) -> list[Flowable]:
    return [para(block.text, "small" if block.small else "body"), Spacer(1, 2 * mm)]


def _metrics(block: Metrics) -> list[Flowable]:
    cells = [[[para(m.value, "metric"), para(m.label, "small")] for m in block.items]]
    table = PdfTable(cells, colWidths=[WIDTH / max(len(block.items), 1)] * len(block.items))
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [table, Spacer(1, 3 * mm)]


def _note(block: Note) -> list[Flowable]:
    colour = TONE_COLOURS[block.tone]
    body = PdfParagraph(f"<b>{text(block.tone_word)}:</b> {text(block.text)}", styles()["body"])
    table = PdfTable([[body]], colWidths=[WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("LINEBEFORE", (0, 0), (0, -1), 4, colour),
                ("BOX", (0, 0), (-1, -1), 0.5, colour),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [table, Spacer(1, 3 * mm)]


def _bullets(lines: Sequence[str], numbered: bool = False) -> Flowable:
    items = [ListItem(para(line), leftIndent=12) for line in lines]
    if numbered:
        return ListFlowable(items, bulletType="1", bulletFontName=FONT, leftIndent=14)
    return ListFlowable(items, bulletType="bullet", start="•", bulletFontName=FONT, leftIndent=14)


def _names(block: Names) -> list[Flowable]:
    out: list[Flowable] = []
    if block.title:
        out.append(para(block.title, "label"))
    if block.title or block.numbered:
        out.append(_bullets(block.names, block.numbered))
    else:
        out += [para(name) for name in block.names]
    return [*out, Spacer(1, 2 * mm)]


def _table(block: Table, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    if block.title:
        out.append(para(block.title, "label"))
    if not block.rows:
        return [*out, para(pick(lang, "Inga rader.", "No rows."), "small")]
    rows = [[format_cell(cell, lang) for cell in row] for row in block.rows]
    return [*out, grid(block.columns, rows), Spacer(1, 3 * mm)]


def _drawing(svg: str, max_width: float = WIDTH, max_height: float = HEIGHT * 0.8) -> Flowable:
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.StringIO(svg))
    if drawing is None:  # an SVG svglib cannot read: say so rather than fail the document
        return para(MISSING, "small")
    scale = min(max_width / drawing.width, max_height / drawing.height, 1.0)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    return drawing


def _chart(block: Chart) -> list[Flowable]:
    parts: list[Flowable] = []
    if block.title:
        parts.append(para(block.title, "label"))
    parts.append(_drawing(chart_svg(block)))
    return [KeepTogether(parts), Spacer(1, 4 * mm)]


def _answers(block: Answers, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    for section in block.sections:
        if section.title:
            heading = para(section.title, "h3")
            heading.keepWithNext = True
            out.append(heading)
        for answer in section.answers:
            label = para(answer.label, "label")
            label.keepWithNext = True
            out.append(label)
            if answer.table is not None:
                out += _table(answer.table, lang)
            elif answer.lines:
                out.append(_bullets(answer.lines))
            else:
                out.append(para(answer.text or block.empty_text))
            if answer.comment:
                out.append(para(f"{answer.comment_label}: {answer.comment}", "small"))
    return out


def _choices(choices: Sequence[str], multiple: bool) -> Flowable:
    rows = [[TickBox(round_box=not multiple), para(choice)] for choice in choices]
    table = PdfTable(rows, colWidths=[7 * mm, WIDTH - 7 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _question(block: Question, lang: str) -> list[Flowable]:
    parts: list[Flowable] = [para(block.label, "label")]
    if block.help:
        parts.append(para(block.help, "small"))
    if block.choices:
        parts.append(_choices(block.choices, block.multiple))
    if block.lines:
        lines = PdfTable([[""] for _ in range(block.lines)], colWidths=[WIDTH], rowHeights=8 * mm)
        lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
        parts.append(lines)
    out: list[Flowable] = [KeepTogether(parts)]
    if block.columns:
        out.append(grid(block.columns, [], empty_rows=block.rows))
    return [*out, Spacer(1, 3 * mm)]


def _image(block: Image) -> list[Flowable]:
    width = block.width_mm * mm if block.width_mm else WIDTH
    return [_drawing(block.svg, max_width=width), Spacer(1, 3 * mm)]


def _signatures(block: Signatures, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    if block.caption:
        out.append(para(block.caption))
    sign, date = (
        pick(lang, "Underskrift", "Signature"),
        pick(lang, "Ort och datum", "Place and date"),
    )
    for party in block.parties:
        table = PdfTable(
            [
                ["", ""],
                [para(f"{sign} – {party}" if party else sign, "small"), para(date, "small")],
            ],
            colWidths=[WIDTH * 0.6, WIDTH * 0.4],
            rowHeights=[14 * mm, None],
        )
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (0, 0), 0.6, INK),
                    ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, -1), 12),
                ]
            )
        )
        out.append(KeepTogether([table]))
    return out


def flowables(block: Block, lang: str) -> list[Flowable]:
    """The flowables of one block."""
    draw: dict[type, Callable[[Any], list[Flowable]]] = {
        Heading: _heading,
        Paragraph: _paragraph,
        Metrics: _metrics,
        Note: _note,
        Names: _names,
        Table: lambda b: _table(b, lang),
        Chart: _chart,
        Answers: lambda b: _answers(b, lang),
        Question: lambda b: _question(b, lang),
        Image: _image,
        PageBreak: lambda b: [PdfPageBreak()],
        Signatures: lambda b: _signatures(b, lang),
        Slips: slip_flowables,
    }
    assert set(draw) == set(BLOCK_KINDS), "every block kind needs a case here"
    return draw[type(block)](block)


# -- the pages ------------------------------------------------------------------------------
def _numbered_canvas(meta: Meta) -> type[canvas.Canvas]:
    """A canvas that draws each page's header and footer once the page count is known."""

    class Numbered(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = A4
            self.setFillColor(GREY)
            self.setFont(FONT, 8)
            top = height - MARGIN + 6 * mm
            self.drawString(MARGIN, top, meta.heading()[:95])
            self.drawRightString(width - MARGIN, top, meta.running())
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN, top - 2 * mm, width - MARGIN, top - 2 * mm)
            bottom = MARGIN - 8 * mm
            self.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
            self.setFont(FONT, 6.5)
            credit = simpleSplit(meta.credit(), FONT, 6.5, width - 2 * MARGIN - 22 * mm)
            for index, line in enumerate(credit[:2]):
                self.drawString(MARGIN, bottom - index * 3 * mm, line)
            self.setFont(FONT, 8)
            self.drawRightString(width - MARGIN, bottom, meta.page_text(number, total))

    return Numbered


def title_flowables(meta: Meta) -> list[Flowable]:
    """The first page's head: the title, what the document is, and the facts."""
    out: list[Flowable] = [para(meta.step_text(), "small"), para(meta.title, "h1")]
    if meta.kind:
        out.append(para(meta.kind, "h3"))
    facts = PdfTable(
        [[para(label, "small"), para(value)] for label, value in meta.details()],
        colWidths=[35 * mm, WIDTH - 35 * mm],
    )
    facts.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    out.append(facts)
    if meta.source:
        out.append(para(meta.source, "small"))
    out.append(Spacer(1, 5 * mm))
    return out


def write_pdf(blocks: Sequence[Block], meta: Meta) -> bytes:
    """The blocks as an A4 PDF, with ``meta`` on every page."""
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN + 2 * mm,
        title=f"{meta.title} – {meta.kind}" if meta.kind else meta.title,
        author="Stad för stad",
        subject=meta.credit(),
        lang="en-GB" if meta.lang == "en" else "sv-SE",
    )
    frame = Frame(
        document.leftMargin, document.bottomMargin, document.width, document.height, id="body"
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = title_flowables(meta)
    for block in blocks:
        story += flowables(block, meta.lang)
    document.build(story, canvasmaker=_numbered_canvas(meta))
    return buffer.getvalue()
