"""The app's own HTTP routes beside Streamlit's, for the sign-in cookie.

Streamlit talks to the browser over a websocket, which cannot set a cookie, and a
cookie that JavaScript writes cannot be HttpOnly. Streamlit 1.67 serves an app
through ``st.App`` (Starlette, documented), with room for routes of one's own;
``app.py`` gives it these two:

- ``POST /_stadforstad/signin`` (body ``code=<handoff code>``): exchanges the one-time
  code of a fresh sign-in for the cookie (``sessions.redeem_handoff``);
- ``POST /_stadforstad/signout``: ends every sign-in of the cookie's user and clears
  the cookie.

The cookie is HttpOnly, SameSite=Lax, Secure whenever the app is reached over HTTPS
(directly, through a trusted proxy's ``X-Forwarded-Proto``, or when
``STADFORSTAD_PUBLIC_URL`` starts with ``https://``), lives on the app's path, and
expires with the sign-in's absolute limit. Both routes accept only requests whose
``Origin`` is the app's own (the page's own script posts them), so another site can
neither sign someone in to its account nor out.

At start (``lifespan``), beside the server and without holding it up: the one-time
code for the first administrator on an installation without users, and the imports
and database check the first page needs, so the server answers as soon as Streamlit's
own does and the first visitor finds that work done. This module imports the storage
code only when a route or that start-up work needs it.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import inspect
import logging
import sys
import threading
from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

if TYPE_CHECKING:
    from stadforstad.settings import Settings
    from stadforstad.storage import Store

COOKIE_NAME = "stadforstad_inloggning"
SIGNIN_PATH = "/_stadforstad/signin"
SIGNOUT_PATH = "/_stadforstad/signout"

_LOG = logging.getLogger(__name__)


def get_settings() -> Settings:
    from stadforstad.settings import get_settings as settings

    return settings()


def _store() -> Store:
    # The same store as the page scripts' (``ui.context.get_store``): one per process.
    from stadforstad.storage.shared import shared_store

    return shared_store(get_settings().database_url)


def base_path() -> str:
    """Streamlit's ``server.baseUrlPath`` as ``/path`` (or ``""``)."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def route_url(path: str) -> str:
    """A route's address as the browser must ask for it."""
    return f"{base_path()}{path}"


def is_https(scheme: str, headers: Mapping[str, str]) -> bool:
    if scheme == "https" or get_settings().public_url.startswith("https://"):
        return True
    forwarded = headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return get_settings().trusted_proxies > 0 and forwarded == "https"


def _same_origin(request: Request) -> bool:
    """The request comes from a page of this app: its Origin is the address the
    browser used (scheme, host and port), or the configured public address."""
    origin = request.headers.get("origin")
    if not origin or request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
        return False
    host = request.headers.get("host", "")
    own = {f"{request.url.scheme}://{host}", f"http://{host}", f"https://{host}"}
    public = urlsplit(get_settings().public_url)
    own.add(f"{public.scheme}://{public.netloc}")
    return origin.rstrip("/") in own


def _cookie_path() -> str:
    return base_path() or "/"


def _forbidden() -> Response:
    return Response("Forbidden", status_code=403, headers={"Cache-Control": "no-store"})


async def signin(request: Request) -> Response:
    """Exchange a handoff code for the sign-in cookie."""
    if not _same_origin(request):
        return _forbidden()
    body = (await request.body())[:512].decode("ascii", "replace")
    code = parse_qs(body).get("code", [""])[0]
    from stadforstad import sessions
    from stadforstad.storage.tables import utcnow

    redeemed = await run_in_threadpool(lambda: sessions.redeem_handoff(_store(), code=code))
    if redeemed is None:
        return _forbidden()
    token, signed_in = redeemed
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(
        COOKIE_NAME,
        token,
        max_age=max(int((signed_in.expires_at - utcnow()).total_seconds()), 0),
        path=_cookie_path(),
        secure=is_https(request.url.scheme, request.headers),
        httponly=True,
        samesite="lax",
    )
    return response


async def signout(request: Request) -> Response:
    """End every sign-in of the cookie's user and clear the cookie."""
    if not _same_origin(request):
        return _forbidden()
    from stadforstad import sessions

    token = request.cookies.get(COOKIE_NAME)
    if token:
        await run_in_threadpool(lambda: sessions.end_sessions_by_token(_store(), token=token))
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(
        COOKIE_NAME,
        path=_cookie_path(),
        secure=is_https(request.url.scheme, request.headers),
        httponly=True,
        samesite="lax",
    )
    return response


def routes() -> list[Route]:
    return [
        Route(route_url(SIGNIN_PATH), signin, methods=["POST"]),
        Route(route_url(SIGNOUT_PATH), signout, methods=["POST"]),
    ]


#: How long a page run waits for the start-up work at most (a database that does not
#: answer); then it goes on and meets the same problem itself.
START_UP_WAIT = 120.0
#: Set when the start-up work has done what any first page needs (the store, the
#: frame's and the sign-in screen's modules), and when it has done all of it.
_FRAME_READY = threading.Event()
_ALL_READY = threading.Event()
_warm_up_thread: threading.Thread | None = None


def wait_for_start_up(*, everything: bool = True) -> None:
    """Called by ``app.py`` before it imports the app's code: wait until the start-up
    work has imported what this run is about to import (``everything=False``: what the
    frame and the sign-in screen need; else also the start page's and the forms').

    Two threads importing the same modules at once can deadlock on Python's module
    locks; Python then hands one of them a partly initialised module (its answer to a
    concurrent circular import, and the storage package has such a circle), so the first
    page failed with an ImportError when it came while the start-up work was importing.
    Waiting costs nothing: the run would otherwise wait for those same imports, or do
    them itself. Returns at once outside a served app (tests, AppTest), in the start-up
    thread itself and once that thread has ended."""
    thread = _warm_up_thread
    if thread is None or thread is threading.current_thread() or not thread.is_alive():
        return
    (_ALL_READY if everything else _FRAME_READY).wait(START_UP_WAIT)


def warm_up() -> None:
    """What the server does at start beside serving: the setup code on an installation
    without users, the database made or upgraded, and the first page's work that does
    not depend on the visitor (:func:`prepare_frame`, :func:`prepare_start_page`).

    The first visit's page run shares this work instead of repeating it: the same store
    (``storage.shared``), the same imported modules (it waits for them:
    :func:`wait_for_start_up`), the forms and steps kept for the process. The cyclic
    garbage collector is paused meanwhile: the work makes some hundred thousand
    long-lived objects (modules, classes, mappers), which it would only scan over and
    over (about a tenth of this work's CPU time). In a served app (this function run by
    :func:`lifespan`'s thread) they are then frozen (``gc.freeze``; some 15 of them are
    garbage): else the collector, once on again, walks them all during the first page's
    run (a full collection of ~110,000 objects, 0.04–0.06 s of CPU) and again in
    Streamlit's collection after each run, which holds the GIL while the page's last
    messages wait to be sent."""
    paused = gc.isenabled()
    gc.disable()
    try:
        if get_settings().auth != "none":
            from stadforstad.first_admin import announce_setup_code

            announce_setup_code(_store())
        else:
            _store()
        prepare_frame()
        _FRAME_READY.set()
        prepare_start_page()
    except Exception:  # noqa: BLE001 - the app must still start; the page says what to do
        _LOG.exception("could not prepare the app at start")
    finally:
        if paused and threading.current_thread() is _warm_up_thread:
            gc.freeze()
        _FRAME_READY.set()
        _ALL_READY.set()
        if paused:
            gc.enable()


def prepare_frame() -> None:
    """What every first page needs, the sign-in screen included, done once per process:
    the frame's and the sign-in's modules, SQLAlchemy's mappers configured (the first
    query would do it) and Streamlit's own once-per-process work on a first page."""
    from sqlalchemy.orm import configure_mappers

    import stadforstad.ui.context
    import stadforstad.ui.signin  # noqa: F401

    configure_mappers()
    # The page icon (``st.set_page_config``) is checked against Streamlit's list of
    # emoji, a module of its own (about 60 ms to import).
    with contextlib.suppress(ImportError):
        importlib.import_module("streamlit.emojis")
    if not skip_repl_check():
        _map_module_files()


def prepare_start_page() -> None:
    """The start page's modules and what it reads from files (the forms, the steps;
    both are kept for the process and read again when a file changes)."""
    import stadforstad.completion
    import stadforstad.ui.plain
    import stadforstad.ui.workshop  # noqa: F401
    from stadforstad.catalog import list_forms
    from stadforstad.steps import load_steps

    list_forms()
    load_steps()
    if not skip_repl_check():
        _map_module_files()


def skip_repl_check() -> bool:
    """Mark Streamlit's once-per-process REPL check done; whether that could be done.

    A process's first element runs it (``delta_generator._maybe_print_use_warning``, to
    warn someone who runs a script with ``python`` or in a REPL): ``inspect.stack()``,
    which maps every module loaded so far to its file (a realpath each, ~1,000 modules,
    ~0.05 s of CPU) and reads the source of every frame of the first page's run. A
    served app is neither, so the check would warn of nothing. A private Streamlit
    detail (``tests/test_first_page.py`` fails when it is gone); without it the module
    files are mapped here instead (:func:`_map_module_files`), off the first page."""
    from streamlit import delta_generator

    if not isinstance(getattr(delta_generator, "_use_warning_has_been_displayed", None), bool):
        return False
    delta_generator._use_warning_has_been_displayed = True
    return True


def _map_module_files() -> None:
    # Streamlit's REPL check (see skip_repl_check), when it cannot be skipped: mapping
    # the modules here leaves the first page only the modules that come after.
    inspect.getmodule(sys._getframe())


def _serve_pages_through_app() -> None:
    """Every page run goes through ``app.py`` (and so through :func:`wait_for_start_up`).
    Streamlit runs a ``pages/`` folder's page alone, without the main script, until some
    run has called ``st.navigation``: a first visit's deep link would do that. A private
    Streamlit detail (``ui.context._leave_pages_folder_mode`` switches it too;
    ``tests/test_first_page.py`` fails when it is gone)."""
    from streamlit.runtime.pages_manager import PagesManager

    if hasattr(PagesManager, "uses_pages_directory"):
        PagesManager.uses_pages_directory = False


@contextlib.asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """At start: :func:`warm_up` in a thread of its own, so the server answers at once."""
    global _warm_up_thread  # noqa: PLW0603 - one start-up per process
    from stadforstad import heap

    heap.serve()  # a served app: the imports' objects kept out of the collector's way
    _serve_pages_through_app()
    _warm_up_thread = threading.Thread(target=warm_up, name="stadforstad-warm-up", daemon=True)
    _warm_up_thread.start()
    yield
