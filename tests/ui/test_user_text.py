"""Every user-set string – a municipality's name, a participant's, an industry – is shown
as text on every page, never as Markdown: a name like ``![x](https://…)`` fetched an
image from anywhere when it was shown in a message."""

from __future__ import annotations

import pytest

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import Identity, LinkStore, new_token
from stadforstad.ui.plain import plain
from tests.helpers.apptest import fresh_database, open_page  # noqa: F401 (fixture)

HOSTILE = "![x](https://example.invalid/x.png) **fet** :red[röd] $x$"
#: What would be Markdown if a hostile string got through unescaped.
RAW = ("![x](", "**fet**", ":red[", "$x$")
PAGES = [
    "home",
    "form",
    "group",
    "workspaces",
    "admin",
    "compare",
    "compilation",
    "links",
    "about",
]
#: Elements whose body or label Streamlit reads as Markdown.
MARKDOWN_BODIES = ("markdown", "caption", "title", "header", "subheader", "success", "info")
MARKDOWN_BODIES += ("warning", "error")
LABELLED = ("button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "text_input")
LABELLED += ("text_area", "expander", "tabs", "metric", "number_input", "date_input")


def markdown_texts(at) -> list[str]:
    found = [str(e.value) for kind in MARKDOWN_BODIES for e in getattr(at, kind)]
    for kind in LABELLED:
        found += [str(getattr(e, "label", "")) for e in getattr(at, kind)]
    found += [str(o) for r in at.radio for o in r.options]  # radio options are Markdown
    found += [str(b.label) for b in at.get("download_button")]
    return found


@pytest.fixture
def hostile(fresh_database):
    engine = make_engine(fresh_database)
    store, admin = Store(engine), Actor.local()
    place = store.create_workspace(actor=admin, name=HOSTILE)
    person = store.respondent(actor=admin, workspace_id=place.id, name=HOSTILE[:60])
    redo = load_form("redo")
    store.submit(
        actor=admin,
        workspace_id=place.id,
        respondent_id=person.id,
        form=redo,
        answers={i.id: 3 for i in redo.answerable() if i.kind == "scale"},
    )
    links = LinkStore(store)
    grid = load_form("kartlaggning")
    created = links.create_link(actor=admin, workspace_id=place.id, form=grid, label="Hotell")
    respondent, _ = links.open_link(created.token)
    required = {i.id: "x" for i in grid.answerable() if i.required and i.kind == "text"}
    # An empty answer is refused: rate one indicator too.
    required[next(i.id for i in grid.answerable() if i.kind == "scale")] = 3
    for n in range(3):
        links.submit(
            actor=respondent,
            resume=new_token(),
            submission_key=f"k{n}",
            form=grid,
            answers=required,
            identity=Identity(industry=HOSTILE[:60]),
        )
    yield place
    engine.dispose()


def test_plain_escapes_markdown():
    assert plain("**a** ![b](c)") == r"\*\*a\*\* \!\[b\]\(c\)"
    assert plain("Åsa Öberg") == "Åsa Öberg"


@pytest.mark.parametrize("page", PAGES)
def test_user_set_strings_are_text_on_every_page(hostile, page):
    at = open_page(page)
    assert not at.exception, at.exception
    leaks = [t for t in markdown_texts(at) if any(raw in t for raw in RAW)]
    assert leaks == []


def test_the_flash_after_creating_a_municipality_is_text(fresh_database):
    at = open_page("workspaces")
    at.text_input[0].input(HOSTILE)
    next(b for b in at.button if b.label == "Skapa kommun").click()
    at.run()
    assert at.success and not any(raw in at.success[0].value for raw in RAW)
    assert at.success[0].value.startswith(plain(HOSTILE))


@pytest.mark.parametrize(
    "page",
    [
        "home",
        "form",
        "group",
        "compare",
        "compilation",
        "links",
    ],
)
def test_user_set_strings_are_text_for_a_coordinator(hostile, page):
    reader = Actor(name="samordnare", user_id=9, grants={hostile.id: "coordinator"})
    at = open_page(page, state={"app.actor": reader})
    assert not at.exception, at.exception
    leaks = [t for t in markdown_texts(at) if any(raw in t for raw in RAW)]
    assert leaks == []


def test_authored_text_is_escaped_by_the_one_escaper():
    """The forms' and results' own words: Markdown's actions escaped, ordinary
    punctuation kept as it reads (one escaper for the form widgets and the blocks)."""
    from stadforstad.ui.plain import escape_markdown

    assert escape_markdown("Kostnad $5, *viktigt* :red[x] {a}") == (
        r"Kostnad \$5, \*viktigt\* \:red\[x\] \{a\}"
    )
    assert escape_markdown("1. Skissa en vision\n- punkt") == "1\\. Skissa en vision\n\\- punkt"
    assert escape_markdown("Stöd (t.ex. boende).") == "Stöd (t.ex. boende)."
