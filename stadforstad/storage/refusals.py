"""The store's two common refusals: not allowed (AUTH_001) and not there (STORE_001)."""

from __future__ import annotations

from stadforstad import errors
from stadforstad.errors import ForbiddenError, StorageError, say
from stadforstad.storage.actors import Actor


def forbidden(actor: Actor, what: str) -> ForbiddenError:
    return errors.fail(
        ForbiddenError,
        errors.AUTH_FORBIDDEN,
        what,
        say(
            f"{actor.name} har inte behörighet till detta",
            f"{actor.name} is not allowed to do this",
        ),
    )


def not_found(what: str) -> StorageError:
    return errors.fail(
        StorageError, errors.STORE_NOT_FOUND, what, say("finns inte", "does not exist")
    )
