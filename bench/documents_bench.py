"""Benchmark: the plan-sized document – `samverkansplan` filled in with 20 rows in each
of its tables (as many as a table allows, when it allows fewer) – as PDF and as DOCX.

Run: ``uv run python bench/documents_bench.py [--repeat 7]``

Measured in one run, interleaved, medians: building the document from the answers
(blocks, layout, file) in each format, against a lower bound made with the same
library: every answer's text, and every table's cells as a plain table, written with
no styles, no header and footer, no page count.
"""

from __future__ import annotations

import argparse
import io
import platform
import random
import statistics
import sys
import time

ROWS = 20


def plan_answers(rows: int = ROWS) -> tuple[dict, dict[str, int]]:
    from stadforstad import demo
    from stadforstad.answers import check_answers
    from stadforstad.catalog import load_form

    form = load_form("samverkansplan")
    generator = demo._Generator(random.Random(20), 3.5, ())
    answers = generator.answers(form)
    counts = {}
    for item in form.answerable():
        if item.kind == "table":
            wanted = min(rows, item.max_rows or rows)
            table = []
            while len(table) < wanted:
                table += generator.table(item)
            answers[item.id] = table[:wanted]
            counts[item.id] = wanted
    return check_answers(form, answers, coerce=True), counts


def ours(fmt: str, answers: dict) -> bytes:
    from stadforstad.catalog import load_form
    from stadforstad.documents.build import render, response_document

    document = response_document(
        load_form("samverkansplan"),
        answers,
        respondent="Kärngruppen",
        municipality="Hörby",
        round=1,
    )
    return render(document, fmt)


def _texts(answers: dict) -> tuple[list[str], list[list[list[str]]]]:
    from stadforstad.catalog import load_form
    from stadforstad.instruments.answers_view import answer_blocks
    from stadforstad.instruments.blocks import format_cell

    plain, tables = [], []
    for section in answer_blocks(load_form("samverkansplan"), answers, "sv").sections:
        for answer in section.answers:
            plain.append(answer.label)
            if answer.table is not None:
                tables.append(
                    [list(answer.table.columns)]
                    + [[format_cell(c) for c in row] for row in answer.table.rows]
                )
            else:
                plain.append(answer.text or "; ".join(answer.lines) or "–")
    return plain, tables


def bare(fmt: str, answers: dict) -> bytes:
    """The same words and cells with the library alone: the lower bound."""
    plain, tables = _texts(answers)
    buffer = io.BytesIO()
    if fmt == "pdf":
        from xml.sax.saxutils import escape

        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

        style = getSampleStyleSheet()["Normal"]
        story = [Paragraph(escape(t), style) for t in plain]
        story += [Table([[Paragraph(escape(c), style) for c in r] for r in t]) for t in tables]
        SimpleDocTemplate(buffer, pagesize=A4).build(story)
    else:
        import docx

        document = docx.Document()
        for text in plain:
            document.add_paragraph(text)
        for table in tables:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, values in zip(grid.rows, table):
                for cell, value in zip(row.cells, values):
                    cell.text = value
        document.save(buffer)
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    answers, counts = plan_answers()
    variants = {
        ("ours", "pdf"): lambda: ours("pdf", answers),
        ("ours", "docx"): lambda: ours("docx", answers),
        ("bare", "pdf"): lambda: bare("pdf", answers),
        ("bare", "docx"): lambda: bare("docx", answers),
    }
    sizes = {key: len(make()) for key, make in variants.items()}  # warm-up, and checks
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(ours("pdf", answers))).pages)
    times: dict[tuple, list[float]] = {key: [] for key in variants}
    cpu: dict[tuple, list[float]] = {key: [] for key in variants}
    order = list(variants)
    rng = random.Random(1)
    for _ in range(args.repeat):
        rng.shuffle(order)
        for key in order:
            start, cpu_start = time.perf_counter(), time.process_time()
            variants[key]()
            times[key].append(time.perf_counter() - start)
            cpu[key].append(time.process_time() - cpu_start)
    print(
        f"plan-sized document · Python {platform.python_version()} · samverkansplan with "
        f"{counts} table rows · {pages} PDF pages · {args.repeat} runs each, interleaved"
    )
    print(f"{'variant':<12}{'median':>10}{'min':>10}{'CPU median':>12}{'size':>10}")
    for key in variants:
        print(
            f"{' '.join(key):<12}{statistics.median(times[key]) * 1000:>8.0f}ms"
            f"{min(times[key]) * 1000:>8.0f}ms{statistics.median(cpu[key]) * 1000:>10.0f}ms"
            f"{sizes[key] / 1024:>8.0f}kB"
        )
    for fmt in ("pdf", "docx"):
        ratio = statistics.median(cpu["ours", fmt]) / statistics.median(cpu["bare", fmt])
        print(f"ratio ours / bare {fmt} (CPU medians): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
