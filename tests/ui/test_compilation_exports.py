"""The compilation page builds no export until one is asked for: its four downloads get
a function (Streamlit's deferred ``data``), which runs only when its button is clicked.
Built eagerly, 10,000 answers cost minutes per rerun (issue 13)."""

from __future__ import annotations

from collections import Counter

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from stadforstad.ui import compilation_page
from tests.helpers.apptest import fresh_database, open_page  # noqa: F401 (fixture)
from tests.helpers.roles import answered, page_store  # noqa: F401 (fixture)

BUILDERS = ("answers_frame", "compilation_table", "compiled_sheets", "write_csv", "write_xlsx")


@pytest.fixture
def built(monkeypatch) -> Counter:
    """How often each export builder of the page ran."""
    calls: Counter = Counter()
    for name in BUILDERS:
        original = getattr(compilation_page, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(compilation_page, name, counted)
    return calls


@pytest.fixture
def deferred(monkeypatch) -> dict:
    """Streamlit's registry of deferred downloads, as file name → the function it calls
    when the button is clicked (AppTest drops its runtime after each run)."""
    registered: dict = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        registered[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return registered


def test_the_compilation_page_builds_no_export_until_asked(page_store, built, deferred):
    place, coordinator, member = answered(page_store, 4)
    at = open_page("compilation", state={"app.actor": member})
    assert not at.exception, at.exception
    at.toggle[0].set_value(True).run()  # the members' own view: a second compilation
    at.radio(key="compilation.csv_dialect").set_value("en").run()
    assert not at.exception, at.exception
    assert built == Counter(), built  # three reruns, four buttons: nothing built

    assert all(b.proto.deferred_file_id for b in at.get("download_button"))
    stem = "kartlaggning-Källby-"
    assert set(deferred) == {
        f"{stem}sammanstallning.xlsx",
        f"{stem}sammanstallning.csv",
        f"{stem}svar.xlsx",
        f"{stem}svar.csv",
    }
    answers_csv = deferred[f"{stem}svar.csv"]()  # a click on one button
    assert built == Counter({"answers_frame": 1, "write_csv": 1}), built
    assert answers_csv.decode("utf-8-sig").startswith("svar,länk,bransch")  # English dialect
    assert answers_csv.count(b"Kim ") == 4
    deferred[f"{stem}sammanstallning.xlsx"]()
    assert built == Counter(
        {"answers_frame": 1, "write_csv": 1, "compiled_sheets": 1, "write_xlsx": 1}
    ), built


def test_the_page_keeps_its_compilation_until_an_answer_comes_in(page_store):
    from stadforstad.catalog import load_form
    from stadforstad.storage import Actor
    from stadforstad.storage.links import Identity, LinkStore, new_token

    place, coordinator, member = answered(page_store, 3)
    at = open_page("compilation", state={"app.actor": member})
    assert at.metric[0].value == "3"
    at.run()  # a rerun: the same picture
    assert at.metric[0].value == "3" and not at.exception

    links = LinkStore(page_store)
    grid = load_form("kartlaggning")
    created = links.create_link(
        actor=Actor.local(), workspace_id=place.id, form=grid, label="Taxi", ask_identity=True
    )
    respondent, _ = links.open_link(created.token)
    scale = next(i.id for i in grid.answerable() if i.kind == "scale")
    required = {i.id: "x" for i in grid.answerable() if i.required and i.kind == "text"}
    links.submit(
        actor=respondent,
        resume=new_token(),
        submission_key="ny",
        form=grid,
        answers={scale: 4, **required},
        identity=Identity(industry="Taxi", name="Ny", contact="ny@example.se"),
    )
    at.run()
    assert at.metric[0].value == "4", at.metric[0].value  # the new answer is counted
