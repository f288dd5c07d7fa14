"""Passwords: the rule a new one must meet, and hashing with argon2 under a cap.

argon2id with its default cost takes 64 MiB of memory per hash. A burst of sign-in
attempts must not multiply that without bound, so every hash and every check goes
through a per-process cap (``max_concurrent_hashes`` in the settings); an attempt
that cannot get its turn within ``HASH_WAIT_SECONDS`` is refused (AUTH_008), never
queued for ever. Nothing is hashed when the module is imported: the stand-in hash
for unknown names is made on first use, once.

Passwords are never logged, stored in clear, or put in an error message.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING

from stadforstad import errors
from stadforstad.errors import Problem, SignInError
from stadforstad.settings import get_settings

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PASSWORD_LENGTH = 10
#: Hashing a megabyte of "password" is a cheap way to load the server: refuse it.
MAX_PASSWORD_LENGTH = 1024
#: zxcvbn's score (0–4) a new password must reach: 3 means "safely unguessable:
#: moderate protection from an offline attack" (about 10⁸ guesses or more).
MIN_STRENGTH = 3
#: zxcvbn looks at this many characters (its own limit); a longer password is
#: judged by its start, which only makes the rule stricter.
_STRENGTH_WINDOW = 72
#: Swedish words people build passwords from that zxcvbn's English lists lack.
_SWEDISH_WORDS = (
    "lösenord",
    "losenord",
    "hemligt",
    "hemlig",
    "välkommen",
    "valkommen",
    "sommar",
    "vinter",
    "hösten",
    "våren",
    "sverige",
    "svenska",
    "stockholm",
    "göteborg",
    "malmö",
    "skåne",
    "kommun",
    "kommunen",
    "stad för stad",
    "stadforstad",
    "länsstyrelsen",
    "frälsningsarmén",
    "kärngruppen",
)
#: How long a sign-in waits for its turn to hash before it is refused.
HASH_WAIT_SECONDS = 20.0


class _Hasher:
    """argon2's ``PasswordHasher``, made on first use: argon2 (like zxcvbn and its
    word lists) is imported when a password is first hashed or judged, not when a page
    that never does imports this module."""

    @functools.cached_property
    def _real(self) -> PasswordHasher:
        from argon2 import PasswordHasher

        return PasswordHasher()

    def hash(self, password: str) -> str:
        return self._real.hash(password)

    def verify(self, hashed: str, password: str) -> bool:
        return self._real.verify(hashed, password)

    def check_needs_rehash(self, hashed: str) -> bool:
        return self._real.check_needs_rehash(hashed)


_hasher = _Hasher()


def _refuse(sv: str, en: str) -> SignInError:
    return SignInError(problems=[Problem(errors.AUTH_BAD_PASSWORD, "password", sv)], en=en)


def check_password(password: str, *, username: str = "", display_name: str = "") -> None:
    """Refuse a new password that is too short, too long, or easy to guess: a common
    password, a keyboard run, a repeated character, a date, a Swedish word with a
    number, or the user's own name. The message names the rule, never the password."""
    if len(password) > MAX_PASSWORD_LENGTH:
        raise _refuse(
            f"Lösenordet är för långt. Välj ett med högst {MAX_PASSWORD_LENGTH} tecken.",
            f"The password is too long. Choose one of at most {MAX_PASSWORD_LENGTH} characters.",
        )
    if len(password.strip()) < MIN_PASSWORD_LENGTH:
        raise _refuse(
            f"Lösenordet är för kort. Välj ett med minst {MIN_PASSWORD_LENGTH} tecken "
            "(mellanslag i början och slutet räknas inte).",
            f"The password is too short. Choose one of at least {MIN_PASSWORD_LENGTH} "
            "characters (spaces at the start and end do not count).",
        )
    name = username.strip().lower()
    if name and password.strip().lower() == name:
        raise _refuse(
            "Lösenordet får inte vara samma som användarnamnet. Välj ett annat.",
            "The password must not be the same as the username. Choose another.",
        )
    local_part = name.split("@")[0]
    own = [name, local_part, *local_part.replace(".", " ").replace("_", " ").split()]
    own += [w for w in display_name.lower().split() if w]
    from zxcvbn import zxcvbn

    strength = zxcvbn(password[:_STRENGTH_WINDOW], user_inputs=[*own, *_SWEDISH_WORDS])
    if strength["score"] < MIN_STRENGTH:
        raise _refuse(
            "Lösenordet är för lätt att gissa: det liknar ett vanligt lösenord, ett ord "
            "med en siffra, ett namn, ett årtal eller en enkel följd som 1234 eller aaaa. "
            "Välj en lösenfras av tre–fyra ord som inte hör ihop, t.ex. "
            "”kaffe-gurka-tåg-blå”.",
            "The password is too easy to guess: it looks like a common password, a word "
            "with a number, a name, a year or a simple run such as 1234 or aaaa. Choose "
            "a passphrase of three or four unrelated words, e.g. “coffee-cucumber-train-blue”.",
        )


@functools.cache
def _slots() -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(get_settings().max_concurrent_hashes)


class _Turn:
    """Holds one of the process's hashing slots, or refuses with AUTH_008."""

    def __enter__(self) -> None:
        if not _slots().acquire(timeout=HASH_WAIT_SECONDS):
            raise SignInError(
                problems=[
                    Problem(
                        errors.AUTH_BUSY,
                        "password",
                        "Många loggar in just nu. Vänta en halv minut och försök igen.",
                    )
                ],
                en="Many people are signing in right now. Wait half a minute and try again.",
            )

    def __exit__(self, *_exc: object) -> None:
        _slots().release()


def hash_password(password: str) -> str:
    with _Turn():
        return _hasher.hash(password)


def verify_password(hashed: str | None, password: str) -> bool:
    """True if ``password`` matches ``hashed``. ``hashed=None`` (an unknown name, or an
    account that signs in only through the identity provider) costs exactly as much
    as a wrong password and is always False, so timing does not reveal which names
    exist."""
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError

    with _Turn():
        try:
            matched = _hasher.verify(hashed or _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return False
    return matched and hashed is not None


def needs_rehash(hashed: str) -> bool:
    return _hasher.check_needs_rehash(hashed)


@functools.cache
def _dummy_hash() -> str:
    # Made on first use (not at import: importing must not cost 64 MiB and 50 ms).
    return _hasher.hash("stad-för-stad-ingen-användare")
