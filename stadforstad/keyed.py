"""Keyed hashes: a typed text kept only as an HMAC with this installation's secret key.

Used for the advertiser's name in ``eskortsidor`` (a table column with ``keyed: true``):
the same name gives the same code, so repeats can be counted, but the name itself is
never stored, and without the key the code cannot be tested against a guessed name.

The key is a secret of the installation, never in the database and never in git. It is
read, in this order, from:

1. the environment variable ``STADFORSTAD_HASH_KEY`` (also how a root-level entry in
   ``.streamlit/secrets.toml`` reaches the app);
2. ``STADFORSTAD_HASH_KEY`` in Streamlit's secrets, when the app runs under Streamlit;
3. the file named by ``STADFORSTAD_HASH_KEY_FILE``;
4. the file ``data/hash.key`` beside the database (outside git: ``/data/`` is ignored).

When none is set, a random key is made on first use and written to that last file
(readable by its owner only), and :func:`key_notice` says so until the process ends.
Losing or changing the key means new codes no longer match old ones: back it up with
the database, but never in the same place as an export.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stadforstad.i18n import pick

KEY_ENV = "STADFORSTAD_HASH_KEY"
KEY_FILE_ENV = "STADFORSTAD_HASH_KEY_FILE"
#: The prefix and length of a stored code: ``h:`` and 32 hexadecimal digits (128 bits).
PREFIX = "h:"
HEX_DIGITS = 32
_CODE = re.compile(rf"^{PREFIX}[0-9a-f]{{{HEX_DIGITS}}}$")
#: A key shorter than this (in bytes) is refused: it could be guessed.
MIN_KEY_BYTES = 16

log = logging.getLogger(__name__)
_lock = threading.Lock()


@dataclass(frozen=True)
class Key:
    secret: bytes
    #: Where it came from: ``env``, ``secrets``, ``file`` or ``created`` (made just now).
    source: str
    path: Path | None = None


#: The key this process made, if it did (``key_notice`` tells the user).
_made: dict[str, Key] = {}


def default_key_file() -> Path:
    from stadforstad.settings import DATA_DIR

    return DATA_DIR / "hash.key"


def _from_streamlit_secrets() -> str | None:
    # Only when the app already runs under Streamlit: the command line never imports it.
    streamlit = sys.modules.get("streamlit")
    if streamlit is None:
        return None
    try:
        value = streamlit.secrets.get(KEY_ENV)
    except (OSError, KeyError, AttributeError, ValueError):  # no secrets file: not an error
        return None
    return str(value) if value else None


def _checked(text: str, where: str) -> bytes:
    secret = text.strip().encode("utf-8")
    if len(secret) < MIN_KEY_BYTES:
        from stadforstad import errors

        raise errors.fail(
            errors.StorageError,
            errors.KEY_TOO_SHORT,
            where,
            errors.say(
                f"Nyckeln är för kort: minst {MIN_KEY_BYTES} tecken.",
                f"The key is too short: at least {MIN_KEY_BYTES} characters.",
            ),
        )
    return secret


def installation_key() -> Key:
    """This installation's key (made and saved on first use when none is set)."""
    value = os.environ.get(KEY_ENV)
    if value:
        return Key(_checked(value, KEY_ENV), "env")
    value = _from_streamlit_secrets()
    if value:
        return Key(_checked(value, f"secrets ({KEY_ENV})"), "secrets")
    path = Path(os.environ.get(KEY_FILE_ENV) or default_key_file())
    with _lock:
        if path.exists():
            return Key(_checked(path.read_text(encoding="utf-8"), str(path)), "file", path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secrets.token_hex(32) + "\n")
        made = _made["key"] = Key(
            _checked(path.read_text(encoding="utf-8"), str(path)), "created", path
        )
        log.warning(
            "No %s was set: a new key for keyed hashes was written to %s. Back it up; "
            "without it new codes will not match the stored ones.",
            KEY_ENV,
            path,
        )
        return made


def key_notice(lang: str) -> str | None:
    """What to tell the user when this process made the key (``None`` otherwise)."""
    made = _made.get("key")
    if made is None or made.path is None:
        return None
    return pick(
        lang,
        f"Ingen nyckel var inställd ({KEY_ENV}), så appen skapade en ny i {made.path}. "
        "Säkerhetskopiera den filen – utan den går nya koder inte att jämföra med gamla.",
        f"No key was set ({KEY_ENV}), so the app made a new one in {made.path}. Back up "
        "that file – without it new codes cannot be compared with old ones.",
    )


def normalize(text: str) -> str:
    """The same name written twice: compare without case and extra spaces."""
    return " ".join(text.split()).casefold()


def is_code(value: Any) -> bool:
    return isinstance(value, str) and bool(_CODE.match(value))


def keyed_hash(text: str, key: Key | None = None) -> str:
    """The code of ``text``: ``h:`` and the first 32 hex digits of its HMAC-SHA256."""
    secret = (key or installation_key()).secret
    digest = hmac.new(secret, normalize(text).encode("utf-8"), hashlib.sha256).hexdigest()
    return PREFIX + digest[:HEX_DIGITS]


def _code(value: Any, key: Key) -> Any:
    if not isinstance(value, str) or not value.strip() or is_code(value):
        return value if is_code(value) else (None if isinstance(value, str) else value)
    return keyed_hash(value, key)


def protect_answers(form, answers: dict[str, Any], key: Key | None = None) -> dict[str, Any]:
    """``answers`` with every keyed column's text replaced by its code (codes stay as
    they are, a blank becomes ``None``). Forms without keyed columns come back as is."""
    tables = {
        item.id: [c.id for c in item.columns if c.keyed]
        for item in form.answerable()
        if item.kind == "table"
    }
    tables = {table: columns for table, columns in tables.items() if columns}
    if not tables:
        return answers
    key = key or installation_key()
    protected = dict(answers)
    for table, columns in tables.items():
        rows = answers.get(table)
        if not isinstance(rows, list):
            continue
        protected[table] = [
            {**row, **{c: _code(row.get(c), key) for c in columns if c in row}}
            if isinstance(row, dict)
            else row
            for row in rows
        ]
    return protected


def has_keyed_columns(form) -> bool:
    return any(c.keyed for item in form.answerable() if item.kind == "table" for c in item.columns)
