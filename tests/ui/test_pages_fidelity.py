"""AppTest for the form pages issue 12 item 3 changed: redo (why "20 or lower", the
period, the group's verdict in words), riktning (the tool's rule), rekrytering (who
joined, "should" apart from "good to have") and aktorsperspektiv (the wheel described)."""

from __future__ import annotations

import pytest

from tests.helpers.apptest import (  # noqa: F401 (fresh_database is a fixture)
    add_person,
    button,
    create_workspace,
    fill_table,
    fresh_database,
    open_page,
    scale_radios,
    texts,
)


@pytest.fixture(autouse=True)
def workspace(fresh_database):
    create_workspace()
    return fresh_database


def words(at) -> str:
    kinds = ("markdown", "caption", "warning", "info", "success", "text", "subheader")
    return " ".join(str(e.value) for kind in kinds for e in at.get(kind))


def submit(at) -> None:
    button(at, "Skicka in").click()
    at.run()
    assert not at.exception, at.exception
    assert any("inskickat" in s for s in texts(at.success)), texts(at.error)


def answer_redo(name: str, value: int, months: int | None) -> None:
    at = open_page("form", query={"form": "redo"})
    add_person(at, name)
    for radio in scale_radios(at, "redo"):
        radio.set_value(value)
    if months is not None:
        next(t for t in at.text_input if t.key and t.key.endswith(".period_manader")).input(
            str(months)
        )
    at.run()
    submit(at)
    text = words(at)
    if value * 7 <= 20:
        assert "Handboken skriver »8–20 poäng: ännu inte redo«" in text
        assert "den lägsta möjliga summan är 7" in text
    if months is not None:
        assert f"Planerad period {months} månader" in text


def test_redo_page_says_why_and_checks_the_period_and_the_group_gets_words() -> None:
    answer_redo("Anna", 2, 24)
    answer_redo("Bo", 5, 12)
    answer_redo("Cilla", 2, None)
    group = open_page("group", state={"group.form": "redo"})
    assert not group.exception
    text = words(group)
    assert "Gruppens bedömning: ännu inte redo" in text
    assert "Ni är inte överens: 1 bedömer er redo och 2 inte redo" in text
    assert "utanför handbokens 12–18 månader" in text


def test_riktning_page_marks_the_threshold_as_the_tools_rule() -> None:
    at = open_page("form", query={"form": "riktning"})
    add_person(at, "Anna")
    for n, radio in enumerate(r for r in at.radio if r.key and r.key.startswith("riktning.")):
        radio.set_value(n >= 2)
    at.run()
    submit(at)
    assert "är verktygets regel – handboken anger inget antal" in words(at)


def test_rekrytering_page_checks_the_group_that_joined() -> None:
    at = open_page("form", query={"form": "rekrytering"})
    add_person(at, "Anna")
    base = {"grund_arbetar_med": True, "grund_enhet": True, "grund_delegerad": True}
    fill_table(
        at,
        [
            {**base, "namn": "Sara", "verksamhet": "socialtjanst", "kompetens": "bada",
             "med_i_gruppen": True},
            {**base, "namn": "Per", "verksamhet": "polis", "kompetens": "operativ",
             "med_i_gruppen": True},
            {**base, "namn": "Olle", "verksamhet": "naringsliv"},
        ],
    )  # fmt: skip
    at.run()
    submit(at)
    text = words(at)
    assert "Kontrollerna gäller gruppen som bildades: de 2 som gick med." in text
    assert "Bör finnas" in text and "Kan vara bra att ha med" in text
    warnings = " ".join(texts(at.warning))
    assert "Lokalpolisområdet bidrar med både strategisk och operativ kompetens" in warnings
    assert "2 till 8 personer" not in warnings and "4 till 8 personer" in warnings
    assert "Någon kan representera perspektiv på barn och unga" in " ".join(texts(at.info))


def test_aktorsperspektiv_page_describes_the_collaboration_wheel() -> None:
    at = open_page("form", query={"form": "aktorsperspektiv"})
    add_person(at, "Anna")
    text = " ".join(words(at).split())
    assert "Samverkanshjulet (handboken, sidan 51)" in text
    assert "kommunen, polisen, näringslivet och den idéburna sektorn" in text
