"""Jämför kommuner – the county coordinator's side-by-side view.

Wiring only: the filters, the administrators' demo data and the choice of view; the
views are in ``compare_views``, built from ``compare_parts``. Session keys start with
``compare.``.
"""

from __future__ import annotations

import streamlit as st

from stadforstad import compare
from stadforstad.compare import Filters
from stadforstad.ui.compare_parts import Display
from stadforstad.ui.compare_views import VIEWS
from stadforstad.ui.context import get_actor, get_store, tr
from stadforstad.ui.headings import heading

FLASH = "compare.flash"
#: How many municipalities a view shows at first; the rest through "Visa högst".
DEFAULT_LIMIT = 30


def pick_filters(workspaces) -> tuple[Filters, Display]:
    names = {w.id: w.name for w in workspaces}
    with st.container(border=True):
        top = st.columns([3, 2])
        chosen = top[0].multiselect(
            tr("Kommuner", "Municipalities"),
            list(names),
            format_func=lambda workspace_id: names.get(workspace_id, str(workspace_id)),
            key="compare.workspaces",
            placeholder=tr("Alla kommuner", "All municipalities"),
        )
        search = top[1].text_input(
            tr("Sök kommun", "Search municipality"),
            key="compare.search",
            placeholder=tr("t.ex. berg", "e.g. berg"),
        )
        row = st.columns(5)
        date_from = row[0].date_input(
            tr("Från", "From"), value=None, key="compare.from", format="YYYY-MM-DD"
        )
        date_to = row[1].date_input(
            tr("Till", "To"), value=None, key="compare.to", format="YYYY-MM-DD"
        )
        round_no = row[2].selectbox(
            tr("Omgång", "Round"),
            [None, 1, 2, 3, 4, 5],
            key="compare.round",
            format_func=lambda r: tr("Senaste", "Latest") if r is None else str(r),
        )
        orders = {
            "name": tr("Namn", "Name"),
            "low": tr("Lägst först", "Lowest first"),
            "high": tr("Högst först", "Highest first"),
        }
        order = row[3].selectbox(
            tr("Ordning", "Order"),
            list(orders),
            format_func=lambda key: orders[key],
            key="compare.order",
        )
        limit = row[4].number_input(
            tr("Visa högst (0 = alla)", "Show at most (0 = all)"),
            min_value=0,
            value=DEFAULT_LIMIT,
            step=5,
            key="compare.limit",
        )
    filters = Filters(
        workspace_ids=tuple(chosen) or None, date_from=date_from, date_to=date_to, round=round_no
    )
    return filters, Display(search=search, order=order or "name", limit=int(limit) or None)


def demo_controls() -> None:
    """Administrators fill or empty the demo county from here."""
    from stadforstad import demo

    store, actor = get_store(), get_actor()
    with st.expander(tr("Demodata (administratör)", "Demo data (administrator)")):
        st.caption(
            tr(
                'Ett påhittat län med tio kommuner (namnen börjar med "Demo:") och '
                "svar i två omgångar, så att ni kan se jämförelsen direkt.",
                'A made-up county of ten municipalities (names start with "Demo:") '
                "with answers over two rounds, to see the comparison at once.",
            )
        )
        left, right = st.columns(2)
        if left.button(tr("Skapa demodata", "Create demo data"), key="compare.demo_create"):
            with st.spinner(tr("Skapar demodata …", "Creating demo data …")):
                created = demo.create_demo(store, actor=actor)
            st.session_state[FLASH] = tr(
                f"{len(created)} demokommuner är skapade.",
                f"{len(created)} demo municipalities created.",
            )
            st.rerun()
        if right.button(tr("Ta bort demodata", "Remove demo data"), key="compare.demo_remove"):
            removed = demo.remove_demo(store, actor=actor)
            st.session_state[FLASH] = tr(
                f"{removed} demokommuner är borttagna.", f"{removed} demo municipalities removed."
            )
            st.rerun()


def show_compare_page() -> None:
    actor = get_actor()
    heading(tr("Jämför kommuner", "Compare municipalities"), 1)
    if not compare.can_compare(actor):
        st.warning(
            tr(
                "Jämförelsen mellan kommuner är till för länssamordnare och administratörer. "
                "Ni ser er egen kommuns resultat under Gruppens bild. Behöver ni jämföra, be en "
                "administratör om behörighet som samordnare.",
                "The comparison between municipalities is for county coordinators and "
                "administrators. You see your own municipality's results under The group's "
                "picture. If you need to compare, ask an administrator for coordinator rights.",
            )
        )
        return
    if FLASH in st.session_state:
        st.success(st.session_state.pop(FLASH))
    if actor.is_admin:
        demo_controls()
    workspaces = compare.comparable_workspaces(get_store(), actor=actor)
    if not workspaces:
        st.info(
            tr(
                "Det finns inga kommuner att jämföra än.",
                "There are no municipalities to compare yet.",
            )
        )
        return
    filters, display = pick_filters(workspaces)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        st.warning(
            tr(
                "Perioden börjar efter att den slutar; byt plats på datumen.",
                "The period starts after it ends; swap the dates.",
            )
        )
        return
    view = st.radio(
        tr("Visa", "Show"),
        list(VIEWS),
        horizontal=True,
        key="compare.view",
        format_func=lambda v: tr(*VIEWS[v][0]),
    )
    VIEWS[view][1](filters, display)
