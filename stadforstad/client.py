"""Who is on the other end: the client's address (for throttling), the address the
browser used, and the cookies it sent. Small helpers so pages, and the sign-in
throttle, read these one way.

Streamlit knows the websocket peer (``st.context.ip_address``, ``None`` on loopback).
Behind reverse proxies the peer is the proxy; the client's own address is then in
``X-Forwarded-For``, which anyone can also write. So the header is read only when the
setting ``STADFORSTAD_TRUSTED_PROXIES`` says how many of our proxies append to it:
the address the client-facing proxy saw is then the n-th entry from the right, and
whatever the client wrote itself lies further left and is ignored.

An address is never stored with an answer; the throttle keys a keyed hash of it
(``stadforstad/storage/link_throttle.py``).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from urllib.parse import urlsplit

import streamlit as st

from stadforstad.settings import get_settings

#: IPv6 clients usually hold a whole /64: throttling one address of it would be no limit.
IPV6_PREFIX = 64


def parse_address(text: str | None) -> str | None:
    """``text`` as a normalised IP address, or ``None`` when it is not one."""
    if not text:
        return None
    text = text.strip().strip('"')
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def address_from(
    *, peer: str | None, forwarded_for: Sequence[str], trusted_proxies: int
) -> str | None:
    """The client's address from the connection's ``peer`` and the ``X-Forwarded-For``
    header values (each may hold several, comma-separated)."""
    if trusted_proxies <= 0:
        return parse_address(peer)
    entries = [part.strip() for value in forwarded_for for part in value.split(",")]
    entries = [e for e in entries if e]
    if not entries:
        return parse_address(peer)
    return parse_address(
        entries[-trusted_proxies] if len(entries) >= trusted_proxies else entries[0]
    )


def address_group(address: str | None) -> str | None:
    """What one client is, for a throttle: the IPv4 address, or the IPv6 /64."""
    if address is None:
        return None
    parsed = ipaddress.ip_address(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return str(parsed)


def client_address() -> str | None:
    """The current session's client address, or ``None`` (loopback, tests, unknown)."""
    try:
        peer = st.context.ip_address
        forwarded = st.context.headers.get_all("X-Forwarded-For")
    except Exception:  # noqa: BLE001 - outside a Streamlit run there is no context
        return None
    return address_from(
        peer=_text(peer),
        forwarded_for=[v for v in forwarded if isinstance(v, str)]
        if isinstance(forwarded, list)
        else [],
        trusted_proxies=get_settings().trusted_proxies,
    )


def _text(value: object) -> str | None:
    # AppTest's context is a mock: anything but a string counts as unknown.
    return value if isinstance(value, str) else None


def browser_url() -> str | None:
    """The address the browser shows for the app (without query), or ``None``."""
    try:
        return _text(st.context.url)
    except Exception:  # noqa: BLE001 - outside a Streamlit run there is no context
        return None


def browser_cookie(name: str) -> str | None:
    """A cookie the browser sent when it opened the page, or ``None``."""
    try:
        return _text(st.context.cookies.get(name))
    except Exception:  # noqa: BLE001 - outside a Streamlit run there is no context
        return None


LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"})


def is_local_url(url: str | None) -> bool:
    """Whether ``url`` points at this machine only (``localhost`` and loopback). An
    unknown address (``None``: no browser, as in tests) counts as local: nothing to warn."""
    if not url:
        return True
    host = (urlsplit(url).hostname or "").lower()
    return host in LOCAL_HOSTS or host.endswith(".localhost") or host.startswith("127.")
