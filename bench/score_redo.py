"""Benchmark: scoring 100,000 `redo` responses through the command line's code path.

Run: ``uv run python bench/score_redo.py [--rows 100000] [--repeat 3] [--no-process]``

In one run, on a CSV of random responses written to a temporary folder (a
``respondent`` column and the seven 1–5 items, as ``stadforstad score`` reads them):

* **CLI path** – ``stadforstad.cli.score_file``: read the file, check every row against
  the form, score it and dump the result to plain data, exactly what ``stadforstad score``
  does before printing; timed with imports already warm. Also the two halves: reading the
  file alone (``responses_io._records``) and the JSON text ``cmd_score`` prints.
* **numpy read + sum** – ``numpy.loadtxt`` of the same CSV and a row sum of the
  100,000×7 matrix: the honest "same job, no checks" floor.
* **numpy sum** – the row sum of the already-loaded matrix alone.
* **process** (unless ``--no-process``) – the real command, ``python -m stadforstad.cli
  score redo FILE`` (indented JSON, the default), output to ``/dev/null``: start-up,
  imports and printing included; one run.

Each in-process measure is repeated (interleaved) and the median is reported; the
scored totals are checked against numpy's sums.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ITEMS = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]


def write_csv(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["respondent", *ITEMS])
        for number in range(rows):
            writer.writerow([f"deltagare {number}", *(rng.randint(1, 5) for _ in ITEMS)])


def timed(fn):
    """Wall-clock seconds and the value; CPU seconds go to ``timed.cpu``."""
    start, cpu = time.perf_counter(), time.process_time()
    value = fn()
    timed.cpu = time.process_time() - cpu
    return time.perf_counter() - start, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the CLI path")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-process", action="store_true", help="skip timing the real command in a subprocess"
    )
    args = parser.parse_args()

    import numpy as np

    from stadforstad.catalog import load_form
    from stadforstad.cli import score_file
    from stadforstad.responses_io import _records

    form = load_form("redo")
    with tempfile.TemporaryDirectory(prefix="bench-score-") as tmp:
        path = Path(tmp) / "redo.csv"
        write_csv(path, args.rows, args.seed)
        size_mb = path.stat().st_size / 1e6

        def numpy_read():
            return np.loadtxt(
                path, delimiter=",", skiprows=1, usecols=range(1, 1 + len(ITEMS)), dtype=np.int64
            )

        # Warm-up: imports (pandas is imported lazily by the reader) and caches.
        small = Path(tmp) / "small.csv"
        write_csv(small, 100, args.seed)
        score_file(form, small)
        matrix = numpy_read()

        cli, read, dump, np_read_sum, np_sum = [], [], [], [], []
        compact: list[float] = []
        cpu: dict[str, list[float]] = {
            "cli": [],
            "read": [],
            "dump": [],
            "compact": [],
            "np_read_sum": [],
        }
        results = None
        for _ in range(args.repeat):
            seconds, (results, problems) = timed(lambda: score_file(form, path))
            assert not problems, problems[:3]
            cli.append(seconds)
            cpu["cli"].append(timed.cpu)
            read.append(timed(lambda: _records(path))[0])
            cpu["read"].append(timed.cpu)
            dump.append(timed(lambda r=results: json.dumps(r, ensure_ascii=False, indent=2))[0])
            cpu["dump"].append(timed.cpu)
            compact.append(timed(lambda r=results: json.dumps(r, ensure_ascii=False))[0])
            cpu["compact"].append(timed.cpu)
            seconds, totals = timed(lambda: numpy_read().sum(axis=1))
            np_read_sum.append(seconds)
            cpu["np_read_sum"].append(timed.cpu)
            for _ in range(20):
                np_sum.append(timed(lambda: matrix.sum(axis=1))[0])

        assert len(results) == args.rows == matrix.shape[0]
        assert [r["total"] for r in results] == totals.tolist(), "totals differ from numpy"
        assert [r["ready"] for r in results] == (totals > 20).tolist()

        process = None
        if not args.no_process:
            command = [sys.executable, "-m", "stadforstad.cli", "score", "redo", str(path)]
            with open(os.devnull, "w") as sink:
                start = time.perf_counter()
                status = subprocess.run(command, stdout=sink, cwd=ROOT).returncode
                process = time.perf_counter() - start
            assert status == 0, status

    import platform

    med = statistics.median
    t_cli, t_np_rs, t_np = med(cli), med(np_read_sum), med(np_sum)
    print(
        f"redo scoring benchmark · Python {platform.python_version()} · numpy {np.__version__}"
        f" · {os.cpu_count()} CPUs · {args.rows:,} rows × {len(ITEMS)} items "
        f"({size_mb:.1f} MB CSV) · medians of {args.repeat} runs (numpy sum: {len(np_sum)})"
    )
    print()
    rows = [
        ("CLI path: score_file (read+check+score)", t_cli, med(cpu["cli"])),
        ("  of which reading the file (_records)", med(read), med(cpu["read"])),
        ("  then JSON text cmd_score prints (indent=2)", med(dump), med(cpu["dump"])),
        ("  or with --compact (indent=None)", med(compact), med(cpu["compact"])),
        ("numpy: loadtxt + row sum", t_np_rs, med(cpu["np_read_sum"])),
        ("numpy: row sum of loaded matrix", t_np, None),
    ]
    if process is not None:
        rows.append(("process: stadforstad score redo FILE (1 run)", process, None))
    print(f"{'':<50}{'wall':>10}{'CPU':>10}{'rows/s (wall)':>16}")
    for name, seconds, cpu_seconds in rows:
        cpu_text = "" if cpu_seconds is None else f"{cpu_seconds:.4f} s"
        print(f"{name:<50}{seconds:>8.4f} s{cpu_text:>10}{args.rows / seconds:>16,.0f}")
    print()
    print(
        f"CLI path: {args.rows / t_cli:,.0f} responses/s (wall), "
        f"{args.rows / med(cpu['cli']):,.0f} per CPU-second"
    )
    print(f"ratio CLI path / numpy loadtxt+sum: {t_cli / t_np_rs:,.0f}x")
    print(f"ratio CLI path / numpy sum alone:   {t_cli / t_np:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
