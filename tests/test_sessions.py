"""Server-side sign-ins on SQLite and PostgreSQL: the handoff code, the cookie's token
stored only hashed, the idle and absolute limits, and ending sign-ins."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from stadforstad import accounts, sessions
from stadforstad.settings import get_settings
from stadforstad.storage import Actor
from stadforstad.storage.tables import UserSession
from tests.helpers.accounts import actor_for_user

PASSWORD = "rätt-lösenord-42"


class Clock:
    def __init__(self):
        self.now = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def anna(store) -> int:
    accounts.create_user(store, actor=Actor.local(), username="anna", password=PASSWORD)
    return actor_for_user(store, username="anna").user_id


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _cookie(store, user_id, clock) -> tuple[int, str]:
    started, code = sessions.start_session(store, user_id=user_id, clock=clock)
    token, _ = sessions.redeem_handoff(store, code=code, clock=clock)
    return started.id, token


def test_the_handoff_code_gives_one_cookie_and_only_hashes_are_stored(store, anna, clock):
    started, code = sessions.start_session(store, user_id=anna, clock=clock)
    assert sessions.handoff_pending(store, session_id=started.id)
    token, signed_in = sessions.redeem_handoff(store, code=code, clock=clock)
    assert signed_in.id == started.id and len(token) >= 40
    assert not sessions.handoff_pending(store, session_id=started.id)
    assert sessions.redeem_handoff(store, code=code, clock=clock) is None  # used
    with store.read_session() as session:
        stored, handoff = session.execute(
            select(UserSession.token_hash, UserSession.handoff_hash)
        ).one()
    assert token != stored and code != stored and handoff is None
    assert stored == sessions.digest(token)
    assert sessions.resume_session(store, token=token, clock=clock).user_id == anna


def test_a_handoff_code_expires_after_a_minute(store, anna, clock):
    _started, code = sessions.start_session(store, user_id=anna, clock=clock)
    clock.advance(seconds=sessions.HANDOFF_SECONDS + 1)
    assert sessions.redeem_handoff(store, code=code, clock=clock) is None
    assert sessions.redeem_handoff(store, code="gissat", clock=clock) is None


def test_idle_sign_ins_end_after_eight_hours(store, anna, clock, monkeypatch):
    assert get_settings().session_idle_hours == 8
    monkeypatch.setenv("STADFORSTAD_SESSION_MAX_HOURS", "48")  # only idleness here
    get_settings.cache_clear()
    session_id, token = _cookie(store, anna, clock)
    for _ in range(3):  # used every 7 hours: still alive
        clock.advance(hours=7)
        assert sessions.resume_session(store, token=token, clock=clock) is not None
    clock.advance(hours=8, seconds=1)
    assert sessions.resume_session(store, token=token, clock=clock) is None
    assert sessions.resume_session(store, session_id=session_id, clock=clock) is None


def test_every_sign_in_ends_at_its_absolute_limit(store, anna, clock, monkeypatch):
    assert get_settings().session_max_hours == 12
    _session_id, token = _cookie(store, anna, clock)
    for _ in range(11):  # busy all day ...
        clock.advance(hours=1)
        assert sessions.resume_session(store, token=token, clock=clock) is not None
    clock.advance(hours=1)  # ... and still out after 12 hours
    assert sessions.resume_session(store, token=token, clock=clock) is None


def test_the_limits_come_from_the_settings(store, anna, clock, monkeypatch):
    monkeypatch.setenv("STADFORSTAD_SESSION_IDLE_HOURS", "0.5")
    get_settings.cache_clear()
    _session_id, token = _cookie(store, anna, clock)
    clock.advance(minutes=31)
    assert sessions.resume_session(store, token=token, clock=clock) is None


def test_signing_out_ends_every_sign_in_of_the_user_only(store, anna, clock):
    accounts.create_user(store, actor=Actor.local(), username="bo", password=PASSWORD)
    bo = actor_for_user(store, username="bo").user_id
    first = _cookie(store, anna, clock)
    second = _cookie(store, anna, clock)
    others = _cookie(store, bo, clock)
    assert sessions.end_sessions_by_token(store, token=first[1]) == 2
    assert sessions.resume_session(store, token=second[1], clock=clock) is None
    assert sessions.resume_session(store, session_id=second[0], clock=clock) is None
    assert sessions.resume_session(store, token=others[1], clock=clock) is not None
    assert sessions.end_sessions_by_token(store, token="okänd") == 0


def test_a_new_password_and_a_deleted_account_end_sign_ins(store, anna, clock):
    _id, token = _cookie(store, anna, clock)
    accounts.set_password(
        store, actor=Actor.local(), username="anna", password="ett-helt-nytt-lösen"
    )
    assert sessions.resume_session(store, token=token, clock=clock) is None
    _id, token = _cookie(store, anna, clock)
    accounts.delete_user(store, actor=Actor.local(), username="anna")
    assert sessions.resume_session(store, token=token, clock=clock) is None
