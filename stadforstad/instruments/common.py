"""What the instruments' verdicts share: numbers in words, counts, the group's notes."""

from __future__ import annotations

from collections.abc import Sequence

from scoring.common import DISAGREEMENT_SPREAD
from stadforstad.i18n import pick
from stadforstad.instruments.blocks import (
    MISSING,
    Block,
    Metric,
    Metrics,
    Note,
    Paragraph,
    Table,
    format_number,
)
from stadforstad.schema import Form


def num(value: float | int | None, lang: str) -> str:
    """A mean as the reader writes it: ``MISSING`` for none (not 0), at most two decimals."""
    return format_number(value, lang)


def signed(value: float | int | None, lang: str) -> str:
    """A gap with its sign (+2, −1, 0); ``MISSING`` for none."""
    if value is None:
        return MISSING
    return "0" if value == 0 else ("+" if value > 0 else "−") + num(abs(value), lang)


def count(n: int, one: tuple[str, str], many: tuple[str, str], lang: str) -> str:
    """``n`` with the word in the singular or the plural, from (sv, en) pairs."""
    return f"{n} {pick(lang, *(one if n == 1 else many))}"


def yes_mark(flag: bool, lang: str) -> str:
    return pick(lang, "ja – prata om det", "yes – talk it through") if flag else ""


def label_of(form: Form, item_id: str, lang: str) -> str:
    return form.item(item_id).label.get(lang)


def labels_of(form: Form, ids: Sequence[str], lang: str) -> tuple[str, ...]:
    return tuple(label_of(form, i, lang) for i in ids)


def members_blocks(respondents: int, lang: str) -> list[Block]:
    """How many members answered, and a caution when it is only one."""
    blocks: list[Block] = [Metrics((Metric(pick(lang, "Deltagare", "Members"), str(respondents)),))]
    if respondents == 1:
        blocks.append(
            Note(
                "info",
                pick(
                    lang,
                    "Bara en deltagare har svarat: medel och spridning säger lite ännu.",
                    "Only one member has answered: mean and spread say little yet.",
                ),
                lang,
            )
        )
    return blocks


def discuss_block(
    n: int,
    one: tuple[str, str],
    many: tuple[str, str],
    lang: str,
    unit: tuple[str, str] = ("poäng", "points"),
) -> Block:
    """How many things the members differ on by the spread that calls for a talk."""
    gap = f"{DISAGREEMENT_SPREAD} {pick(lang, *unit)}"
    if n:
        what = count(n, one, many, lang)
        return Note(
            "warning",
            pick(
                lang,
                f"{what} där ni skiljer er åt med {gap} eller mer – prata om det "
                "(markerat i tabellen).",
                f"{what} where you differ by {gap} or more – talk it through "
                "(marked in the table).",
            ),
            lang,
        )
    return Paragraph(
        pick(
            lang,
            f"Ingen skillnad på {gap} eller mer mellan er.",
            f"No difference of {gap} or more between you.",
        ),
        small=True,
    )


def items_table(form: Form, items, lang: str, extra=None) -> Table:
    """Per rated item across a group: mean, min, max, spread, answers, and whether the
    members differ enough to talk it through. ``extra(stats)`` adds leading columns
    as ``(title, value)`` pairs."""
    extra_columns = tuple(title for title, _ in extra(items[0])) if extra and items else ()
    return Table(
        columns=(
            pick(lang, "Fråga", "Question"),
            *extra_columns,
            pick(lang, "Medel", "Mean"),
            "Min",
            "Max",
            pick(lang, "Spridning", "Spread"),
            pick(lang, "Svar", "Answers"),
            pick(lang, "Diskutera", "Discuss"),
        ),
        rows=tuple(
            (
                label_of(form, s.id, lang),
                *(value for _, value in (extra(s) if extra else ())),
                s.mean,
                s.min,
                s.max,
                s.spread,
                s.n,
                yes_mark(s.disagree, lang),
            )
            for s in items
        ),
    )
