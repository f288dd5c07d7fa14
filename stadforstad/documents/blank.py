"""The blank form as blocks, for a workshop on paper: every question with boxes to
tick, lines to write on, or an empty grid for a table."""

from __future__ import annotations

from stadforstad.i18n import pick
from stadforstad.instruments.blocks import Block, Heading, Paragraph, Question
from stadforstad.schema import Form

#: Lines to write on for a short and a long text answer.
SHORT_LINES, LONG_LINES = 2, 6
#: Empty rows of a table on paper, unless the form asks for more or allows fewer.
TABLE_ROWS = 8


def _choices(item, lang: str) -> tuple[str, ...]:
    kind = item.kind
    if kind == "yes_no":
        return (item.yes_label.get(lang), item.no_label.get(lang))
    if kind == "scale":
        ends = {
            item.min: item.min_label.get(lang) if item.min_label else "",
            item.max: item.max_label.get(lang) if item.max_label else "",
        }
        return tuple(
            f"{v} – {ends[v]}" if ends.get(v) else str(v) for v in range(item.min, item.max + 1)
        )
    if kind == "level":
        return tuple(f"{lv.value} · {lv.label.get(lang)}" for lv in item.levels)
    if kind in ("choice", "checklist"):
        options = tuple(o.label.get(lang) for o in item.options)
        if kind == "choice" and item.allow_other:
            options += (pick(lang, "Annat: ____________________", "Other: ____________________"),)
        return options
    return ()


def _help(item, lang: str) -> str:
    parts = [item.help.get(lang)] if item.help else []
    if item.kind == "level":
        parts += [f"{lv.value}: {lv.description.get(lang)}" for lv in item.levels if lv.description]
    if item.kind == "date":
        parts.append(pick(lang, "Skriv datumet som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."))
    if item.kind in ("choice", "checklist") and (item.kind == "checklist" or item.multiple):
        parts.append(pick(lang, "Kryssa i alla som stämmer.", "Tick all that apply."))
    return "\n".join(parts)


def _question(item, lang: str) -> Question:
    label = item.label.get(lang) + (" *" if item.required else "")
    common = {"label": label, "help": _help(item, lang)}
    if item.kind == "table":
        most = item.max_rows or TABLE_ROWS
        return Question(
            **common,
            columns=tuple(c.label.get(lang) for c in item.columns),
            rows=max(item.min_rows, min(most, TABLE_ROWS)),
        )
    if item.kind == "text":
        return Question(**common, lines=LONG_LINES if item.long else SHORT_LINES)
    if item.kind == "number":
        unit = f" ({item.unit.get(lang)})" if item.unit else ""
        return Question(label=label + unit, help=common["help"], lines=1)
    if item.kind == "date":
        return Question(**common, lines=1)
    multiple = item.kind == "checklist" or bool(getattr(item, "multiple", False))
    return Question(**common, choices=_choices(item, lang), multiple=multiple)


def blank_blocks(form: Form, lang: str) -> list[Block]:
    """Every section and question of ``form``, ready to be answered by hand."""
    blocks: list[Block] = []
    if form.intro:
        blocks.append(Paragraph(form.intro.get(lang)))
    if any(item.required for item in form.answerable()):
        blocks.append(
            Paragraph(
                pick(lang, "Frågor märkta * ska besvaras.", "Questions marked * must be answered."),
                small=True,
            )
        )
    for section in form.sections:
        if section.title:
            blocks.append(Heading(section.title.get(lang), 2))
        if section.intro:
            blocks.append(Paragraph(section.intro.get(lang)))
        for item in section.items:
            if item.kind == "info":
                blocks.append(Paragraph(item.text.get(lang)))
                continue
            blocks.append(_question(item, lang))
            if item.comment is not None:
                blocks.append(Question(label=item.comment.get(lang), lines=SHORT_LINES))
    return blocks
