"""Step 5's role descriptions (motivation_kommunikation, samordningsfunktion,
natverksroll) as a document in the six sections of the handbook's example
"Rollbeskrivning – Helsingborgs nätverk mot människohandel och prostitution".

The six sections' titles and the example's text live in one place, the form
``natverksroll`` (its items ``syfte`` … ``extern_kommunikation``). Which answers of the
other two forms stand under which section is this tool's suggestion, and the document
says so; a section without an answer prints the example's text as a hint and lines to
write on.
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.common import Rated
from stadforstad.catalog import load_form
from stadforstad.i18n import pick
from stadforstad.instruments.base import Instrument, Product, notes_instrument
from stadforstad.instruments.blocks import Block, Heading, Names, Paragraph, Question
from stadforstad.schema import Form

ROLE_FORM = "natverksroll"
#: The example's six sections, as item ids of ``natverksroll``.
SECTIONS = (
    "syfte",
    "andamal",
    "deltagare",
    "samordning",
    "beslutsfattande",
    "extern_kommunikation",
)

#: Per form: which of its items fill which section (this tool's reading), and which
#: items are the groundwork printed before the six sections.
FILLS: dict[str, dict[str, tuple[str, ...]]] = {
    "natverksroll": {s: (s,) for s in SECTIONS},
    "samordningsfunktion": {"andamal": ("ansvar",), "samordning": ("uppgifter", "kompetenser")},
    "motivation_kommunikation": {
        "deltagare": ("branscher",),
        "extern_kommunikation": ("kommunikationsplan",),
    },
}
GROUNDWORK: dict[str, tuple[str, ...]] = {
    "natverksroll": ("funktion", "uppgifter", "konkreta_saker"),
    "samordningsfunktion": (),
    "motivation_kommunikation": (),
}
TITLES = {
    "natverksroll": ("Rollbeskrivning för nätverket", "Role description for the network"),
    "samordningsfunktion": (
        "Rollbeskrivning för samordningsfunktionen",
        "Role description for the coordinating function",
    ),
    "motivation_kommunikation": (
        "Rollbeskrivning: branscherna och kommunikationen",
        "Role description: the industries and the communication",
    ),
}


def _texts(form: Form, item_id: str, responses: Sequence[Rated], lang: str) -> list[str]:
    item = form.item(item_id)
    several = len(responses) > 1
    out: list[str] = []
    for response in responses:
        value = response.answers.get(item_id)
        if item.kind == "table":
            texts = [str(row.get("bransch")) for row in value or [] if row.get("bransch")]
            text = ", ".join(texts)
        else:
            text = str(value).strip() if value else ""
        if text:
            out.append(f"{response.respondent}: {text}" if several else text)
    return out


def role_description(form: Form, responses: Sequence[Rated], lang: str) -> list[Block]:
    role = load_form(ROLE_FORM)
    title_sv, title_en = TITLES[form.id]
    blocks: list[Block] = [
        Heading(pick(lang, title_sv, title_en), 1),
        Paragraph(
            pick(
                lang,
                "Avsnitten följer handbokens exempel från Helsingborgs nätverk mot "
                "människohandel och prostitution. Vilka svar som står under vilket avsnitt är "
                "verktygets förslag; ett avsnitt utan svar visar exemplets text som hjälp.",
                "The sections follow the handbook's example from Helsingborg's network "
                "against human trafficking and prostitution. Which answers stand under which "
                "section is this tool's suggestion; a section without an answer shows the "
                "example's text as help.",
            ),
            small=True,
        ),
    ]
    groundwork = [
        Names(form.item(i).label.get(lang), tuple(texts))
        for i in GROUNDWORK[form.id]
        if (texts := _texts(form, i, responses, lang))
    ]
    if groundwork:
        blocks += [Heading(pick(lang, "Utgångspunkter", "Starting points"), 2), *groundwork]
    fills = FILLS[form.id]
    for section in SECTIONS:
        item = role.item(section)
        blocks.append(Heading(item.label.get(lang), 2))
        texts = [t for i in fills.get(section, ()) for t in _texts(form, i, responses, lang)]
        if texts:
            blocks.append(Names("", tuple(texts)))
        else:
            hint = item.help.get(lang) if item.help else ""
            blocks.append(Question("", help=hint, lines=4))
    return blocks


def role_instrument(form_id: str) -> Instrument:
    base = notes_instrument(form_id)
    return Instrument(
        form_id=form_id,
        score=base.score,
        summarize=base.summarize,
        verdict=base.verdict,
        group_verdict=base.group_verdict,
        scored=False,
        products=(
            Product("rollbeskrivning", "Rollbeskrivning", "Role description", role_description),
        ),
    )


MOTIVATION_KOMMUNIKATION = role_instrument("motivation_kommunikation")
SAMORDNINGSFUNKTION = role_instrument("samordningsfunktion")
NATVERKSROLL = role_instrument("natverksroll")
