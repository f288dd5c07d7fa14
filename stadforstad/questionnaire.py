"""The questionnaire behind an invitation link, as pure functions the respondent page
and the tests share: which industries to offer, which items the page asks itself, and
the receipt as plain text. No Streamlit, no database here.

"Who answers" is asked by the page, not by the form: the industry from a list (or
written), and name and contact only when the link asks for them. A form that has items
with the ids in ``IDENTITY_ITEMS`` (``kartlaggning``: ``aktor``, ``bransch``) gets them
filled from those answers instead of showing them twice.
"""

from __future__ import annotations

from pathlib import Path

from stadforstad.answers import Answers
from stadforstad.catalog import FORMS_DIR, list_forms, load_form
from stadforstad.schema import Form
from stadforstad.settings import get_settings
from stadforstad.storage.links import Identity, LinkInfo, LinkStore, RespondentState

INDUSTRY_ITEM = "bransch"
ORGANISATION_ITEM = "aktor"
IDENTITY_ITEMS = (INDUSTRY_ITEM, ORGANISATION_ITEM)

#: The handbook's actors out in the city (HITTA KONTAKTYTAN, BRANSCHER OCH KONTAKTYTOR),
#: offered when the form has no industry list of its own.
DEFAULT_INDUSTRIES = (
    "Hotell",
    "Taxi",
    "Hyresvärdar",
    "Bemanningsbolag",
    "Hälso- och sjukvård",
    "Skolor",
    "Barn- och ungdomsverksamheter",
    "Socialförvaltningen",
    "Migrant- och asylverksamheter",
    "Kyrkor / trosrörelser",
    "Föreningar",
    "Fältarbetare",
    "Restaurang",
    "Bygg",
    "Massage",
    "Nagelsalonger",
    "Biltvätt",
    "Jordbruk",
)


def forms_folder() -> Path:
    return get_settings().forms_dir or FORMS_DIR


def shareable_forms() -> list[Form]:
    return [form for form in list_forms(forms_folder()) if form.shareable]


def link_form(form_id: str) -> Form:
    return load_form(form_id, forms_folder())


def industry_options(form: Form, lang: str = "sv") -> list[str]:
    """The industries to choose from: the form's own list if it has one."""
    try:
        item = form.item(INDUSTRY_ITEM)
    except KeyError:
        return list(DEFAULT_INDUSTRIES)
    if item.kind == "choice":
        return [option.label.get(lang) for option in item.options]
    return list(DEFAULT_INDUSTRIES)


def preset_industry(link: LinkInfo, options: list[str]) -> str | None:
    """The industry the link was made for, when its label is one of the options."""
    wanted = link.label.strip().casefold()
    return next((o for o in options if o.casefold() == wanted), None)


def asked_form(form: Form) -> Form:
    """The form without the items the page asks itself (sections left empty go too)."""
    sections = []
    for section in form.sections:
        items = [item for item in section.items if item.id not in IDENTITY_ITEMS]
        if items:
            sections.append(section.model_copy(update={"items": items}))
    return form.model_copy(update={"sections": sections})


def with_identity(
    form: Form, answers: Answers, identity: Identity, link: LinkInfo, lang: str = "sv"
) -> Answers:
    """The form's answers with its identity items filled from what the page asked."""
    answers = dict(answers)
    ids = {item.id: item for item in form.answerable()}
    if INDUSTRY_ITEM in ids and identity.industry:
        item = ids[INDUSTRY_ITEM]
        by_label = {
            o.label.get(lang).casefold(): o.value for o in getattr(item, "options", None) or []
        }
        answers[INDUSTRY_ITEM] = by_label.get(identity.industry.casefold(), identity.industry)
    if ORGANISATION_ITEM in ids:
        # The organisation the link was made for stands in for a name: anonymous by default.
        answers[ORGANISATION_ITEM] = (link.label or identity.industry or "Anonym svarande")[:200]
    return answers


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
        return "; ".join(", ".join(f"{k}: {v}" for k, v in row.items()) for row in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def receipt_text(
    form: Form, answers: Answers, identity: Identity, receipt: str, sent_at, lang: str = "sv"
) -> str:
    """What was sent, as plain text (shown as text, never as Markdown or HTML)."""
    lines = [
        form.title.get(lang),
        f"Kvittokod: {receipt}",
        f"Skickat: {sent_at:%Y-%m-%d %H:%M} (UTC)",
        "",
    ]
    if identity.industry:
        lines.append(f"Bransch: {identity.industry}")
    if identity.name:
        lines.append(f"Namn: {identity.name}")
    if identity.contact:
        lines.append(f"Kontakt: {identity.contact}")
    for item in form.answerable():
        if item.id in IDENTITY_ITEMS or answers.get(item.id) is None:
            continue
        lines.append(f"{item.label.get(lang)}: {answer_text(item, answers[item.id], lang)}")
        comment = answers.get(f"{item.id}_comment")
        if comment:
            lines.append(f"  Kommentar: {comment}")
    return "\n".join(lines)


def send_answers(
    links: LinkStore,
    *,
    token: str,
    resume: str,
    submission_key: str,
    answers: Answers,
    identity: Identity,
    lang: str = "sv",
) -> RespondentState:
    """Send a respondent's answers: what the page does on "Skicka in" (and the load test).

    The link is checked again at sending; the same ``submission_key`` or ``resume``
    sent twice returns the first receipt.
    """
    actor, link = links.open_link(token, resume)
    form = link_form(link.form_id)
    return links.submit(
        actor=actor,
        resume=resume,
        submission_key=submission_key,
        form=form,
        answers=with_identity(form, answers, identity, link, lang),
        identity=identity,
    )
