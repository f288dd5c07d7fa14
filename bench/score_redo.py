"""Benchmark: validate and score `redo` responses from a CSV file, against its lower bound.

Run: ``uv run python bench/score_redo.py [--rows 100000] [--repeat 3] [--row-path-rows 20000]``

In one run, interleaved, CPU time (the machine is shared):

* **vectorised path** – ``file_scores.score_columns``: read (Arrow's C reader, the
  item columns as one-digit numbers where every cell is one), check every cell, score
  on arrays; then, apart, the results as plain data (``records``).
* **row path** – ``file_scores.score_rows`` (what ``stadforstad score`` did before):
  read, ``check_answers`` and a pydantic result per row. On ``--row-path-rows`` rows
  (it takes about 100 µs of CPU a row) and scaled to ``--rows``.
* **lower bound** – ``numpy.loadtxt`` of the same CSV's seven item columns and a row sum.

The file is a ``respondent`` column and the seven items, 1–5. ``limits.RESPONSE_ROWS``
(10,000 rows a file) is raised for this process only, to measure 100,000 rows. The
totals are checked against numpy's sums, and both paths' results against each other.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET = 3.0
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


def cpu(function):
    """CPU seconds of ``function()`` and its value."""
    start = time.process_time()
    value = function()
    return time.process_time() - start, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--row-path-rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import numpy as np

    from stadforstad import limits
    from stadforstad.catalog import load_form
    from stadforstad.file_scores import score_columns, score_rows

    limits.RESPONSE_ROWS = max(limits.RESPONSE_ROWS, args.rows)
    form = load_form("redo")
    with tempfile.TemporaryDirectory(prefix="bench-score-") as tmp:
        path, part = Path(tmp) / "redo.csv", Path(tmp) / "part.csv"
        write_csv(path, args.rows, args.seed)
        write_csv(part, min(args.row_path_rows, args.rows), args.seed)

        def lower():
            matrix = np.loadtxt(
                path, delimiter=",", skiprows=1, usecols=range(1, 8), dtype=np.int64
            )
            return matrix.sum(axis=1)

        def vectorised():
            scored = score_columns(form, path)
            assert scored is not None and scored.path == "columns", "not the vectorised path"
            return scored

        def rows_path():
            scored = score_rows(form, part)
            return list(scored.records), scored.problems

        vectorised(), lower()  # warm-up: imports
        times: dict[str, list[float]] = {"vectorised": [], "records": [], "rows": [], "lower": []}
        for round_number in range(args.repeat):
            seconds, scored = cpu(vectorised)
            times["vectorised"].append(seconds)
            seconds, records = cpu(lambda s=scored: list(s.records))
            times["records"].append(seconds)
            seconds, totals = cpu(lower)
            times["lower"].append(seconds)
            if round_number == 0:  # the row path once: it is the slow one
                seconds, (slow, problems) = cpu(rows_path)
                times["rows"].append(seconds * args.rows / len(slow))
                assert not problems and not scored.problems
                assert slow == records[: len(slow)], "the two paths differ"
            assert [r["total"] for r in records] == totals.tolist(), "totals differ from numpy"

    med = {name: statistics.median(values) for name, values in times.items()}
    ratio = med["vectorised"] / med["lower"]
    print(
        f"score redo · Python {platform.python_version()} · {os.cpu_count()} CPUs · "
        f"{args.rows:,} rows (row path on {min(args.row_path_rows, args.rows):,}, scaled) · "
        f"CPU time, medians of {args.repeat} interleaved runs"
    )
    print(f"  vectorised path (read + check + score)  {med['vectorised']:8.3f} s")
    print(f"  … its results as plain data (records)   {med['records']:8.3f} s")
    print(f"  row path (read + check + score + dump)  {med['rows']:8.3f} s (scaled)")
    print(f"  lower bound: numpy loadtxt + row sum     {med['lower']:8.3f} s")
    print(
        f"ratio vectorised / lower bound: {ratio:.2f}x "
        f"({'within' if ratio <= TARGET else 'ABOVE'} the {TARGET}x target); "
        f"with records: {(med['vectorised'] + med['records']) / med['lower']:.1f}x; "
        f"row path / lower bound: {med['rows'] / med['lower']:.0f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
