"""Sign-in throttling per account and per client address, atomic under parallel
attempts, on SQLite and PostgreSQL. Each test here fails on the code before it:
parallel guesses were all checked, and there was no limit per address."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from stadforstad import authentication, passwords, throttle
from stadforstad.accounts import create_user
from stadforstad.authentication import authenticate
from stadforstad.errors import AuthError
from stadforstad.storage import Actor
from stadforstad.storage.tables import SignInThrottle

PASSWORD = "rätt-lösenord-42"
SECRET = "en-hemlighet-för-testerna-som-är-lång-nog"


def _in_parallel(count: int, attempt) -> list[str]:
    """Run ``attempt`` in ``count`` threads released at the same moment; the codes."""
    start = threading.Barrier(count)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run() -> None:
        start.wait()
        try:
            attempt()
            result = "ok"
        except AuthError as exc:
            result = exc.code
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


@pytest.fixture
def checked(monkeypatch) -> list[str]:
    """The passwords actually checked (the hashing work an attacker gets)."""
    seen: list[str] = []
    real = passwords.verify_password

    def counting(hashed, password):
        seen.append(password)
        return real(hashed, password)

    monkeypatch.setattr(authentication, "verify_password", counting)
    return seen


def test_parallel_guesses_at_one_name_are_checked_once(store, checked):
    create_user(store, actor=Actor.local(), username="anna", password=PASSWORD)
    outcomes = _in_parallel(
        24,
        lambda: authenticate(
            store, username="anna", password="fel-lösenord-1", sleep=lambda _s: None
        ),
    )
    assert len(outcomes) == 24
    # One guess took the turn and was checked; the 23 others found the name locked.
    assert len(checked) == 1
    assert sorted(outcomes) == ["AUTH_002"] + ["AUTH_003"] * 23


def test_a_client_address_is_slowed_down_across_names(store, checked):
    """One address guessing at many names: it may fail ADDRESS_FREE times in a row
    without waiting; the next failure makes it wait, although each name on its own
    has failed only once."""
    address = throttle.address_key("203.0.113.7", SECRET)
    codes = []
    for number in range(throttle.ADDRESS_FREE + 3):
        try:
            authenticate(
                store,
                username=f"namn{number}",
                password="fel-lösenord-1",
                address=address,
                sleep=lambda _s: None,
            )
        except AuthError as exc:
            codes.append(exc.code)
    assert codes == ["AUTH_002"] * (throttle.ADDRESS_FREE + 1) + ["AUTH_003"] * 2
    assert len(checked) == throttle.ADDRESS_FREE + 1
    # Another address is not affected.
    other = throttle.address_key("198.51.100.9", SECRET)
    with pytest.raises(AuthError) as caught:
        authenticate(store, username="namn99", password="x" * 12, address=other)
    assert caught.value.code == "AUTH_002"


def test_success_gives_the_address_its_turn_back(store):
    """An office behind one address: many colleagues signing in never lock it."""
    for number in range(throttle.ADDRESS_FREE + 5):
        create_user(store, actor=Actor.local(), username=f"kollega{number}", password=PASSWORD)
    address = throttle.address_key("192.0.2.1", SECRET)
    for number in range(throttle.ADDRESS_FREE + 5):
        actor = authenticate(store, username=f"kollega{number}", password=PASSWORD, address=address)
        assert actor.name == f"kollega{number}"


def test_addresses_are_stored_only_as_keyed_hashes(store):
    address = throttle.address_key("203.0.113.7", SECRET)
    with pytest.raises(AuthError):
        authenticate(store, username="anna", password="fel-lösenord-1", address=address)
    with store.read_session() as session:
        keys = list(session.scalars(select(SignInThrottle.key)))
    assert "user:anna" in keys
    assert not any("203.0.113.7" in key for key in keys)
    assert throttle.address_key("203.0.113.7", "en-annan-hemlighet") != address


def test_parallel_attempts_hash_at_most_the_cap_at_once(store, monkeypatch):
    """64 sign-ins at once, unknown names included, never hash more than
    ``max_concurrent_hashes`` passwords at the same time (each argon2 hash takes
    64 MiB at full cost: 64 at once took the server to 2.4 GB)."""
    cap = 2
    monkeypatch.setattr(passwords, "_slots", lambda: slots)
    slots = threading.BoundedSemaphore(cap)
    inside = 0
    most = 0
    guard = threading.Condition()
    real = passwords._hasher

    class Watching:
        def verify(self, hashed, password):
            nonlocal inside, most
            with guard:
                inside += 1
                most = max(most, inside)
                guard.notify_all()
                # Stay inside until more than the cap are in (which only happens
                # without a cap), or briefly: a wait for a condition, not a timing.
                guard.wait_for(lambda: inside > cap, timeout=0.05)
            try:
                return real.verify(hashed, password)
            finally:
                with guard:
                    inside -= 1

        def hash(self, password):
            return real.hash(password)

        def check_needs_rehash(self, hashed):
            return False

    monkeypatch.setattr(passwords, "_hasher", Watching())
    outcomes = _in_parallel(
        64,
        lambda: authenticate(
            store,
            username=f"okänd-{threading.get_ident()}",
            password="fel-lösenord-1",
            sleep=lambda _s: None,
        ),
    )
    assert sorted(set(outcomes)) == ["AUTH_002"]
    assert len(outcomes) == 64
    assert most == cap


def test_a_full_server_refuses_with_a_code_instead_of_waiting_for_ever(monkeypatch, store):
    slots = threading.BoundedSemaphore(1)
    slots.acquire()  # someone else holds the only turn
    monkeypatch.setattr(passwords, "_slots", lambda: slots)
    monkeypatch.setattr(passwords, "HASH_WAIT_SECONDS", 0.01)
    with pytest.raises(AuthError) as caught:
        authenticate(store, username="anna", password="fel-lösenord-1")
    assert caught.value.code == "AUTH_008"
    assert caught.value.en.startswith("Many people")
