"""Driving the app in headless Chromium: a server of its own, waiting for reruns, signing in."""

from __future__ import annotations

import contextlib
import itertools
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, expect

from stadforstad.web import COOKIE_NAME
from tests.helpers import ROOT

_attempts: dict[str, itertools.count] = {}


def fresh_name(name: str) -> str:
    """``name`` the first time, then ``name 2``, ``name 3`` … within this test process.

    A browser test that fails is run once more (tests/conftest.py) against the same
    module's app, whose database still holds the municipality the first attempt made;
    a test that makes one by name takes it from here so its second attempt can too."""
    n = next(_attempts.setdefault(name, itertools.count(1)))
    return name if n == 1 else f"{name} {n}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(
    database_url: str,
    extra_env: dict | None = None,
    log: Path | None = None,
    *,
    port: int | None = None,
    extra_args: list[str] | None = None,
):
    """Serve the app; without sign-in (``STADFORSTAD_AUTH=none``) unless ``extra_env``
    says otherwise. ``port``: a port chosen beforehand (``free_port()``), when the
    caller must know it first; ``extra_args``: more ``streamlit run`` options."""
    port = port or free_port()
    env = {
        **os.environ,
        "STADFORSTAD_DATABASE_URL": database_url,
        "STADFORSTAD_AUTH": "none",
        **(extra_env or {}),
    }
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - the server keeps it
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *(extra_args or []),
        ],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, App(url, database_url, env)
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not answer within 90 s")


@contextlib.contextmanager
def served(database_url: str, extra_env: dict | None = None, log: Path | None = None, **options):
    """The app served (:func:`start_app`) while the block runs, then stopped."""
    process, running = start_app(database_url, extra_env, log, **options)
    try:
        yield running
    finally:
        stop_app(process)


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def wait_idle(page: Page) -> None:
    """Streamlit shows a running indicator while the script reruns."""
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)


PASSWORD = "ett-långt-lösenord"


def sign_in(page, username: str) -> None:
    from playwright.sync_api import expect

    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_text(f"Du är inloggad som {username}")).to_be_visible()
    # The sign-in cookie is set by the page's script a moment later; a new address
    # opened before it is there shows the sign-in screen again.
    wait_for_cookie(page.context)


def wait_for_cookie(context, present: bool = True) -> dict | None:
    """The sign-in cookie once the page's script has fetched it (or cleared it)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = [c for c in context.cookies() if c["name"] == COOKIE_NAME]
        if bool(found) == present:
            return found[0] if found else None
        time.sleep(0.1)
    raise AssertionError(f"the cookie did not {'appear' if present else 'go'} within 30 s")


class App:
    """A running app: its base URL, its database URL and the environment it runs in."""

    def __init__(self, url: str, database_url: str, env: dict):
        self.url = url
        self.database_url = database_url
        self.env = env


#: The grid draws on a canvas: header and rows are this tall (Streamlit's default).
ROW_HEIGHT = 35


def type_cell(page: Page, text: str, then: str) -> None:
    """Typing into a selected cell opens its editor; give it a moment to open and to
    take the text before ``then`` (Tab: next column, Enter: done) commits it."""
    page.keyboard.type(text, delay=40)
    page.wait_for_timeout(300)
    page.keyboard.press(then)
    page.wait_for_timeout(300)
