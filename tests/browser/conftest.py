"""Real-browser tests: the app served by ``streamlit run`` on a free local port, driven
by Playwright for Python in Debian's headless Chromium (test tools cannot download
browsers here). Each test module gets its own server and SQLite file."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("STADFORSTAD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class App:
    """A running app: its base URL, its database URL and the environment it runs in."""

    def __init__(self, url: str, database_url: str, env: dict):
        self.url = url
        self.database_url = database_url
        self.env = env


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


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("app")
    process, running = start_app(f"sqlite:///{folder / 'app.sqlite'}", log=folder / "streamlit.log")
    yield running
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    from playwright.sync_api import expect

    # The first run of a page imports pandas and altair: on a busy 2-core machine that
    # can take several seconds.
    expect.set_options(timeout=30_000)
    context = browser.new_context(locale="sv-SE", viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()
