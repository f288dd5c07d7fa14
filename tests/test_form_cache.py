"""The shipped forms' parsed data kept as JSON between starts (``form_cache``): read
back only for the very same text, checked like a parsed file, never kept when JSON
would change it."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from stadforstad import catalog, errors, form_cache
from stadforstad.errors import FormFileError
from stadforstad.resources import FORMS_DIR


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(form_cache, "CACHE_DIR", folder)
    return folder


def counting(parsed: list):
    def parse(text: str):
        parsed.append(text)
        return catalog.load_yaml(text)

    return parse


def test_a_text_is_parsed_once_and_then_read_as_json(cache) -> None:
    parsed: list[str] = []
    text = "id: a\nitems:\n  - {id: x, scale: [1, 5]}\n"
    first = form_cache.kept_data(text, counting(parsed))
    again = form_cache.kept_data(text, counting(parsed))
    assert first == again == {"id": "a", "items": [{"id": "x", "scale": [1, 5]}]}
    assert len(parsed) == 1
    assert len(list(cache.glob("*.json"))) == 1


def test_a_changed_text_is_parsed_anew_and_only_its_newest_kept(cache) -> None:
    parsed: list[str] = []
    assert form_cache.kept_data("id: a\n", counting(parsed), name="a") == {"id": "a"}
    form_cache.kept_data("id: x\n", counting(parsed), name="a_b")  # another form
    assert form_cache.kept_data("id: b\n", counting(parsed), name="a") == {"id": "b"}
    assert parsed == ["id: a\n", "id: x\n", "id: b\n"]
    names = sorted(p.name.rsplit(".", 2)[0] for p in cache.glob("*.json"))
    assert names == ["a", "a_b"]
    assert form_cache.kept_data("id: b\n", counting(parsed), name="a") == {"id": "b"}
    assert len(parsed) == 3


@pytest.mark.parametrize(
    "text",
    ["when: 2024-05-01\n", "1: one\n", "ratio: .nan\n"],
    ids=["date", "number-key", "nan"],
)
def test_data_json_would_change_is_not_kept(cache, text) -> None:
    parsed: list[str] = []
    first = form_cache.kept_data(text, counting(parsed))
    form_cache.kept_data(text, counting(parsed))
    assert len(parsed) == 2
    assert not list(cache.glob("*.json"))
    if text.startswith("when"):
        assert first == {"when": dt.date(2024, 5, 1)}


def test_a_broken_kept_file_is_parsed_again(cache) -> None:
    parsed: list[str] = []
    form_cache.kept_data("id: a\n", counting(parsed))
    (kept,) = cache.glob("*.json")
    kept.write_text("{not json", encoding="utf-8")
    assert form_cache.kept_data("id: a\n", counting(parsed)) == {"id": "a"}
    assert len(parsed) == 2


def test_an_unwritable_cache_costs_nothing_but_speed(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(form_cache, "CACHE_DIR", blocker / "cache")  # under a file
    assert form_cache.kept_data("id: a\n", catalog.load_yaml) == {"id": "a"}


@pytest.fixture
def forms(tmp_path, monkeypatch, cache):
    """The app's forms folder, as a copy the test may change."""
    folder = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, folder)
    monkeypatch.setattr(catalog, "FORMS_DIR", folder)
    return folder


def test_the_app_forms_read_through_the_cache_are_the_same_forms(forms, cache) -> None:
    plain = {
        p.stem: catalog.parse_form(p.read_text(encoding="utf-8")) for p in forms.glob("*.yaml")
    }
    first = {p.stem: catalog.load_form_file(p) for p in forms.glob("*.yaml")}
    assert len(list(cache.glob("*.json"))) == len(plain)
    kept = {p.stem: catalog.load_form_file(p) for p in forms.glob("*.yaml")}
    assert first == plain == kept


def test_a_changed_form_file_shows_its_change_and_its_errors(forms, cache) -> None:
    path = forms / "redo.yaml"
    before = catalog.load_form_file(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(before.title.sv, "Ny titel", 1), encoding="utf-8")
    assert catalog.load_form_file(path).title.sv == "Ny titel"
    # The folder holds one file per form: the JSON of redo's earlier text is gone.
    assert len(list(cache.glob("redo.*.json"))) == 1
    assert len(list(cache.glob("*.json"))) == 1
    path.write_text(text + "\n  - [broken\n", encoding="utf-8")
    with pytest.raises(FormFileError) as raised:
        catalog.load_form_file(path)
    assert raised.value.problems[0].code == errors.FORM_BAD_YAML
