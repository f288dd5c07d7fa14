"""Driving the link pages with AppTest: open the respondent page through app.py with
``?t=``, read its texts, fill its widgets."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from stadforstad.questionnaire import link_form
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import LinkStore
from tests.helpers import ROOT

TIMEOUT = 30


def make_app_env(monkeypatch, tmp_path, shareable_yaml):
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "enkat.yaml").write_text(shareable_yaml, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("STADFORSTAD_DATABASE_URL", url)
    monkeypatch.setenv("STADFORSTAD_FORMS_DIR", str(forms))
    monkeypatch.setenv("STADFORSTAD_PUBLIC_URL", "https://stad.example.se")
    get_settings.cache_clear()
    engine = make_engine(url)
    links = LinkStore(Store(engine))
    admin = Actor.local()
    workspace = links.store.create_workspace(actor=admin, name="Testby")
    return links, admin, workspace, engine


def make_link(links, admin, workspace, **kw):
    return links.create_link(actor=admin, workspace_id=workspace.id, form=link_form("enkat"), **kw)


def open_respondent(token, resume=None, lang=None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["t"] = token
    if resume:
        at.query_params["r"] = resume
    if lang:
        at.query_params["lang"] = lang
    return at.run()


def texts(at) -> str:
    parts = [
        e.value
        for e in (
            *at.markdown,
            *at.info,
            *at.success,
            *at.warning,
            *at.error,
            *at.header,
            *at.subheader,
            *at.caption,
            *at.title,
            *at.text,
            *at.code,
        )
    ]
    return "\n".join(str(p) for p in parts)


def fill(at, **values):
    for item_id, value in values.items():
        widget = next(
            w
            for w in (*at.radio, *at.text_area, *at.text_input)
            if w.key and w.key.endswith(f".{item_id}")
        )
        widget.set_value(value)


def button(at, label):
    return next(b for b in at.button if b.label == label)


def with_contact(at, contact: str = "Kim Kvist, kim@testby.se, 010-123 45 67") -> None:
    """Replace the default introduction's contact placeholder (a link is not made
    while it is there)."""
    intro = at.text_area(key="links.intro")
    intro.input(intro.value.replace("[namn, e-post, telefon]", contact))
