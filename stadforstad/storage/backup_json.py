"""A backup file's bytes as JSON, or a coded refusal that says where: the file's size
and how far it unpacks (``limits``), and JSON that Python and both databases can hold
(no NaN, no infinity, no NUL, no lone surrogate halves). Pure: no database here.
"""

from __future__ import annotations

import gzip
import io
import json
import math
import zlib
from typing import Any

from stadforstad import errors, limits
from stadforstad.errors import StorageError, say


def refuse(code: str, where: str, sv: str, en: str, file: str = "") -> StorageError:
    """A backup refused with ``code``, saying where (and in which file, when known)."""
    return errors.fail(StorageError, code, where, say(sv, en), file or None)


def unpack(raw: bytes, file: str = "") -> bytes:
    """The file's JSON bytes: gunzipped when it is gzip, never beyond the limit."""
    if len(raw) > limits.BACKUP_FILE_BYTES:
        raise refuse(
            errors.BACKUP_TOO_LARGE,
            "",
            f"Filen är större än {limits.megabytes(limits.BACKUP_FILE_BYTES)}.",
            f"The file is larger than {limits.megabytes(limits.BACKUP_FILE_BYTES)}.",
            file,
        )
    if raw[:2] != b"\x1f\x8b":
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as packed:
            body = packed.read(limits.BACKUP_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise refuse(
            errors.STORE_BAD_BACKUP,
            "gzip",
            "Filen är trasig (gzip går inte att packa upp). Exportera kommunen igen.",
            "The file is broken (gzip cannot be unpacked). Export the municipality again.",
            file,
        ) from None
    if len(body) > limits.BACKUP_UNPACKED_BYTES:
        raise refuse(
            errors.BACKUP_TOO_LARGE,
            "gzip",
            "Filen packas upp till mer än "
            f"{limits.megabytes(limits.BACKUP_UNPACKED_BYTES)}; ingen säkerhetskopia "
            "från appen är så stor.",
            "The file unpacks to more than "
            f"{limits.megabytes(limits.BACKUP_UNPACKED_BYTES)}; no backup made by the "
            "app is that large.",
            file,
        )
    return body


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"the number {text} is too large")
    return number


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(body: bytes, file: str = "") -> Any:
    """The document, or STORE_005 for anything that is not plain, storable JSON."""
    try:
        data = json.loads(body.decode("utf-8"), parse_float=_finite, parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError, RecursionError) as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        raise refuse(
            errors.STORE_BAD_BACKUP,
            where,
            "Filen går inte att läsa som en säkerhetskopia av en kommun (JSON, "
            "eventuellt gzip). Välj en exporterad fil.",
            "The file cannot be read as a backup of a municipality (JSON, possibly "
            "gzip). Choose an exported file.",
            file,
        ) from None
    _check_text(data, file)
    return data


def _check_text(data: Any, file: str) -> None:
    """No NUL and no lone surrogate halves anywhere: neither database stores them."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{where}/{errors.printable(k)}", v) for k, v in value.items())
            stack.extend((f"{where}/{errors.printable(k)}", k) for k in value)
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", v) for i, v in enumerate(value))
        elif isinstance(value, str) and (
            "\x00" in value or any("\ud800" <= c <= "\udfff" for c in value)
        ):
            raise refuse(
                errors.BACKUP_INVALID,
                where.lstrip("/") or "text",
                "Texten innehåller tecken som inte kan sparas (nolltecken eller trasig "
                "Unicode). Filen är skadad.",
                "The text holds characters that cannot be stored (NUL or broken "
                "Unicode). The file is damaged.",
                file,
            )
