"""Charts for paper: the chart's Vega-Lite spec drawn as SVG (vector) by
``vl-convert-python``, which runs Vega in an embedded JavaScript engine: no browser.

Numbers are written the Swedish way in Swedish documents (decimal comma)."""

from __future__ import annotations

import functools
import re
from typing import Any

from stadforstad.instruments.blocks import Chart, Paragraph, Table, format_cell

#: Vega's number formatting per language (d3-format locales that vl-convert knows).
LOCALES: dict[str, Any] = {"sv": "sv-SE", "en": "en-US"}
#: Bitmaps (the DOCX fallback for programs older than Word 2016) are drawn at this many
#: pixels per CSS pixel: enough to read on screen, cheap to make (the vector is the main
#: picture).
PNG_SCALE = 1.25


@functools.lru_cache(maxsize=64)
def chart_json(block: Chart) -> str:
    """The chart's Vega-Lite spec (altair's own, with its data inline). A chart block
    is hashed by identity: the PDF and the DOCX of one document build it once."""
    return block.build().to_json()


@functools.lru_cache(maxsize=128)
def _svg(spec: str, lang: str) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(spec, format_locale=LOCALES.get(lang, "sv-SE"))


def chart_svg(block: Chart) -> str:
    """The chart as SVG text."""
    return _svg(chart_json(block), block.lang)


def chart_png(block: Chart) -> bytes:
    """The chart as a PNG (for programs that cannot show SVG), drawn from its SVG."""
    return svg_png(chart_svg(block))


def svg_png(svg: str) -> bytes:
    """Any SVG picture as a PNG, drawn without a browser."""
    import vl_convert

    return vl_convert.svg_to_png(svg, scale=PNG_SCALE)


def svg_size(svg: str) -> tuple[float, float]:
    """The width and height an SVG says it has (CSS pixels)."""
    head = svg[: svg.find(">") + 1]
    width = re.search(r'width="([\d.]+)', head)
    height = re.search(r'height="([\d.]+)', head)
    if width and height:
        return float(width.group(1)), float(height.group(1))
    box = re.search(r'viewBox="[\d.\-]+ [\d.\-]+ ([\d.]+) ([\d.]+)"', head)
    if box:
        return float(box.group(1)), float(box.group(2))
    return 600.0, 400.0


def alternative_text(block: Chart, limit: int = 2000) -> str:
    """The chart's text alternative as one string (an image description in Word)."""
    alternative = block.alternative
    if isinstance(alternative, Paragraph):
        return alternative.text[:limit]
    assert isinstance(alternative, Table)
    lines = [" | ".join(alternative.columns)]
    lines += [" | ".join(format_cell(cell, block.lang) for cell in row) for row in alternative.rows]
    return "\n".join(lines)[:limit]
