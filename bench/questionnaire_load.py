"""Questionnaire load: N simulated respondents send their answers at the same moment,
each in its own thread, through ``questionnaire.send_answers`` – the code the
respondent page runs on "Skicka in". Every respondent also saves a draft first and
double-sends (the same idempotency key twice), as a double click would.

Against its lower bound, the same respondents one after another in one thread,
alternating with the burst in one run. The ratio compares the same requests on both
sides (each send and its resend, ``LoadResult.seconds``); the ratio of the first sends
alone (``sends_seconds``, the figure before 2026-12-01) is printed beside it.

Run by hand (``--write`` puts the figures into docs/benchmarks.md under "Questionnaire
load"):

    uv run python -m bench.questionnaire_load [--rounds 3] [--write]       # SQLite
    STADFORSTAD_TEST_DATABASE_URL=postgresql+psycopg://… uv run python -m bench.questionnaire_load
    uv run python -m bench.questionnaire_load --before main --write        # before and after

``--before REV`` measures the code of a git revision beside this tree's, alternating
one child process of each per round, both with this tree's harness
(``stadforstad/link_load.py`` is copied into the revision's files, so both sides are
timed alike). PostgreSQL runs in a database of its own, created and dropped here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from stadforstad.catalog import load_form
from stadforstad.link_load import LoadResult, run_load
from stadforstad.schema import Form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import LinkStore

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
HEADING = "## Questionnaire load"


def _run(url: str, form: Form, rounds: int) -> list[LoadResult]:
    """The same 50 respondents one after another and as a burst, alternately (``rounds``
    times each), each round on a link of its own in one database."""
    engine = make_engine(url)
    try:
        links = LinkStore(Store(engine))
        admin = Actor.local()
        workspace = links.store.create_workspace(actor=admin, name="Belastningsby")
        return [
            run_load(links, admin, workspace.id, form, serial=serial)
            for n in range(rounds)
            for serial in ((True, False) if n % 2 == 0 else (False, True))
        ]
    finally:
        engine.dispose()


def _postgres(server_url: str, form: Form, rounds: int) -> list[LoadResult]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    server = make_url(server_url)
    name = f"bench_links_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return _run(server.set(database=name).render_as_string(hide_password=False), form, rounds)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass(frozen=True)
class Figures:
    """One database's figures from one run: the best burst against the best serial run."""

    backend: str
    code: str
    all_stored: bool
    stored: int
    respondents: int
    burst: float
    serial: float
    burst_sends: float
    serial_sends: float
    p95: float
    per_second: float

    @property
    def ratio(self) -> float:
        return self.burst / self.serial

    @property
    def sends_ratio(self) -> float:
        return self.burst_sends / self.serial_sends

    def line(self) -> str:
        return (
            f"{self.backend} ({self.code}): all stored: {self.all_stored}; burst "
            f"{self.burst:.2f} s against serial {self.serial:.2f} s: ratio {self.ratio:.2f}x "
            f"(target <= 1.5x); first sends alone {self.burst_sends:.2f} s against "
            f"{self.serial_sends:.2f} s: {self.sends_ratio:.2f}x; burst p95 "
            f"{self.p95 * 1000:.0f} ms (target < 1 s)"
        )


def figures(results: list[LoadResult], code: str) -> list[Figures]:
    found = []
    for backend in dict.fromkeys(r.backend for r in results):
        mine = [r for r in results if r.backend == backend]
        bursts = [r for r in mine if not r.serial]
        serials = [r for r in mine if r.serial]
        found.append(
            Figures(
                backend=backend,
                code=code,
                all_stored=all(r.stored == r.respondents and not r.errors for r in mine),
                stored=min(r.stored for r in mine),
                respondents=mine[0].respondents,
                burst=min(r.seconds for r in bursts),
                serial=min(r.seconds for r in serials),
                burst_sends=min(r.sends_seconds for r in bursts),
                serial_sends=min(r.sends_seconds for r in serials),
                p95=max(r.p95 for r in bursts),
                per_second=max(r.per_second for r in bursts),
            )
        )
    return found


def measure(rounds: int) -> list[LoadResult]:
    """``rounds`` serial and burst runs each, on SQLite and (when set) PostgreSQL."""
    form = load_form("kartlaggning")
    with tempfile.TemporaryDirectory() as folder:
        results = _run(f"sqlite:///{Path(folder) / 'load.sqlite'}", form, rounds)
    pg = os.environ.get("STADFORSTAD_TEST_DATABASE_URL")
    if pg:
        results += _postgres(pg, form, rounds)
    return results


def _in_child(tree: Path, rounds: int) -> list[LoadResult]:
    """The measurement in a fresh process that imports ``stadforstad`` from ``tree``."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", "--rounds", str(rounds)],
        env={**os.environ, "PYTHONPATH": str(tree)},
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"the measurement in {tree} failed:\n{done.stderr[-3000:]}")
    return [LoadResult(**json.loads(line)) for line in done.stdout.splitlines()]


def compare(revision: str, rounds: int, folder: Path) -> dict[str, list[LoadResult]]:
    """``revision``'s code and this tree's, one round each in turn (order alternating)."""
    before = folder / "before"
    before.mkdir()
    files = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(before)], input=files.stdout, check=True)
    shutil.copy(ROOT / "stadforstad" / "link_load.py", before / "stadforstad" / "link_load.py")
    trees = {revision: before, "this tree": ROOT}
    found: dict[str, list[LoadResult]] = {code: [] for code in trees}
    for n in range(rounds):
        for code in list(trees) if n % 2 == 0 else list(trees)[::-1]:
            found[code] += _in_child(trees[code], 1)
            print(f"round {n + 1} of {rounds}: {code} done", flush=True)
    return found


def write_doc(found: list[Figures], rounds: int, load: float) -> None:
    rows = "\n".join(
        f"| {f.backend} | {f.code} | {f.stored} of {f.respondents} | {f.burst:.2f} s | "
        f"{f.serial:.2f} s | **{f.ratio:.2f}×** | {f.sends_ratio:.2f}× | "
        f"{f.p95 * 1000:.0f} ms | {f.per_second:.0f} |"
        for f in found
    )
    section = (
        f"{HEADING}\n\n"
        "50 simulated respondents, one thread each, save a draft and then press "
        '"Skicka in" at the same moment (a barrier), through `questionnaire.send_answers`, '
        "the code the respondent page runs; each then resends its submission (the same "
        "idempotency key, a double click) and must get the same receipt. The form is "
        "`kartlaggning`. The lower bound is the same respondents one after another in one "
        f"thread; serial and burst alternate, {rounds} runs each, best of each. Burst = "
        "from the common start to the last request done; serial = the sum of the same "
        "requests. Beside it, the first sends alone (the burst to the last answer stored "
        "against the sum of the first sends: the resends of early senders then count in "
        "the burst only). p95 = the burst's first sends, worst run. Where two versions of "
        "the code are listed, they were measured in the same run, one child process of "
        "each in turn, with the same harness.\n\n"
        "| database | code | stored | burst | serial | burst / serial | first sends alone "
        "| p95 | answers/second |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        f"{rows}\n\n"
        "Senders to one link queue on purpose: SQLite writers of one process take turns "
        "on an in-process gate and then the write lock (BEGIN IMMEDIATE; other processes "
        "meet at SQLite's busy timeout), PostgreSQL locks the link's row, so a cap on "
        "answers is never overshot. A resend is answered from a read, without a turn. "
        "Each answer is one short transaction.\n\n"
        f"Measured {dt.date.today()} on {platform.machine()} with {os.cpu_count()} CPUs "
        f"(load average {load:.1f} at the end), Python {platform.python_version()}. Run: "
        "`uv run python -m bench.questionnaire_load --before main --write`.\n"
    )
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="serial and burst runs each")
    parser.add_argument("--before", metavar="REV", help="also measure this git revision")
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # one measurement, as JSON lines, for compare()
        for result in measure(args.rounds):
            print(json.dumps(asdict(result)))
        return
    if args.before:
        with tempfile.TemporaryDirectory() as folder:
            runs = compare(args.before, args.rounds, Path(folder))
    else:
        runs = {"this tree": measure(args.rounds)}
    found: list[Figures] = []
    for code, results in runs.items():
        for result in results:
            mode = "serial" if result.serial else "burst "
            print(f"{code}: {mode} {result.summary()} · p95 {result.p95 * 1000:.0f} ms")
            for error in result.errors[:5]:
                print("  ", error)
        found += figures(results, code)
    found.sort(key=lambda f: f.backend != "sqlite")  # SQLite first, each before/after
    for figure in found:
        print(figure.line())
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs")
    if args.write:
        write_doc(found, args.rounds, load)
        print(f"written to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
