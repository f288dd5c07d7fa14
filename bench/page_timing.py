"""What the page benchmarks (``redo_page.py``, ``aktorsanalys_page.py``) share: one
rerun timed (wall and CPU), the variants rerun interleaved, and a profile of the
page's reruns."""

from __future__ import annotations

import random
import time


def timed_run(at, cpu: list[float] | None = None) -> float:
    """Wall-clock seconds of one rerun; its CPU seconds (all threads) go to ``cpu``."""
    start, cpu_start = time.perf_counter(), time.process_time()
    at.run()
    if cpu is not None:
        cpu.append(time.process_time() - cpu_start)
    return time.perf_counter() - start


def interleaved(
    apps: dict, reruns: int, seed: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Each app rerun ``reruns`` times, the apps in a new random order each round (so a
    busy moment of the machine falls on all alike): wall and CPU seconds per app."""
    times: dict[str, list[float]] = {name: [] for name in apps}
    cpu: dict[str, list[float]] = {name: [] for name in apps}
    order, rng = list(apps), random.Random(seed)
    for _ in range(reruns):
        rng.shuffle(order)
        for name in order:
            times[name].append(timed_run(apps[name], cpu[name]))
    return times, cpu


def profile(at, runs: int) -> None:
    import cProfile
    import pstats

    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    profiler = cProfile.Profile()
    original = LocalScriptRunner._run_script_thread

    def profiled(self):
        profiler.enable()
        try:
            original(self)
        finally:
            profiler.disable()

    LocalScriptRunner._run_script_thread = profiled  # type: ignore[method-assign]
    try:
        for _ in range(runs):
            at.run()
    finally:
        LocalScriptRunner._run_script_thread = original  # type: ignore[method-assign]
    print(f"\ncProfile of the page, {runs} reruns (script thread), by cumulative time:")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
