"""What every page needs: the store (one per process), who is acting, the language
and the chosen workspace. Page-local session keys carry the page's name."""

from __future__ import annotations

import contextlib

import streamlit as st

from stadforstad import errors, heap
from stadforstad.errors import SignInError, StadError
from stadforstad.i18n import CREDIT_EN, CREDIT_SV, LANGUAGE_NAMES, LANGUAGES, pick
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store
from stadforstad.storage.preferences import PreferenceStore
from stadforstad.storage.repository import MEMBER, WorkspaceInfo
from stadforstad.storage.shared import shared_store

#: The language of this tab: a plain session value (not the picker's own key, which
#: Streamlit drops when another page is shown, so the choice would fall back to Swedish).
LANG_KEY = "app.language"
LANG_PICKER_KEY = "app.lang"
LANG_PARAM = "lang"
#: The signed-in user whose saved settings this tab has applied (once per sign-in).
PREFS_APPLIED_KEY = "app.prefs_applied"
WORKSPACE_KEY = "app.workspace"
WORKSPACE_PARAM = "kommun"
#: Set by a page that wants another municipality chosen on the next run (the picker's
#: own key cannot change once the picker is drawn).
WORKSPACE_NEXT_KEY = "app.workspace_next"
#: The municipality last saved as the user's (saved again only when it changes).
REMEMBERED_KEY = "app.workspace_remembered"
#: Set by app.py: this session has run the app's frame and navigation at least once.
APP_RAN_KEY = "app.ran"


def get_store() -> Store:
    """The process's store, shared with the server's routes and its start-up work
    (``stadforstad.web.warm_up``), which has usually made it before the first visit."""
    return shared_store(get_settings().database_url)


def get_lang() -> str:
    """The tab's language: chosen in the sidebar, else ``?lang=`` in the address (a
    reload, a bookmark), else ``STADFORSTAD_LANGUAGE``. A signed-in user's saved
    choice is applied by ``frame`` once they are known."""
    lang = st.session_state.get(LANG_KEY)
    if lang in LANGUAGES:
        return lang
    lang = st.session_state.get(LANG_PICKER_KEY)  # set before the first run (tests)
    if lang not in LANGUAGES:
        from_url = st.query_params.get(LANG_PARAM)
        default = get_settings().language
        lang = from_url if from_url in LANGUAGES else default if default in LANGUAGES else "sv"
    st.session_state[LANG_KEY] = lang
    return lang


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


def _apply_saved_preferences(actor: Actor) -> None:
    """Once per sign-in: the user's saved language and last municipality become this
    tab's, unless the address names others. Reruns when the language changes, so the menu
    drawn before this point speaks it too."""
    if actor.user_id is None or st.session_state.get(PREFS_APPLIED_KEY) == actor.user_id:
        return
    st.session_state[PREFS_APPLIED_KEY] = actor.user_id
    saved = PreferenceStore(get_store()).preferences(actor=actor)
    if (
        saved.last_workspace_id is not None
        and WORKSPACE_KEY not in st.session_state
        and st.query_params.get(WORKSPACE_PARAM) is None
    ):
        st.session_state[WORKSPACE_NEXT_KEY] = saved.last_workspace_id
    if (
        saved.language in LANGUAGES
        and st.query_params.get(LANG_PARAM) is None
        and saved.language != get_lang()
    ):
        st.session_state[LANG_KEY] = saved.language
        st.rerun()


def _language_chosen() -> None:
    lang = st.session_state.get(LANG_PICKER_KEY)
    if lang not in LANGUAGES:
        return
    st.session_state[LANG_KEY] = lang
    from stadforstad.ui.signin import current_actor

    actor = current_actor()
    if actor is not None and actor.user_id is not None:
        _keep_preference(
            lambda: PreferenceStore(get_store()).save_language(actor=actor, language=lang)
        )


def _keep_preference(save) -> None:
    """Save a user's preference; one that cannot be kept (the account was deleted a
    moment ago) costs the page nothing: it is a convenience, never a reason to fail."""
    with contextlib.suppress(StadError):
        save()


def pick_language() -> None:
    """The sidebar's language switch. The choice holds across pages (a plain session
    value), reloads and new tabs (``?lang=`` in the address) and, for a signed-in
    user, the next sign-in anywhere (saved with the user)."""
    st.session_state[LANG_PICKER_KEY] = get_lang()
    st.sidebar.radio(
        "Språk / Language",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key=LANG_PICKER_KEY,
        horizontal=True,
        on_change=_language_chosen,
    )
    st.query_params[LANG_PARAM] = get_lang()


def _default_workspace(workspaces: list[WorkspaceInfo]) -> int | None:
    """The first municipality that is not a demo; a demo is never the default."""
    return next((w.id for w in workspaces if not w.is_demo), None)


def pick_workspace() -> WorkspaceInfo | None:
    """The sidebar's municipality picker; the choice is kept in the URL (``?kommun=``)
    so a bookmark or a reload comes back to the same municipality, and for a signed-in
    user in the database, so the next sign-in starts there. A demo municipality is
    never chosen by default: with only demos the picker starts empty."""
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
            else _default_workspace(workspaces)
        )
    st.session_state[WORKSPACE_KEY] = wanted
    chosen = st.sidebar.selectbox(
        tr("Kommun", "Municipality"),
        list(by_id),
        format_func=lambda i: by_id[i].name,
        key=WORKSPACE_KEY,
        placeholder=tr("Välj kommun", "Choose a municipality"),
    )
    if chosen is None:
        st.query_params.pop(WORKSPACE_PARAM, None)
        return None
    st.query_params[WORKSPACE_PARAM] = str(chosen)
    # A demo is looked at, not worked in: it is not remembered for the next sign-in.
    remember = not by_id[chosen].is_demo and st.session_state.get(REMEMBERED_KEY) != chosen
    if actor.user_id is not None and remember:
        _keep_preference(
            lambda: PreferenceStore(store).remember_workspace(actor=actor, workspace_id=chosen)
        )
        st.session_state[REMEMBERED_KEY] = chosen
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
    heap.freeze_new_imports()
    from stadforstad.ui.signin import show_account

    actor = get_actor()  # nobody signed in: the sign-in screen, and the page stops here
    _apply_saved_preferences(actor)
    st.html(PRINT_CSS)
    pick_language()
    show_account(actor)
    workspace = pick_workspace()
    st.sidebar.caption(CREDIT_EN if get_lang() == "en" else CREDIT_SV)
    return workspace


def explain_no_workspace(actor, sv: str, en: str) -> None:
    """No municipality to show: an administrator is told where to create one (``sv``/
    ``en``), anyone else whom to ask; someone whose municipalities are there but none
    is chosen (only demo ones) is told to choose one in the menu."""
    if get_store().list_workspaces(actor=actor):
        st.info(
            tr(
                "Välj en kommun i sidomenyn (under Kommun).",
                "Choose a municipality in the side menu (under Municipality).",
            )
        )
    elif actor.is_admin:
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
