"""The first administrator: from the command line, or from the web with the one-time
code the server prints at start. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pytest

from stadforstad import accounts
from stadforstad.errors import AuthError
from stadforstad.first_admin import (
    announce_setup_code,
    create_first_admin,
    has_setup_code,
    issue_setup_code,
)
from stadforstad.storage import Actor
from tests.helpers.accounts import actor_for_user

PASSWORD = "rätt-lösenord-42"


def test_the_server_prints_a_code_only_while_there_is_no_user(store):
    out = io.StringIO()
    code = announce_setup_code(store, out=out)
    assert code and code in out.getvalue() and "users create" in out.getvalue()
    assert has_setup_code(store)
    create_first_admin(store, setup_code=code, username="chefen", password=PASSWORD)
    assert actor_for_user(store, username="chefen").is_admin
    assert announce_setup_code(store, out=io.StringIO()) is None
    assert not has_setup_code(store)  # every code went with the first administrator


def test_a_wrong_used_or_old_code_creates_nobody(store):
    code = issue_setup_code(store)
    for wrong in ("", "0000-0000-0000", code + "X"):
        with pytest.raises(AuthError) as caught:
            create_first_admin(store, setup_code=wrong, username="smyg", password=PASSWORD)
        assert caught.value.code == "AUTH_009"
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=25)
    with pytest.raises(AuthError) as caught:
        create_first_admin(
            store, setup_code=code, username="smyg", password=PASSWORD, clock=lambda: later
        )
    assert caught.value.code == "AUTH_009"
    assert accounts.needs_first_admin(store)


def test_the_command_line_needs_no_code(store):
    accounts.create_user(
        store, actor=Actor.local(), username="chefen", password=PASSWORD, admin=True
    )
    code = issue_setup_code(store)
    with pytest.raises(AuthError) as caught:  # too late for a code
        create_first_admin(store, setup_code=code, username="smyg", password=PASSWORD)
    assert caught.value.code == "AUTH_001"


def test_two_first_run_screens_at_once_make_one_administrator(store):
    codes = [issue_setup_code(store), issue_setup_code(store)]
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(code: str, name: str) -> None:
        start.wait()
        try:
            create_first_admin(store, setup_code=code, username=name, password=PASSWORD)
            outcomes.append("ok")
        except AuthError as exc:
            outcomes.append(exc.code)

    threads = [
        threading.Thread(target=attempt, args=(code, f"chef{i}")) for i, code in enumerate(codes)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["AUTH_001", "ok"]
    assert len(accounts.list_users(store, actor=Actor.local())) == 1
