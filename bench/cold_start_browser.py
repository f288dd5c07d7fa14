"""Benchmark: cold start in a browser – from ``streamlit run`` to the first page drawn in
Chromium, its main content included – against a bare one-page Streamlit app.

Run: ``uv run python bench/cold_start_browser.py [--rounds 5] [--mode single|signin]
[--bytecode cached|none] [--also before=DIR]``

Each round starts a fresh server process and, in a fresh context of a headless
Chromium (``/usr/bin/chromium``, launched once beforehand), opens its first page; the
time runs from just before the process is started until the page is drawn. The kinds
alternate, in a random order each round:

* **app** – ``streamlit run app.py`` on an SQLite database made (migrated) beforehand,
  as a restarted server finds it. ``--mode single`` (the default): the single-user
  mode (``STADFORSTAD_AUTH=none``, said here: sign-in is on by default), whose first
  page is the overview ("Stad för stad") of an installation without a municipality;
  it counts as drawn when its heading, the note to create a municipality, every step's
  expander and the source line at its end are shown (so the whole page, not only a
  heading that comes first). ``--mode signin``: sign-in on (``local``) with one user,
  whose first page is the sign-in screen; drawn when its heading, the password field
  and the "Logga in" button are shown;
* **bare** – ``streamlit run`` of a one-page script (a title and a paragraph): the lower
  bound of any Streamlit app's first page in a browser; drawn when both are shown;
* ``--also NAME=DIR`` (repeatable) – the same app from another checkout, e.g. the code
  before a change (``git archive`` of it into a folder), timed in the same run.

``--bytecode cached`` (the default) gives the servers a bytecode cache of their own
(``PYTHONPYCACHEPREFIX`` in the run's folder, ``PYTHONDONTWRITEBYTECODE`` removed),
which the one untimed start of each kind fills: a restarted server finds its modules
compiled, as any Python does that may write its ``__pycache__``. ``--bytecode none``
keeps ``PYTHONDONTWRITEBYTECODE`` set and the cache empty, so every start compiles
every module from source (this machine's environment sets that variable, and
``uv sync`` installs without bytecode).

The server is polled for health every 20 ms before the page is opened, and the page
for being drawn every 20 ms (one check in the page, :data:`DRAWN`); the page is then
checked once more with Playwright's ``expect``, untimed, so a wrong page fails the round. Wall time,
and the server process's CPU time until the page is drawn (``/proc``): the wall time
is what a visitor waits, on a shared machine mostly for the neighbours; the server's
CPU time is the work it did, which they barely change (the browser's own work is not
in it). ``bench/cold_start.py`` measures the import side alone, in CPU time, with AppTest.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import browser  # noqa: E402

TARGET = 1.2
TITLE = "Stad för stad"
BARE = "import streamlit as st\n\nst.title({title!r})\nst.write('Välkommen')\n"
USER = "bench"

MAKE_DATABASE = """
import sys
from stadforstad.storage import Actor, Store, make_engine
store = Store(make_engine(sys.argv[1]))
if sys.argv[2] == "signin":
    from stadforstad.accounts import create_user
    create_user(store, actor=Actor.local(), username=sys.argv[3], password=sys.argv[4], admin=True)
"""


def expanders_on_the_overview() -> int:
    """The overview's expanders: one per step, and one for the forms of no step."""
    from stadforstad.catalog import list_forms
    from stadforstad.steps import load_steps

    return len(load_steps()) + any(form.step is None for form in list_forms())


#: Whether the page is drawn, checked in the page every 20 ms (Playwright's ``expect``
#: looks again only every 0.5-1 s after its first tries, which would blur the figures of
#: both kinds by up to that much). ``arg``: the title, the texts that must show in the
#: main area, and how many expanders it must hold (-1: any number).
DRAWN = """([title, texts, expanders]) => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main) return false;
  const shown = main.innerText;
  const heading = [...main.querySelectorAll('h1')].some(h => h.innerText.includes(title));
  const counted = main.querySelectorAll('[data-testid="stExpander"]').length;
  return heading && texts.every(t => shown.includes(t))
    && (expanders < 0 || counted === expanders);
}"""


def drawn(page, texts: list[str], expanders: int, ms: float) -> None:
    """Wait until the page shows the title, ``texts`` and ``expanders`` expanders."""
    page.wait_for_function(
        DRAWN, arg=[TITLE, texts, expanders], polling=browser.POLL_MS, timeout=ms
    )


def wait_overview(page, expect, expanders: int, ms: float) -> None:
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h1").filter(has_text=TITLE).first).to_be_visible(timeout=ms)
    expect(main.get_by_text("Börja med att skapa er kommun")).to_be_visible(timeout=ms)
    expect(main.locator('[data-testid="stExpander"]')).to_have_count(expanders, timeout=ms)
    expect(main.get_by_text("Källa: Stad för stad")).to_be_visible(timeout=ms)


def wait_signin(page, expect, _expanders: int, ms: float) -> None:
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h1").filter(has_text=TITLE).first).to_be_visible(timeout=ms)
    expect(main.locator('input[type="password"]')).to_be_visible(timeout=ms)
    expect(main.get_by_role("button", name="Logga in")).to_be_visible(timeout=ms)


def wait_bare(page, expect, _expanders: int, ms: float) -> None:
    expect(page.locator("h1").filter(has_text=TITLE).first).to_be_visible(timeout=ms)
    expect(page.get_by_text("Välkommen")).to_be_visible(timeout=ms)


def first_page(
    chromium, run: dict, env: dict, expect, expanders: int
) -> tuple[float, float, float]:
    """Seconds from starting ``streamlit run`` to the first page drawn (``run["wait"]``);
    of those, to the server's first answer to its health check; and the server's CPU
    seconds until the page was drawn."""
    start = time.perf_counter()
    process, url = browser.start_server(run["script"], env, root=run["root"])
    try:
        browser.wait_healthy(process, url)
        ready = time.perf_counter() - start
        context = chromium.new_context(viewport={"width": 1400, "height": 1000})
        try:
            page = context.new_page()
            page.goto(url, wait_until="commit")
            drawn(page, run["texts"], expanders if run["wait"] is wait_overview else -1, 60_000)
            took = time.perf_counter() - start
            cpu = browser.server_cpu(process.pid)
            run["wait"](page, expect, expanders, 10_000)  # what was timed is that page
            if run["wait"] is wait_overview:  # the page asked for, not a sign-in screen
                expect(page.get_by_text("Logga in")).to_have_count(0)
            return took, ready, cpu
        finally:
            context.close()
    finally:
        browser.stop(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--mode", choices=("single", "signin"), default="single")
    parser.add_argument("--bytecode", choices=("cached", "none"), default="cached")
    parser.add_argument(
        "--also", action="append", default=[], metavar="NAME=DIR", help="another checkout's app"
    )
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    from playwright.sync_api import expect, sync_playwright

    app_wait = wait_overview if args.mode == "single" else wait_signin
    app_texts = (
        ["Börja med att skapa er kommun", "Källa: Stad för stad"]
        if args.mode == "single"
        else ["Logga in"]
    )
    runs = {"app": {"script": ROOT / "app.py", "root": ROOT, "wait": app_wait, "texts": app_texts}}
    for also in args.also:
        name, _, folder = also.partition("=")
        other = Path(folder).resolve()
        runs[name] = {
            "script": other / "app.py",
            "root": other,
            "wait": app_wait,
            "texts": app_texts,
        }
    times: dict[str, list[float]] = {name: [] for name in [*runs, "bare"]}
    ready: dict[str, list[float]] = {name: [] for name in times}
    failures: dict[str, list[str]] = {name: [] for name in times}
    cpu: dict[str, list[float]] = {name: [] for name in times}
    expanders = expanders_on_the_overview()
    with tempfile.TemporaryDirectory(prefix="bench-cold-browser-") as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE.format(title=TITLE), encoding="utf-8")
        runs["bare"] = {"script": bare, "root": ROOT, "wait": wait_bare, "texts": ["Välkommen"]}
        url = f"sqlite:///{Path(tmp) / 'app.sqlite'}"
        password = secrets.token_urlsafe(24)
        made = subprocess.run(
            [sys.executable, "-c", MAKE_DATABASE, url, args.mode, USER, password], cwd=ROOT
        )
        assert made.returncode == 0
        env: dict[str, str | None] = {
            "STADFORSTAD_AUTH": "none" if args.mode == "single" else "local",
            "STADFORSTAD_DATABASE_URL": url,
        }
        if args.bytecode == "cached":
            env |= {
                "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
                "PYTHONDONTWRITEBYTECODE": None,
            }
        else:
            env |= {"PYTHONPYCACHEPREFIX": str(Path(tmp) / "empty"), "PYTHONDONTWRITEBYTECODE": "1"}
        order, rng = list(runs), random.Random(args.seed)
        with sync_playwright() as playwright:
            chromium = browser.launch(playwright)
            # One untimed start of each: the files in the OS cache, Chromium warmed up,
            # and with ``--bytecode cached`` the modules compiled.
            for name in order:
                with contextlib.suppress(AssertionError):
                    first_page(chromium, runs[name], env, expect, expanders)
            for _ in range(args.rounds):
                rng.shuffle(order)
                for name in order:
                    try:
                        took, answered, used = first_page(
                            chromium, runs[name], env, expect, expanders
                        )
                    except AssertionError as failed:  # a page not drawn: counted, not timed
                        failures[name].append(str(failed).splitlines()[0][:200])
                        continue
                    times[name].append(took)
                    ready[name].append(answered)
                    cpu[name].append(used)
            chromium.close()
    page = "the overview, whole" if args.mode == "single" else "the sign-in screen"
    print(
        f"cold start, first page in headless Chromium (from `streamlit run` to {page}; "
        f"bytecode {args.bytecode}; wall time, median of {args.rounds} interleaved; load "
        f"average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs):"
    )
    for name, failed in failures.items():
        if failed:
            print(f"  {name}: {len(failed)} of {args.rounds} first pages NOT drawn: {failed[0]}")
    for name, values in times.items():
        print(
            f"  {name:<7} median {statistics.median(values):.2f} s, min {min(values):.2f} s, "
            f"max {max(values):.2f} s; of which to the server's first answer: median "
            f"{statistics.median(ready[name]):.2f} s; server CPU until drawn: median "
            f"{statistics.median(cpu[name]):.2f} s"
        )
    bare_time = statistics.median(times["bare"])
    bare_cpu = statistics.median(cpu["bare"])
    for name in runs:
        if name == "bare":
            continue
        ratio = statistics.median(times[name]) / bare_time
        print(
            f"ratio {name} / bare: {ratio:.2f}x wall ({'within' if ratio <= TARGET else 'ABOVE'} "
            f"the {TARGET}x target); server CPU {statistics.median(cpu[name]) / bare_cpu:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
