"""One broken form file takes only its own form away: the other forms load, and every
invitation link to another form still opens (the catalog used to load all files at once,
so one bad file refused them all)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from stadforstad.catalog import form_problems, list_forms, load_form
from stadforstad.errors import FormFileError
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import LinkStore
from tests.helpers import ROOT
from tests.helpers.sample_forms import SHAREABLE_YAML

BROKEN = "id: trasig\nversion: 1\nsections: [\n"  # not valid YAML


@pytest.fixture
def forms(tmp_path) -> Path:
    folder = tmp_path / "forms"
    folder.mkdir()
    (folder / "enkat.yaml").write_text(SHAREABLE_YAML, encoding="utf-8")
    (folder / "trasig.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


def test_a_broken_file_leaves_the_others_loadable(forms):
    assert [f.id for f in list_forms(forms)] == ["enkat"]
    assert load_form("enkat", forms).shareable
    [problem] = form_problems(forms)
    assert problem.code == "FORM_002" and problem.file.endswith("trasig.yaml")
    with pytest.raises(FormFileError) as caught:
        load_form("trasig", forms)
    assert caught.value.code == "FORM_002"


def test_a_corrected_file_is_read_again(forms):
    with pytest.raises(FormFileError):
        load_form("trasig", forms)
    fixed = SHAREABLE_YAML.replace("id: enkat", "id: trasig")
    (forms / "trasig.yaml").write_text(fixed + "\n", encoding="utf-8")
    assert load_form("trasig", forms).id == "trasig"


@pytest.mark.parametrize("form_id", ["../enkat", "", "Enkat", "enkat.yaml"])
def test_only_plain_ids_name_a_file(forms, form_id):
    with pytest.raises(FormFileError) as caught:
        load_form(form_id, forms)
    assert caught.value.code == "FORM_001"


def test_an_invitation_link_opens_beside_a_broken_form_file(forms, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    monkeypatch.setenv("STADFORSTAD_FORMS_DIR", str(forms))
    get_settings.cache_clear()
    engine = make_engine(url)
    links = LinkStore(Store(engine))
    place = links.store.create_workspace(actor=Actor.local(), name="Testby")
    created = links.create_link(
        actor=Actor.local(), workspace_id=place.id, form=load_form("enkat", forms)
    )
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params["t"] = created.token
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert any(r.label.startswith("Begränsade av andra") for r in at.radio)
    engine.dispose()
    get_settings.cache_clear()
