"""A whole workspace as one JSON file: to hand a municipality a complete copy of its
data, to move it to another installation, or to restore it.

What is in the document is ``backup_export``'s business, putting it back
``backup_import``'s; the document's schema is ``backup_schema``, the reading of a
file's bytes ``backup_json`` and the checks before anything is stored ``backup_check``.
This module writes and reads the files, for the command line and the pages.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stadforstad import errors, limits
from stadforstad.errors import StorageError
from stadforstad.storage.backup_json import parse_json, refuse, unpack

if TYPE_CHECKING:
    from stadforstad.storage.repository import Actor, Store


def write_backup(data: dict[str, Any], path: Path | str) -> Path:
    """Write an export to ``path``; gzip-compressed when the name ends in ``.gz``."""
    path = Path(path)
    body = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    path.write_bytes(gzip.compress(body) if path.suffix == ".gz" else body)
    return path


def read_backup(path: Path | str) -> dict[str, Any]:
    """The document in a backup file (JSON, or gzip-compressed JSON), read within the
    size limits; checked against the schema when it is imported."""
    path = Path(path)
    try:
        if path.stat().st_size > limits.BACKUP_FILE_BYTES:
            raw = b"\0" * (limits.BACKUP_FILE_BYTES + 1)  # refused by unpack, by size
        else:
            raw = path.read_bytes()
    except FileNotFoundError:
        raise refuse(
            errors.STORE_BAD_BACKUP,
            str(path),
            "Filen finns inte. Kontrollera sökvägen.",
            "The file does not exist. Check the path.",
        ) from None
    except OSError as exc:
        raise refuse(
            errors.STORE_BAD_BACKUP,
            str(path),
            f"Filen går inte att läsa ({exc.strerror}).",
            f"The file cannot be read ({exc.strerror}).",
        ) from None
    return parse_json(unpack(raw, str(path)), str(path))


def export_workspace_file(
    store: Store,
    *,
    actor: Actor,
    workspace_id: int,
    path: Path | str,
    include_sensitive: bool = False,
) -> Path:
    """Export one workspace to a file (``.json`` or ``.json.gz``); audited. Sensitive
    forms' answers only with ``include_sensitive``."""
    data = store.export_workspace(
        actor=actor, workspace_id=workspace_id, include_sensitive=include_sensitive
    )
    return write_backup(data, path)


def import_workspace_file(
    store: Store, *, actor: Actor, path: Path | str, name: str | None = None
) -> int:
    """Read a workspace from an exported file (administrators); returns its new id."""
    try:
        return store.import_workspace(actor=actor, data=read_backup(path), name=name)
    except StorageError as exc:
        exc.file = exc.file or str(path)
        raise
