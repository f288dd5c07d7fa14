"""Running the command line in the test's process (the run fixture)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from stadforstad.cli import main
from stadforstad.settings import get_settings


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys, monkeypatch):
    """Run the command line in this process (fast); one test below runs a real process."""

    def _run(*args: str, env_url: str | None = None) -> Outcome:
        if env_url:
            monkeypatch.setenv("STADFORSTAD_DATABASE_URL", env_url)
        get_settings.cache_clear()
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's own usage errors
            code = exc.code
        out = capsys.readouterr()
        get_settings.cache_clear()
        return Outcome(code, out.out, out.err)

    return _run
