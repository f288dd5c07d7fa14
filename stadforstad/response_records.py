"""Files of responses (CSV, XLSX, JSON) read into records: the first two of the three
stages of ``responses_io``, each with its own errors.

- **reading** (:func:`read_file_bytes`, :func:`decode_text`): the file's size within
  ``limits``; its text decoded as UTF-8 (with or without a byte-order mark), UTF-16
  with a byte-order mark, or Windows-1252 – what Swedish Excel writes for "CSV
  (semikolonavgränsad)";
- **records** (:func:`read_records`): the rows as ``{column: cell}``, each with its
  number; a CSV row with more or fewer fields than the header is refused by number,
  never dropped or shifted; row and column limits.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stadforstad import errors, limits
from stadforstad.errors import Problem, ResponseFileError, say

FORMATS = (".csv", ".xlsx", ".json")
#: Field separators a CSV may use; the header line tells which.
SEPARATORS = (";", ",", "\t")


@dataclass(frozen=True)
class Record:
    """One row of the file as read, before checking: its number and its cells."""

    number: int
    cells: dict[str, Any]


def refuse_file(code: str, where: str, message: str, path: Path | str) -> ResponseFileError:
    """The whole file refused, with its code and where in it."""
    return errors.fail(ResponseFileError, code, where, message, str(path))


# -- reading: the file's bytes and text ------------------------------------------------
def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or a coded refusal: unknown type, missing, too large."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise refuse_file(
            errors.FILE_UNKNOWN_FORMAT,
            "",
            say(
                f"okänd filtyp {suffix!r}; använd CSV, XLSX eller JSON",
                f"unknown file type {suffix!r}; use CSV, XLSX or JSON",
            ),
            path,
        )
    try:
        size = path.stat().st_size
        if size > limits.RESPONSE_FILE_BYTES:
            raise refuse_file(
                errors.FILE_TOO_LARGE,
                "",
                say(
                    f"filen är {size / limits.MIB:.0f} MB; högst "
                    f"{limits.megabytes(limits.RESPONSE_FILE_BYTES)} läses. Dela upp den.",
                    f"the file is {size / limits.MIB:.0f} MB; at most "
                    f"{limits.megabytes(limits.RESPONSE_FILE_BYTES)} is read. Split it.",
                ),
                path,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise refuse_file(
            errors.FILE_NOT_FOUND, "", say("filen finns inte", "file not found"), path
        ) from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise refuse_file(
            errors.FILE_UNREADABLE,
            "",
            say(
                f"filen går inte att läsa ({exc.strerror})",
                f"cannot read the file ({exc.strerror})",
            ),
            path,
        ) from None


def decode_text(raw: bytes, path: Path | str = "") -> str:
    """The text of a CSV or JSON file. A byte-order mark decides (UTF-8 or UTF-16, as
    Excel's "Unicode text" writes); otherwise UTF-8 when the bytes are UTF-8, else
    Windows-1252, the encoding Swedish Excel saves "CSV (semikolonavgränsad)" in."""
    try:
        if raw.startswith(codecs.BOM_UTF8):
            return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return raw.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise _not_text(exc, path) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _not_text(exc, path) from None


def _not_text(exc: UnicodeDecodeError, path: Path | str) -> ResponseFileError:
    return refuse_file(
        errors.FILE_BAD_ENCODING,
        f"byte {exc.start + 1}",
        say(
            "filen är inte text i UTF-8, UTF-16 eller Windows-1252. Spara den som "
            "CSV (UTF-8) eller som Excel-fil.",
            "the file is not text in UTF-8, UTF-16 or Windows-1252. Save it as "
            "CSV (UTF-8) or as an Excel file.",
        ),
        path,
    )


# -- records: rows as {column: cell} ---------------------------------------------------
def check_header(header: list[str], path: Path | str, row: int) -> list[str]:
    columns = [str(c).strip() for c in header]
    if len(columns) > limits.RESPONSE_COLUMNS:
        raise refuse_file(
            errors.FILE_TOO_LARGE,
            f"row {row}",
            say(
                f"{len(columns)} kolumner; högst {limits.RESPONSE_COLUMNS} läses",
                f"{len(columns)} columns; at most {limits.RESPONSE_COLUMNS} are read",
            ),
            path,
        )
    seen: dict[str, int] = {}
    for index, column in enumerate(columns, start=1):
        if not column:
            raise refuse_file(
                errors.FILE_BAD_HEADER,
                f"row {row}, column {index}",
                say(
                    "kolumnen saknar rubrik; varje kolumn behöver frågans id",
                    "the column has no heading; every column needs the item's id",
                ),
                path,
            )
        if column in seen:
            raise refuse_file(
                errors.FILE_BAD_HEADER,
                f"row {row}, column {index}",
                say(
                    f"rubriken {column!r} finns redan i kolumn {seen[column]}",
                    f"the heading {column!r} is already in column {seen[column]}",
                ),
                path,
            )
        seen[column] = index
    return columns


def _too_many_rows(path: Path | str) -> ResponseFileError:
    return refuse_file(
        errors.FILE_TOO_LARGE,
        "",
        say(
            f"filen har fler än {limits.RESPONSE_ROWS} svar; dela upp den",
            f"the file has more than {limits.RESPONSE_ROWS} responses; split it",
        ),
        path,
    )


def separator_of(header_line: str) -> str:
    """The field separator of a CSV: the one of ``SEPARATORS`` its header line holds most."""
    return max(SEPARATORS, key=header_line.count)


def _csv_records(text: str, path: Path | str) -> list[Record]:
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    separator = separator_of(header_line)
    # newline="": line breaks inside quoted fields stay in the field, as csv wants.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records: list[Record] = []
    header: list[str] | None = None
    problems: list[Problem] = []
    start = 1
    try:
        for fields in reader:
            number, start = start, reader.line_num + 1
            if not any(f.strip() for f in fields):
                continue  # an empty line holds no answer
            if header is None:
                header = check_header(fields, path, number)
                continue
            # Fewer fields, or more with something in them: refused by number, never
            # shifted into other columns. Empty fields past the last column are harmless.
            if len(fields) < len(header) or any(f.strip() for f in fields[len(header) :]):
                problems.append(_ragged(number, len(fields), len(header)))
                continue
            if len(records) >= limits.RESPONSE_ROWS:
                raise _too_many_rows(path)
            records.append(Record(number, dict(zip(header, fields))))
    except csv.Error as exc:
        raise refuse_file(
            errors.FILE_UNREADABLE,
            f"row {start}",
            say(f"raden går inte att läsa som CSV ({exc})", f"the row is not valid CSV ({exc})"),
            path,
        ) from None
    if problems:
        raise ResponseFileError(problems=problems, file=str(path))
    return records


def _ragged(number: int, fields: int, columns: int) -> Problem:
    return Problem(
        errors.FILE_RAGGED_ROW,
        f"row {number}",
        say(
            f"raden har {fields} fält men rubrikraden har {columns}; kontrollera "
            "avgränsare och citattecken på raden",
            f"the row has {fields} fields but the header has {columns}; check the "
            "separators and quotes on the row",
        ),
    )


def _json_records(text: str, path: Path | str) -> list[Record]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        raise refuse_file(
            errors.FILE_UNREADABLE,
            where,
            say("filen är inte giltig JSON", "the file is not valid JSON"),
            path,
        ) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise refuse_file(
            errors.FILE_UNREADABLE,
            "",
            say(
                "JSON måste vara en lista med objekt, ett per svar",
                "JSON must be a list of objects, one per response",
            ),
            path,
        )
    if len(data) > limits.RESPONSE_ROWS:
        raise _too_many_rows(path)
    for number, record in enumerate(data, start=1):
        check_header(list(record), path, number)
    return [Record(number, record) for number, record in enumerate(data, start=1)]


def _xlsx_records(raw: bytes, path: Path | str) -> list[Record]:
    import pandas as pd

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse_file(
            errors.FILE_UNREADABLE,
            "",
            say("filen är ingen Excel-fil (.xlsx)", "the file is not an Excel file (.xlsx)"),
            path,
        ) from None
    if unpacked > limits.RESPONSE_XLSX_UNPACKED_BYTES:
        raise refuse_file(
            errors.FILE_TOO_LARGE,
            "",
            say(
                "Excel-filen packas upp till mer än "
                f"{limits.megabytes(limits.RESPONSE_XLSX_UNPACKED_BYTES)}; dela upp den",
                "the Excel file unpacks to more than "
                f"{limits.megabytes(limits.RESPONSE_XLSX_UNPACKED_BYTES)}; split it",
            ),
            path,
        )
    try:
        frame = pd.read_excel(
            io.BytesIO(raw), dtype=object, header=None, nrows=limits.RESPONSE_ROWS + 2
        )
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise refuse_file(
            errors.FILE_UNREADABLE,
            "",
            say(
                f"Excel-filen går inte att läsa ({type(exc).__name__})",
                f"cannot read the Excel file ({type(exc).__name__})",
            ),
            path,
        ) from None
    rows = frame.to_numpy().tolist()
    while rows and all(cell_value(v) is None for v in rows[0]):
        rows.pop(0)  # blank lines above the header
    if not rows:
        return []
    width = len(rows[0])
    while width and cell_value(rows[0][width - 1]) is None:
        width -= 1  # empty columns to the right of the header
    header = check_header([_header_text(v) for v in rows[0][:width]], path, 1)
    records: list[Record] = []
    for offset, values in enumerate(rows[1:], start=2):
        if all(cell_value(v) is None for v in values):
            continue
        extra = [v for v in values[width:] if cell_value(v) is not None]
        if extra:
            raise ResponseFileError(
                problems=[_ragged(offset, width + len(extra), width)], file=str(path)
            )
        if len(records) >= limits.RESPONSE_ROWS:
            raise _too_many_rows(path)
        records.append(Record(offset, dict(zip(header, values[:width]))))
    return records


def _header_text(value: Any) -> str:
    cell = cell_value(value)
    return "" if cell is None else str(cell)


def read_records(path: Path) -> list[Record]:
    """The file's rows as :class:`Record`, or a coded refusal of the whole file."""
    path = Path(path)
    raw = read_file_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_records(raw, path)
    text = decode_text(raw, path)
    if "\x00" in text:
        raise refuse_file(
            errors.FILE_BAD_ENCODING,
            f"byte {text.index(chr(0)) + 1}",
            say("filen innehåller nolltecken: den är inte text", "the file holds NUL bytes"),
            path,
        )
    return _json_records(text, path) if suffix == ".json" else _csv_records(text, path)


def cell_value(value: Any) -> Any:
    """A cell as an answer: ``None`` when empty, a list or table written as JSON
    parsed, a date as ISO text, text stripped."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        value = value.strip()
        if value.startswith(("[", "{")):  # a table or a list written as JSON in one cell
            try:
                return json.loads(value)
            except (json.JSONDecodeError, RecursionError):
                return value
        return value or None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    return value
