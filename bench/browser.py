"""What the browser benchmarks share: a Streamlit server of their own and headless
Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright).

Not a test helper: the tests have their own (``tests/helpers/browser.py``); benchmarks
and tests never import each other.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
#: A chart is drawn when vega-embed has put its canvas or SVG in place.
CHART = ('[data-testid="stVegaLiteChart"]', "canvas, svg.marks")
#: A dataframe is drawn when its grid's canvas is there.
TABLE = ('[data-testid="stDataFrame"]', "canvas")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(script: Path, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
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
    ]


def start_server(
    script: Path, env: dict[str, str | None], port: int | None = None, *, root: Path = ROOT
):
    """``streamlit run script`` in ``root`` (this checkout unless said); returns the
    process and the base URL (not waited for). An ``env`` value of None removes that
    variable from the server's environment."""
    port = port or free_port()
    merged = {**os.environ, "PYTHONPATH": str(root), **env}
    process = subprocess.Popen(
        server_command(script, port),
        cwd=root,
        env={name: value for name, value in merged.items() if value is not None},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return process, f"http://127.0.0.1:{port}"


def wait_healthy(process, url: str, timeout: float = 120) -> None:
    """Until the server answers its health check (polled every 20 ms)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"streamlit did not answer within {timeout:.0f} s")


def stop(process) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) the server process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True)


#: The same test as :func:`wait_drawn`'s, made in the page every ``POLL_MS``:
#: Playwright's ``expect`` looks again only every 0.5-1 s after its first tries, which
#: would blur every kind of page timed by up to that much.
DRAWN = """([title, parts]) => {
  const seen = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const headings = [...document.querySelectorAll('h1')];
  if (!headings.some(h => h.innerText.includes(title) && seen(h))) return false;
  return parts.every(([outer, inner, count]) => {
    const found = [...document.querySelectorAll(outer)].slice(0, count);
    return found.length === count && found.every(o => {
      const drawn = o.querySelector(inner);
      return drawn !== null && seen(drawn);
    });
  });
}"""
POLL_MS = 20


def wait_drawn(page, *, title: str, charts: int = 0, tables: int = 0, timeout: float = 120):
    """Until the page shows ``title`` as its main heading and ``charts`` charts and
    ``tables`` dataframes are drawn (each visible): checked in the page every 20 ms,
    then once more with Playwright's ``expect`` (which then passes at once)."""
    from playwright.sync_api import expect

    ms = timeout * 1000
    parts = [[*CHART, charts], [*TABLE, tables]]
    page.wait_for_function(DRAWN, arg=[title, parts], polling=POLL_MS, timeout=ms)
    expect(page.locator("h1").filter(has_text=title).first).to_be_visible(timeout=ms)
    for (outer, inner), count in ((CHART, charts), (TABLE, tables)):
        for index in range(count):
            drawn = page.locator(outer).nth(index).locator(inner).first
            expect(drawn).to_be_visible(timeout=ms)


def load_time(browser, url: str, **wanted) -> float:
    """Seconds from opening ``url`` in a fresh browser context (no cookies, no cache)
    until ``wait_drawn(**wanted)``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        wait_drawn(page, **wanted)
        return time.perf_counter() - start
    finally:
        context.close()
