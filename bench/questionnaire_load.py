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
import random
import re
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from stadforstad import questionnaire
from stadforstad.catalog import load_form
from stadforstad.schema import Form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import Identity, LinkStore, new_token

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
HEADING = "## Questionnaire load"


@dataclass
class LoadResult:
    backend: str
    respondents: int
    stored: int
    seconds: float
    latencies: list[float]
    errors: list[str] = field(default_factory=list)
    serial: bool = False

    @property
    def p95(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else 0.0

    @property
    def per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    @property
    def slowest(self) -> float:
        return max(self.latencies, default=0.0)

    def summary(self) -> str:
        return (
            f"{self.backend}: {self.stored} of {self.respondents} stored, "
            f"{len(self.errors)} errors, {self.per_second:.1f} answers/s, "
            f"slowest answer {self.slowest * 1000:.0f} ms, all in {self.seconds:.2f} s"
        )


def _answers(form: Form, rng: random.Random) -> dict:
    answers = {}
    for item in form.answerable():
        if item.kind == "scale":
            answers[item.id] = rng.randint(item.min, item.max)
        elif item.kind == "text" and item.id not in questionnaire.IDENTITY_ITEMS:
            answers[item.id] = f"Anteckning {rng.randint(1, 999)}"
    return answers


def run_load(
    links: LinkStore,
    actor: Actor,
    workspace_id: int,
    form: Form,
    *,
    respondents: int = 50,
    serial: bool = False,
) -> LoadResult:
    """``respondents`` answers at once (a burst), or with ``serial`` one after another
    in one thread; ``seconds`` is the burst's span, or the sum of the serial sends."""
    created = links.create_link(
        actor=actor, workspace_id=workspace_id, form=form, label="Hotell", max_answers=respondents
    )
    industries = questionnaire.industry_options(form)
    start = threading.Barrier(1 if serial else respondents)
    latencies: list[float] = []
    spans: list[tuple[float, float]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def respondent(n: int) -> None:
        rng = random.Random(n)
        resume, key = new_token(), uuid.uuid4().hex
        answers = _answers(form, rng)
        identity = Identity(industry=rng.choice(industries))
        try:
            actor_, _ = links.open_link(created.token)
            links.save_draft(
                actor=actor_, resume=resume, form=form, answers=answers, identity=identity
            )
            start.wait(timeout=60)  # everyone presses "Skicka in" at once
            began = time.perf_counter()
            first = questionnaire.send_answers(
                links,
                token=created.token,
                resume=resume,
                submission_key=key,
                answers=answers,
                identity=identity,
            )
            took = time.perf_counter() - began
            again = questionnaire.send_answers(
                links,
                token=created.token,
                resume=resume,
                submission_key=key,
                answers=answers,
                identity=identity,
            )
            if again.receipt != first.receipt:
                raise AssertionError("a replay got a new receipt")
            with lock:
                latencies.append(took)
                spans.append((began, began + took))
        except Exception as exc:  # noqa: BLE001 – every failure is a finding here
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")

    with ThreadPoolExecutor(max_workers=1 if serial else respondents) as pool:
        list(pool.map(respondent, range(respondents)))
    if serial:
        seconds = sum(latencies)
    else:  # from the common start (the barrier) to the last answer stored
        seconds = (max(e for _, e in spans) - min(b for b, _ in spans)) if spans else 0.0
    stored = sum(
        1
        for a in links.link_answers(actor=actor, workspace_id=workspace_id, form_id=form.id)
        if a.link_id == created.info.id
    )
    backend = links.store.engine.dialect.name
    return LoadResult(backend, respondents, stored, seconds, latencies, errors, serial)


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
