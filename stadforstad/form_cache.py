"""The app's own form files, parsed, kept as JSON between server starts.

Parsing the forms' YAML is most of reading them (about 80 ms for the shipped forms with
libyaml, against under 10 ms for the same data as JSON), and the start page needs every
form. So a parsed file's data is kept in ``data/cache/forms/``, named by the SHA-256 of
the file's text: a restarted server reads the JSON, a changed file has another name
and is parsed anew (never a stale form), and what is read goes through the same
validation as a parsed file (``catalog.parse_form``). Data that JSON would not give
back exactly (a date, a key that is not text) is never kept; a file that cannot be
written (a read-only folder) or read is simply parsed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stadforstad.settings import DATA_DIR

CACHE_DIR = DATA_DIR / "cache" / "forms"


def kept_data(text: str, parse: Callable[[str], Any], *, name: str = "form") -> Any:
    """The data of the form file ``name``'s ``text``: kept JSON if there is some, else
    ``parse(text)`` (whose errors pass through; a file that does not parse is not kept)."""
    kept = CACHE_DIR / f"{name}.{hashlib.sha256(text.encode('utf-8')).hexdigest()}.json"
    with contextlib.suppress(OSError, ValueError):
        return json.loads(kept.read_text(encoding="utf-8"))
    data = parse(text)
    if _keep(kept, data):
        _forget_older(kept, name)
    return data


def _forget_older(kept: Path, name: str) -> None:
    """Delete what was kept of ``name``'s earlier texts (another replica still on the
    old text only parses it again)."""
    with contextlib.suppress(OSError):
        for other in kept.parent.glob("*.json"):
            if other != kept and other.name.rsplit(".", 2)[0] == name:
                with contextlib.suppress(OSError):
                    other.unlink()


def _keep(kept: Path, data: Any) -> bool:
    """Whether ``data`` was written to ``kept``."""
    try:
        encoded = json.dumps(data, ensure_ascii=False)
        if json.loads(encoded) != data:
            return False  # e.g. a number as a key: JSON would give it back as text
        kept.parent.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed: a reader (another replica) never sees half a file.
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.{threading.get_ident()}.part")
        partial.write_text(encoded, encoding="utf-8")
        os.replace(partial, kept)
    except (TypeError, ValueError, OSError):
        return False  # a date or other non-JSON value, or nowhere to write: parse next time
    return True
