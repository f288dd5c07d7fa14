"""Accounts in tests: the actor of a user by name (the app looks users up by the id of
their sign-in, ``authentication.actor_for_user_id``)."""

from __future__ import annotations

from stadforstad.accounts import actor_of, find_user
from stadforstad.storage import Actor, Store


def actor_for_user(store: Store, *, username: str) -> Actor:
    """The user called ``username`` as an actor, with their grants as they are now."""
    with store.read_session() as session:
        row = find_user(session, username)
        assert row is not None, f"no user called {username!r}"
        return actor_of(session, row)
