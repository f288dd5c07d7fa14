"""Sign-in through the organisation's identity provider (OpenID Connect, ``st.login``):
what must hold before the app trusts it.

Streamlit keeps who signed in through the provider in a cookie signed with
``[auth] cookie_secret``. Whoever knows that secret can write the cookie and be anyone:
with the example file's secret, a forged cookie signed in as an administrator. So the
app refuses the provider altogether (AUTH_010; nobody signs in, the page says why)
while the secret is missing, shorter than ``MIN_SECRET_LENGTH``, one of the example
file's values or a placeholder. Pure: no Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from typing import Any

from stadforstad.resources import CHECKOUT_DIR

#: 32 characters: e.g. ``secrets.token_hex(32)`` gives 64.
MIN_SECRET_LENGTH = 32
EXAMPLE_FILE = CHECKOUT_DIR / ".streamlit" / "secrets.toml.example"
#: An identity-provider sign-in starts a sign-in here only this soon after the
#: provider issued it; an older one (Streamlit keeps it 30 days) must sign in again.
FRESH_FOR = dt.timedelta(minutes=10)
_PLACEHOLDERS = ("byt-ut", "change", "example", "secret", "xxx", "your", "slumpad", "todo")


def _example_values() -> set[str]:
    """Every string in the example secrets file: none of them is a secret."""
    try:
        data = tomllib.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return set()
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, Mapping):
            for inner in value.values():
                walk(inner)

    walk(data)
    return found


def cookie_secret_problem(auth: Mapping[str, Any]) -> str | None:
    """Why ``[auth] cookie_secret`` cannot be trusted (for the operator's log and
    docs/auth.md), or None when it looks like a real random secret."""
    secret = auth.get("cookie_secret")
    if not isinstance(secret, str) or not secret.strip():
        return "cookie_secret saknas i [auth]"
    if len(secret) < MIN_SECRET_LENGTH:
        return f"cookie_secret är kortare än {MIN_SECRET_LENGTH} tecken"
    if secret in _example_values():
        return "cookie_secret är exempelfilens värde"
    lowered = secret.lower()
    if any(word in lowered for word in _PLACEHOLDERS) or len(set(secret)) < 10:
        return "cookie_secret ser inte slumpad ut (ett platshållarord eller för få olika tecken)"
    return None


def is_fresh(claims: Mapping[str, Any], now: dt.datetime) -> bool:
    """The provider signed this person in moments ago (``auth_time``, else ``iat``)."""
    issued = claims.get("auth_time") or claims.get("iat")
    try:
        moment = dt.datetime.fromtimestamp(float(issued), tz=dt.UTC)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError, OSError):
        return False
    return now - FRESH_FOR <= moment <= now + dt.timedelta(minutes=2)
