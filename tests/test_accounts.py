"""Local accounts, sign-in with a growing wait, grants, and identity-provider users.
On SQLite and PostgreSQL (the ``store`` fixture). The throttle's atomicity, the
hashing cap and the password rule have their own files (test_throttle.py,
test_passwords.py)."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select

from stadforstad import throttle
from stadforstad.accounts import (
    create_user,
    grant_role,
    list_users,
    needs_first_admin,
    revoke_role,
    set_password,
)
from stadforstad.authentication import actor_for_oidc, authenticate
from stadforstad.errors import AuthError, ForbiddenError, StadError
from stadforstad.storage import Actor
from stadforstad.storage.tables import SignInThrottle, User
from tests.helpers.accounts import actor_for_user

PASSWORD = "rätt-lösenord-42"


class FakeTime:
    """A clock the test moves, and a sleep that only moves it."""

    def __init__(self):
        self.now = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
        self.slept: list[float] = []

    def clock(self) -> dt.datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def boss(store) -> Actor:
    create_user(
        store, actor=Actor.local(), username="Chef@Kommun.se", password=PASSWORD, admin=True
    )
    return actor_for_user(store, username="chef@kommun.se")


@pytest.fixture
def time_():
    return FakeTime()


def _sign_in(store, time_, username="anna", password=PASSWORD):
    return authenticate(
        store, username=username, password=password, sleep=time_.sleep, clock=time_.clock
    )


def test_only_an_administrator_creates_users_even_the_first(store):
    """The web's first-run screen needs the one-time code (test_first_admin.py);
    nobody else creates a user without being an administrator."""
    assert needs_first_admin(store)
    with pytest.raises(ForbiddenError) as caught:
        create_user(store, actor=None, username="smyg", password=PASSWORD, admin=True)
    assert caught.value.code == "AUTH_001" and needs_first_admin(store)
    first = create_user(store, actor=Actor.local(), username="Chef", password=PASSWORD, admin=True)
    assert first.is_admin and first.username == "chef" and not needs_first_admin(store)


def test_after_the_first_only_an_administrator_creates_users(store, boss):
    with pytest.raises(ForbiddenError) as caught:
        create_user(store, actor=None, username="smyg", password=PASSWORD, admin=True)
    assert caught.value.code == "AUTH_001"
    anna = create_user(store, actor=boss, username="anna", password=PASSWORD)
    with pytest.raises(ForbiddenError):
        create_user(
            store, actor=actor_for_user(store, username="anna"), username="bo", password=PASSWORD
        )
    assert [u.username for u in list_users(store, actor=boss)] == ["anna", "chef@kommun.se"]
    assert not anna.is_admin and anna.has_password


@pytest.mark.parametrize(
    "username, password, code",
    [
        ("anna", "kort", "AUTH_005"),
        ("anna", "anna", "AUTH_005"),
        ("anna", "x" * 2000, "AUTH_005"),
        ("anna svensson", PASSWORD, "AUTH_006"),
        ("", PASSWORD, "AUTH_006"),
        ("chef@kommun.se", PASSWORD, "STORE_002"),
    ],
    ids=["short", "same-as-name", "huge", "space", "empty", "taken"],
)
def test_bad_new_accounts_are_refused_with_a_code(store, boss, username, password, code):
    with pytest.raises(StadError) as caught:
        create_user(store, actor=boss, username=username, password=password)
    assert caught.value.code == code
    assert password not in str(caught.value) or len(password) < 5


def test_passwords_are_stored_as_argon2_hashes(store, boss):
    create_user(store, actor=boss, username="anna", password=PASSWORD)
    with store.read_session() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "anna"))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_sign_in_gives_an_actor_with_grants(store, boss, time_):
    place = store.create_workspace(actor=boss, name="Kommun A")
    other = store.create_workspace(actor=boss, name="Kommun B")
    create_user(store, actor=boss, username="anna", password=PASSWORD)
    grant_role(store, actor=boss, username="anna", workspace_id=place.id, role="member")
    grant_role(store, actor=boss, username="ANNA", workspace_id=other.id, role="coordinator")
    actor = _sign_in(store, time_, username=" Anna ")
    assert actor.name == "anna" and not actor.is_admin
    assert actor.grants == {place.id: "member", other.id: "coordinator"}
    assert revoke_role(store, actor=boss, username="anna", workspace_id=other.id)
    assert not revoke_role(store, actor=boss, username="anna", workspace_id=other.id)
    assert actor_for_user(store, username="anna").grants == {place.id: "member"}
    assert time_.slept == []


def test_wrong_name_and_wrong_password_give_the_same_error(store, boss, time_):
    create_user(store, actor=boss, username="anna", password=PASSWORD)
    with pytest.raises(AuthError) as wrong_password:
        _sign_in(store, time_, password="fel-lösenord-1")
    with pytest.raises(AuthError) as wrong_name:
        _sign_in(store, time_, username="okänd")
    assert wrong_password.value.code == wrong_name.value.code == "AUTH_002"
    assert str(wrong_password.value) == str(wrong_name.value)


def test_failed_sign_ins_wait_longer_and_longer(store, boss, time_):
    create_user(store, actor=boss, username="anna", password=PASSWORD)
    codes = []
    for _ in range(4):
        with pytest.raises(AuthError) as caught:
            _sign_in(store, time_, password="fel-lösenord-1")
        codes.append(caught.value.code)
    # 1st failure: no wait before it; then 1, 2, 4 seconds slept through.
    assert codes == ["AUTH_002"] * 4 and time_.slept == [1.0, 2.0, 4.0]
    # Now 8 s would be needed: refused at once, without looking at the password.
    with pytest.raises(AuthError) as caught:
        _sign_in(store, time_)
    assert caught.value.code == "AUTH_003" and time_.slept == [1.0, 2.0, 4.0]
    time_.now += dt.timedelta(seconds=8)
    assert _sign_in(store, time_).name == "anna"
    with store.read_session() as session:  # success forgets the failures
        assert session.get(SignInThrottle, "user:anna") is None


def test_unknown_names_are_slowed_down_like_known_ones(store, boss, time_):
    for _ in range(3):
        with pytest.raises(AuthError):
            _sign_in(store, time_, username="finns-inte")
    assert time_.slept == [1.0, 2.0]


def test_the_wait_stops_growing_at_fifteen_minutes(store, boss, time_):
    create_user(store, actor=boss, username="anna", password=PASSWORD)
    for _ in range(30):
        time_.now += throttle.MAX_DELAY
        with pytest.raises(AuthError):
            _sign_in(store, time_, password="fel-lösenord-1")
    with store.read_session() as session:
        row = session.get(SignInThrottle, "user:anna")
        failed, until = row.failures, throttle._aware(row.locked_until)
    assert failed == 30 and until - time_.now == throttle.MAX_DELAY


def test_set_password(store, boss, time_):
    create_user(store, actor=boss, username="anna", password=PASSWORD)
    create_user(store, actor=boss, username="bo", password=PASSWORD)
    anna = actor_for_user(store, username="anna")
    with pytest.raises(ForbiddenError):
        set_password(store, actor=anna, username="bo", password="nytt-lösenord-99")
    set_password(store, actor=anna, username="anna", password="nytt-lösenord-99")
    assert _sign_in(store, time_, password="nytt-lösenord-99").name == "anna"


def test_only_administrators_grant(store, boss):
    place = store.create_workspace(actor=boss, name="Kommun A")
    create_user(store, actor=boss, username="anna", password=PASSWORD)
    grant_role(store, actor=boss, username="anna", workspace_id=place.id, role="member")
    anna = actor_for_user(store, username="anna")
    with pytest.raises(ForbiddenError):
        grant_role(store, actor=anna, username="anna", workspace_id=place.id, role="coordinator")
    with pytest.raises(ForbiddenError):
        revoke_role(store, actor=anna, username="anna", workspace_id=place.id)
    with pytest.raises(AuthError) as caught:
        grant_role(store, actor=boss, username="anna", workspace_id=place.id, role="kung")
    assert caught.value.code == "AUTH_007"
    actions = [(e.action, e.target) for e in store.audit_log(actor=boss)]
    assert ("grant", "user anna") in actions and ("create", "user anna") in actions


def _claims(email, sub="sub-eva", verified=True, **more):
    return {
        "iss": "https://idp.example",
        "sub": sub,
        "email": email,
        "email_verified": verified,
        **more,
    }


def test_identity_provider_users_must_exist(store, boss):
    place = store.create_workspace(actor=boss, name="Kommun A")
    create_user(store, actor=boss, username="eva@kommun.se", password=None)
    grant_role(
        store, actor=boss, username="eva@kommun.se", workspace_id=place.id, role="coordinator"
    )
    eva = actor_for_oidc(store, _claims("Eva@Kommun.se", name="Eva Ek"))
    assert eva.name == "eva@kommun.se" and eva.grants == {place.id: "coordinator"}
    assert [
        u.display_name for u in list_users(store, actor=boss) if u.username == "eva@kommun.se"
    ] == ["Eva Ek"]
    for email in ("okand@kommun.se", None, ""):
        with pytest.raises(AuthError) as caught:
            actor_for_oidc(store, _claims(email, sub="sub-x", name="Okänd"))
        assert caught.value.code == "AUTH_004"
    assert not needs_first_admin(store)
    assert len(list_users(store, actor=boss)) == 2  # nobody was created


def test_identity_provider_match_needs_a_verified_address_or_the_subject(store, boss):
    """Before, any e-mail claim matched: an account at the provider that merely
    *claimed* someone's address signed in as them."""
    create_user(store, actor=boss, username="eva@kommun.se", password=None)
    for unverified in (False, None, "false"):
        with pytest.raises(AuthError) as caught:
            actor_for_oidc(store, _claims("eva@kommun.se", sub="sub-mallory", verified=unverified))
        assert caught.value.code == "AUTH_011"
    # Entra ID's "e-mail domain owner verified" claim counts as verified.
    assert (
        actor_for_oidc(store, _claims("eva@kommun.se", verified=None, xms_edov=True)).name
        == "eva@kommun.se"
    )
    # Now bound to the subject: a changed address at the provider still matches ...
    assert actor_for_oidc(store, _claims("eva.ek@ny.se", verified=False)).name == "eva@kommun.se"
    # ... and another subject with Eva's verified address does not.
    with pytest.raises(AuthError) as caught:
        actor_for_oidc(store, _claims("eva@kommun.se", sub="sub-other"))
    assert caught.value.code == "AUTH_004"


def test_accounts_without_password_cannot_sign_in_locally(store, boss, time_):
    create_user(store, actor=boss, username="eva@kommun.se", password=None)
    with pytest.raises(AuthError) as caught:
        _sign_in(store, time_, username="eva@kommun.se", password="")
    assert caught.value.code == "AUTH_002"


def test_no_password_is_ever_logged_or_audited(store, caplog, time_):
    caplog.set_level(logging.DEBUG)
    secret = "hemligt-lösenord-777"
    create_user(store, actor=Actor.local(), username="chef", password=secret, admin=True)
    boss = _sign_in(store, time_, username="chef", password=secret)
    create_user(store, actor=boss, username="anna", password=secret + "x")
    with pytest.raises(AuthError):
        _sign_in(store, time_, username="anna", password=secret)
    set_password(store, actor=boss, username="anna", password=secret + "y")
    assert secret not in caplog.text
    for entry in store.audit_log(actor=boss):
        assert secret not in f"{entry.actor} {entry.action} {entry.target} {entry.detail}"
    assert secret not in repr(boss)
