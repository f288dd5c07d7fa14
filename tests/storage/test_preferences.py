"""Each user's own settings in the database (issue 9.4, 9.8): the language, the last
municipality, and which participant is the user ("Det här är jag"), with the rights
checked in the storage layer. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from stadforstad import accounts, errors
from stadforstad.errors import ForbiddenError, StorageError
from stadforstad.storage import Actor
from stadforstad.storage.preferences import Preferences, PreferenceStore
from tests.helpers.accounts import actor_for_user

PASSWORD = "ett-långt-lösenord"


@pytest.fixture
def county(store, admin):
    """Two municipalities; Karin is a member of A and reads B; Olle is a member of A."""
    accounts.create_user(
        store, actor=Actor.local(), username="chefen", password=PASSWORD, admin=True
    )
    admin = actor_for_user(store, username="chefen")
    a = store.create_workspace(actor=admin, name="A-stad")
    b = store.create_workspace(actor=admin, name="B-by")
    for name in ("karin", "olle"):
        accounts.create_user(store, actor=admin, username=name, password=PASSWORD)
        accounts.grant_role(store, actor=admin, username=name, workspace_id=a.id, role="member")
    accounts.grant_role(store, actor=admin, username="karin", workspace_id=b.id, role="coordinator")
    karin = actor_for_user(store, username="karin")
    olle = actor_for_user(store, username="olle")
    return a, b, karin, olle, admin


def test_language_and_last_municipality_are_kept_per_user(store, county) -> None:
    a, b, karin, olle, admin = county
    prefs = PreferenceStore(store)
    assert prefs.preferences(actor=karin) == Preferences()
    prefs.save_language(actor=karin, language="en")
    prefs.remember_workspace(actor=karin, workspace_id=b.id)
    assert prefs.preferences(actor=karin) == Preferences(language="en", last_workspace_id=b.id)
    assert prefs.preferences(actor=olle) == Preferences()  # each user their own
    with pytest.raises(StorageError) as bad:
        prefs.save_language(actor=karin, language="de")
    assert bad.value.code == errors.STORE_INVALID


def test_a_municipality_the_user_cannot_read_is_neither_saved_nor_given_back(store, county) -> None:
    a, b, karin, olle, admin = county
    prefs = PreferenceStore(store)
    with pytest.raises(ForbiddenError):
        prefs.remember_workspace(actor=olle, workspace_id=b.id)
    prefs.remember_workspace(actor=karin, workspace_id=b.id)
    accounts.revoke_role(store, actor=admin, username="karin", workspace_id=b.id)
    karin = actor_for_user(store, username="karin")
    assert prefs.preferences(actor=karin).last_workspace_id is None


def test_a_deleted_municipality_is_forgotten(store, county) -> None:
    a, b, karin, olle, admin = county
    prefs = PreferenceStore(store)
    prefs.remember_workspace(actor=karin, workspace_id=b.id)
    store.delete_workspace(actor=admin, workspace_id=b.id)
    assert prefs.preferences(actor=admin).last_workspace_id is None
    assert prefs.preferences(actor=karin).last_workspace_id is None


def test_this_is_me_links_one_participant_per_user_and_municipality(store, county) -> None:
    a, b, karin, olle, admin = county
    prefs = PreferenceStore(store)
    me = store.respondent(actor=karin, workspace_id=a.id, name="Karin")
    other = store.respondent(actor=karin, workspace_id=a.id, name="Bo")
    assert prefs.own_participant(actor=karin, workspace_id=a.id) is None
    prefs.link_participant(actor=karin, workspace_id=a.id, respondent_id=other.id)
    prefs.link_participant(actor=karin, workspace_id=a.id, respondent_id=me.id)  # replaces
    assert prefs.own_participant(actor=karin, workspace_id=a.id) == me.id
    # A participant is one person: Olle cannot claim Karin.
    with pytest.raises(StorageError) as taken:
        prefs.link_participant(actor=olle, workspace_id=a.id, respondent_id=me.id)
    assert taken.value.code == errors.PREF_TAKEN


def test_linking_needs_the_right_to_write_and_a_participant_of_that_municipality(
    store, county
) -> None:
    a, b, karin, olle, admin = county
    prefs = PreferenceStore(store)
    in_b = store.respondent(actor=admin, workspace_id=b.id, name="Berit")
    with pytest.raises(ForbiddenError):  # Karin only reads B
        prefs.link_participant(actor=karin, workspace_id=b.id, respondent_id=in_b.id)
    with pytest.raises(StorageError) as wrong:  # Berit is not in A
        prefs.link_participant(actor=karin, workspace_id=a.id, respondent_id=in_b.id)
    assert wrong.value.code == errors.STORE_NOT_FOUND
    with pytest.raises(ForbiddenError):
        prefs.own_participant(actor=olle, workspace_id=b.id)


def test_erasing_the_participant_removes_the_link(store, county) -> None:
    a, b, karin, olle, admin = county
    prefs = PreferenceStore(store)
    me = store.respondent(actor=karin, workspace_id=a.id, name="Karin")
    prefs.link_participant(actor=karin, workspace_id=a.id, respondent_id=me.id)
    store.erase_respondent(actor=karin, workspace_id=a.id, respondent_id=me.id)
    assert prefs.own_participant(actor=karin, workspace_id=a.id) is None


def test_the_local_user_of_an_install_without_accounts_has_no_saved_settings(store) -> None:
    prefs = PreferenceStore(store)
    local = Actor.local()
    assert prefs.preferences(actor=local) == Preferences()
    assert prefs.own_participant(actor=local, workspace_id=1) is None
    with pytest.raises(StorageError) as none:
        prefs.save_language(actor=local, language="en")
    assert none.value.code == errors.PREF_NO_USER
