"""Benchmark: cold start in a browser – from ``streamlit run`` to the first page's main
heading visible in Chromium – against a bare one-page Streamlit app.

Run: ``uv run python bench/cold_start_browser.py [--rounds 5]``

Each round starts a fresh server process and, in a fresh context of a headless
Chromium (``/usr/bin/chromium``, launched once beforehand), opens its first page; the
time runs from just before the process is started until the page's ``h1`` shows the
title. The two kinds alternate, in a random order each round:

* **app** – ``streamlit run app.py`` in the single-user mode (``STADFORSTAD_AUTH=none``,
  said here: sign-in is on by default) on an SQLite database made (migrated) beforehand,
  as a restarted server finds it; the first page is the overview ("Stad för stad"),
  checked: not a sign-in screen;
* **bare** – ``streamlit run`` of a one-page script (a title and a paragraph): the lower
  bound of any Streamlit app's first page in a browser.

Both include what a user waits for: Python and Streamlit starting, the server's first
answer, the browser loading Streamlit's frontend and the first script run. The server
is polled for health every 20 ms before the page is opened. Wall time (a browser's
load has no CPU time of one process); the machine is shared, so read the ratio.
``bench/cold_start.py`` measures the import side alone, in CPU time, with AppTest.
"""

from __future__ import annotations

import argparse
import os
import random
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
BARE = "import streamlit as st\n\nst.title({title!r})\nst.write('Välkommen')\n"


def first_page(
    chromium, script: Path, env: dict[str, str], title: str, expect
) -> tuple[float, float]:
    """Seconds from starting ``streamlit run script`` to ``title`` visible as the h1, and
    of those, to the server's first answer to its health check."""
    start = time.perf_counter()
    process, url = browser.start_server(script, env)
    try:
        browser.wait_healthy(process, url)
        ready = time.perf_counter() - start
        context = chromium.new_context()
        try:
            page = context.new_page()
            page.goto(url, wait_until="commit")
            browser.wait_drawn(page, title=title)
            took = time.perf_counter() - start
            expect(page.get_by_text("Logga in")).to_have_count(0)
            assert page.locator("h1").first.inner_text().strip() == title
            return took, ready
        finally:
            context.close()
    finally:
        browser.stop(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--title", default="Stad för stad", help="the first page's title")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    from playwright.sync_api import expect, sync_playwright

    times: dict[str, list[float]] = {"app": [], "bare": []}
    ready: dict[str, list[float]] = {"app": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="bench-cold-browser-") as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE.format(title=args.title), encoding="utf-8")
        url = f"sqlite:///{Path(tmp) / 'app.sqlite'}"
        made = subprocess.run(
            [
                sys.executable,
                "-c",
                f"from stadforstad.storage import make_engine; make_engine({url!r})",
            ],
            cwd=ROOT,
        )
        assert made.returncode == 0
        env = {"STADFORSTAD_AUTH": "none", "STADFORSTAD_DATABASE_URL": url}
        scripts = {"app": ROOT / "app.py", "bare": bare}
        order, rng = list(scripts), random.Random(args.seed)
        with sync_playwright() as playwright:
            chromium = browser.launch(playwright)
            # One untimed start of each: the files in the OS cache, Chromium warmed up.
            for name in order:
                first_page(chromium, scripts[name], env, args.title, expect)
            for _ in range(args.rounds):
                rng.shuffle(order)
                for name in order:
                    took, answered = first_page(chromium, scripts[name], env, args.title, expect)
                    times[name].append(took)
                    ready[name].append(answered)
            chromium.close()
    app, bare_time = statistics.median(times["app"]), statistics.median(times["bare"])
    print(
        f"cold start, first page in headless Chromium (from `streamlit run` to the h1; wall "
        f"time, median of {args.rounds} interleaved; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} CPUs):"
    )
    for name, values in times.items():
        print(
            f"  {name:<5} median {statistics.median(values):.2f} s, min {min(values):.2f} s, "
            f"max {max(values):.2f} s; of which to the server's first answer: median "
            f"{statistics.median(ready[name]):.2f} s"
        )
    ratio = app / bare_time
    print(
        f"ratio app / bare: {ratio:.2f}x ({'within' if ratio <= TARGET else 'ABOVE'} the "
        f"{TARGET}x target)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
