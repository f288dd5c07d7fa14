"""SWOT – the four fields as a 2×2 picture (internal above, external below), with the
same points in words beside it, then the answers."""

from __future__ import annotations

from typing import Any

from stadforstad.i18n import pick
from stadforstad.instruments.answers_view import answer_blocks
from stadforstad.instruments.base import Filled, notes_instrument
from stadforstad.instruments.blocks import Block, Image, Names, Paragraph
from stadforstad.instruments.pictures import Quadrant, grid_svg
from stadforstad.schema import Form

#: The four tables in the picture's reading order: strengths, weaknesses (internal),
#: opportunities, threats (external); a light fill each (the title names it, not the colour).
FIELDS: tuple[tuple[str, str], ...] = (
    ("styrkor", "#e8f5e9"),
    ("svagheter", "#fff3e0"),
    ("mojligheter", "#e3f2fd"),
    ("hot", "#fce4ec"),
)
POINT, IMPORTANT = "punkt", "viktigast"


def field_title(form: Form, field: str, lang: str) -> str:
    """ "Styrkor (interna)" → "Styrkor": the picture's rows say internal/external."""
    return form.item(field).label.get(lang).split(" (")[0]


def quadrants(form: Form, answers: dict[str, Any], lang: str) -> list[Quadrant]:
    return [
        Quadrant(
            title=field_title(form, field, lang),
            points=tuple(
                (str(row.get(POINT) or "").strip(), row.get(IMPORTANT) is True)
                for row in answers.get(field) or []
                if str(row.get(POINT) or "").strip()
            ),
            fill=fill,
        )
        for field, fill in FIELDS
    ]


def swot_alternative(parts: list[Quadrant], lang: str) -> str:
    """The picture in words: each field and its points, the important ones marked."""
    mark = pick(lang, " (bland de viktigaste)", " (among the most important)")
    none = pick(lang, "inget ifyllt", "nothing filled in")
    return " ".join(
        f"{q.title}: "
        + ("; ".join(p + (mark if important else "") for p, important in q.points) or none)
        + "."
        for q in parts
    )


def swot_blocks(form: Form, answers: dict[str, Any], lang: str) -> list[Block]:
    """The 2×2 picture with its text alternative, and the most important insights."""
    parts = quadrants(form, answers, lang)
    rows = tuple(s.title.get(lang) for s in form.sections[:2] if s.title)
    svg = grid_svg(
        parts,
        rows=(rows[0], rows[1]),
        title=pick(lang, "SWOT", "SWOT"),
        empty=pick(lang, "(inget ifyllt)", "(nothing filled in)"),
    )
    blocks: list[Block] = [
        Image(svg, swot_alternative(parts, lang)),
        Paragraph(
            pick(
                lang,
                "» och fetstil: bland de viktigaste insikterna.",
                "» and bold: among the most important insights.",
            ),
            small=True,
        ),
    ]
    important = tuple(p for q in parts for p, flag in q.points if flag)
    if important:
        blocks.append(
            Names(pick(lang, "De viktigaste insikterna", "The most important insights"), important)
        )
    return blocks


def verdict(form: Form, result: Filled, lang: str) -> list[Block]:
    return [*swot_blocks(form, result.answers, lang), answer_blocks(form, result.answers, lang)]


SWOT = notes_instrument("swot", verdict=verdict)
