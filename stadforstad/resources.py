"""Where the project's own files are: the form files, the migrations and ``alembic.ini``.

In a checkout they sit beside the package (``forms/``, ``migrations/``); in an installed
wheel they are packed inside it, under ``stadforstad/_bundled/`` (``pyproject.toml``'s
``force-include`` puts them there). The packed copy wins when it exists: a checkout
never has one, and an installed package never finds a stray ``forms/`` folder that
happens to lie beside it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The folder the wheel packs the project's files into (absent in a checkout).
BUNDLED_DIR = PACKAGE_DIR / "_bundled"
#: The checkout's root (in an installed package: ``site-packages``, never used then).
CHECKOUT_DIR = PACKAGE_DIR.parent


def project_path(name: str) -> Path:
    """``name`` (``forms``, ``migrations``, ``alembic.ini``) in the installed package,
    or else in the checkout."""
    bundled = BUNDLED_DIR / name
    return bundled if bundled.exists() else CHECKOUT_DIR / name


def is_checkout() -> bool:
    """Running from the source tree (``uv run …`` in a clone), not an installed wheel."""
    return not BUNDLED_DIR.exists()


FORMS_DIR = project_path("forms")
MIGRATIONS_DIR = project_path("migrations")
ALEMBIC_INI = project_path("alembic.ini")
