"""Benchmark: 100,000 link answers to Excel ("Svaren (Excel)"), time and peak memory.

Run: ``uv run python bench/excel_export.py [--answers 100000]``

Each writer runs in a fresh child process (so each has its own peak memory), in turn:

* **now** – ``spreadsheet.write_xlsx`` (XlsxWriter, constant memory, row by row);
* **before** – what it was: every cell escaped into a new frame, then pandas'
  ``to_excel`` with openpyxl in normal mode (kept here, not in the app);
* **lower bound** – XlsxWriter in constant memory writing the same cells with no
  escaping or conversion (``write_row`` of the raw values).

The frame is ``compilation.answers_frame`` of synthetic ``kartlaggning`` answers: what
the page's "Svaren (Excel)" button builds. Reported: CPU time of the write and the
child's peak resident memory (``ru_maxrss``) above its size before writing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WRITERS = ("now", "before", "lower bound")


def answers(count: int):
    import datetime as dt
    import random

    from stadforstad.catalog import load_form
    from stadforstad.compilation import answers_frame
    from stadforstad.storage.links import LinkAnswer

    form = load_form("kartlaggning")
    rng = random.Random(3)
    scales = [i.id for i in form.answerable() if i.kind == "scale"]
    texts = [i.id for i in form.answerable() if i.kind == "text"]
    start = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    rows = [
        LinkAnswer(
            id=n,
            link_id=n % 40,
            link_label=f"Länk {n % 40}",
            form_id=form.id,
            workspace_id=1,
            form_version=form.version,
            industry=rng.choice(["Hotell", "Taxi", "Restaurang", "=Bygg"]),
            name=None,
            contact=None,
            submitted_at=start + dt.timedelta(minutes=n),
            answers={
                **{s: rng.randint(1, 5) for s in scales},
                **dict.fromkeys(texts[:2], f"anteckning {n}"),
            },
        )
        for n in range(count)
    ]
    return answers_frame(form, rows)


def _before(frame) -> bytes:
    import io

    import pandas as pd

    from stadforstad.spreadsheet import _sheet_names, _xlsx_value

    table = pd.DataFrame(
        [[_xlsx_value(v) for v in row] for row in frame.itertuples(index=False, name=None)],
        columns=[_xlsx_value(str(c)) for c in frame.columns],
        dtype=object,
    )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=_sheet_names(["Svar"])[0], index=False)
    return buffer.getvalue()


def _lower(frame) -> bytes:
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "in_memory": False})
    sheet = book.add_worksheet("Svar")
    sheet.write_row(0, 0, [str(c) for c in frame.columns])
    for number, row in enumerate(frame.to_numpy().astype(str).tolist(), 1):
        sheet.write_row(number, 0, row)  # every cell as plain text, nothing checked
    book.close()
    return buffer.getvalue()


def child(writer: str, count: int) -> None:
    import resource
    import time

    from stadforstad.spreadsheet import write_xlsx

    frame = answers(count)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    if writer == "now":
        data = write_xlsx({"Svar": frame})
    elif writer == "before":
        data = _before(frame)
    else:
        data = _lower(frame)
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = book.worksheets[0].max_row
    assert rows == count + 1, (rows, count)  # every answer is in the file
    print(
        json.dumps(
            {
                "cpu": seconds,
                "peak_mb": peak / 1024,
                "above_mb": (peak - before) / 1024,
                "size_mb": len(data) / 1e6,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--child", choices=WRITERS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.answers)
        return 0
    results = {}
    for writer in WRITERS:
        done = subprocess.run(
            [sys.executable, __file__, "--child", writer, "--answers", str(args.answers)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=os.environ,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        results[writer] = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"  {writer}: {results[writer]}", flush=True)
    print(f"Excel export of {args.answers:,} link answers (kartlaggning), one child each:")
    for writer, r in results.items():
        print(
            f"  {writer:<12} {r['cpu']:7.1f} s CPU  peak {r['peak_mb']:7.0f} MB "
            f"(+{r['above_mb']:.0f} MB while writing)  file {r['size_mb']:.1f} MB"
        )
    now, low = results["now"], results["lower bound"]
    print(
        f"ratio now / lower bound: {now['cpu'] / low['cpu']:.2f}x CPU; now / before: "
        f"{now['cpu'] / results['before']['cpu']:.2f}x CPU, memory while writing "
        f"{now['above_mb']:.0f} MB against {results['before']['above_mb']:.0f} MB "
        f"(target: < 20 s, peak < 500 MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
