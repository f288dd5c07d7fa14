"""The cells of an XLSForm row: the languages and sheet columns, texts in both
languages, and the constraints (an XPath rule and its message) that ``xlsform`` writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stadforstad.schema import Text

#: Language names as XLSForm wants them: ``Name (code)``.
LANGUAGES: tuple[tuple[str, str], ...] = (("sv", "Svenska (sv)"), ("en", "English (en)"))
DEFAULT_LANGUAGE = LANGUAGES[0][1]

#: The survey sheet's columns, in order. ``::`` columns hold one text per language.
SURVEY_COLUMNS: tuple[str, ...] = (
    "type",
    "name",
    *(f"label::{name}" for _, name in LANGUAGES),
    *(f"hint::{name}" for _, name in LANGUAGES),
    "required",
    *(f"required_message::{name}" for _, name in LANGUAGES),
    "constraint",
    *(f"constraint_message::{name}" for _, name in LANGUAGES),
    "relevant",
    "appearance",
)
CHOICES_COLUMNS: tuple[str, ...] = (
    "list_name",
    "name",
    *(f"label::{name}" for _, name in LANGUAGES),
)
SETTINGS_COLUMNS: tuple[str, ...] = (
    "form_title",
    "form_id",
    "version",
    "default_language",
    "style",
)

REQUIRED = Text(sv="Den här frågan måste besvaras.", en="This question must be answered.")
#: The choice for an answer outside the list (XLSForm's own name for it).
OTHER = "other"
OTHER_CHOICE = Text(sv="Annat", en="Other")
SPECIFY_OTHER = Text(sv="Annat, nämligen", en="Other, please specify")
YES_NO_VALUES = ("yes", "no")

Row = dict[str, Any]


def texts(column: str, text: Text | None) -> Row:
    """``{column}::Svenska (sv)`` and ``{column}::English (en)`` cells for ``text``."""
    if text is None:
        return {}
    return {f"{column}::{name}": text.get(lang) for lang, name in LANGUAGES}


def joined(*parts: Text | None, sep: str = " ") -> Text | None:
    """Texts joined per language (English falling back to Swedish), missing ones
    skipped; ``None`` when all are missing."""
    present = [p for p in parts if p is not None]
    if not present:
        return None
    return Text(sv=sep.join(p.sv for p in present), en=sep.join(p.get("en") for p in present))


def choice_label(first: Text, *rest: Text | None) -> Text:
    """A choice's label: ``first`` and what explains it, e.g. ``1 – aldrig``."""
    return joined(first, *rest, sep=" – ") or first


@dataclass(frozen=True)
class Rule:
    """One constraint: an XPath expression on ``.`` and what to tell the respondent."""

    expression: str
    message: Text


def constraint(*rules: Rule | None) -> Row:
    """The ``constraint`` and ``constraint_message`` cells for all ``rules`` together."""
    present = [r for r in rules if r is not None]
    if not present:
        return {}
    if len(present) == 1:
        expression = present[0].expression
    else:
        expression = " and ".join(f"({r.expression})" for r in present)
    return {
        "constraint": expression,
        **texts("constraint_message", joined(*(r.message for r in present))),
    }


def range_rule(low: float | None, high: float | None) -> Rule | None:
    if low is not None and high is not None:
        return Rule(
            f". >= {low:g} and . <= {high:g}",
            Text(
                sv=f"Svara med ett tal från {low:g} till {high:g}.",
                en=f"Answer with a number from {low:g} to {high:g}.",
            ),
        )
    if low is not None:
        return Rule(
            f". >= {low:g}",
            Text(sv=f"Svara med minst {low:g}.", en=f"Answer with at least {low:g}."),
        )
    if high is not None:
        return Rule(
            f". <= {high:g}",
            Text(sv=f"Svara med högst {high:g}.", en=f"Answer with at most {high:g}."),
        )
    return None


def length_rule(max_length: int) -> Rule:
    return Rule(
        f"string-length(.) <= {max_length}",
        Text(
            sv=f"Högst {max_length} tecken får plats.", en=f"At most {max_length} characters fit."
        ),
    )


def rows_rule(max_rows: int | None) -> Rule | None:
    """A table's row limit, checked on the first cell of each row (ODK has no limit
    on the number of repeats itself)."""
    if not max_rows:
        return None
    return Rule(
        f"position(..) <= {max_rows}",
        Text(sv=f"Högst {max_rows} rader.", en=f"At most {max_rows} rows."),
    )


def required(required: bool) -> Row:
    return {"required": "yes", **texts("required_message", REQUIRED)} if required else {}
