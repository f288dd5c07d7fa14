"""Questionnaire load: N simulated respondents send their answers at the same moment,
each in its own thread, through ``questionnaire.send_answers`` – the code the
respondent page runs on "Skicka in". Every respondent also saves a draft first and
double-sends (the same idempotency key twice), as a double click would.

Run by hand (writes the figures into docs/benchmarks.md under "Questionnaire load"):

    uv run python -m bench.questionnaire_load                      # SQLite
    STADFORSTAD_TEST_DATABASE_URL=postgresql+psycopg://… uv run python -m bench.questionnaire_load

PostgreSQL runs in a database of its own, created and dropped here.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import tempfile
import uuid
from pathlib import Path

from stadforstad.catalog import load_form
from stadforstad.link_load import LoadResult, run_load
from stadforstad.schema import Form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import LinkStore

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
HEADING = "## Questionnaire load"


def _run(url: str, form: Form) -> list[LoadResult]:
    """The same 50 answers one after another and as a burst, alternately (twice each),
    each on a link of its own in one database."""
    engine = make_engine(url)
    try:
        links = LinkStore(Store(engine))
        admin = Actor.local()
        workspace = links.store.create_workspace(actor=admin, name="Belastningsby")
        return [
            run_load(links, admin, workspace.id, form, serial=serial)
            for serial in (True, False, True, False)
        ]
    finally:
        engine.dispose()


def _postgres(server_url: str, form: Form) -> list[LoadResult]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    server = make_url(server_url)
    name = f"bench_links_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return _run(server.set(database=name).render_as_string(hide_password=False), form)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def write_doc(results: list[LoadResult]) -> None:
    rows = "\n".join(
        f"| {r.backend} | {r.respondents} | {r.stored} | {len(r.errors)} | "
        f"{r.per_second:.1f} | {r.slowest * 1000:.0f} ms |"
        for r in results
    )
    section = (
        f"{HEADING}\n\n"
        "50 simulated respondents, one thread each, save a draft and then press "
        '"Skicka in" at the same moment (a barrier), through `questionnaire.send_answers`, '
        "the code the respondent page runs; each also resends its submission (the same "
        "idempotency key) to check it is stored once. The form is `kartlaggning`. Answers "
        "per second = answers stored / time from the common start to the slowest answer.\n\n"
        "| database | respondents | stored | errors | answers/second | slowest answer |\n"
        "|---|---|---|---|---|---|\n"
        f"{rows}\n\n"
        "Senders to one link queue on purpose: SQLite takes the write lock up front (BEGIN "
        "IMMEDIATE), PostgreSQL locks the link's row so a cap on answers is never "
        "overshot; on PostgreSQL the engine's default pool (5 + 10 connections) also "
        "makes threads wait for a connection. Each answer is one short transaction.\n\n"
        f"Measured {dt.date.today()} on {platform.machine()} with {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}. Run: `uv run python -m bench.questionnaire_load`.\n"
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
    import sys

    form = load_form("kartlaggning")
    runs: list[list[LoadResult]] = []
    with tempfile.TemporaryDirectory() as folder:
        runs.append(_run(f"sqlite:///{Path(folder) / 'load.sqlite'}", form))
    pg = os.environ.get("STADFORSTAD_TEST_DATABASE_URL")
    if pg:
        runs.append(_postgres(pg, form))
    for results in runs:
        for result in results:
            mode = "serial" if result.serial else "burst "
            print(f"{mode} {result.summary()} · p95 {result.p95 * 1000:.0f} ms")
            for error in result.errors[:5]:
                print("  ", error)
        serial = min(r.seconds for r in results if r.serial)
        burst = min(r.seconds for r in results if not r.serial)
        ok = all(r.stored == r.respondents and not r.errors for r in results)
        print(
            f"{results[0].backend}: all stored: {ok}; burst {burst:.2f} s against serial "
            f"{serial:.2f} s: ratio {burst / serial:.2f}x (target <= 1.5x); burst p95 "
            f"{max(r.p95 for r in results if not r.serial) * 1000:.0f} ms (target < 1 s)"
        )
    if "--write" in sys.argv:
        write_doc([[r for r in results if not r.serial][-1] for results in runs])
        print(f"written to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
