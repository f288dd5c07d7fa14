"""One settings object, read from the environment (prefix ``STADFORSTAD_``)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from stadforstad.resources import CHECKOUT_DIR, is_checkout

#: The default database's folder: ``data/`` in the checkout; for an installed package,
#: ``data/`` in the folder it is started from (never inside ``site-packages``).
DATA_DIR = (CHECKOUT_DIR if is_checkout() else Path.cwd()) / "data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STADFORSTAD_", extra="ignore")

    #: SQLAlchemy URL. The default is a SQLite file in ``data/`` beside the app:
    #: nothing to install. PostgreSQL: ``postgresql+psycopg://user@host/db``.
    database_url: str = f"sqlite:///{DATA_DIR / 'stadforstad.sqlite'}"
    #: Language of the interface when the user has not picked one: ``sv`` or ``en``.
    language: str = "sv"
    #: The time zone every time is shown in (an IANA name such as ``Europe/Stockholm``).
    time_zone: str = "Europe/Stockholm"
    #: The app's public address, the start of every invitation link (``<url>/?t=…``).
    public_url: str = "http://localhost:8501"
    #: Folder of the form files; ``None`` means the app's own ``forms/``. Tests and
    #: trial installations point it elsewhere.
    forms_dir: Path | None = None
    #: Who may use the app. ``local`` (the default): accounts, with a first-run screen
    #: that creates the first administrator, or the organisation's identity provider
    #: when ``[auth]`` is in ``.streamlit/secrets.toml``. ``none``: no sign-in at all,
    #: everyone is the local administrator – only for a single-user laptop install.
    auth: Literal["local", "none"] = "local"

    # -- invitation links (stadforstad/storage/links.py) ------------------------------
    #: Days an unsent draft of an invitation link is kept after its last save; older
    #: drafts are no longer resumed and ``stadforstad purge`` deletes them.
    link_draft_days: int = Field(default=30, ge=1)
    #: Draft saves and submissions through invitation links accepted per client
    #: address, and per link, in each window of ``link_rate_window_seconds``.
    link_rate_per_address: int = Field(default=60, ge=1)
    link_rate_per_link: int = Field(default=300, ge=1)
    link_rate_window_seconds: int = Field(default=600, ge=1)

    # -- escort-site adverts (stadforstad/storage/sensitive.py) ---------------------------
    #: Months an advert row of ``eskortsidor`` is kept after its date; older rows are
    #: deleted by ``stadforstad purge``.
    eskortsidor_retention_months: int = Field(default=12, ge=1, le=120)

    # -- sign-in (docs/auth.md) ------------------------------------------------------
    #: A sign-in ends after this many hours without any use ...
    session_idle_hours: float = Field(default=8.0, gt=0)
    #: ... and this many hours after it began, however busy (a long workshop day).
    session_max_hours: float = Field(default=12.0, gt=0)
    #: Password hashes (argon2, 64 MiB each) computed at once in one process; further
    #: sign-ins wait their turn, so a burst of attempts cannot exhaust the memory.
    max_concurrent_hashes: int = Field(default=2, ge=1, le=64)

    # -- the client's address (stadforstad/client.py), for sign-in and link throttles --
    #: How many reverse proxies in front of the app add to ``X-Forwarded-For``. 0 (the
    #: default): the header is not trusted, anyone could forge it; the address is the
    #: connection's own. Set it to 1 behind one nginx that sets
    #: ``X-Forwarded-For $proxy_add_x_forwarded_for``.
    trusted_proxies: int = Field(default=0, ge=0, le=5)

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"okänd tidszon {value!r} (till exempel Europe/Stockholm) / "
                f"unknown time zone {value!r} (for example Europe/Stockholm)"
            ) from None
        return value


@functools.cache
def get_settings() -> Settings:
    return Settings()
