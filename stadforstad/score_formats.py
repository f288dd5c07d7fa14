"""How ``stadforstad score`` writes its results: ``json`` (the default: one list,
indented unless ``--compact``), ``jsonl`` (one result per line) and ``csv`` (one
result per row, nested fields flattened to dotted columns). ``jsonl`` and ``csv``
stream: each result is written as it is made.

A CSV column is a result field; a nested one is named by its path: ``items.behov.value``
for the item ``behov`` in the list ``items`` (a list of objects with an ``id``),
``category_means.generell`` for a key of an object. Any other list is written as JSON
text in one cell. Missing values are empty, truth values ``true``/``false``; text a
spreadsheet would run as a formula is escaped (``spreadsheet.escape_formula``).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from stadforstad.spreadsheet import escape_formula, stream_csv

FORMATS = ("json", "jsonl", "csv")


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """One result as flat ``{column: value}``, in the result's own order."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif (
            isinstance(value, list)
            and value
            and all(isinstance(v, dict) and isinstance(v.get("id"), str) for v in value)
        ):
            for element in value:
                rest = {k: v for k, v in element.items() if k != "id"}
                flat.update(flatten(rest, f"{name}.{element['id']}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return escape_formula(value)
    return str(value)


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, *, fixed_shape: bool) -> None:
    """Results as CSV. With ``fixed_shape`` (every result has the same fields, as the
    vectorised path's do) the first result's columns are the header and each row is
    written as it comes; otherwise every result is read first and the header is every
    column any of them has."""
    flat: Iterator[dict[str, Any]] = (flatten(r) for r in records)
    if fixed_shape:
        first = next(flat, None)
        if first is None:
            return
        columns = list(first)
        rows: Iterable[dict[str, Any]] = itertools.chain([first], flat)
    else:
        rows = list(flat)
        columns = list(dict.fromkeys(c for row in rows for c in row))
        if not columns:
            return
    stream_csv(out, itertools.chain([columns], ([_cell(r.get(c)) for c in columns] for r in rows)))


def write_results(
    records: Iterable[dict[str, Any]],
    out: TextIO,
    *,
    form: str = "json",
    compact: bool = False,
    fixed_shape: bool = False,
) -> None:
    """Results in ``form`` (one of ``FORMATS``) to ``out``."""
    if form == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
    elif form == "csv":
        write_csv(records, out, fixed_shape=fixed_shape)
    else:
        out.write(json.dumps(list(records), ensure_ascii=False, indent=None if compact else 2))
        out.write("\n")
