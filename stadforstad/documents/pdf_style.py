"""The PDF's typography: fonts, paragraph styles, colours, page geometry, and the
two pieces every PDF block uses (a paragraph of plain text, a table that repeats its
header row on every page)."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

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


def para(value: str, style: str = "body") -> PdfParagraph:
    return PdfParagraph(text(value), styles()[style])


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
    data: list[list[Any]] = [[para(c, "head") for c in columns]]
    data += [[para(cell, "cell") for cell in row] for row in rows]
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
