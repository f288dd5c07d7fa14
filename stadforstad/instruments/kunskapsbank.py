"""KUNSKAPSBANK – the entries found, as a list per focus area (searched and filtered on
the page with ``scoring.kunskapsbank.find``)."""

from __future__ import annotations

from collections.abc import Sequence

from scoring import kunskapsbank
from scoring.kunskapsbank import Bank, BankGroup, Entry
from stadforstad.i18n import count_text, pick
from stadforstad.instruments.base import Instrument
from stadforstad.instruments.blocks import Block, Cell, Heading, Metric, Metrics, Paragraph, Table
from stadforstad.schema import Form


def words(form: Form, lang: str) -> dict[str, str]:
    """Area and kind values → their labels (typed areas stay as typed)."""
    item = form.item(kunskapsbank.ENTRIES_ITEM)
    out: dict[str, str] = {}
    for column in item.columns:
        if column.id in (kunskapsbank.AREA_COLUMN, "typ"):
            out.update({o.value: o.label.get(lang) for o in column.options or []})
    return out


def area_label(form: Form, area: str | None, lang: str) -> str:
    if not area:
        return pick(lang, "Utan fokusområde", "No focus area")
    column = next(
        c for c in form.item(kunskapsbank.ENTRIES_ITEM).columns if c.id == kunskapsbank.AREA_COLUMN
    )
    return {o.value: o.label.get(lang) for o in column.options or []}.get(area, area)


def entries_blocks(form: Form, entries: Sequence[Entry], lang: str) -> list[Block]:
    """One table per focus area, in the bank's order."""
    kinds = words(form, lang)
    whose = any(e.respondent for e in entries)
    blocks: list[Block] = []
    areas = list(dict.fromkeys(e.area or "" for e in entries))
    for area in areas:
        rows: list[tuple[Cell, ...]] = []
        for e in (e for e in entries if (e.area or "") == area):
            row: tuple[Cell, ...] = (
                e.title,
                kinds.get(e.kind, e.kind),
                e.link,
                e.why,
                e.who,
                e.deadline,
            )
            rows.append((*row, e.respondent) if whose else row)
        columns: tuple[str, ...] = (
            pick(lang, "Titel", "Title"),
            pick(lang, "Typ", "Kind"),
            pick(lang, "Länk", "Link"),
            pick(lang, "Varför är det viktigt?", "Why is it important?"),
            pick(lang, "Vem", "Who"),
            "Deadline",
        )
        if whose:
            columns = (*columns, pick(lang, "Deltagare", "Member"))
        title = f"{area_label(form, area or None, lang)} ({len(rows)})"
        blocks.append(Table(columns, tuple(rows), title=title))
    if not blocks:
        blocks.append(Paragraph(pick(lang, "Inga poster ännu.", "No entries yet.")))
    return blocks


def _bank_blocks(form: Form, bank: Bank, lang: str) -> list[Block]:
    return [
        Metrics(
            (
                Metric(pick(lang, "Poster", "Entries"), str(len(bank.entries))),
                Metric(pick(lang, "Fokusområden", "Focus areas"), str(len(bank.areas))),
            )
        ),
        Heading(pick(lang, "Per fokusområde", "Per focus area"), 3),
        *entries_blocks(form, bank.entries, lang),
    ]


def verdict(form: Form, bank: Bank, lang: str) -> list[Block]:
    return _bank_blocks(form, bank, lang)


def group_verdict(form: Form, group: BankGroup, lang: str) -> list[Block]:
    return _bank_blocks(form, group.bank, lang)


def found_text(n: int, lang: str) -> str:
    return count_text(lang, n, ("post", "poster"), ("entry", "entries"))


KUNSKAPSBANK: Instrument[Bank, BankGroup] = Instrument(
    form_id="kunskapsbank",
    score=kunskapsbank.score,
    summarize=kunskapsbank.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    scored=False,
    with_answers=True,
)
