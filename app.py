"""Stad för stad – the app's frame: page config and navigation (each page draws the
sidebar through ``stadforstad.ui.context.frame``). Run with ``uv run streamlit run app.py``.

An address with an invitation token (``?t=…``) gets the respondent page and nothing
else: a navigation of that single page, hidden, whatever path was asked for.

This file has two roles. ``streamlit run app.py`` first *imports* it to find ``app``,
an ``st.App`` (Streamlit's documented server object), and serves it: Streamlit's own
routes plus the sign-in cookie's (``stadforstad.web``), and the one-time setup code
printed at start. The Streamlit runtime then *runs* this same file as the page
script (``__name__ == "__main__"``) on every rerun: the frame below."""

import streamlit as st

if __name__ != "__main__":
    from stadforstad import web

    app = st.App(__file__, routes=web.routes(), lifespan=web.lifespan)
else:
    from pathlib import Path

    from stadforstad import web

    # The server's start-up work may still be importing the app's code: a run that
    # imported the same modules at the same time could get one half made (web.py says why).
    web.wait_for_start_up(everything=False)
    from stadforstad.ui.context import APP_RAN_KEY, is_member_anywhere, tr
    from stadforstad.ui.signin import current_actor, show_signin

    if st.query_params.get("t") is not None:
        web.wait_for_start_up()
        st.set_page_config(
            page_title="Enkät – Stad för stad",
            page_icon="📝",
            layout="centered",
            initial_sidebar_state="collapsed",
        )
        st.session_state[APP_RAN_KEY] = True
        st.navigation(
            [st.Page("pages/respond.py", title="Enkät", icon=":material/edit_note:", default=True)],
            position="hidden",
        ).run()
        st.stop()

    st.set_page_config(page_title="Stad för stad", page_icon="🏙️", layout="wide")
    st.session_state[APP_RAN_KEY] = True

    actor = current_actor()
    if actor is None:
        # Nobody signed in: the sign-in (or first-run) screen and nothing else, whatever
        # path was asked for; no menu shows what lies behind it.
        # Every page's address shows it too (not Streamlit's "page not found" box over a
        # deep link), and after sign-in the same address opens that page, if the role has it.
        addresses = sorted(
            p.stem for p in (Path(__file__).parent / "pages").glob("*.py") if p.stem != "respond"
        )
        st.navigation(
            [
                st.Page(
                    show_signin,
                    title="Logga in",
                    icon=":material/login:",
                    url_path="logga-in",
                    default=True,
                )
            ]
            + [st.Page(show_signin, title="Logga in", url_path=address) for address in addresses],
            position="hidden",
        ).run()
        st.stop()

    web.wait_for_start_up()  # the pages import the forms' and the start page's code
    # The menu shows each person what their role allows: members their workspaces and
    # forms, county coordinators the comparison and their workspaces read-only,
    # administrators also the administration. Every page checks again, and so does the
    # storage layer, so a typed URL shows nothing more.
    writer = is_member_anywhere(actor)
    county = (
        {
            tr("Länet", "The county"): [
                st.Page(
                    "pages/compare.py",
                    title=tr("Jämför kommuner", "Compare municipalities"),
                    icon=":material/compare_arrows:",
                ),
            ],
        }
        if actor.can_compare()
        else {}
    )
    admin = (
        [
            st.Page(
                "pages/workspaces.py",
                title=tr("Kommuner", "Municipalities"),
                icon=":material/location_city:",
            ),
            st.Page(
                "pages/admin.py",
                title=tr("Administration", "Administration"),
                icon=":material/admin_panel_settings:",
            ),
        ]
        if actor.is_admin
        else []
    )

    pages = {
        tr("Start", "Start"): [
            st.Page(
                "pages/home.py",
                title=tr("Översikt", "Overview"),
                icon=":material/home:",
                default=True,
            ),
        ],
        tr("Kärngruppen", "Core group"): [
            *(
                [
                    st.Page(
                        "pages/form.py",
                        title=tr("Fyll i formulär", "Fill in a form"),
                        icon=":material/edit_note:",
                    )
                ]
                if writer
                else []
            ),
            st.Page(
                "pages/group.py",
                title=tr("Gruppens bild", "The group's picture"),
                icon=":material/groups:",
            ),
        ],
        tr("Kartläggning", "Mapping"): [
            *(
                [
                    st.Page(
                        "pages/links.py",
                        title=tr("Inbjudningslänkar", "Invitation links"),
                        icon=":material/link:",
                    )
                ]
                if writer
                else []
            ),
            st.Page(
                "pages/compilation.py",
                title=tr("Sammanställning", "Compilation"),
                icon=":material/analytics:",
            ),
        ],
        **county,
        tr("Inställningar", "Settings"): [
            *admin,
            st.Page(
                "pages/about.py", title=tr("Om Stad för stad", "About"), icon=":material/info:"
            ),
        ],
    }
    st.navigation(pages).run()
