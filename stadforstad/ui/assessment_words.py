"""The verdict in words for the four assessments of steps 2, 3 and 7 (kartlaggning,
utvecklingsnivaer, samverkansnivaer, aktorsanalys), one response and a group.

Actor and respondent names are typed by users: they reach the page only through
``st.text`` and ``st.dataframe``, never inside Markdown, HTML or a status box. Words built
from the form itself (category titles, level names) may go through Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scoring.aktorsanalys import QUADRANT_LABELS, QUADRANTS
from scoring.common import DISAGREEMENT_SPREAD
from scoring.kartlaggning import CATEGORIES
from scoring.samverkansnivaer import LEVELS
from stadforstad.i18n import pick
from stadforstad.schema import Form


def _signed(value: float | int | None) -> str:
    """A gap with its sign (+2, −1, 0); ``–`` for none."""
    if value is None:
        return "–"
    return "0" if value == 0 else ("+" if value > 0 else "−") + _num(abs(value))


def _num(value: float | int | None) -> str:
    """A mean as the page shows it: ``–`` for none (not 0), at most two decimals."""
    return "–" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def _count(n: int, one: tuple[str, str], many: tuple[str, str], lang: str) -> str:
    """``n`` with the word in the singular or plural: (sv, en) pairs."""
    return f"{n} {pick(lang, *(one if n == 1 else many))}"


def _yes(flag: bool, lang: str) -> str:
    return pick(lang, "ja – prata om det", "yes – talk it through") if flag else ""


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _table(rows: list[dict]) -> None:
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _discuss_note(
    count: int,
    one: tuple[str, str],
    many: tuple[str, str],
    lang: str,
    unit: tuple[str, str] = ("poäng", "points"),
) -> None:
    """How many items the members differ on by 2 or more; the table marks which."""
    gap = f"{DISAGREEMENT_SPREAD} {pick(lang, *unit)}"
    if count:
        what = _count(count, one, many, lang)
        st.warning(
            pick(
                lang,
                f"{what} där ni skiljer er åt med {gap} eller mer – prata om det "
                "(markerat i tabellen).",
                f"{what} where you differ by {gap} or more – talk it through "
                "(marked in the table).",
            ),
            icon="💬",
        )
    else:
        st.caption(
            pick(
                lang,
                f"Ingen skillnad på {gap} eller mer mellan er.",
                f"No difference of {gap} or more between you.",
            )
        )


def _items_table(form: Form, items, lang: str, extra=None) -> None:
    """Per rated item: mean, min, max, spread and whether members differ by 2 or more."""
    _table(
        [
            {
                pick(lang, "Fråga", "Question"): form.item(s.id).label.get(lang),
                **(extra(s) if extra else {}),
                pick(lang, "Medel", "Mean"): _num(s.mean),
                "Min": _num(s.min),
                "Max": _num(s.max),
                pick(lang, "Spridning", "Spread"): _num(s.spread),
                pick(lang, "Svar", "Answers"): s.n,
                pick(lang, "Diskutera", "Discuss"): _yes(s.disagree, lang),
            }
            for s in items
        ]
    )


def _members_note(respondents: int, lang: str) -> None:
    st.metric(pick(lang, "Deltagare", "Members"), respondents)
    if respondents == 1:
        st.info(
            pick(
                lang,
                "Bara en deltagare har svarat: medel och spridning säger lite ännu.",
                "Only one member has answered: mean and spread say little yet.",
            )
        )


# -- kartlaggning ----------------------------------------------------------------------
def _category_titles(form: Form, lang: str) -> dict[str, str]:
    return {s.id: s.title.get(lang) for s in form.sections if s.id in CATEGORIES}


def _industry(form: Form, value: str | None, lang: str) -> str | None:
    names = {o.value: o.label.get(lang) for o in form.item("bransch").options}
    return names.get(value, value) if value else None


def _highest_first(categories, mean) -> list:
    """Categories with a mean, highest first (ties keep the handbook's order), then the rest."""
    rated = sorted((c for c in categories if mean(c) is not None), key=lambda c: -mean(c))
    return rated + [c for c in categories if mean(c) is None]


def kartlaggning_words(form: Form, result, lang: str) -> None:
    titles = _category_titles(form, lang)
    who = [pick(lang, "Aktör: ", "Actor: ") + (result.actor or "–")]
    industry = _industry(form, result.industry, lang)
    if industry:
        who.append(pick(lang, "Bransch: ", "Industry: ") + industry)
    st.text("\n".join(who))
    cols = st.columns(2)
    cols[0].metric(
        pick(lang, "Besvarade indikatorer", "Indicators answered"),
        f"{result.answered} / {result.indicators}",
    )
    cols[1].metric(
        pick(lang, "Genomsnitt över kategorierna", "Average over the categories"),
        _num(result.overall_mean),
    )
    st.caption(
        pick(
            lang,
            "Genomsnitt per kategori: lägg ihop siffrorna och dela på 2 (1 = aldrig, 5 = mycket "
            "ofta). En obesvarad indikator räknas inte som 0: då är genomsnittet den besvarade "
            "indikatorns siffra.",
            "Average per category: add the numbers together and divide by 2 (1 = never, 5 = very "
            "often). An unanswered indicator does not count as 0: the average is then the answered "
            "indicator's number.",
        )
    )
    if result.ranking:
        top = next(c for c in result.categories if c.id == result.ranking[0])
        st.markdown(
            pick(
                lang,
                f"Högst: **{titles[top.id]}** ({_num(top.mean)}).",
                f"Highest: **{titles[top.id]}** ({_num(top.mean)}).",
            )
        )
    if result.partial_categories:
        st.warning(
            pick(
                lang,
                "Bara en av två indikatorer besvarad i:",
                "Only one of two indicators answered in:",
            )
            + "\n"
            + _bullets([titles[c] for c in result.partial_categories])
        )

    def note(c) -> str:
        if c.partial:
            return pick(
                lang, "bara en av två indikatorer besvarad", "only one of two indicators answered"
            )
        if c.mean is None:
            return pick(lang, "ingen indikator besvarad", "no indicator answered")
        return ""

    _table(
        [
            {
                pick(lang, "Kategori", "Category"): titles[c.id],
                pick(lang, "Genomsnitt", "Average"): _num(c.mean),
                pick(lang, "Besvarade", "Answered"): f"{c.answered}/{c.of}",
                pick(lang, "Anmärkning", "Note"): note(c),
            }
            for c in _highest_first(result.categories, lambda c: c.mean)
        ]
    )
    if result.risk_factors_noted:
        st.info(
            pick(
                lang,
                "Ni har antecknat riskfaktorer under tiggeri (funktionsnedsättning, "
                "minderåriga): ta med dem i sammanställningen.",
                "You noted risk factors under begging (disability, minors): include them "
                "in the summary.",
            )
        )


def kartlaggning_group_words(form: Form, group, lang: str) -> None:
    titles = _category_titles(form, lang)
    _members_note(group.respondents, lang)
    st.markdown(
        pick(
            lang,
            "**Kategorierna, högst genomsnitt först** (medel av varje deltagares genomsnitt):",
            "**The categories, highest average first** (mean of each member's average):",
        )
    )
    _table(
        [
            {
                pick(lang, "Kategori", "Category"): titles[c.id],
                pick(lang, "Medel", "Mean"): _num(c.mean),
                "Min": _num(c.min),
                "Max": _num(c.max),
                pick(lang, "Svar", "Answers"): c.n,
            }
            for c in _highest_first(group.categories, lambda c: c.mean)
        ]
    )
    st.markdown(pick(lang, "**Varje indikator**", "**Each indicator**"))
    _discuss_note(
        len(group.to_discuss), ("indikator", "indicator"), ("indikatorer", "indicators"), lang
    )
    category_of = {i: c for c, ids in CATEGORIES.items() for i in ids}
    _items_table(
        form,
        group.items,
        lang,
        extra=lambda s: {pick(lang, "Kategori", "Category"): titles[category_of[s.id]]},
    )
    st.markdown(pick(lang, "**Varje deltagares genomsnitt**", "**Each member's averages**"))
    _table(
        [
            {
                pick(lang, "Deltagare", "Member"): m.respondent,
                pick(lang, "Aktör", "Actor"): m.actor or "",
                **{titles[c]: _num(mean) for c, mean in m.category_means.items()},
            }
            for m in group.members
        ]
    )


# -- utvecklingsnivaer -----------------------------------------------------------------
def _level_names(form: Form, lang: str) -> dict[int, str]:
    return {lv.value: f"{lv.value} · {lv.label.get(lang)}" for lv in form.item("niva_idag").levels}


def _gap_words(gap: int, today: str, wished: str, between: list[str], lang: str) -> str:
    if gap > 0:
        way = (
            pick(lang, f" På vägen: {', '.join(between)}.", f" On the way: {', '.join(between)}.")
            if between
            else ""
        )
        return pick(
            lang,
            f"Ni vill ta {gap} steg upp, från **{today}** till **{wished}**.{way}",
            f"You want to move {gap} level{'s' if gap > 1 else ''} up, from **{today}** to "
            f"**{wished}**.{way}",
        )
    if gap == 0:
        return pick(
            lang,
            f"Ni är redan där ni vill vara: **{today}**. Vad krävs för att stanna där?",
            f"You are already where you want to be: **{today}**. What does it take to stay there?",
        )
    return pick(
        lang,
        f"Den önskade nivån (**{wished}**) är lägre än dagens (**{today}**): "
        f"{-gap} steg ner. Prata om varför.",
        f"The wished level (**{wished}**) is below today's (**{today}**): {-gap} "
        f"level{'s' if gap < -1 else ''} down. Talk about why.",
    )


def utvecklingsnivaer_words(form: Form, result, lang: str) -> None:
    names = _level_names(form, lang)
    cols = st.columns(3)
    top = len(names)
    cols[0].metric(
        pick(lang, "Idag", "Today"), "–" if result.today is None else f"{result.today} / {top}"
    )
    cols[1].metric(
        pick(lang, "Önskad", "Wished"), "–" if result.wished is None else f"{result.wished} / {top}"
    )
    cols[2].metric(pick(lang, "Skillnad", "Gap"), _signed(result.gap))
    if result.gap is None:
        st.info(
            pick(
                lang,
                "Välj både nivån idag och den önskade nivån så visas skillnaden.",
                "Choose both today's level and the wished one to see the gap.",
            )
        )
        return
    st.markdown(
        _gap_words(
            result.gap,
            names[result.today],
            names[result.wished],
            [names[n] for n in result.levels_to_reach[:-1]],
            lang,
        )
    )


def utvecklingsnivaer_group_words(form: Form, group, lang: str) -> None:
    names = _level_names(form, lang)
    cols = st.columns(2)
    with cols[0]:
        _members_note(group.respondents, lang)
    cols[1].metric(
        pick(lang, "Medelskillnad (önskad − idag)", "Mean gap (wished − today)"),
        _signed(group.mean_gap),
    )
    _discuss_note(
        len(group.to_discuss),
        ("fråga", "question"),
        ("frågor", "questions"),
        lang,
        unit=("nivåer", "levels"),
    )
    _items_table(form, group.items, lang)
    left, right = st.columns(2)
    left.dataframe(
        pd.DataFrame(
            [
                {
                    pick(lang, "Nivå", "Level"): names[int(level)],
                    pick(lang, "Idag", "Today"): group.today_counts[level],
                    pick(lang, "Önskad", "Wished"): group.wished_counts.get(level, 0),
                }
                for level in group.today_counts
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    right.dataframe(
        pd.DataFrame(
            [
                {
                    pick(lang, "Deltagare", "Member"): m.respondent,
                    pick(lang, "Idag", "Today"): _num(m.today),
                    pick(lang, "Önskad", "Wished"): _num(m.wished),
                    pick(lang, "Skillnad", "Gap"): _signed(m.gap),
                }
                for m in group.members
            ]
        ),
        hide_index=True,
        width="stretch",
    )


# -- samverkansnivaer -------------------------------------------------------------------
def _huxham_names(form: Form, lang: str) -> dict[str, str]:
    column = next(c for c in form.item("aktorer").columns if c.id == "niva_idag")
    return {o.value: o.label.get(lang) for o in column.options}


def samverkansnivaer_words(form: Form, result, lang: str) -> None:
    names = _huxham_names(form, lang)
    cols = st.columns(2)
    cols[0].metric(pick(lang, "Aktörer", "Actors"), len(result.actors))
    climbing = [g for g in result.largest_gaps if g.gap > 0]
    cols[1].metric(
        pick(lang, "Aktörer med en högre önskad nivå", "Actors with a higher wished level"),
        len(climbing),
    )
    st.markdown(
        pick(lang, "**Hur många aktörer på varje nivå**", "**How many actors at each level**")
    )
    _table(
        [
            {
                pick(lang, "Nivå", "Level"): names[level],
                pick(lang, "Idag", "Today"): result.today_counts[level],
                pick(lang, "Initialt", "To begin with"): result.initial_counts[level],
                pick(lang, "Önskad", "Wished"): result.wished_counts[level],
            }
            for level in LEVELS
        ]
    )
    if climbing:
        top = climbing[0].gap
        st.markdown(
            pick(
                lang,
                f"**Största skillnaderna** (önskad − idag, störst {top} "
                f"{'nivå' if top == 1 else 'nivåer'}):",
                f"**The largest gaps** (wished − today, at most {top} "
                f"level{'s' if top > 1 else ''}):",
            )
        )
        _table(
            [
                {
                    pick(lang, "Aktör", "Actor"): g.name,
                    pick(lang, "Idag", "Today"): names[g.today],
                    pick(lang, "Önskad", "Wished"): names[g.wished],
                    pick(lang, "Skillnad", "Gap"): g.gap,
                }
                for g in result.largest_gaps
            ]
        )
    elif result.largest_gaps:
        st.markdown(
            pick(
                lang,
                "Ingen aktör har en högre önskad nivå än idag.",
                "No actor has a higher wished level than today.",
            )
        )
    if result.incomplete:
        who = _count(len(result.incomplete), ("aktör", "actor"), ("aktörer", "actors"), lang)
        st.warning(
            pick(
                lang,
                f"{who} saknar nivå idag eller önskad nivå, så ingen skillnad kan ges:",
                f"{who} without today's or the wished level: no gap can be given:",
            )
        )
        st.text(
            "\n".join(name or pick(lang, "(utan namn)", "(no name)") for name in result.incomplete)
        )


def samverkansnivaer_group_words(form: Form, group, lang: str) -> None:
    names = list(_huxham_names(form, lang).values())
    cols = st.columns(2)
    with cols[0]:
        _members_note(group.respondents, lang)
    cols[1].metric(pick(lang, "Aktörer", "Actors"), len(group.actors))
    scale = ", ".join(f"{i} = {n}" for i, n in enumerate(names))
    st.caption(pick(lang, f"Nivåerna som tal: {scale}", f"The levels as numbers: {scale}"))
    _discuss_note(
        len(group.to_discuss),
        ("aktör", "actor"),
        ("aktörer", "actors"),
        lang,
        unit=("nivåer", "levels"),
    )

    def span(stats) -> str:
        if stats.min is None:
            return "–"
        low, high = names[stats.min], names[stats.max]
        return low if low == high else f"{low} – {high}"

    by_gap = {name: i for i, name in enumerate(group.largest_gaps)}
    ordered = sorted(group.actors, key=lambda a: by_gap.get(a.name, len(by_gap)))
    st.markdown(
        pick(
            lang,
            "**Varje aktör, största skillnaden först**",
            "**Each actor, the largest gap first**",
        )
    )
    _table(
        [
            {
                pick(lang, "Aktör", "Actor"): a.name,
                pick(lang, "Svar", "Answers"): a.respondents,
                pick(lang, "Idag, medel", "Today, mean"): _num(a.today.mean),
                pick(lang, "Idag, min – max", "Today, min – max"): span(a.today),
                pick(lang, "Önskad, medel", "Wished, mean"): _num(a.wished.mean),
                pick(lang, "Önskad, min – max", "Wished, min – max"): span(a.wished),
                pick(lang, "Skillnad, medel", "Gap, mean"): _num(a.mean_gap),
                pick(lang, "Diskutera", "Discuss"): _yes(a.disagree, lang),
            }
            for a in ordered
        ]
    )


# -- aktorsanalys -----------------------------------------------------------------------
def _quadrant_names(lang: str) -> dict[str, str]:
    return {q: labels.get(lang, labels["sv"]) for q, labels in QUADRANT_LABELS.items()}


def _invest(names: list[str], actors, lang: str) -> None:
    st.markdown(
        pick(
            lang,
            "**Var ni bör satsa mer** – hög påverkan men lågt stöd, högst "
            "påverkan först och sedan lägst stöd:",
            "**Where to invest more** – high influence but low support, highest "
            "influence first, then lowest support:",
        )
    )
    if not names:
        st.success(
            pick(
                lang,
                "Ingen aktör har hög påverkan och lågt stöd just nu.",
                "No actor has high influence and low support just now.",
            )
        )
        return
    by_name = {a.name: a for a in actors}
    lines = []
    for rank, name in enumerate(names, start=1):
        actor = by_name[name]
        lines.append(
            pick(
                lang,
                f"{rank}. {name} (påverkan {_num(actor.influence)}, stöd {_num(actor.support)})",
                f"{rank}. {name} (influence {_num(actor.influence)}, "
                f"support {_num(actor.support)})",
            )
        )
    st.text("\n".join(lines))


def _per_quadrant(quadrants: dict[str, list[str]], lang: str) -> None:
    names = _quadrant_names(lang)
    st.markdown(pick(lang, "**Aktörer per ruta på kartan**", "**Actors per quadrant of the map**"))
    _table(
        [
            {
                pick(lang, "Ruta", "Quadrant"): names[q],
                pick(lang, "Antal", "Number"): len(quadrants[q]),
                pick(lang, "Aktörer", "Actors"): ", ".join(quadrants[q]),
            }
            for q in QUADRANTS
        ]
    )


def _incomplete(names: list[str], lang: str) -> None:
    if names:
        who = _count(len(names), ("aktör", "actor"), ("aktörer", "actors"), lang)
        st.warning(
            pick(
                lang,
                f"{who} saknar påverkansgrad eller stöd och placeras inte på kartan:",
                f"{who} without influence or support: not placed on the map:",
            )
        )
        st.text("\n".join(n or pick(lang, "(utan namn)", "(no name)") for n in names))


def aktorsanalys_words(form: Form, result, lang: str) -> None:
    cols = st.columns(3)
    cols[0].metric(pick(lang, "Aktörer", "Actors"), len(result.actors))
    cols[1].metric(pick(lang, "På kartan", "On the map"), len(result.ranking))
    cols[2].metric(pick(lang, "Satsa mer", "Invest more"), len(result.invest))
    _invest(result.invest, result.actors, lang)
    _per_quadrant(result.quadrants, lang)
    _incomplete(result.incomplete, lang)


def aktorsanalys_group_words(form: Form, group, lang: str) -> None:
    cols = st.columns(2)
    with cols[0]:
        _members_note(group.respondents, lang)
    cols[1].metric(pick(lang, "Aktörer", "Actors"), len(group.actors))
    _invest(group.invest, group.actors, lang)
    _per_quadrant(group.quadrants, lang)
    _incomplete(group.incomplete, lang)
    st.markdown(
        pick(lang, "**Varje aktör: påverkan och stöd**", "**Each actor: influence and support**")
    )
    _discuss_note(len(group.to_discuss), ("aktör", "actor"), ("aktörer", "actors"), lang)
    quadrant_names = _quadrant_names(lang)
    _table(
        [
            {
                pick(lang, "Aktör", "Actor"): a.name,
                pick(lang, "Svar", "Answers"): a.respondents,
                pick(lang, "Påverkan, medel", "Influence, mean"): _num(a.influence),
                pick(lang, "Påverkan, min", "Influence, min"): _num(a.influence_stats.min),
                pick(lang, "Påverkan, max", "Influence, max"): _num(a.influence_stats.max),
                pick(lang, "Stöd, medel", "Support, mean"): _num(a.support),
                pick(lang, "Stöd, min", "Support, min"): _num(a.support_stats.min),
                pick(lang, "Stöd, max", "Support, max"): _num(a.support_stats.max),
                pick(lang, "Ruta", "Quadrant"): quadrant_names.get(a.quadrant, "–"),
                pick(lang, "Diskutera", "Discuss"): _yes(a.disagree, lang),
            }
            for a in group.actors
        ]
    )
