"""Every table that leaves the app for a spreadsheet goes through here: ONE formula
escape (:func:`escape_formula`), ONE CSV writer (:func:`write_csv`) and ONE Excel
writer (:func:`write_xlsx`), for the compilation, the single answers and the
comparison alike.

CSV is written for Swedish Excel by default: UTF-8 with a byte-order mark (so Excel
reads å, ä, ö right), ``;`` between fields and ``,`` as the decimal mark. The other
dialect (``,`` and ``.``) is there for English Excel and other programs. Every field
holding a line break, a bare carriage return, a separator or a quote is quoted.

A text cell that a spreadsheet would take for a formula (it starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) gets a leading apostrophe, so it stays text.
Numbers are written as numbers; only text is escaped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from stadforstad.i18n import local_time

#: The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Control characters an .xlsx file cannot hold (openpyxl refuses them).
_XLSX_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
#: Excel refuses these in a sheet name, and names longer than 31 characters.
_SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\]")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"


@dataclass(frozen=True)
class CsvDialect:
    id: str
    separator: str
    decimal: str
    sv: str
    en: str


SWEDISH_EXCEL = CsvDialect(
    "sv",
    ";",
    ",",
    "Svensk Excel (semikolon, decimalkomma)",
    "Swedish Excel (semicolon, decimal comma)",
)
OTHER_PROGRAMS = CsvDialect(
    "en",
    ",",
    ".",
    "Engelsk Excel och andra program (komma, decimalpunkt)",
    "English Excel and other programs (comma, decimal point)",
)
#: The CSV dialects a user can choose between; the first is the default.
DIALECTS: dict[str, CsvDialect] = {d.id: d for d in (SWEDISH_EXCEL, OTHER_PROGRAMS)}


def escape_formula(value: Any) -> Any:
    """``value`` with a leading apostrophe when it is text a spreadsheet would run as a
    formula; anything else as it is. The one place this rule lives."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _blank(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _local(moment: dt.datetime) -> dt.datetime:
    """A moment in Swedish time, without a zone (what a spreadsheet can hold). A moment
    without a zone is UTC (SQLite gives them back so)."""
    return local_time(moment).replace(tzinfo=None)


def cell_text(value: Any, dialect: CsvDialect = SWEDISH_EXCEL) -> str:
    """One value as a CSV field: numbers with the dialect's decimal mark, times in
    Swedish time, text escaped, nothing for a missing value."""
    if _blank(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "ja" if value else "nej"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        text = np.format_float_positional(float(value), trim="-")
        return text.replace(".", dialect.decimal)
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return f"{_local(value):%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return escape_formula(str(value))


def write_csv(frame: pd.DataFrame, dialect: CsvDialect = SWEDISH_EXCEL) -> bytes:
    """The frame as CSV bytes for ``dialect`` (default: Swedish Excel)."""
    buffer = io.StringIO()
    # "\r\n" as Excel writes it; with it every field holding \r or \n is quoted.
    writer = csv.writer(
        buffer, delimiter=dialect.separator, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow([cell_text(str(c), dialect) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([cell_text(v, dialect) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def stream_csv(out: Any, rows: Iterable[list[str]]) -> None:
    """Rows of fields already made text (and escaped) to ``out`` as CSV (``,``, CRLF),
    each written as it comes: the command line's streamed results."""
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)


def _xlsx_value(value: Any) -> Any:
    if _blank(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return _local(value)
    if isinstance(value, str):
        return escape_formula(_XLSX_ILLEGAL.sub("", value))
    if isinstance(value, (list, dict, tuple, set)):
        return escape_formula(_XLSX_ILLEGAL.sub("", str(value)))
    if isinstance(value, np.generic):
        return value.item()  # a plain number or bool, which the writer knows
    return value


def _sheet_names(names: list[str]) -> list[str]:
    taken: set[str] = set()
    result = []
    for name in names:
        base = _SHEET_ILLEGAL.sub(" ", name).strip("' ")[:31] or "Blad"
        candidate, n = base, 2
        while candidate.casefold() in taken:
            suffix = f" ({n})"
            candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
        taken.add(candidate.casefold())
        result.append(candidate)
    return result


def write_xlsx(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An Excel workbook with one sheet per frame, every cell through the same escape.

    Written row by row in XlsxWriter's constant-memory mode, so a large export (100,000
    answers) never holds the whole sheet in memory twice. XlsxWriter's own guessing is
    off: text that looks like a formula, a number or a web address stays text (the
    formula escape above is still applied, for the programs that re-read the file)."""
    import xlsxwriter  # only when someone downloads a workbook

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "constant_memory": True,
            "in_memory": False,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    moment = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    header = workbook.add_format({"bold": True})
    for name, frame in zip(_sheet_names(list(sheets)), sheets.values()):
        sheet = workbook.add_worksheet(name)
        for col, title in enumerate(frame.columns):
            sheet.write_string(0, col, _xlsx_value(str(title)), header)
        for row, values in enumerate(frame.itertuples(index=False, name=None), start=1):
            for col, raw in enumerate(values):
                value = _xlsx_value(raw)
                if value is None:
                    continue
                if isinstance(value, dt.datetime):
                    sheet.write_datetime(row, col, value, moment)
                elif isinstance(value, dt.date):
                    sheet.write_datetime(row, col, value, day)
                else:
                    sheet.write(row, col, value)
    workbook.close()
    return buffer.getvalue()
