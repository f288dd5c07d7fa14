"""The one catalogue of error codes (``errors.CODES``): every code the app can give is
in it, defined nowhere else, means one thing, and is triggered by at least one test."""

from __future__ import annotations

import re
from pathlib import Path

from stadforstad import errors
from tests.helpers import ROOT

CODE = re.compile(r"\b[A-Z]+_\d{3}\b")
#: Where codes are used or documented: the app, its pages, the scorers, the docs.
SOURCES = [
    *(ROOT / "stadforstad").rglob("*.py"),
    *(ROOT / "scoring").rglob("*.py"),
    *(ROOT / "pages").rglob("*.py"),
    ROOT / "app.py",
    *(ROOT / "docs").rglob("*.md"),
    ROOT / "README.md",
]
#: A code written as a value anywhere but the catalogue: ``X = "FORM_001"``.
DEFINED = re.compile(r"""^\s*[A-Z_]+\s*(?::[^=]+)?=\s*["'][A-Z]+_\d{3}["']""", re.M)


def catalogue_constants() -> dict[str, str]:
    return {
        name: value
        for name, value in vars(errors).items()
        if name.isupper() and isinstance(value, str) and CODE.fullmatch(value)
    }


def test_every_constant_is_in_the_catalogue_once() -> None:
    constants = catalogue_constants()
    assert set(constants.values()) == set(errors.CODES)
    # One name per code: an alias would let two names drift apart.
    assert len(constants) == len(set(constants.values())), sorted(constants)
    assert all(meaning.strip() for meaning in errors.CODES.values())


def test_every_code_used_or_documented_is_in_the_catalogue() -> None:
    used = {
        (path.relative_to(ROOT).as_posix(), code)
        for path in SOURCES
        if path.exists()
        for code in CODE.findall(path.read_text(encoding="utf-8"))
    }
    assert len(used) > 50  # the scan found the codes
    unknown = sorted((path, code) for path, code in used if code not in errors.CODES)
    assert unknown == []


def test_codes_are_defined_only_in_the_catalogue() -> None:
    elsewhere = [
        path.relative_to(ROOT).as_posix()
        for path in SOURCES
        if path.suffix == ".py"
        and path.name != "errors.py"
        and DEFINED.search(path.read_text(encoding="utf-8"))
    ]
    assert elsewhere == []


def test_every_code_is_triggered_by_a_test() -> None:
    """Each code is asserted somewhere in the tests, by its value or by its name. The
    tests check codes, so a code no test mentions is a code no test triggers."""
    names: dict[str, set[str]] = {}
    for name, value in catalogue_constants().items():
        names.setdefault(value, set()).add(name)
    here = Path(__file__).resolve()
    tests = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (ROOT / "tests").rglob("*.py")
        if path.resolve() != here
    )
    untested = sorted(
        code
        for code in errors.CODES
        if not re.search(rf"\b{code}\b", tests)
        and not any(re.search(rf"\b{name}\b", tests) for name in names[code])
    )
    assert untested == []
