"""Compiling the answers that came in through invitation links: the city's picture.

Pure pandas, no Streamlit, no database: ``compile_answers(form, answers)`` takes the
sent answers (``LinkAnswer`` rows) and gives tables ready for a chart or an export.

A *category* is a section of the form with rating (``scale``) items. The handbook's
"GENOMSNITT" for one answer is the category's ratings added and divided by how many
there are (two in ``kartlaggning``); an unanswered rating is left out, never counted
as 0. Across answers: the mean per industry × category (the heatmap), the distribution
of each indicator, counts per industry and per link, and every free-text item's notes
as a list.

Breakdowns resting on fewer than ``min_group`` answers are suppressed (``None``, and
flagged) so that no single respondent can be singled out: exports and shared views use
``SHARE_MIN_GROUP``; the members' own view may show everything, marked.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from stadforstad.i18n import pick
from stadforstad.questionnaire import IDENTITY_ITEMS, answer_text
from stadforstad.schema import Form
from stadforstad.words import ANSWER, CATEGORY, INDICATOR, INDUSTRY, NAME, QUESTION, VALUE

if TYPE_CHECKING:  # types only: compiling is pure and never reaches the database
    from stadforstad.storage.links import LinkAnswer
    from stadforstad.storage.repository import Actor

#: Smallest group shown in exports and views meant for sharing.
SHARE_MIN_GROUP = 3
#: The words the compiled tables hold as values, ``(Swedish, English)``: ``pick(lang, *WORDS)``.
NO_INDUSTRY_WORDS = ("Ej angiven", "Not given")
SUPPRESSED_WORDS = (f"färre än {SHARE_MIN_GROUP}", f"fewer than {SHARE_MIN_GROUP}")
LINK_WORD = ("Länk", "Link")
ALL_INDUSTRIES_WORDS = ("Alla branscher", "All industries")
SUPPRESSED = SUPPRESSED_WORDS[0]


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    items: tuple[str, ...]


@dataclass
class Compilation:
    form_id: str
    answers: int
    min_group: int
    categories: list[Category]
    #: One row per answer: svar, länk, bransch, inskickat, then one column per category.
    per_answer: pd.DataFrame
    #: bransch, kategori, genomsnitt, antal, dold (long form: one row per heatmap cell).
    heatmap: pd.DataFrame
    #: kategori, indikator, värde, antal (every value of the scale, 0 where none).
    distribution: pd.DataFrame
    #: bransch, antal (antal None when suppressed).
    by_industry: pd.DataFrame
    #: länk, antal
    by_link: pd.DataFrame
    #: item label → the notes written under it (text only, in no particular order).
    notes: dict[str, list[str]] = field(default_factory=dict)
    #: The whole picture was withheld: fewer answers than ``min_group`` in all.
    withheld: bool = False
    #: The language of the labels (categories, indicators, notes' questions, the words).
    lang: str = "sv"


def categories(form: Form, lang: str = "sv") -> list[Category]:
    """Sections with rating items, in the form's order, titled in ``lang``."""
    found = []
    for section in form.sections:
        items = tuple(i.id for i in section.items if i.kind == "scale")
        if items:
            label = section.title.get(lang) if section.title else section.id
            found.append(Category(section.id, label, items))
    return found


def _mean(values: Sequence[float]) -> float | None:
    return round(statistics.fmean(values), 2) if values else None


def category_means(form: Form, answers: dict) -> dict[str, float | None]:
    """The handbook's GENOMSNITT per category for one answer."""
    if form.scoring == "kartlaggning":
        from scoring import kartlaggning  # the indicator grid's own scorer, where it applies

        return dict(kartlaggning.score(form, answers).category_means)
    return {
        c.id: _mean([answers[i] for i in c.items if isinstance(answers.get(i), int)])
        for c in categories(form)
    }


def industry_of(answer: LinkAnswer, lang: str = "sv") -> str:
    return answer.industry or pick(lang, *NO_INDUSTRY_WORDS)


def _link_name(answer: LinkAnswer, lang: str = "sv") -> str:
    return answer.link_label or f"{pick(lang, *LINK_WORD)} {answer.link_id}"


def compile_answers(
    form: Form, answers: Iterable[LinkAnswer], *, min_group: int = 0, lang: str = "sv"
) -> Compilation:
    """The compiled picture; its labels (categories, indicators, the questions of the
    notes, an industry or link without a name) in ``lang``."""
    rows = [a for a in answers if a.form_id == form.id]
    cats = categories(form, lang)
    label = {c.id: c.label for c in cats}
    withheld = len(rows) < min_group
    # Each answer scored once: the table per answer and the heatmap share these.
    scored = [category_means(form, a.answers) for a in rows]

    per_answer = pd.DataFrame(
        [
            {
                "svar": n,
                "länk": _link_name(a, lang),
                "bransch": industry_of(a, lang),
                "inskickat": a.submitted_at,
                **{label[k]: v for k, v in means.items()},
            }
            for n, (a, means) in enumerate(zip(rows, scored), start=1)
        ],
        columns=["svar", "länk", "bransch", "inskickat", *label.values()],
    )

    cells = []
    by_industry: dict[str, list[dict[str, float | None]]] = {}
    for a, answer_means in zip(rows, scored):
        by_industry.setdefault(industry_of(a, lang), []).append(answer_means)
    for industry, group in sorted(by_industry.items()):
        for c in cats:
            means = [m for m in (answer[c.id] for answer in group) if m is not None]
            hidden = len(group) < min_group
            cells.append(
                {
                    "bransch": industry,
                    "kategori": c.label,
                    "genomsnitt": None if hidden else _mean(means),
                    "antal": None if hidden else len(means),
                    "dold": hidden,
                }
            )
    heatmap = pd.DataFrame(cells, columns=["bransch", "kategori", "genomsnitt", "antal", "dold"])

    dist = []
    for c in cats:
        for item_id in c.items:
            item = form.item(item_id)
            values = Counter(a.answers.get(item_id) for a in rows)
            for value in range(item.min, item.max + 1):
                dist.append(
                    {
                        "kategori": c.label,
                        "indikator": item.label.get(lang),
                        "indikator_id": item_id,
                        "värde": value,
                        "antal": None if withheld else values[value],
                    }
                )
    distribution = pd.DataFrame(
        dist, columns=["kategori", "indikator", "indikator_id", "värde", "antal"]
    )

    def counts(key) -> pd.DataFrame:
        tally: dict[str, int] = {}
        for a in rows:
            tally[key(a)] = tally.get(key(a), 0) + 1
        return pd.DataFrame(
            [{"namn": k, "antal": None if n < min_group else n} for k, n in sorted(tally.items())],
            columns=["namn", "antal"],
        )

    notes: dict[str, list[str]] = {}
    if not withheld:
        for item in form.answerable():
            if item.kind != "text" or item.id in IDENTITY_ITEMS:
                continue
            texts = sorted(
                str(a.answers[item.id]).strip()
                for a in rows
                if str(a.answers.get(item.id) or "").strip()
            )
            if texts:
                notes[item.label.get(lang)] = texts  # sorted: the order of arrival says nothing
    return Compilation(
        form_id=form.id,
        answers=len(rows),
        min_group=min_group,
        categories=cats,
        per_answer=per_answer,
        heatmap=heatmap,
        distribution=distribution,
        by_industry=counts(lambda a: industry_of(a, lang)).rename(columns={"namn": "bransch"}),
        by_link=counts(lambda a: _link_name(a, lang)).rename(columns={"namn": "länk"}),
        notes=notes,
        withheld=withheld,
        lang=lang,
    )


def may_see_single_answers(actor: Actor, workspace_id: int) -> bool:
    """Only the workspace's members (and administrators) see groups under the
    threshold and the single answers with names and contacts; a county coordinator,
    who reads the workspace to compare it, sees what may be shared."""
    return actor.can_write(workspace_id)


def count_text(n, lang: str = "sv") -> str:
    """A count as shown on screen: the number, or the words for a suppressed one."""
    return pick(lang, *SUPPRESSED_WORDS) if n is None or pd.isna(n) else str(int(n))


# -- exports ------------------------------------------------------------------------------
COUNT_COLUMN = "antal svar"
#: The exports' column headers and sheet names: the frames' own (Swedish) field names,
#: and what an English reader sees instead.
EXPORT_WORDS = {
    **dict((ANSWER, INDUSTRY, NAME, CATEGORY, INDICATOR, VALUE, QUESTION)),
    "länk": "link",
    "kontakt": "contact",
    "inskickat": "submitted",
    "antal": "count",
    "anteckning": "note",
    COUNT_COLUMN: "answers",
    "Svar": "Answers",
    "Bransch x kategori": "Industry x category",
    "Fördelning": "Distribution",
    "Antal per bransch": "Answers per industry",
    "Antal per länk": "Answers per link",
    "Anteckningar": "Notes",
}


def export_word(word: str, lang: str) -> str:
    """A header or sheet name of the exports in ``lang`` (``genomsnitt_<category>``
    included); a word without a translation (a question's label) as it is."""
    if lang != "en":
        return word
    if word.startswith("genomsnitt_"):
        return "mean_" + word.removeprefix("genomsnitt_")
    return EXPORT_WORDS.get(word, word)


def _exported(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.rename(columns=lambda c: export_word(str(c), lang))


def answers_frame(form: Form, answers: Iterable[LinkAnswer], lang: str = "sv") -> pd.DataFrame:
    """Every sent answer, one row each, with the items as columns (labels in text,
    headers and words in ``lang``).

    The raw answers, for the members only (``may_see_single_answers``): name and
    contact appear only where the link asked for them and the respondent gave them.
    """
    records = []
    for n, a in enumerate((a for a in answers if a.form_id == form.id), start=1):
        record = {
            "svar": n,
            "länk": _link_name(a, lang),
            "bransch": industry_of(a, lang),
            "namn": a.name or "",
            "kontakt": a.contact or "",
            "inskickat": a.submitted_at,
        }
        for item in form.answerable():
            if item.id in IDENTITY_ITEMS:
                continue
            value = a.answers.get(item.id)
            record[item.id] = (
                value if item.kind == "scale" or value is None else answer_text(item, value, lang)
            )
        for key, mean in category_means(form, a.answers).items():
            record[f"genomsnitt_{key}"] = mean
        records.append(record)
    return _exported(pd.DataFrame(records), lang)


def compilation_table(compilation: Compilation) -> pd.DataFrame:
    """The compiled picture as one wide table: a row per industry (and one for all
    industries), a column per category with its mean, and the number of answers.
    Groups under ``min_group`` show the words for a suppressed group instead."""
    labels = [c.label for c in compilation.categories]
    heat = compilation.heatmap
    hidden = pick(compilation.lang, *SUPPRESSED_WORDS)
    rows = []
    for industry, count in zip(
        compilation.by_industry["bransch"], compilation.by_industry["antal"]
    ):
        cells = heat[heat["bransch"] == industry].set_index("kategori")
        suppressed = count is None or pd.isna(count)
        row: dict[str, object] = {"bransch": industry}
        for label in labels:
            mean = cells["genomsnitt"].get(label) if label in cells.index else None
            row[label] = hidden if suppressed else mean
        row[COUNT_COLUMN] = hidden if suppressed else int(count)
        rows.append(row)
    total: dict[str, object] = {"bransch": pick(compilation.lang, *ALL_INDUSTRIES_WORDS)}
    for label in labels:
        values = [
            v for v in compilation.per_answer.get(label, []) if v is not None and not pd.isna(v)
        ]
        total[label] = hidden if compilation.withheld else _mean(values)
    total[COUNT_COLUMN] = hidden if compilation.withheld else compilation.answers
    rows.append(total)
    frame = pd.DataFrame(rows, columns=["bransch", *labels, COUNT_COLUMN])
    return _exported(frame, compilation.lang)


def compiled_sheets(compilation: Compilation) -> dict[str, pd.DataFrame]:
    """The compiled picture as named tables (the sheets of the Excel export); the
    first is :func:`compilation_table`, which is also the CSV export."""
    hidden = pick(compilation.lang, *SUPPRESSED_WORDS)

    def shown(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        frame["antal"] = [hidden if n is None or pd.isna(n) else int(n) for n in frame["antal"]]
        return frame

    notes = pd.DataFrame(
        [
            {"fråga": label, "anteckning": text}
            for label, texts in compilation.notes.items()
            for text in texts
        ],
        columns=["fråga", "anteckning"],
    )
    dist = compilation.distribution.drop(columns=["indikator_id"])
    if compilation.withheld:
        dist = dist.assign(antal=hidden)
    lang = compilation.lang
    sheets = {
        "Bransch x kategori": compilation_table(compilation),
        "Fördelning": _exported(dist, lang),
        "Antal per bransch": _exported(shown(compilation.by_industry), lang),
        "Antal per länk": _exported(shown(compilation.by_link), lang),
        "Anteckningar": _exported(notes, lang),
    }
    return {export_word(name, lang): frame for name, frame in sheets.items()}
