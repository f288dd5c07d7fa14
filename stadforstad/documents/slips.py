"""Slips to cut out (``Slips``): the ice breaker's questions, one per slip.

On paper (A4): two slips side by side, rows of equal height, dashed cut lines between
them and short solid cut marks outside the grid at every line, so the sheet can be cut
with a guillotine or scissors. Each row is its own flowable, so the slips run onto as
many pages as they need and a slip is never split. In Word: a table with dashed borders
(the user may restyle it).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Spacer

from stadforstad.documents.pdf_style import FONT, GREY, INK, RULE, WIDTH, para
from stadforstad.instruments.blocks import Slips

COLUMNS = 2
SLIP_HEIGHT = 42 * mm
#: How far a cut mark reaches out from the grid.
MARK = 4 * mm
FONT_SIZE = 14
LEADING = 18
PADDING = 5 * mm


class SlipRow(Flowable):
    """One row of slips with its cut lines and marks."""

    def __init__(self, texts: tuple[str, ...], first: bool):
        super().__init__()
        self.texts = texts
        self.first = first
        self.width = WIDTH - 2 * MARK
        self.height = SLIP_HEIGHT

    def wrap(self, available_width, available_height):
        return WIDTH, self.height

    def draw(self) -> None:
        c = self.canv
        left, slip = MARK, self.width / COLUMNS
        right = left + self.width
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.setDash(3, 3)
        lines_y = [self.height, 0] if self.first else [0]
        for y in lines_y:
            c.line(left, y, right, y)
        for col in range(COLUMNS + 1):
            x = left + col * slip
            c.line(x, 0, x, self.height)
        c.setDash()
        c.setStrokeColor(INK)
        for y in lines_y:  # marks outside the grid, left and right of each cut line
            c.line(0, y, left - 1 * mm, y)
            c.line(right + 1 * mm, y, right + MARK, y)
        c.setFillColor(INK)
        c.setFont(FONT, FONT_SIZE)
        for col, text in enumerate(self.texts):
            lines = simpleSplit(text, FONT, FONT_SIZE, slip - 2 * PADDING)
            top = self.height / 2 + (len(lines) - 1) * LEADING / 2 - FONT_SIZE / 3
            for n, line in enumerate(lines):
                c.drawCentredString(left + col * slip + slip / 2, top - n * LEADING, line)
        c.restoreState()


def slip_flowables(block: Slips) -> list[Flowable]:
    out: list[Flowable] = []
    if block.caption:
        out += [para(block.caption, "small"), Spacer(1, 3 * mm)]
    texts = block.texts
    for start in range(0, len(texts), COLUMNS):
        out.append(SlipRow(tuple(texts[start : start + COLUMNS]), first=start == 0))
    return out


def _dashed(cell) -> None:
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "dashed")
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:color"), str(GREY.hexval())[2:].upper())
        borders.append(edge)
    cell._tc.get_or_add_tcPr().append(borders)


def slips_docx(document, block: Slips, lang: str) -> None:
    if block.caption:
        document.add_paragraph(block.caption)
    rows = -(-len(block.texts) // COLUMNS)
    if not rows:
        return
    table = document.add_table(rows=rows, cols=COLUMNS)
    for index, cell in enumerate(c for row in table.rows for c in row.cells):
        _dashed(cell)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = 1  # centred
        if index < len(block.texts):
            paragraph.add_run(block.texts[index]).font.size = Pt(FONT_SIZE)
    for row in table.rows:
        row.height = Mm(SLIP_HEIGHT / mm)
