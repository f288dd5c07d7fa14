"""The wheel: it holds the form files, the migrations and the data files, and the
installed package finds them outside the checkout (``stadforstad.resources``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from stadforstad import resources
from stadforstad.catalog import list_forms
from tests.helpers import ROOT


def _run(*args: object, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _files(folder: str, pattern: str) -> set[str]:
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / folder).glob(pattern)}


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_environment_finds_its_files(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    assert uv, "the wheel is built with uv (see the README)"
    dist = tmp_path / "dist"
    _run(uv, "build", "--wheel", "--out-dir", dist, ROOT, cwd=ROOT)
    [wheel] = dist.glob("*.whl")

    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = {
        *_files("forms", "*.yaml"),
        "forms/form.schema.json",
        *_files("migrations", "*.py"),
        *_files("migrations", "*.mako"),
        *_files("migrations/versions", "*.py"),
        "alembic.ini",
    }
    assert {f"stadforstad/_bundled/{name}" for name in bundled} <= names
    assert {f"stadforstad/data/{p.name}" for p in (ROOT / "stadforstad/data").iterdir()} <= names

    # A fresh environment outside the checkout: the locked dependencies and the wheel.
    venv = tmp_path / "venv"
    _run(uv, "venv", "--quiet", "--python", sys.executable, venv, cwd=tmp_path)
    requirements = tmp_path / "requirements.txt"
    _run(
        uv, "export", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes",
        "--quiet", "--output-file", requirements, cwd=ROOT,
    )  # fmt: skip
    python = venv / "bin" / "python"
    _run(
        uv, "pip", "install", "--quiet", "--python", python, "-r", requirements, wheel, cwd=tmp_path
    )

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("STADFORSTAD_", "PYTHON", "VIRTUAL_ENV", "UV_"))
    }
    command = venv / "bin" / "stadforstad"

    listed = _run(command, "forms", cwd=work, env=env)
    assert [line.split("\t")[0] for line in listed.splitlines()] == [f.id for f in list_forms()]

    where = _run(
        python,
        "-c",
        "import stadforstad.resources as r, stadforstad.steps as s;"
        "print(r.FORMS_DIR); print(r.MIGRATIONS_DIR); print(len(s.load_steps()))",
        cwd=work,
        env=env,
    ).splitlines()
    assert all(Path(p).is_relative_to(venv) for p in where[:2]), where
    assert where[2] == "8"

    # The migrations: a municipality on a fresh SQLite file, by default in ./data.
    _run(command, "workspaces", "create", "Testby", cwd=work, env=env)
    assert (work / "data" / "stadforstad.sqlite").is_file()
    assert "Testby" in _run(command, "workspaces", cwd=work, env=env)
    other = {**env, "STADFORSTAD_DATABASE_URL": f"sqlite:///{tmp_path / 'annan.sqlite'}"}
    _run(command, "workspaces", "create", "Annanby", cwd=work, env=other)
    assert (tmp_path / "annan.sqlite").is_file()

    written = _run(command, "xlsform", "redo", cwd=work, env=env)
    assert "redo.xlsx" in written and (work / "redo.xlsx").is_file()


def test_a_checkout_uses_its_own_folders() -> None:
    # Running the tests from the checkout: nothing bundled, the folders beside the package.
    assert resources.is_checkout()
    assert resources.FORMS_DIR == ROOT / "forms"
    assert resources.MIGRATIONS_DIR == ROOT / "migrations"
    assert resources.ALEMBIC_INI == ROOT / "alembic.ini"


def test_the_bundled_copy_wins_when_there_is_one(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "forms").mkdir()
    monkeypatch.setattr(resources, "BUNDLED_DIR", tmp_path)
    assert resources.project_path("forms") == tmp_path / "forms"
    assert not resources.is_checkout()
    # Not bundled: the checkout's.
    assert resources.project_path("migrations") == ROOT / "migrations"
