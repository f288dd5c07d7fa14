"""The password rule (length and guessability, with messages in Swedish and English)
and hashing: nothing hashed at import, the stand-in hash made once."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stadforstad import passwords
from stadforstad.errors import AuthError
from tests.helpers import ROOT


@pytest.mark.parametrize(
    "password",
    [
        "aaaaaaaaaa",
        "1234567890",
        " " * 10,
        "password12",
        "qwertyuiop",
        "lösenord123",
        "Sommar2024!",
        "stadforstad1",
        "anna.svensson1",
    ],
    ids=[
        "repeated",
        "digits",
        "spaces",
        "common",
        "keyboard",
        "swedish-word",
        "season-year",
        "app-name",
        "own-name",
    ],
)
def test_guessable_passwords_are_refused_in_both_languages(password):
    with pytest.raises(AuthError) as caught:
        passwords.check_password(
            password, username="anna.svensson@kommun.se", display_name="Anna Svensson"
        )
    assert caught.value.code == "AUTH_005"
    message, english = caught.value.problems[0].message, caught.value.en
    assert message and english and message != english
    assert password.strip() == "" or password not in message + english


@pytest.mark.parametrize(
    "password",
    ["kaffe-gurka-tåg-blå", "ett-långt-lösenord", "Hästen springer över 7 broar"],
)
def test_passphrases_are_accepted(password):
    passwords.check_password(password, username="anna")


def test_length_limits_have_messages():
    for bad in ("kort", "x" * (passwords.MAX_PASSWORD_LENGTH + 1)):
        with pytest.raises(AuthError) as caught:
            passwords.check_password(bad)
        assert caught.value.code == "AUTH_005"
        assert "tecken" in caught.value.problems[0].message
        assert "characters" in caught.value.en


def test_importing_the_app_hashes_no_password():
    """Importing the accounts and the pages' context used to hash a password (64 MiB,
    ~50 ms) in every process, the command line included."""
    probe = (
        "import argon2\n"
        "calls = []\n"
        "real = argon2.PasswordHasher.hash\n"
        "argon2.PasswordHasher.hash = lambda self, *a, **k: calls.append(1) or real(self, *a, **k)\n"
        "import stadforstad.accounts, stadforstad.authentication, stadforstad.first_admin\n"
        "import stadforstad.cli\n"
        "import stadforstad.ui.context\n"
        "print(len(calls))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


def test_the_stand_in_hash_is_made_once(monkeypatch):
    made = []
    real = passwords._hasher

    class Counting:
        def hash(self, password):
            made.append(password)
            return real.hash(password)

        def verify(self, hashed, password):
            return real.verify(hashed, password)

    monkeypatch.setattr(passwords, "_hasher", Counting())
    passwords._dummy_hash.cache_clear()
    for _ in range(3):
        assert not passwords.verify_password(None, "vad-som-helst-1")
    assert len(made) == 1
