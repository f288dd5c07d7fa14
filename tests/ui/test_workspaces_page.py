"""Municipalities on their pages: rename and delete on the Kommuner page (with
confirmation and an audit entry), and granting one user several municipalities in one
step on the Administration page. AppTest on a temporary SQLite file."""

from __future__ import annotations

import pytest

from stadforstad import accounts
from stadforstad.errors import StorageError
from stadforstad.storage import Actor
from tests.helpers.accounts import actor_for_user
from tests.helpers.apptest import button, fresh_database, open_page, texts  # noqa: F401
from tests.helpers.signin import (  # noqa: F401 (fixtures)
    PASSWORD,
    county,
    open_as,
    signed_in,
    store,
    url,
)

ADMIN = Actor.local()


# -- the Kommuner page -------------------------------------------------------------------
def test_page_renames_a_municipality(fresh_database):
    at = open_page("workspaces")
    at.text_input[0].input("Landskrona")
    button(at, "Skapa kommun").click()
    at.run()
    at.text_input[0].input("landskrona")
    button(at, "Skapa kommun").click()
    at.run()
    assert any("STORE_002" in e for e in texts(at.error))
    key = next(t.key for t in at.text_input if t.label == "Nytt namn")
    at.text_input(key=key).input("Landskrona stad")
    button(at, "Byt namn").click()
    at.run()
    assert not at.exception
    assert "Landskrona heter nu Landskrona stad." in texts(at.success)
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["Landskrona stad"]


def test_page_deletes_only_after_confirmation(fresh_database):
    at = open_page("workspaces")
    for name in ("Alby", "Bergå"):
        at.text_input[0].input(name)
        button(at, "Skapa kommun").click()
        at.run()
    at.selectbox(key="workspaces.chosen").set_value(
        next(o for o in at.selectbox(key="workspaces.chosen").options if o == "Alby")
    )
    at.run()
    assert any("Allt i Alby raderas: 0 deltagare" in m.value for m in at.markdown)
    button(at, "Ta bort kommunen").click()
    at.run()
    assert "Kryssa i rutan" in at.warning[0].value
    assert len(at.dataframe[0].value) == 2
    sure = next(c for c in at.checkbox if c.key.startswith("workspaces.sure."))
    sure.check()
    button(at, "Ta bort kommunen").click()
    at.run()
    assert not at.exception
    assert "Alby är borttagen." in texts(at.success)
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["Bergå"]
    from stadforstad.settings import get_settings
    from stadforstad.storage import Store, make_engine

    store = Store(make_engine(get_settings().database_url))
    assert next((e.action, e.target) for e in store.audit_log(actor=ADMIN)) == (
        "delete",
        "workspace Alby",
    )


# -- bulk grants on the Administration page -----------------------------------------------
def test_one_user_gets_eleven_municipalities_in_one_step(store, county):
    admin = actor_for_user(store, username="admin")
    extra = [store.create_workspace(actor=admin, name=f"Kommun {n:02}").id for n in range(9)]
    at = open_as("admin", signed_in(store, "admin"))
    at.selectbox(key="admin.grant_who").set_value("samordnare")
    at.run()
    at.multiselect(key="admin.grant_where").set_value([county["A"].id, *extra])
    at.radio(key="admin.grant_role").set_value("coordinator")
    button(at, "Ge behörighet").click()
    at.run()
    assert not at.exception, at.exception
    grants = actor_for_user(store, username="samordnare").grants
    assert set(grants) == {county["A"].id, county["B"].id, *extra}
    assert set(grants.values()) == {"coordinator"}
    assert "samordnare är länssamordnare i 10 kommuner." in texts(at.success)

    # Every municipality at once, and taking several away again.
    at.checkbox(key="admin.grant_all").check()
    at.radio(key="admin.grant_role").set_value("member")
    button(at, "Ge behörighet").click()
    at.run()
    grants = actor_for_user(store, username="samordnare").grants
    assert len(grants) == 11 and set(grants.values()) == {"member"}
    at.checkbox(key="admin.grant_all").uncheck()
    at.multiselect(key="admin.grant_where").set_value(extra)
    button(at, "Ta bort behörighet").click()
    at.run()
    assert set(actor_for_user(store, username="samordnare").grants) == {
        county["A"].id,
        county["B"].id,
    }


def test_bulk_grant_is_all_or_nothing(store, county):
    admin = actor_for_user(store, username="admin")
    with pytest.raises(StorageError) as caught:
        accounts.grant_roles(
            store,
            actor=admin,
            username="medlem",
            workspace_ids=[county["B"].id, 999],
            role="member",
        )
    assert caught.value.code == "STORE_001"
    assert actor_for_user(store, username="medlem").grants == {county["A"].id: "member"}
