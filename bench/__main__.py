"""Every benchmark, one after another: ``uv run python -m bench [--quick] [--only NAME]``.

Each script sets up its own data and its own user (or says ``STADFORSTAD_AUTH=none``),
checks that it times what it says, and prints its ratio against its lower bound,
measured in the same run. The sizes below are the ones docs/benchmarks.md reports
(modest where the full size takes many minutes on a shared 2-CPU machine); ``--quick``
runs each small, to check that every script still works.

Benchmarks are run by hand; the test suite never times anything.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: name → (script, arguments for the reported run, arguments for --quick)
BENCHMARKS: dict[str, tuple[str, list[str], list[str]]] = {
    "redo page": (
        "bench/redo_page.py",
        ["--reruns", "10", "--warmup", "2"],
        ["--reruns", "3", "--warmup", "1"],
    ),
    "aktorsanalys page": (
        "bench/aktorsanalys_page.py",
        ["--reruns", "30", "--warmup", "3"],
        ["--reruns", "3", "--warmup", "1"],
    ),
    "comparison": (
        "bench/compare_bench.py",
        ["--municipalities", "60", "--respondents", "20", "--reruns", "5"],
        ["--municipalities", "5", "--respondents", "4", "--reruns", "1"],
    ),
    "comparison page in a browser": (
        "bench/compare_browser.py",
        ["--municipalities", "60", "--respondents", "20", "--loads", "7"],
        ["--municipalities", "5", "--respondents", "4", "--loads", "1"],
    ),
    "compilation page": (
        "bench/compilation_page.py",
        ["--answers", "10000", "--reruns", "5"],
        ["--answers", "200", "--reruns", "1"],
    ),
    "score redo": (
        "bench/score_redo.py",
        ["--rows", "100000", "--repeat", "3"],
        ["--rows", "2000", "--row-path-rows", "500", "--repeat", "1"],
    ),
    "excel export": ("bench/excel_export.py", ["--answers", "20000"], ["--answers", "500"]),
    "link answers at once": ("bench/questionnaire_load.py", [], ["--rounds", "1"]),
    "cold start": ("bench/cold_start.py", ["--rounds", "2"], ["--rounds", "1"]),
    "cold start in a browser": (
        "bench/cold_start_browser.py",
        ["--rounds", "5"],
        ["--rounds", "1"],
    ),
    "documents": ("bench/documents_bench.py", ["--repeat", "5"], ["--repeat", "1"]),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: does each still run")
    parser.add_argument("--only", action="append", choices=list(BENCHMARKS))
    args = parser.parse_args()
    failed = []
    for name, (script, full, quick) in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        command = [sys.executable, script, *(quick if args.quick else full)]
        print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        print(f"=== {name}: exit {done.returncode}, {time.perf_counter() - start:.0f} s wall")
        if done.returncode:
            failed.append(name)
    if failed:
        print(f"\nFAILED: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
