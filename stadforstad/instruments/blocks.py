"""Result blocks: small frozen values that say what a result shows, in one language.

A verdict, a group's picture, a filled form and a blank form are each a list of
blocks, built by pure code. Three renderers draw every block kind: the screen
(``stadforstad.ui.blocks``), PDF and DOCX (``stadforstad.documents``). Adding a kind
is one class here, its name in ``Block`` and one case in each renderer (a test checks
that every renderer knows every kind).

Whose text is it? Fields documented as *authored* carry the tool's or the form's own
words and may be laid out (Markdown on screen). Fields documented as *typed* may hold
what a respondent wrote (names, answers) and are always drawn as plain text.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from stadforstad.schema import Form

#: How a note reads. Never carried by colour alone: every renderer also writes the
#: tone's word (``TONE_WORDS``) and an icon.
Tone = Literal["info", "success", "warning"]
TONES: tuple[Tone, ...] = ("info", "success", "warning")
TONE_WORDS: dict[Tone, tuple[str, str]] = {
    "info": ("Att veta", "Note"),
    "success": ("Bra", "Good"),
    "warning": ("Observera", "Take note"),
}
TONE_ICONS: dict[Tone, str] = {"info": "ℹ️", "success": "✅", "warning": "⚠️"}

#: What a missing value looks like everywhere (never 0, never an empty cell).
MISSING = "–"

#: A table cell: text, a number, a date, or missing.
Cell = str | int | float | dt.date | None


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading (authored). ``level`` 1 is the document's title, 2 a part, 3 a sub-part."""

    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text (authored). ``small``: a caption or a footnote."""

    text: str
    small: bool = False


@dataclass(frozen=True, slots=True)
class Metric:
    """One figure with its label (both authored; the value is a formatted number)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Metrics:
    """Figures side by side."""

    items: tuple[Metric, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """A verdict or a caution in a box (authored), with its tone."""

    tone: Tone
    text: str
    lang: str = "sv"

    @property
    def tone_word(self) -> str:
        sv, en = TONE_WORDS[self.tone]
        return en if self.lang == "en" else sv


@dataclass(frozen=True, slots=True)
class Names:
    """A list of names or items (typed): drawn as plain text, one a line."""

    title: str
    names: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table: column titles (authored) and rows of cells (typed). ``None`` is
    drawn as ``MISSING``. Long tables break across pages with the header repeated."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""


@dataclass(frozen=True, slots=True)
class ChartRef:
    """Where a chart function lives (``module``, ``name``): imported only when a chart
    is drawn, so the instruments stay cheap to import (altair is not)."""

    module: str
    name: str

    def load(self) -> Callable[..., Any]:
        return getattr(importlib.import_module(self.module), self.name)


@dataclass(frozen=True, slots=True, eq=False)
class Chart:
    """A chart built by a pure chart function from a result, and its text
    alternative: the same numbers as a table or a sentence."""

    ref: ChartRef
    form: Form
    value: Any
    lang: str
    alternative: Table | Paragraph
    title: str = ""

    def build(self) -> Any:
        """The altair chart (built anew on every call)."""
        return self.ref.load()(self.form, self.value, self.lang)

    @property
    def key(self) -> str:
        """What the chart depends on: its function, the form, the result, the language."""
        return "|".join(
            (
                self.ref.module,
                self.ref.name,
                self.form.id,
                str(self.form.version),
                self.lang,
                type(self.value).__qualname__,
                self.value.model_dump_json(),
            )
        )


@dataclass(frozen=True, slots=True)
class Answer:
    """One question and what was answered (typed). ``lines`` for lists (ticked
    options), ``table`` for a table's rows; nothing set means not answered."""

    label: str
    text: str | None = None
    lines: tuple[str, ...] = ()
    table: Table | None = None
    comment: str | None = None
    comment_label: str = ""

    @property
    def answered(self) -> bool:
        return bool(self.text) or bool(self.lines) or bool(self.table and self.table.rows)


@dataclass(frozen=True, slots=True)
class AnswerSection:
    title: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True, slots=True)
class Answers:
    """A filled form, item by item, section by section."""

    sections: tuple[AnswerSection, ...]
    empty_text: str = MISSING


@dataclass(frozen=True, slots=True)
class Question:
    """A question of a blank form, to answer on paper: ``choices`` get a box each,
    ``lines`` ruled lines to write on, ``columns`` an empty grid of ``rows`` rows."""

    label: str
    help: str = ""
    choices: tuple[str, ...] = ()
    multiple: bool = False
    lines: int = 0
    columns: tuple[str, ...] = ()
    rows: int = 0


@dataclass(frozen=True, slots=True)
class Image:
    """A picture given as SVG text (vector on paper), with its text alternative."""

    svg: str
    alternative: str
    #: Width on paper in millimetres; ``None``: the text width.
    width_mm: float | None = None


@dataclass(frozen=True, slots=True)
class PageBreak:
    """The next block starts on a new page (documents only)."""


@dataclass(frozen=True, slots=True)
class Signatures:
    """Lines to sign on, one per party (authored or typed names)."""

    parties: tuple[str, ...]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Slips:
    """Short texts (typed) to print and cut out, one per slip: on paper a grid of
    slips with dashed cut lines and cut marks; on screen a numbered list."""

    texts: tuple[str, ...]
    caption: str = ""


Block = (
    Heading
    | Paragraph
    | Metrics
    | Note
    | Names
    | Table
    | Chart
    | Answers
    | Question
    | Image
    | PageBreak
    | Signatures
    | Slips
)

#: Every block kind, for the renderers' completeness tests.
BLOCK_KINDS: tuple[type, ...] = (
    Heading,
    Paragraph,
    Metrics,
    Note,
    Names,
    Table,
    Chart,
    Answers,
    Question,
    Image,
    PageBreak,
    Signatures,
    Slips,
)


def format_number(value: float | int | None, lang: str = "sv", decimals: int = 2) -> str:
    """A number as the reader writes it: at most ``decimals`` decimals, none for a whole
    number, a decimal comma in Swedish and a true minus sign; ``MISSING`` for none."""
    if value is None:
        return MISSING
    text = (
        f"{value:.{decimals}f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    )
    if text in ("-0", ""):
        text = "0"
    if lang != "en":
        text = text.replace(".", ",")
    return text.replace("-", "−")


MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def format_date(value: dt.date, lang: str = "sv") -> str:
    """A date in words: "15 januari 2026" / "15 January 2026"."""
    month = MONTHS["en" if lang == "en" else "sv"][value.month - 1]
    return f"{value.day} {month} {value.year}"


def format_cell(value: Cell, lang: str = "sv") -> str:
    """A cell as text for paper: numbers and dates as the reader writes them."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return ("Yes" if value else "No") if lang == "en" else ("Ja" if value else "Nej")
    if isinstance(value, int | float):
        return format_number(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return str(value)
