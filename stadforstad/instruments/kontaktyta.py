"""HITTA MÅLGRUPPEN OCH KONTAKTYTAN – target groups × points of contact as a network
picture (groups on the left, actors on the right, a line where they meet), with the
same as a table; and the actors as candidates for the actor forms of step 3."""

from __future__ import annotations

from collections.abc import Sequence

from scoring import kontaktyta
from scoring.actors import actor_key
from scoring.common import Rated
from scoring.kontaktyta import Network, NetworkGroup
from stadforstad.i18n import pick
from stadforstad.instruments.base import Charted, Instrument
from stadforstad.instruments.blocks import Block, ChartRef, Metric, Metrics, Paragraph, Table
from stadforstad.schema import Form

CHART_MODULE = "stadforstad.charts.kontaktyta"


def _names(form: Form, column_id: str, lang: str) -> dict[str, str]:
    column = next(c for c in form.item(kontaktyta.TABLE_ITEM).columns if c.id == column_id)
    return {o.value: o.label.get(lang) for o in column.options or []}


def group_label(form: Form, value: str, lang: str) -> str:
    return _names(form, "malgrupp", lang).get(value, value)


def actor_label(form: Form, value: str, lang: str) -> str:
    return _names(form, "aktorer", lang).get(value, value)


def network_table(form: Form, network: Network, lang: str) -> Table:
    """The picture in words: each target group, where they are, the actors they meet."""
    return Table(
        (
            pick(lang, "Målgrupp", "Target group"),
            pick(lang, "Platser", "Places"),
            pick(lang, "Kontaktytor (aktörer de möter)", "Points of contact (actors they meet)"),
        ),
        tuple(
            (
                group_label(form, group, lang),
                network.places.get(group),
                ", ".join(
                    actor_label(form, c.actor, lang) for c in network.contacts if c.group == group
                )
                or None,
            )
            for group in network.groups
        ),
    )


def _network_blocks(form: Form, network: Network, lang: str) -> list[Block]:
    return [
        Metrics(
            (
                Metric(pick(lang, "Målgrupper", "Target groups"), str(len(network.groups))),
                Metric(pick(lang, "Aktörer", "Actors"), str(len(network.actors))),
                Metric(pick(lang, "Kontaktytor", "Points of contact"), str(len(network.contacts))),
            )
        ),
        Paragraph(
            pick(
                lang,
                "Nätverksbilden: målgrupperna till vänster (runda), aktörerna till höger "
                "(fyrkantiga), ett streck för varje kontaktyta där de kan mötas.",
                "The network picture: target groups on the left (round), actors on the right "
                "(square), a line for each point of contact where they may meet.",
            ),
            small=True,
        ),
    ]


def verdict(form: Form, network: Network, lang: str) -> list[Block]:
    return _network_blocks(form, network, lang)


def group_verdict(form: Form, group: NetworkGroup, lang: str) -> list[Block]:
    return _network_blocks(form, group.network, lang)


def _group_table(form: Form, group: NetworkGroup, lang: str) -> Table:
    return network_table(form, group.network, lang)


def candidate_actors(form: Form, responses: Sequence[Rated], lang: str) -> list[str]:
    """Every actor named as a point of contact, once each, in the user's language: the
    names to offer in the actor forms of step 3."""
    network = kontaktyta.summarize(form, responses).network
    names: dict[str, str] = {}
    for actor in network.actors:
        label = actor_label(form, actor, lang)
        names.setdefault(actor_key(label), label)
    return list(names.values())


KONTAKTYTA: Instrument[Network, NetworkGroup] = Instrument(
    form_id="malgrupp_kontaktyta",
    score=kontaktyta.score,
    summarize=kontaktyta.summarize,
    verdict=verdict,
    group_verdict=group_verdict,
    charts=(Charted(ChartRef(CHART_MODULE, "network_chart"), network_table),),
    group_charts=(Charted(ChartRef(CHART_MODULE, "network_group_chart"), _group_table),),
    scored=False,
    with_answers=True,
)
