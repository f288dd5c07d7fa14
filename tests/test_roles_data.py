"""A county coordinator compares, but never gets link respondents' names or contacts,
nor groups under the suppression threshold: in storage, in the comparison, on the
compilation page and in its exports."""

from __future__ import annotations

from stadforstad import compare
from stadforstad.storage.links import LinkStore
from tests.helpers.apptest import fresh_database, open_page  # noqa: F401 (fixture)
from tests.helpers.roles import (  # noqa: F401
    ADMIN,
    answered,
    page_store,
)


def test_a_coordinator_reads_link_answers_without_names_or_contacts(store):
    place, coordinator, member = answered(store, 3)
    links = LinkStore(store)
    seen = links.link_answers(actor=coordinator, workspace_id=place.id)
    assert len(seen) == 3
    assert {(a.name, a.contact) for a in seen} == {(None, None)}
    own = links.link_answers(actor=member, workspace_id=place.id)
    assert sorted(a.name for a in own) == ["Kim 0", "Kim 1", "Kim 2"]


def test_a_coordinator_compares_but_few_link_answers_stay_out(store):
    place, coordinator, member = answered(store, 2)
    assert compare.can_compare(coordinator)
    theirs = compare.indicators(store, actor=coordinator)
    assert theirs.empty  # two answers through links: under the threshold, not shown
    own = compare.indicators(store, actor=ADMIN)
    assert set(own["link_answers"]) == {2}


def test_a_coordinator_sees_link_answers_at_the_threshold(store):
    place, coordinator, member = answered(store, 3)
    theirs = compare.indicators(store, actor=coordinator)
    assert set(theirs["link_answers"]) == {3}


def labels(at) -> list[str]:
    return [b.label for b in at.get("download_button")] + [t.label for t in at.toggle]


def test_the_compilation_page_gives_a_coordinator_only_what_may_be_shared(page_store):
    place, coordinator, member = answered(page_store, 4)
    at = open_page("compilation", state={"app.actor": coordinator})
    assert not at.exception, at.exception
    shown = labels(at)
    assert "Sammanställning (CSV)" in shown and "Sammanställning (Excel)" in shown
    assert "Svaren (CSV)" not in shown and "Svaren (Excel)" not in shown
    assert not any("små grupper" in label for label in shown)

    at = open_page("compilation", state={"app.actor": member})
    shown = labels(at)
    assert "Svaren (CSV)" in shown and any("små grupper" in label for label in shown)
