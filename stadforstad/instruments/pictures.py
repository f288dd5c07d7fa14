"""Pictures drawn as SVG text by pure code: the SWOT as a 2×2 grid and a routine as a
flow chart. No browser and no system program: the same SVG is shown on screen, drawn
as vectors in the PDF (svglib) and embedded in the DOCX (with a PNG beside it).

What a respondent typed goes into ``<text>`` elements escaped, so it is shown as
text and never read as markup. Only letters the documents' font (Vera) has are used.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

FONT = "Helvetica, Arial, sans-serif"
INK = "#1a1a1a"
EDGE = "#455a64"
#: Average letter width as a share of the font size (Vera/Helvetica, mixed text).
LETTER = 0.56
LINE = 1.3


def wrap(value: str, width_px: float, size: float) -> list[str]:
    """``value`` broken into lines that fit ``width_px`` at font ``size`` (roughly)."""
    chars = max(int(width_px / (size * LETTER)), 8)
    lines: list[str] = []
    for part in str(value).splitlines() or [""]:
        lines += textwrap.wrap(part, chars, break_long_words=True) or [""]
    return lines


def _text(x: float, y: float, value: str, size: float, *, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}"'
        f'{weight} fill="{INK}">{escape(value)}</text>'
    )


def _svg(width: float, height: float, parts: Sequence[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img">'
        f"<title>{escape(title)}</title>"
        f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>'
        + "".join(parts)
        + "</svg>"
    )


@dataclass(frozen=True)
class Quadrant:
    title: str
    #: (point, among the most important insights)
    points: tuple[tuple[str, bool], ...]
    fill: str


def grid_svg(
    quadrants: Sequence[Quadrant],
    *,
    rows: tuple[str, str],
    title: str,
    empty: str,
    width: float = 680,
) -> str:
    """Four quadrants in two rows (``rows`` names them, e.g. internal / external);
    a point marked important is bold with "»" before it (not colour alone)."""
    size, head, label_w, pad = 11.0, 13.0, 22.0, 10.0
    cell_w = (width - label_w) / 2
    blocks: list[list[tuple[str, bool, float]]] = []
    for q in quadrants:
        lines: list[tuple[str, bool, float]] = []
        for point, important in q.points or ((empty, False),):
            marker = "» " if important else "· "
            wrapped = wrap(point, cell_w - 2 * pad - 12, size)
            lines.append((marker + wrapped[0], important, 0.0))
            lines += [(more, important, size * 0.9) for more in wrapped[1:]]
        blocks.append(lines)
    heights = [
        pad * 2 + head * LINE + size * LINE * max(len(blocks[2 * r]), len(blocks[2 * r + 1]))
        for r in range(2)
    ]
    parts: list[str] = []
    top = 0.0
    for r in range(2):
        cy = top + heights[r] / 2
        parts.append(
            f'<text x="{label_w / 2 + 4:.1f}" y="{cy:.1f}" font-family="{FONT}" font-size="{size}"'
            f' fill="{INK}" text-anchor="middle" transform="rotate(-90 {label_w / 2 + 4:.1f}'
            f' {cy:.1f})">{escape(rows[r])}</text>'
        )
        for c in range(2):
            q, lines = quadrants[2 * r + c], blocks[2 * r + c]
            x = label_w + c * cell_w
            parts.append(
                f'<rect x="{x:.1f}" y="{top:.1f}" width="{cell_w:.1f}" height="{heights[r]:.1f}"'
                f' fill="{q.fill}" stroke="{EDGE}" stroke-width="1.5"/>'
            )
            y = top + pad + head
            parts.append(_text(x + pad, y, q.title, head, bold=True))
            y += head * 0.4
            for line, important, indent in lines:
                y += size * LINE
                parts.append(_text(x + pad + indent, y, line, size, bold=important))
        top += heights[r]
    return _svg(width, top + 1, parts, title)


@dataclass(frozen=True)
class FlowStep:
    """One box of a flow chart: what is done (bold, numbered) and the lines under it."""

    what: str
    lines: tuple[str, ...] = ()


def flow_svg(steps: Sequence[FlowStep], *, title: str, width: float = 560) -> str:
    """The steps as boxes from top to bottom, joined by arrows."""
    head, size, pad, gap = 14.0, 11.0, 10.0, 26.0
    inner = width - 2 * pad - 40
    parts: list[str] = []
    middle = width / 2
    y = 4.0
    for index, step in enumerate(steps):
        headings = wrap(f"{index + 1}. {step.what}", inner, head)
        lines = [part for line in step.lines for part in wrap(line, inner, size)]
        height = pad * 2 + head * LINE * len(headings) + size * LINE * len(lines)
        parts.append(
            f'<rect x="20" y="{y:.1f}" width="{width - 40:.1f}" height="{height:.1f}" rx="8"'
            f' fill="#e3f2fd" stroke="{EDGE}" stroke-width="1.5"/>'
        )
        ty = y + pad
        for line in headings:
            ty += head * LINE
            parts.append(_text(20 + pad, ty - 3, line, head, bold=True))
        for line in lines:
            ty += size * LINE
            parts.append(_text(20 + pad, ty - 3, line, size))
        y += height
        if index < len(steps) - 1:
            # The arrow's head is a triangle of its own: svglib draws no markers.
            tip = y + gap
            parts.append(
                f'<line x1="{middle:.1f}" y1="{y:.1f}" x2="{middle:.1f}" y2="{tip - 8:.1f}"'
                f' stroke="{EDGE}" stroke-width="2"/>'
                f'<polygon points="{middle - 6:.1f},{tip - 9:.1f} {middle + 6:.1f},{tip - 9:.1f}'
                f' {middle:.1f},{tip:.1f}" fill="{EDGE}"/>'
            )
            y += gap
    return _svg(width, y + 4, parts, title)
