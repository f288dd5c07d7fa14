"""Every user-facing string in Swedish and English (issue 15.2). Read from the source
(the AST), so a new string without its other language fails here, wherever it is:

- the messages of the errors the app shows (storage, answers checks, sign-in, links):
  each is ``errors.say(sv, en)`` where it is raised;
- the pages' own words go through ``tr(sv, en)`` / ``pick(lang, sv, en)``, never a
  bare literal to Streamlit;
- every text of every form (labels, help, options, levels …) has its English.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from stadforstad.catalog import list_forms
from stadforstad.errors import in_language, say
from stadforstad.schema import Text
from tests.helpers import ROOT

PACKAGE = ROOT / "stadforstad"
#: Modules (and the ``cli`` package) only the command line and form authors reach; their
#: messages are English (the CLI's language, docs/cli) and never shown in the app.
CLI_ONLY = {
    "cli",
    "catalog.py",
    "label_columns.py",
    "responses_io.py",
    "response_records.py",
    "xlsform.py",
    "xlsform_cells.py",
    "terminal.py",
}
#: Calls that take a message, and the position of the message among their arguments.
MESSAGE_ARGUMENT = {"fail": 3, "Problem": 2, "problem": 2, "_not_found": 1, "_bad": 1}
#: ``storage.link_values.fail(code, where, message)``: the links' shorter form.
SHORT_FAIL = 2
#: Streamlit calls whose first argument is words on the screen.
SHOWS_TEXT = {
    "heading",  # stadforstad.ui.headings: every heading of a page
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "info",
    "warning",
    "error",
    "success",
    "toast",
    "button",
    "form_submit_button",
    "download_button",
    "link_button",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "selectbox",
    "multiselect",
    "radio",
    "checkbox",
    "toggle",
    "metric",
    "expander",
    "popover",
    "spinner",
    "file_uploader",
    "segmented_control",
    "pills",
    "slider",
}
#: Literal words that are the same in both languages.
SAME_IN_BOTH = {"Stad för stad", "Språk / Language"}
LOGGERS = {"_log", "log", "logger", "logging"}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _sources(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*.py"))


def one_language_messages(path: Path) -> Iterator[str]:
    """Messages raised in ``path`` as a bare literal: ``line: text``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bilingual: set[int] = set()
    for node in ast.walk(tree):
        # A sign-in refusal carries its English beside the problem (``en=``).
        if (
            isinstance(node, ast.Call)
            and _name(node.func) == "SignInError"
            and any(k.arg == "en" for k in node.keywords)
        ):
            bilingual.update(id(inner) for inner in ast.walk(node))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in bilingual:
            continue
        called = _name(node.func)
        if called not in MESSAGE_ARGUMENT:
            continue
        index = MESSAGE_ARGUMENT[called]
        if called == "fail" and isinstance(node.func, ast.Name) and len(node.args) == 3:
            index = SHORT_FAIL
        message = node.args[index] if len(node.args) > index else None
        message = message or next((k.value for k in node.keywords if k.arg == "message"), None)
        # A name or an attribute is a message made elsewhere (and checked there).
        if isinstance(message, ast.Constant | ast.JoinedStr):
            yield f"{node.lineno}: {ast.unparse(message)[:70]}"


def _words(node: ast.expr) -> str:
    """The literal words of a string or an f-string (what is not filled in)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return ""


def bare_screen_words(path: Path) -> Iterator[str]:
    """Words handed to Streamlit without ``tr``/``pick``: ``line: text``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _name(node.func) in SHOWS_TEXT and node.args):
            continue
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if receiver is not None and _name(receiver) in LOGGERS:
            continue
        words = _words(node.args[0])
        if words in SAME_IN_BOTH or not any(ch.isalpha() for ch in words):
            continue
        yield f"{node.lineno}: {ast.unparse(node)[:70]}"


def raw_messages(path: Path) -> Iterator[str]:
    """An error's message put on the screen as it was raised (Swedish) instead of
    through ``error_text``/``in_language``: ``f"{exc.problems[0].message} …"`` outside
    the Swedish half of a ``tr``/``pick``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    translated: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in ("tr", "pick", "in_language"):
            translated.update(id(inner) for inner in ast.walk(node))
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr) or id(node) in translated:
            continue
        for value in node.values:
            shown = value.value if isinstance(value, ast.FormattedValue) else None
            if isinstance(shown, ast.Attribute) and shown.attr == "message":
                yield f"{node.lineno}: {ast.unparse(node)[:70]}"


def half_translations(path: Path) -> Iterator[str]:
    """``tr`` with one language, ``pick`` without English, or an empty English."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        wanted = {"tr": 2, "pick": 3, "say": 2}.get(_name(node.func) or "")
        if wanted is None or any(isinstance(a, ast.Starred) for a in node.args):
            continue
        english = node.args[wanted - 1] if len(node.args) >= wanted else None
        if english is None or (isinstance(english, ast.Constant) and not english.value):
            yield f"{node.lineno}: {ast.unparse(node)[:70]}"


APP_MODULES = [p for p in _sources(PACKAGE) if p.relative_to(PACKAGE).parts[0] not in CLI_ONLY]
SCREENS = [*_sources(ROOT / "pages", PACKAGE / "ui"), ROOT / "app.py"]


@pytest.mark.parametrize("path", APP_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_the_app_shows_has_both_languages(path: Path) -> None:
    assert list(one_language_messages(path)) == []


@pytest.mark.parametrize("path", SCREENS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_page_shows_words_in_one_language(path: Path) -> None:
    assert list(bare_screen_words(path)) == []
    assert list(raw_messages(path)) == []


@pytest.mark.parametrize(
    "path", [*_sources(PACKAGE, ROOT / "pages"), ROOT / "app.py"], ids=lambda p: p.name
)
def test_every_translation_has_both_halves(path: Path) -> None:
    assert list(half_translations(path)) == []


def _untranslated(value: object, where: str) -> Iterator[str]:
    if isinstance(value, Text):
        if not (value.en or "").strip():
            yield f"{where}: {value.sv[:50]}"
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from _untranslated(getattr(value, field), f"{where}/{field}")
    elif isinstance(value, list | tuple):
        for n, element in enumerate(value):
            yield from _untranslated(element, f"{where}[{n}]")
    elif isinstance(value, dict):
        for key, element in value.items():
            yield from _untranslated(element, f"{where}[{key}]")


@pytest.mark.parametrize("form", list_forms(), ids=lambda f: f.id)
def test_every_text_of_every_form_has_its_english(form) -> None:
    assert list(_untranslated(form, form.id)) == []


def test_the_checks_find_what_lacks_a_language(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "import streamlit as st\n"
        "from stadforstad import errors\n"
        "def f(exc):\n"
        "    raise errors.fail(E, 'STORE_001', 'x', 'finns inte')\n"
        "def g():\n"
        "    raise errors.fail(E, 'STORE_001', 'x', say('finns inte', 'does not exist'))\n"
        "st.title('Översikt')\n"
        "st.title(tr('Översikt', 'Overview'))\n"
        "st.caption(f'{n} / {m}')\n"
        "tr('Bara svenska')\n"
        "pick(lang, 'Ja', '')\n"
        "st.error(f'{exc.problems[0].message} ({exc.code})')\n"
        "pick(lang, f'{exc.problems[0].message}', 'Something went wrong.')\n",
        encoding="utf-8",
    )
    assert list(one_language_messages(source)) == ["4: 'finns inte'"]
    assert list(bare_screen_words(source)) == ["7: st.title('Översikt')"]
    assert [line.split(":")[0] for line in half_translations(source)] == ["10", "11"]
    assert [line.split(":")[0] for line in raw_messages(source)] == ["12"]


def test_a_message_is_read_in_the_users_language() -> None:
    message = say("Kommunen finns inte.", "The municipality does not exist.")
    assert str(message) == in_language(message, "sv") == "Kommunen finns inte."
    assert in_language(message, "en") == "The municipality does not exist."
