"""Many respondents answering one invitation link at once, through the respondent
page's own code path: the load that ``tests/storage/links/test_links_load.py`` checks
(all stored, no error) and ``bench/questionnaire_load.py`` times. It lives in the
package so that neither the tests nor the benchmarks import the other."""

from __future__ import annotations

import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from stadforstad import questionnaire
from stadforstad.schema import Form
from stadforstad.storage import Actor
from stadforstad.storage.links import Identity, LinkStore, new_token


@dataclass
class LoadResult:
    """``seconds``: every request the respondents made, each send and its resend (a
    burst from the common start to the last request done; serial: their sum), so both
    ways time the same work. ``sends_seconds``: the first sends alone (the burst to the
    last answer stored; serial: their sum), which leaves the resends of those done early
    inside the burst's span but out of the serial sum. ``latencies``: the first sends."""

    backend: str
    respondents: int
    stored: int
    seconds: float
    latencies: list[float]
    errors: list[str] = field(default_factory=list)
    serial: bool = False
    sends_seconds: float = 0.0

    @property
    def p95(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else 0.0

    @property
    def per_second(self) -> float:
        return self.stored / self.sends_seconds if self.sends_seconds else 0.0

    @property
    def slowest(self) -> float:
        return max(self.latencies, default=0.0)

    def summary(self) -> str:
        return (
            f"{self.backend}: {self.stored} of {self.respondents} stored, "
            f"{len(self.errors)} errors, {self.per_second:.1f} answers/s, "
            f"slowest answer {self.slowest * 1000:.0f} ms, answers in {self.sends_seconds:.2f} s, "
            f"with the resends {self.seconds:.2f} s"
        )


def _answers(form: Form, rng: random.Random) -> dict[str, object]:
    answers: dict[str, object] = {}
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
    in one thread; each respondent sends and then resends (see :class:`LoadResult`)."""
    created = links.create_link(
        actor=actor, workspace_id=workspace_id, form=form, label="Hotell", max_answers=respondents
    )
    industries = list(questionnaire.industry_names(form))
    start = threading.Barrier(1 if serial else respondents)
    latencies: list[float] = []
    spans: list[tuple[float, float, float]] = []  # began, first send done, resend done
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
            done = time.perf_counter()
            if again.receipt != first.receipt:
                raise AssertionError("a replay got a new receipt")
            with lock:
                latencies.append(took)
                spans.append((began, began + took, done))
        except Exception as exc:  # noqa: BLE001 - a failed respondent is counted, not raised
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")

    with ThreadPoolExecutor(max_workers=1 if serial else respondents) as pool:
        list(pool.map(respondent, range(respondents)))
    if serial:
        seconds = sum(done - began for began, _, done in spans)
        sends_seconds = sum(latencies)
    else:  # from the common start (the barrier) to the last request, or answer, done
        start_at = min((began for began, _, _ in spans), default=0.0)
        seconds = max((done for _, _, done in spans), default=start_at) - start_at
        sends_seconds = max((sent for _, sent, _ in spans), default=start_at) - start_at
    stored = sum(
        1
        for a in links.link_answers(actor=actor, workspace_id=workspace_id, form_id=form.id)
        if a.link_id == created.info.id
    )
    backend = links.store.engine.dialect.name
    return LoadResult(
        backend, respondents, stored, seconds, latencies, errors, serial, sends_seconds
    )
