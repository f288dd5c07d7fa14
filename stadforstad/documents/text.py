"""Blocks as plain text, for the terminal (``stadforstad score … --explain``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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


def _table(block: Table, lang: str) -> list[str]:
    rows = [list(block.columns)] + [[format_cell(c, lang) for c in row] for row in block.rows]
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(len(block.columns))]
    lines = [block.title] if block.title else []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    if not block.rows:
        lines.append(pick(lang, "(inga rader)", "(no rows)"))
    return lines


def _answers(block: Answers, lang: str) -> list[str]:
    lines: list[str] = []
    for section in block.sections:
        if section.title:
            lines += ["", section.title]
        for answer in section.answers:
            lines.append(f"- {answer.label}")
            if answer.table is not None:
                lines += ["    " + line for line in _table(answer.table, lang)]
            elif answer.lines:
                lines += [f"    • {line}" for line in answer.lines]
            else:
                lines.append(f"    {answer.text or block.empty_text}")
            if answer.comment:
                lines.append(f"    {answer.comment_label}: {answer.comment}")
    return lines


def block_lines(block: Block, lang: str) -> list[str]:
    draw: dict[type, Callable[[Any], list[str]]] = {
        Heading: lambda b: ["", b.text.upper() if b.level <= 2 else b.text],
        Paragraph: lambda b: [b.text],
        Metrics: lambda b: [f"{m.label}: {m.value}" for m in b.items],
        Note: lambda b: [f"[{b.tone_word}] {b.text}"],
        Names: lambda b: (
            ([b.title] if b.title else [])
            + [
                f"  {n}. {name}" if b.numbered else f"  • {name}" if b.title else name
                for n, name in enumerate(b.names, start=1)
            ]
        ),
        Table: lambda b: _table(b, lang),
        Chart: lambda b: (
            [pick(lang, "Diagrammet i siffror:", "The chart in numbers:")]
            + (
                _table(b.alternative, lang)
                if isinstance(b.alternative, Table)
                else [b.alternative.text]
            )
        ),
        Answers: lambda b: _answers(b, lang),
        Question: lambda b: [b.label, *(f"  [ ] {c}" for c in b.choices)],
        Image: lambda b: [b.alternative or MISSING],
        PageBreak: lambda b: [],
        Signatures: lambda b: [f"______________________  {p}" for p in b.parties],
        Slips: lambda b: [
            *([b.caption] if b.caption else []),
            *(f"✂ {n}. {t}" for n, t in enumerate(b.texts, start=1)),
        ],
    }
    assert set(draw) == set(BLOCK_KINDS), "every block kind needs a case here"
    return draw[type(block)](block)


def write_text(blocks: Sequence[Block], lang: str = "sv") -> str:
    """The blocks as lines of plain text."""
    lines: list[str] = []
    for block in blocks:
        lines += block_lines(block, lang)
    return "\n".join(lines).strip("\n") + "\n"
