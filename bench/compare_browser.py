"""Benchmark: the comparison page's first load in a browser, after the server is warm,
against a bare one-page Streamlit app showing the same sized table and chart.

Run: ``uv run python bench/compare_browser.py [--municipalities 60] [--respondents 20]
[--loads 7]``

1. Generates comparison data (``bench/compare_bench.generate``: every scored form,
   two rounds) into a temporary SQLite file.
2. Serves the app (``streamlit run app.py``, single-user mode ``STADFORSTAD_AUTH=none``,
   said here: sign-in is on by default) and the bare app (``bench/bare_compare.py``:
   the same readiness chart and table and the per-question heatmap and table, from one
   SQL query and a pandas groupby, charts built with altair) on the same database.
   With ``--also NAME=DIR``, also another checkout's app (e.g. a ``git archive`` of
   main: before and after in the same run).
3. Warms each with one load, then opens ``/compare`` (and the bare app's page) in a
   fresh browser context (no cookies, no cache: a new visitor) ``--loads`` times each,
   interleaved in a random order, in headless Chromium (``/usr/bin/chromium``).

A load is timed from ``page.goto`` until the page's main heading ("Jämför kommuner")
is visible and its two charts and two tables are drawn (checked: the app shows the
comparison, not a sign-in screen). Wall time: a browser's load cannot be measured in
CPU time; the machine is shared, so read the ratio more than the seconds. Beside it,
the server process's CPU time over the same span (``/proc``: its static files, the
websocket and the page's run; not the browser's work), which a busy machine changes
far less.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import browser  # noqa: E402
from bench.compare_bench import generate  # noqa: E402

TARGET_SECONDS = 1.5
TITLE = "Jämför kommuner"
WANTED = {"title": TITLE, "charts": 2, "tables": 2}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--municipalities", type=int, default=60)
    parser.add_argument("--respondents", type=int, default=20)
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also serve the app of another checkout (e.g. a `git archive` of main), "
        "interleaved with the others: before and after in one run",
    )
    args = parser.parse_args()
    also = dict(item.split("=", 1) for item in args.also)

    from playwright.sync_api import expect, sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-compare-browser-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'compare.sqlite'}"
        start = time.perf_counter()
        responses = generate(url, args.municipalities, args.respondents)
        print(
            f"{responses:,} submitted responses ({args.municipalities} municipalities × "
            f"{args.respondents} × 2 rounds) in {time.perf_counter() - start:.0f} s",
            flush=True,
        )
        env = {"STADFORSTAD_AUTH": "none", "STADFORSTAD_DATABASE_URL": url}
        servers = {
            "app": browser.start_server(ROOT / "app.py", env),
            **{
                name: browser.start_server(Path(root) / "app.py", env, root=Path(root))
                for name, root in also.items()
            },
            "bare": browser.start_server(ROOT / "bench" / "bare_compare.py", env),
        }
        addresses = {
            name: f"{base}/compare" if name != "bare" else base
            for name, (_, base) in servers.items()
        }
        try:
            for process, base in servers.values():
                browser.wait_healthy(process, base)
            with sync_playwright() as playwright:
                chromium = browser.launch(playwright)
                warm = {
                    name: browser.load_time(chromium, addresses[name], **WANTED) for name in servers
                }
                print(
                    "warm-up load: " + ", ".join(f"{n} {t:.2f} s" for n, t in warm.items()),
                    flush=True,
                )
                for name in servers:
                    if name != "bare":
                        check(chromium, addresses[name], expect)
                times: dict[str, list[float]] = {name: [] for name in servers}
                cpu: dict[str, list[float]] = {name: [] for name in servers}
                order, rng = list(servers), random.Random(args.seed)
                for _ in range(args.loads):
                    rng.shuffle(order)
                    for name in order:
                        pid = servers[name][0].pid
                        used = browser.server_cpu(pid)
                        times[name].append(browser.load_time(chromium, addresses[name], **WANTED))
                        cpu[name].append(browser.server_cpu(pid) - used)
                chromium.close()
        finally:
            for process, _ in servers.values():
                browser.stop(process)

    app, bare = statistics.median(times["app"]), statistics.median(times["bare"])
    print(
        f"\ncomparison page, first load in a fresh browser context after a warm-up load "
        f"(headless Chromium, wall time, median of {args.loads} interleaved; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs):"
    )
    for name, values in times.items():
        print(
            f"  {name:<6} median {statistics.median(values):.2f} s, min {min(values):.2f} s, "
            f"max {max(values):.2f} s; server CPU median {statistics.median(cpu[name]):.2f} s"
        )
    app_cpu, bare_cpu = statistics.median(cpu["app"]), statistics.median(cpu["bare"])
    print(
        f"app {app:.2f} s ({'under' if app < TARGET_SECONDS else 'NOT under'} the "
        f"{TARGET_SECONDS} s target); ratio app / bare {app / bare:.2f}x "
        f"(server CPU {app_cpu / bare_cpu:.2f}x)"
    )
    for name in also:
        other, other_cpu = statistics.median(times[name]), statistics.median(cpu[name])
        print(
            f"{name} {other:.2f} s; ratio {name} / bare {other / bare:.2f}x "
            f"(server CPU {other_cpu / bare_cpu:.2f}x)"
        )
    return 0


def check(chromium, address: str, expect) -> None:
    """The app's page is the comparison itself, in the single-user mode."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(address)
        browser.wait_drawn(page, **WANTED)
        expect(page.get_by_text("Redo – totalpoäng mot gränsen").first).to_be_visible()
        expect(page.get_by_text("Logga in")).to_have_count(0)
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())
