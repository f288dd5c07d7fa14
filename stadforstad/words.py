"""What the charts call the things they show, Swedish first, English second
(shared/GLOSSARY.md): the titles of tooltip values, and the axis and legend titles more
than one chart uses. Each word is here once; a chart shows it with ``tip(field, WORD,
lang)`` or ``pick(lang, *WORD)``. A title only one chart uses stays in that chart, as
``pick(lang, sv, en)``.

A field without a title shows its own name, so every field a tooltip shows is given
one from here. The Swedish of a tooltip value is the word it has always shown (the
field's name, in lower case). The compilation's exports name their columns with the
same words, so this module imports nothing that draws (altair only inside ``tip``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stadforstad.i18n import pick

if TYPE_CHECKING:
    import altair as alt

#: ``(Swedish, English)``
Word = tuple[str, str]

# -- tooltip values of the forms' own charts ---------------------------------------------
ACTOR: Word = ("aktör", "actor")
ACTORS: Word = ("aktörer", "actors")
ANSWER: Word = ("svar", "answer")
ANSWERED: Word = ("besvarade", "answered")
AVERAGE: Word = ("genomsnitt", "average")
CATEGORY: Word = ("kategori", "category")
COUNT: Word = ("antal", "number")
DATE: Word = ("datum", "date")
INDICATOR: Word = ("indikator", "indicator")
INDUSTRY: Word = ("bransch", "industry")
INFLUENCE: Word = ("påverkan", "influence")
KIND: Word = ("slag", "kind")
LEVEL: Word = ("nivå", "level")
MEAN: Word = ("medel", "mean")
MEASURE: Word = ("mått", "measure")
MEMBER: Word = ("deltagare", "member")
NAME: Word = ("namn", "name")
NUMBER: Word = ("nr", "no.")
QUADRANT: Word = ("kvadrant", "quadrant")
QUESTION: Word = ("fråga", "question")
#: How many answered (an item, in a group).
RESPONSES: Word = ("svar", "responses")
ROW: Word = ("rad", "row")
SCORE: Word = ("poäng", "score")
SUB_GOAL: Word = ("delmål", "sub-goal")
SUPPORT: Word = ("stöd", "support")
TARGET: Word = ("mål", "target")
TARGET_GROUP: Word = ("målgrupp", "target group")
TODAY: Word = ("idag", "today")
#: A personality type (rekrytering).
TYPE: Word = ("typ", "type")
#: A value on a scale (1–5).
VALUE: Word = ("värde", "value")
WHEN: Word = ("när", "when")
WHO: Word = ("vem", "who")
WISHED: Word = ("önskad", "wished")
YEAR: Word = ("år", "year")
#: A plan year with its calendar year: "År 2 (2026)".
YEAR_OF_PLAN: Word = ("årtal", "year")

# -- titles used by more than one chart, or more than once in one ------------------------
AVERAGE_TITLE: Word = ("Genomsnitt", "Average")
MEAN_TITLE: Word = ("Medel", "Mean")
MEAN_1_5: Word = ("Medel (1–5)", "Mean (1–5)")
MEMBERS_TITLE: Word = ("Antal deltagare", "Members")
MUNICIPALITY: Word = ("Kommun", "Municipality")
TODAY_TITLE: Word = ("Idag", "Today")
WISHED_TITLE: Word = ("Önskad", "Wished for")
LEVEL_TITLE: Word = ("Nivå", "Level")
RESPONSES_TITLE: Word = ("Svar", "Responses")
RESPONSE_COUNT: Word = ("Antal svar", "Responses")
TARGET_TITLE: Word = ("Mål", "Target")
YEAR_TITLE: Word = ("År", "Year")


def tip(field: str, word: Word, lang: str, **kwargs) -> alt.Tooltip:
    """A tooltip value titled in the chart's language: ``tip("fråga:N", QUESTION, lang)``."""
    import altair as alt  # here, so the words serve modules that draw nothing (exports)

    return alt.Tooltip(field, title=pick(lang, *word), **kwargs)
