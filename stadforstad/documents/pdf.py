"""Blocks to PDF (A4, for printing) with ReportLab.

Text is set in Bitstream Vera, the TrueType font that ships inside ReportLab (embedded
in the file: Swedish letters and dashes print everywhere). Charts and pictures stay
vectors (SVG through svglib). Every page carries the form's step and title, the
municipality, the round, the day, the handbook's credit and "Sida X av Y". Tables
break across pages with their header row repeated. All text is escaped: what a
respondent typed is printed as typed, never read as markup.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
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
    Table,
    format_cell,
)

FONT, BOLD, ITALIC = "StadVera", "StadVera-Bold", "StadVera-Italic"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
HEIGHT = A4[1] - 2 * MARGIN - 16 * mm
INK = colors.HexColor("#1f2933")
GREY = colors.HexColor("#5f6b76")
RULE = colors.HexColor("#9aa5b1")
TONE_COLOURS = {
    "info": colors.HexColor("#1565c0"),
    "success": colors.HexColor("#2e7d32"),
    "warning": colors.HexColor("#b35c00"),
}


@functools.cache
def register_fonts() -> None:
    """Vera from ReportLab's own folder, registered once per process (also for the
    charts' SVG text, so a chart prints in the same letters as the text)."""
    import reportlab
    from reportlab.lib.fonts import addMapping
    from svglib import fonts as svg_fonts

    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in ((FONT, "Vera.ttf"), (BOLD, "VeraBd.ttf"), (ITALIC, "VeraIt.ttf")):
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    pdfmetrics.registerFont(TTFont(f"{FONT}-BoldItalic", os.path.join(folder, "VeraBI.ttf")))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, ITALIC)
    addMapping(FONT, 1, 1, f"{FONT}-BoldItalic")
    for family in ("sans-serif", "Helvetica", "Arial"):
        svg_fonts.register_font(family, rlgFontName=FONT)
        svg_fonts.register_font(family, weight="bold", rlgFontName=BOLD)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=GREY),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=13.5,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3
        ),
        "h4": ParagraphStyle("h4", parent=base, fontName=BOLD, fontSize=10, spaceBefore=6),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, spaceBefore=5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, alignment=TA_LEFT),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5),
        "metric": ParagraphStyle("metric", parent=base, fontName=BOLD, fontSize=15, leading=18),
    }


def text(value: str) -> str:
    """Plain text for a ReportLab paragraph: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def _p(value: str, style: str = "body") -> PdfParagraph:
    return PdfParagraph(text(value), styles()[style])


# -- one flowable (or a few) per block --------------------------------------------------
def _heading(block: Heading) -> list[Flowable]:
    style = styles()[f"h{min(max(block.level, 1), 4)}"]
    paragraph = PdfParagraph(text(block.text), style)
    paragraph.keepWithNext = True
    return [paragraph]


def _paragraph(block: Paragraph) -> list[Flowable]:
    return [_p(block.text, "small" if block.small else "body"), Spacer(1, 2 * mm)]


def _metrics(block: Metrics) -> list[Flowable]:
    cells = [[[_p(m.value, "metric"), _p(m.label, "small")] for m in block.items]]
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
    items = [ListItem(_p(line), leftIndent=12) for line in lines]
    if numbered:
        return ListFlowable(items, bulletType="1", bulletFontName=FONT, leftIndent=14)
    return ListFlowable(items, bulletType="bullet", start="•", bulletFontName=FONT, leftIndent=14)


def _names(block: Names) -> list[Flowable]:
    out: list[Flowable] = []
    if block.title:
        out.append(_p(block.title, "label"))
    if block.title or block.numbered:
        out.append(_bullets(block.names, block.numbered))
    else:
        out += [_p(name) for name in block.names]
    return [*out, Spacer(1, 2 * mm)]


#: No column narrower than this (points): room for a short word and the padding.
MIN_COLUMN = 34


def _column_widths(rows: Sequence[Sequence[str]], total: float) -> list[float]:
    """Widths by how much each column holds, none below ``MIN_COLUMN``."""
    count = max((len(r) for r in rows), default=1)
    if count * MIN_COLUMN >= total:
        return [total / count] * count
    weights = []
    for index in range(count):
        longest = max((len(r[index]) for r in rows if index < len(r)), default=4)
        weights.append(min(max(longest, 4), 40) + 3)
    narrow: set[int] = set()
    while True:
        rest = [i for i in range(count) if i not in narrow]
        spare = total - MIN_COLUMN * len(narrow)
        share = sum(weights[i] for i in rest)
        widths = [MIN_COLUMN if i in narrow else spare * weights[i] / share for i in range(count)]
        more = {i for i in rest if widths[i] < MIN_COLUMN}
        if not more:
            break
        narrow |= more
    return widths


def grid(columns: Sequence[str], rows: Sequence[Sequence[str]], empty_rows: int = 0) -> PdfTable:
    """A table whose header repeats on every page it runs over."""
    texts = [list(columns), *[list(r) for r in rows]]
    widths = _column_widths(texts, WIDTH)
    data: list[list[Any]] = [[_p(c, "head") for c in columns]]
    data += [[_p(cell, "cell") for cell in row] for row in rows]
    data += [["" for _ in columns] for _ in range(empty_rows)]
    heights = [None] * (1 + len(rows)) + [9 * mm] * empty_rows  # room to write by hand
    table = PdfTable(data, colWidths=widths, rowHeights=heights, repeatRows=1, splitByRow=1)
    padding = 3 if len(columns) > 6 else 5
    style = [
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e7eb")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    table.setStyle(TableStyle(style))
    return table


def _table(block: Table, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    if block.title:
        out.append(_p(block.title, "label"))
    if not block.rows:
        return [*out, _p(pick(lang, "Inga rader.", "No rows."), "small")]
    rows = [[format_cell(cell, lang) for cell in row] for row in block.rows]
    return [*out, grid(block.columns, rows), Spacer(1, 3 * mm)]


def _drawing(svg: str, max_width: float = WIDTH, max_height: float = HEIGHT * 0.8) -> Flowable:
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.StringIO(svg))
    if drawing is None:  # an SVG svglib cannot read: say so rather than fail the document
        return _p(MISSING, "small")
    scale = min(max_width / drawing.width, max_height / drawing.height, 1.0)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    return drawing


def _chart(block: Chart) -> list[Flowable]:
    parts: list[Flowable] = []
    if block.title:
        parts.append(_p(block.title, "label"))
    parts.append(_drawing(chart_svg(block)))
    return [KeepTogether(parts), Spacer(1, 4 * mm)]


def _answers(block: Answers, lang: str) -> list[Flowable]:
    out: list[Flowable] = []
    for section in block.sections:
        if section.title:
            heading = _p(section.title, "h3")
            heading.keepWithNext = True
            out.append(heading)
        for answer in section.answers:
            label = _p(answer.label, "label")
            label.keepWithNext = True
            out.append(label)
            if answer.table is not None:
                out += _table(answer.table, lang)
            elif answer.lines:
                out.append(_bullets(answer.lines))
            else:
                out.append(_p(answer.text or block.empty_text))
            if answer.comment:
                out.append(_p(f"{answer.comment_label}: {answer.comment}", "small"))
    return out


class TickBox(Flowable):
    """An empty box to tick by hand (round for one choice, square for several)."""

    def __init__(self, round_box: bool = False, size: float = 3.4 * mm):
        super().__init__()
        self.round_box, self.size = round_box, size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.7)
        if self.round_box:
            self.canv.circle(self.size / 2, self.size / 2, self.size / 2, stroke=1, fill=0)
        else:
            self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def _choices(choices: Sequence[str], multiple: bool) -> Flowable:
    rows = [[TickBox(round_box=not multiple), _p(choice)] for choice in choices]
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
    parts: list[Flowable] = [_p(block.label, "label")]
    if block.help:
        parts.append(_p(block.help, "small"))
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
        out.append(_p(block.caption))
    sign, date = (
        pick(lang, "Underskrift", "Signature"),
        pick(lang, "Ort och datum", "Place and date"),
    )
    for party in block.parties:
        table = PdfTable(
            [["", ""], [_p(f"{sign} – {party}" if party else sign, "small"), _p(date, "small")]],
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
    out: list[Flowable] = [_p(meta.step_text(), "small"), _p(meta.title, "h1")]
    if meta.kind:
        out.append(_p(meta.kind, "h3"))
    facts = PdfTable(
        [[_p(label, "small"), _p(value)] for label, value in meta.details()],
        colWidths=[35 * mm, WIDTH - 35 * mm],
    )
    facts.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    out.append(facts)
    if meta.source:
        out.append(_p(meta.source, "small"))
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
