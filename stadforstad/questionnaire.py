"""The questionnaire behind an invitation link, as pure functions the respondent page
and the tests share: which industries to offer, which items the page asks itself, and
the receipt as plain text. No Streamlit, no database here.

"Who answers" is asked by the page, not by the form: the industry from a list (or
written), and name and contact only when the link asks for them. A form that has items
with the ids in ``IDENTITY_ITEMS`` (``kartlaggning``: ``aktor``, ``bransch``) gets them
filled from those answers instead of showing them twice.

An industry is stored by its Swedish name whatever language the respondent reads, so
the compilation counts "Hotell" once, not once per language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stadforstad.answers import Answers
from stadforstad.catalog import FORMS_DIR, list_forms, load_form
from stadforstad.i18n import pick, time_text, time_zone_name
from stadforstad.schema import Form
from stadforstad.settings import get_settings

if TYPE_CHECKING:  # types only: the compilation imports this module and stays pure
    from stadforstad.storage.links import Identity, LinkInfo, LinkStore, RespondentState

#: Items the respondent page asks itself (industry from a list, the organisation from
#: the link): they alone do not make an answer.
INDUSTRY_ITEM = "bransch"
ORGANISATION_ITEM = "aktor"
IDENTITY_ITEMS = (INDUSTRY_ITEM, ORGANISATION_ITEM)

#: The handbook's actors out in the city (HITTA KONTAKTYTAN, BRANSCHER OCH KONTAKTYTOR),
#: offered when the form has no industry list of its own: (Swedish, English).
DEFAULT_INDUSTRIES = (
    ("Hotell", "Hotels"),
    ("Taxi", "Taxi"),
    ("Hyresvärdar", "Landlords"),
    ("Bemanningsbolag", "Staffing agencies"),
    ("Hälso- och sjukvård", "Health care"),
    ("Skolor", "Schools"),
    ("Barn- och ungdomsverksamheter", "Child and youth services"),
    ("Socialförvaltningen", "Social services"),
    ("Migrant- och asylverksamheter", "Migrant and asylum services"),
    ("Kyrkor / trosrörelser", "Churches / faith communities"),
    ("Föreningar", "Associations"),
    ("Fältarbetare", "Field workers"),
    ("Restaurang", "Restaurants"),
    ("Bygg", "Construction"),
    ("Massage", "Massage"),
    ("Nagelsalonger", "Nail salons"),
    ("Biltvätt", "Car washes"),
    ("Jordbruk", "Agriculture"),
)


def forms_folder() -> Path:
    return get_settings().forms_dir or FORMS_DIR


def shareable_forms() -> list[Form]:
    return [form for form in list_forms(forms_folder()) if form.shareable]


def link_form(form_id: str) -> Form:
    return load_form(form_id, forms_folder())


def industry_names(form: Form) -> dict[str, tuple[str, str]]:
    """The industries to choose from, the form's own list if it has one: the Swedish
    name (what is stored) → (Swedish, English) to show."""
    try:
        item = form.item(INDUSTRY_ITEM)
    except KeyError:
        item = None
    if item is not None and item.kind == "choice":
        return {o.label.sv: (o.label.sv, o.label.get("en")) for o in item.options}
    return {sv: (sv, en) for sv, en in DEFAULT_INDUSTRIES}


def known_industry(text: str | None, names: dict[str, tuple[str, str]]) -> str | None:
    """The listed industry ``text`` names, in either language and any case."""
    wanted = " ".join((text or "").split()).casefold()
    if not wanted:
        return None
    return next(
        (key for key, (sv, en) in names.items() if wanted in (sv.casefold(), en.casefold())),
        None,
    )


def similar_industries(
    text: str | None, names: dict[str, tuple[str, str]], limit: int = 3
) -> list[str]:
    """Listed industries that begin with (or contain) what was typed, best first: "Rest"
    suggests "Restaurang" before anyone adds "Rest" as an industry of its own."""
    wanted = " ".join((text or "").split()).casefold()
    if len(wanted) < 2:
        return []
    starts = [
        k for k, (sv, en) in names.items() if any(n.casefold().startswith(wanted) for n in (sv, en))
    ]
    inside = [
        k
        for k, (sv, en) in names.items()
        if k not in starts and any(wanted in n.casefold() for n in (sv, en))
    ]
    return (starts + inside)[:limit]


def preset_industry(link: LinkInfo, options: list[str] | dict[str, tuple[str, str]]) -> str | None:
    """The industry the link was made for, when its label is one of the options."""
    names = options if isinstance(options, dict) else {o: (o, o) for o in options}
    return known_industry(link.label, names)


def format_number(value: float | int, lang: str = "sv") -> str:
    """A number with the language's decimal mark (``2,5`` in Swedish, ``2.5`` in English)."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "sv" else text


def format_moment(moment: dt.datetime | None, lang: str = "sv") -> str:
    """A stored moment in Swedish time, as ``2025-05-01 14:03``; ``–`` for none."""
    if moment is None:
        return "–"
    if moment.tzinfo is None:  # SQLite keeps no zone: the stored values are UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return time_text(moment)


def time_zone_note(lang: str = "sv") -> str:
    return time_zone_name(lang)


def asked_form(form: Form) -> Form:
    """The form without the items the page asks itself (sections left empty go too)."""
    sections = []
    for section in form.sections:
        items = [item for item in section.items if item.id not in IDENTITY_ITEMS]
        if items:
            sections.append(section.model_copy(update={"items": items}))
    return form.model_copy(update={"sections": sections})


def with_identity(form: Form, answers: Answers, identity: Identity, link: LinkInfo) -> Answers:
    """The form's answers with its identity items filled from what the page asked (the
    industry by its Swedish name, whatever the page's language)."""
    answers = dict(answers)
    ids = {item.id: item for item in form.answerable()}
    if INDUSTRY_ITEM in ids and identity.industry:
        item = ids[INDUSTRY_ITEM]
        by_label = {o.label.sv.casefold(): o.value for o in getattr(item, "options", None) or []}
        answers[INDUSTRY_ITEM] = by_label.get(identity.industry.casefold(), identity.industry)
    if ORGANISATION_ITEM in ids:
        # The organisation the link was made for stands in for a name: anonymous by default.
        answers[ORGANISATION_ITEM] = (link.label or identity.industry or "Anonym svarande")[:200]
    return answers


def _cell(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return pick(lang, "ja", "yes") if value else pick(lang, "nej", "no")
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def answer_text(item, value, lang: str = "sv") -> str:
    """One answer as a line of plain text."""
    if value is None:
        return "–"
    kind = item.kind
    if kind == "yes_no":
        return (item.yes_label if value else item.no_label).get(lang)
    if kind == "scale":
        ends = {item.min: item.min_label, item.max: item.max_label}
        end = ends.get(value)
        return f"{value} ({end.get(lang)})" if end else str(value)
    if kind == "level":
        names = {level.value: level.label.get(lang) for level in item.levels}
        return f"{value} ({names.get(value, '')})"
    if kind in ("choice", "checklist"):
        names = {o.value: o.label.get(lang) for o in item.options}
        values = value if isinstance(value, list) else [value]
        return ", ".join(names.get(v, str(v)) for v in values)
    if kind == "table":
        columns = {c.id: c.label.get(lang) for c in item.columns}
        return "; ".join(
            ", ".join(f"{columns.get(k, k)}: {_cell(v, lang)}" for k, v in row.items())
            for row in value
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, lang)
    return str(value)


def answers_text(
    form: Form,
    answers: Answers,
    identity: Identity,
    lang: str = "sv",
    names: dict[str, tuple[str, str]] | None = None,
) -> list[str]:
    """Who answered and every answer, one line each (no title, no receipt)."""
    lines = []
    if identity.industry:
        shown = (names or {}).get(identity.industry)
        industry = pick(lang, *shown) if shown else identity.industry
        lines.append(f"{pick(lang, 'Bransch', 'Industry')}: {industry}")
    if identity.name:
        lines.append(f"{pick(lang, 'Namn', 'Name')}: {identity.name}")
    if identity.contact:
        lines.append(f"{pick(lang, 'Kontakt', 'Contact')}: {identity.contact}")
    for item in form.answerable():
        if item.id in IDENTITY_ITEMS:
            continue
        comment = answers.get(f"{item.id}_comment")
        if answers.get(item.id) is None and not comment:
            continue
        lines.append(f"{item.label.get(lang)}: {answer_text(item, answers.get(item.id), lang)}")
        if comment:
            lines.append(f"  {pick(lang, 'Kommentar', 'Comment')}: {comment}")
    return lines


def receipt_text(
    form: Form,
    answers: Answers,
    identity: Identity,
    receipt: str,
    sent_at: dt.datetime | None,
    lang: str = "sv",
    names: dict[str, tuple[str, str]] | None = None,
) -> str:
    """What was sent, as plain text (shown as text, never as Markdown or HTML)."""
    lines = [
        form.title.get(lang),
        f"{pick(lang, 'Kvittokod', 'Receipt code')}: {receipt}",
        f"{pick(lang, 'Skickat', 'Sent')}: {format_moment(sent_at, lang)} ({time_zone_note(lang)})",
        "",
        *answers_text(form, answers, identity, lang, names),
    ]
    return "\n".join(lines)


def draft_text(
    form: Form,
    answers: Answers,
    identity: Identity,
    saved_at: dt.datetime | None,
    lang: str = "sv",
    names: dict[str, tuple[str, str]] | None = None,
) -> str:
    """A draft (a late one too) as plain text, for the respondent to copy or download."""
    lines = [
        form.title.get(lang),
        f"{pick(lang, 'Utkast sparat', 'Draft saved')}: {format_moment(saved_at, lang)} "
        f"({time_zone_note(lang)})",
        "",
        *answers_text(form, answers, identity, lang, names),
    ]
    return "\n".join(lines)


def send_answers(
    links: LinkStore,
    *,
    token: str,
    resume: str,
    submission_key: str,
    answers: Answers,
    identity: Identity,
    client: str | None = None,
    returning: bool = False,
) -> RespondentState:
    """Send a respondent's answers: what the page does on "Skicka in" (and the load test).

    The link is checked again at sending; the same ``submission_key`` or ``resume``
    sent twice returns the first receipt. ``returning``: this session opened the link
    while it was open (what it sends after the link closed is kept as a late draft).
    """
    actor, link = links.open_link(token, resume, returning=returning)
    form = link_form(link.form_id)
    return links.submit(
        actor=actor,
        resume=resume,
        submission_key=submission_key,
        form=form,
        answers=with_identity(form, answers, identity, link),
        identity=identity,
        client=client,
    )
