"""Benchmark: cold start, the first page of a fresh process, against a bare one-page app.

Run: ``uv run python bench/cold_start.py [--rounds 3]``

Each measure is a fresh Python process (nothing imported, nothing cached) that runs
the first page once with ``streamlit.testing.v1.AppTest`` and exits; its CPU time
(user + system, ``RUSAGE_CHILDREN``) is taken, the two kinds interleaved:

* **app** – ``app.py`` in the single-user mode (``STADFORSTAD_AUTH=none``) on an
  SQLite database made (migrated) beforehand, as a restarted server finds it: imports,
  the one migration check, the frame and the home page (checked: the home page's
  title, no exception);
* **bare** – a one-page Streamlit script (a title and a paragraph) run the same way:
  the lower bound of any Streamlit app's first page.

Not a browser: the server start and the websocket are left out of both; what differs
between them is what the app imports and does before its first page is drawn.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.2

APP = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({app!r}, default_timeout=300)
at.run()
assert not at.exception, at.exception
titles = [t.value for t in at.title]
assert titles == {titles!r}, titles
"""
BARE = """
from streamlit.testing.v1 import AppTest
at = AppTest.from_string(
    "import streamlit as st\\nst.title('Stad för stad')\\nst.write('Välkommen')\\n",
    default_timeout=300,
)
at.run()
assert not at.exception and [t.value for t in at.title] == ["Stad för stad"]
"""


def child_cpu(code: str, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--title", default="Stad för stad", help="the home page's title")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"app": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        for number in range(args.rounds):
            url = f"sqlite:///{Path(tmp) / f'{number}.sqlite'}"
            made = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    f"from stadforstad.storage import make_engine; make_engine({url!r})",
                ],
                cwd=ROOT,
            )
            assert made.returncode == 0
            env = {
                **os.environ,
                "STADFORSTAD_AUTH": "none",
                "STADFORSTAD_DATABASE_URL": url,
                "PYTHONPATH": str(ROOT),
            }
            app = APP.format(app=str(ROOT / "app.py"), titles=[args.title])
            times["app"].append(child_cpu(app, env))
            times["bare"].append(child_cpu(BARE, env))
    app, bare = statistics.median(times["app"]), statistics.median(times["bare"])
    print(
        f"cold start, first page (fresh process, AppTest, CPU time, median of "
        f"{args.rounds} interleaved): app {app:.2f} s, bare one-page app {bare:.2f} s"
    )
    print(
        f"ratio app / bare: {app / bare:.2f}x "
        f"({'within' if app / bare <= TARGET else 'ABOVE'} the {TARGET}x target)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
