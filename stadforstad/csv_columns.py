"""A plain CSV file read into columns by Arrow's C reader, for the vectorised scoring
path (:mod:`stadforstad.file_scores`). Every cell keeps exactly its text (or, for a
digit column, a value that stands for exactly one text), so the checks that follow
judge what the row path (``response_records._csv_records``) would read.

**Plain** (:func:`plain_layout`): the bytes are UTF-8 (a UTF-8 byte-order mark
allowed; Arrow refuses any other bytes in a cell), with no quote and no NUL anywhere;
the first line is the header (not blank, no line break that ``str.splitlines`` knows
besides \\n and \\r, since the row path finds its header line with it) and passes
``check_header``. Every other line is as wide as the header (Arrow refuses any
other) or empty (a row of empty cells, which the row check skips as the row path
skips the line). Line breaks \\n, \\r\\n and \\r are each one line for both readers, so
the row under the header on line ``n`` is row ``n - 2`` here. No cell may be longer
than the ``csv`` module reads (``csv.field_size_limit()``). Anything else is
``None``: the row path reads that file and gives its own refusals.

**Digit columns** (``digits=True``): when every allowed cell of every item column is
one digit, the item columns are read as int8, about twice as fast as text. Arrow
also reads " 5", "05", "-0" and "0x5" as 5 or 0, which the row path judges by their
text, so the int8 read is kept only when every item cell was one byte: the file's
byte count proves it (:func:`_one_byte_cells`), and a one-byte cell Arrow reads as a
number is a digit (``tests/test_file_scores.py`` checks all 256 bytes). Otherwise,
or when a cell is not a number at all (a blank, "x"), the item columns are read
again as text: each column's distinct texts and, per row, the index of its text.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from stadforstad.errors import ResponseFileError
from stadforstad.response_records import check_header, separator_of

#: Line breaks ``str.splitlines`` knows besides \n and \r: in the header line, the row
#: path would split it there. In a cell they are plain text to both readers.
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_BREAKS = b"\r\n"


@dataclass(frozen=True)
class Layout:
    """Where a plain CSV's parts are: its header's columns (stripped, as
    ``check_header`` gives them), its separator, and the bytes of its rows
    (``raw[start:end]``, without the line breaks after the last row)."""

    columns: list[str]
    separator: str
    start: int
    end: int


@dataclass
class CsvColumns:
    """The rows of a plain CSV by column. Row ``i`` is line ``i + 2`` of the file."""

    rows: int
    #: Item columns read as int8: every cell was exactly one digit, this is its value.
    digits: dict[str, np.ndarray] = field(default_factory=dict)
    #: Item columns read as text: the distinct texts and, per row, the index of its text.
    texts: dict[str, tuple[list[str], np.ndarray]] = field(default_factory=dict)
    #: The names column as Arrow text (each cell exactly), or ``None`` without one.
    names: pa.ChunkedArray | None = None

    def cell(self, column: str, row: int) -> str:
        """The exact text of one cell."""
        if column in self.digits:
            return str(self.digits[column][row])
        if column in self.texts:
            distinct, codes = self.texts[column]
            return distinct[codes[row]]
        assert self.names is not None
        return self.names[row].as_py()


def plain_layout(raw: bytes) -> Layout | None:
    """The layout of a plain CSV (see the module's words), or ``None``."""
    begin = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    if b"\x00" in raw or b'"' in raw:
        return None  # NUL: the row path refuses the file; quotes: it reads them
    breaks = [at for at in (raw.find(b"\n", begin), raw.find(b"\r", begin)) if at >= 0]
    if not breaks:
        return None  # a header and no rows: the row path's refusal
    cut = min(breaks)
    start = cut + (2 if raw.startswith(b"\r\n", cut) else 1)
    end = len(raw)
    while end > start and raw[end - 1] in _BREAKS:
        end -= 1
    if end == start:
        return None
    try:
        header = raw[begin:cut].decode("utf-8")
    except UnicodeDecodeError:
        return None  # the row path reads the file as Windows-1252 or refuses it
    if any(mark in header for mark in _OTHER_BREAKS):
        return None
    separator = separator_of(header)
    fields = header.split(separator)
    if not any(text.strip() for text in fields):
        return None  # a blank first line: the row path looks further for its header
    try:
        columns = check_header(fields, "", 1)
    except ResponseFileError:
        return None  # the row path refuses it, with the file's name
    return Layout(columns, separator, start, end)


def read_columns(raw: bytes, layout: Layout, *, names: str, digits: bool) -> CsvColumns | None:
    """The rows of ``raw`` by column: the column ``names`` as text, the others (item
    columns) as digits where ``digits`` and the file allows, else as text. ``None``
    where Arrow or the ``csv`` module reads the file otherwise."""
    body = pa.py_buffer(raw).slice(layout.start, layout.end - layout.start)
    items = [c for c in layout.columns if c != names]
    if digits and items:
        table = _read(body, layout, {c: pa.int8() for c in items}, names)
        if table is not None and _one_byte_cells(raw, layout, table, items, names):
            return _columns(table, names, digits=items)
    text = pa.dictionary(pa.int32(), pa.string())
    table = _read(body, layout, dict.fromkeys(items, text), names)
    return None if table is None else _columns(table, names, digits=[])


def _read(body: pa.Buffer, layout: Layout, types: dict[str, Any], names: str) -> pa.Table | None:
    if names in layout.columns:
        types = {**types, names: pa.string()}  # validated as UTF-8, as every text column
    try:
        return pcsv.read_csv(
            pa.BufferReader(body),
            read_options=pcsv.ReadOptions(column_names=layout.columns, use_threads=False),
            parse_options=pcsv.ParseOptions(
                delimiter=layout.separator,
                quote_char=False,
                escape_char=False,
                newlines_in_values=False,
                ignore_empty_lines=False,  # an empty line is a row: the numbers stay
            ),
            convert_options=pcsv.ConvertOptions(
                column_types=types,
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None  # a line not as wide as the header, bytes not UTF-8, a cell not int8


def _one_byte_cells(
    raw: bytes, layout: Layout, table: pa.Table, items: list[str], names: str
) -> bool:
    """Whether every cell of the int8 columns was one byte. An int8 cell is never empty
    (Arrow refuses an empty one), so the cells are all one byte exactly when the rows'
    bytes are the names, the separators, the line breaks and one byte per item cell.
    No line is empty (an empty line has empty int8 cells), so every \r and \n under
    the header belongs to a line break, and there is one break between two rows."""
    rows = table.num_rows
    if any(table.column(c).null_count for c in items):
        return False
    if raw.find(b"\r", layout.start, layout.end) < 0:
        breaks = rows - 1  # each a \n
    else:  # \r\n, \r or \n: count the bytes
        body = np.frombuffer(raw, np.uint8, layout.end - layout.start, layout.start)
        breaks = np.count_nonzero(body == ord("\r")) + np.count_nonzero(body == ord("\n"))
    name_bytes = _byte_count(table.column(names)) if names in layout.columns else 0
    other = name_bytes + rows * (len(layout.columns) - 1) + breaks
    return layout.end - layout.start - other == rows * len(items)


def _byte_count(column: pa.ChunkedArray) -> int:
    return pc.sum(pc.binary_length(column)).as_py() or 0


def _columns(table: pa.Table, names: str, *, digits: list[str]) -> CsvColumns | None:
    limit = csv.field_size_limit()  # the longest cell the row path's reader takes
    columns = CsvColumns(table.num_rows)
    for name in table.column_names:
        column = table.column(name)
        if name == names:
            if _too_long(column, limit):
                return None
            columns.names = column
        elif name in digits:
            columns.digits[name] = column.to_numpy()
        else:
            joined = column.unify_dictionaries().combine_chunks()
            distinct = joined.dictionary.to_pylist()
            if any(len(text) > limit for text in distinct):
                return None
            columns.texts[name] = (distinct, joined.indices.to_numpy())
    return columns


def _too_long(column: pa.ChunkedArray, limit: int) -> bool:
    """Whether a cell of a text column has more than ``limit`` characters (counted only
    where its bytes, never fewer than its characters, are more)."""
    if (pc.max(pc.binary_length(column)).as_py() or 0) <= limit:
        return False
    return (pc.max(pc.utf8_length(column)).as_py() or 0) > limit
