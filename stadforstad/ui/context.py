"""What every page needs: the store (one per process), who is acting, the language
and the chosen workspace. Page-local session keys carry the page's name."""

from __future__ import annotations

import streamlit as st

from stadforstad import errors
from stadforstad.errors import SignInError, StadError
from stadforstad.i18n import CREDIT_EN, CREDIT_SV, LANGUAGE_NAMES, LANGUAGES, pick
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.repository import MEMBER, WorkspaceInfo

LANG_KEY = "app.lang"
WORKSPACE_KEY = "app.workspace"
WORKSPACE_PARAM = "kommun"
#: Set by a page that wants another municipality chosen on the next run (the picker's
#: own key cannot change once the picker is drawn).
WORKSPACE_NEXT_KEY = "app.workspace_next"
#: Set by app.py: this session has run the app's frame and navigation at least once.
APP_RAN_KEY = "app.ran"


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(make_engine(url))


def get_store() -> Store:
    return _store(get_settings().database_url)


def get_lang() -> str:
    return st.session_state.get(LANG_KEY, get_settings().language)


def tr(sv: str, en: str | None = None) -> str:
    """The text in the chosen language."""
    return pick(get_lang(), sv, en)


#: Tests (and only tests) may put a ready Actor here; the app itself never does.
#: Who is signed in is worked out in ``stadforstad.ui.signin`` (server-side sign-ins).
ACTOR_KEY = "app.actor"


def error_text(exc: StadError) -> str:
    """One line for the user, in the chosen language where the error has both, with
    its code; never a traceback."""
    if isinstance(exc, SignInError) and exc.en and get_lang() == "en":
        message = exc.en
    else:
        message = (
            errors.in_language(exc.problems[0].message, get_lang())
            if exc.problems
            else tr("Något gick fel.", "Something went wrong.")
        )
    return f"{message} ({exc.code})"


def get_actor() -> Actor:
    """Who is acting. When nobody is signed in, draws the sign-in screen (or the
    first-run screen of an installation without users) and stops the run, so no page
    goes on without an actor."""
    from stadforstad.ui.signin import current_actor, show_signin

    actor = current_actor()
    if actor is None:
        _leave_pages_folder_mode()
        show_signin()
        st.stop()
    return actor


def is_member_anywhere(actor: Actor) -> bool:
    """May write somewhere: administrators and members of at least one workspace."""
    return actor.is_admin or MEMBER in actor.grants.values()


def pick_language() -> None:
    st.sidebar.radio(
        "Språk / Language", LANGUAGES, format_func=LANGUAGE_NAMES.get, key=LANG_KEY, horizontal=True
    )


def pick_workspace() -> WorkspaceInfo | None:
    """The sidebar's municipality picker; the choice is kept in the URL (``?kommun=``)
    so a bookmark or a reload comes back to the same municipality."""
    store, actor = get_store(), get_actor()
    workspaces = store.list_workspaces(actor=actor)
    if not workspaces:
        st.session_state.pop(WORKSPACE_KEY, None)
        return None
    by_id = {w.id: w for w in workspaces}
    wanted = st.session_state.pop(WORKSPACE_NEXT_KEY, None) or st.session_state.get(WORKSPACE_KEY)
    if wanted not in by_id:
        from_url = st.query_params.get(WORKSPACE_PARAM)
        wanted = (
            int(from_url)
            if from_url and from_url.isdigit() and int(from_url) in by_id
            else workspaces[0].id
        )
    st.session_state[WORKSPACE_KEY] = wanted
    chosen = st.sidebar.selectbox(
        tr("Kommun", "Municipality"),
        list(by_id),
        format_func=lambda i: by_id[i].name,
        key=WORKSPACE_KEY,
    )
    st.query_params[WORKSPACE_PARAM] = str(chosen)
    return by_id[chosen]


def _leave_pages_folder_mode() -> None:
    """Make sure ``app.py`` and its ``st.navigation`` run, even on a deep link.

    Streamlit sees the ``pages/`` folder and, until some run has called
    ``st.navigation``, runs a first request for ``/form`` in its old multipage mode:
    the page alone, without ``app.py``, with a bare file-name menu. Switch the process
    over and rerun, which runs ``app.py`` and then this same page. Only a session that
    has never run ``app.py`` can be in that state, and its first run is a page load
    with no clicks in it, so the rerun loses nothing. (``AppTest`` runs ``app.py``
    first and then single pages on purpose: it is left alone.)
    """
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager, "uses_pages_directory", False) and APP_RAN_KEY not in st.session_state:
        PagesManager.uses_pages_directory = False
        st.rerun()


#: Printing a page (a result for the binder, a form to fill in by hand in a workshop)
#: leaves out the menu and the buttons and keeps charts whole on one page.
PRINT_CSS = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stBaseButton-secondaryFormSubmit"], [data-testid="stBaseButton-primaryFormSubmit"],
  [data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
  [data-testid="stMain"] { margin-left: 0 !important; }
  [data-testid="stVegaLiteChart"], [data-testid="stMetric"], [data-testid="stExpander"] {
    break-inside: avoid; }
  details[data-testid="stExpander"] > div { display: block !important; }
}
</style>"""


def frame() -> WorkspaceInfo | None:
    """The sidebar every page shows: language, municipality, the handbook's credit.

    Each page calls this first (not ``app.py``), so a page also works when it is run
    on its own, as ``AppTest.switch_page`` does. Returns the chosen municipality.
    """
    _leave_pages_folder_mode()
    from stadforstad.ui.signin import show_account

    actor = get_actor()  # nobody signed in: the sign-in screen, and the page stops here
    st.html(PRINT_CSS)
    pick_language()
    show_account(actor)
    workspace = pick_workspace()
    st.sidebar.caption(CREDIT_EN if get_lang() == "en" else CREDIT_SV)
    return workspace


def explain_no_workspace(actor, sv: str, en: str) -> None:
    """No municipality to show: an administrator is told where to create one (``sv``/
    ``en``), anyone else whom to ask."""
    if actor.is_admin:
        st.info(tr(sv, en))
        st.page_link(
            "pages/workspaces.py",
            label=tr("Till Kommuner", "To Municipalities"),
            icon=":material/location_city:",
        )
    else:
        st.info(
            tr(
                "Ni har ännu ingen behörighet till någon kommun. Be en administratör.",
                "You have no access to any municipality yet. Ask an administrator.",
            )
        )
