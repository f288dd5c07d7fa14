"""Group-owned forms (``owner: group``): one answer per municipality and round that
every member edits; each revision records who changed what; two members saving at once
never overwrite each other silently. On a SQLite file and on PostgreSQL."""

from __future__ import annotations

import threading

import pytest

from stadforstad import errors
from stadforstad.answer_changes import changed_items, differences, merge_mine
from stadforstad.catalog import list_forms, load_form
from stadforstad.errors import StorageError
from stadforstad.storage import Actor

GROUP_FORMS = {
    "samverkansplan",
    "utgangspunkt",
    "swot",
    "arenderutin",
    "statistik",
    "kartlaggningsplan",
    "kunskapsbank",
    "event",
}


def test_the_plan_type_forms_belong_to_the_group_and_the_rest_to_each_person():
    owners = {form.id: form.owner for form in list_forms()}
    assert {f for f, owner in owners.items() if owner == "group"} == GROUP_FORMS
    assert owners["redo"] == "person"


def _members(workspace_id: int) -> tuple[Actor, Actor]:
    grants = {workspace_id: "member"}
    return (
        Actor(name="Anna", user_id=1, grants=grants),
        Actor(name="Bo", user_id=2, grants=grants),
    )


@pytest.fixture
def place(store, admin):
    return store.create_workspace(actor=admin, name="Landskrona")


def test_every_member_edits_the_same_answer_and_it_is_no_participant(store, place):
    anna, bo = _members(place.id)
    one = store.group_respondent(actor=anna, workspace_id=place.id)
    two = store.group_respondent(actor=bo, workspace_id=place.id)
    assert one == two
    assert store.list_respondents(actor=anna, workspace_id=place.id) == []
    form = load_form("samverkansplan")
    store.save_draft(
        actor=anna, workspace_id=place.id, respondent_id=one.id, form=form,
        answers={"vision": "Engagerade"}, expected_version=0,
    )  # fmt: skip
    seen = store.response_state(
        actor=bo, workspace_id=place.id, respondent_id=two.id, form_id="samverkansplan"
    )
    assert seen.draft == {"vision": "Engagerade"}
    assert (seen.version, seen.changed_by) == (1, "Anna")


def test_a_name_typed_as_the_groups_is_refused(store, place):
    anna, _bo = _members(place.id)
    group = store.group_respondent(actor=anna, workspace_id=place.id)
    with pytest.raises(StorageError) as caught:
        store.respondent(actor=anna, workspace_id=place.id, name=group.name)
    assert caught.value.code == errors.STORE_INVALID


def test_a_reader_sees_no_group_answer_until_a_member_made_one(store, place):
    reader = Actor(name="Länet", user_id=9, grants={place.id: "coordinator"})
    assert store.group_respondent(actor=reader, workspace_id=place.id, create=False) is None
    with pytest.raises(StorageError):
        store.group_respondent(actor=reader, workspace_id=place.id)


def test_the_later_save_is_refused_and_nothing_is_overwritten(store, place):
    anna, bo = _members(place.id)
    group = store.group_respondent(actor=anna, workspace_id=place.id)
    form = load_form("samverkansplan")
    where = {"workspace_id": place.id, "respondent_id": group.id, "form": form}
    start = store.response_state(
        actor=anna, workspace_id=place.id, respondent_id=group.id, form_id="samverkansplan"
    ).version
    store.submit(
        actor=anna, answers={"vision": "A", "nyckelord": "H"}, expected_version=start, **where
    )
    with pytest.raises(StorageError) as caught:
        store.submit(actor=bo, answers={"vision": "B"}, expected_version=start, **where)
    assert caught.value.code == errors.STORE_STALE
    with pytest.raises(StorageError) as caught:
        store.save_draft(actor=bo, answers={"vision": "B"}, expected_version=start, **where)
    assert caught.value.code == errors.STORE_STALE
    state = store.response_state(
        actor=bo, workspace_id=place.id, respondent_id=group.id, form_id="samverkansplan"
    )
    assert state.answers == {"vision": "A", "nyckelord": "H"} and state.draft is None
    # Bo has seen the difference and keeps his change on top of Anna's version.
    mine = merge_mine({}, state.answers, {"vision": "B"})
    store.submit(actor=bo, answers=mine, expected_version=state.version, **where)
    revisions = store.revisions(actor=bo, workspace_id=place.id, response_id=state.response_id)
    assert [(r.number, r.saved_by, r.changed) for r in revisions] == [
        (1, "Anna", ["vision", "nyckelord"]),
        (2, "Bo", ["vision"]),
    ]
    assert revisions[-1].answers == {"vision": "B", "nyckelord": "H"}


def test_two_members_saving_at_once_one_wins_the_other_is_told(store, place):
    anna, bo = _members(place.id)
    group = store.group_respondent(actor=anna, workspace_id=place.id)
    form = load_form("samverkansplan")
    start = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def save(actor: Actor, vision: str) -> None:
        start.wait()
        try:
            store.save_draft(
                actor=actor, workspace_id=place.id, respondent_id=group.id, form=form,
                answers={"vision": vision}, expected_version=0,
            )  # fmt: skip
            outcome[actor.name] = "saved"
        except StorageError as exc:
            outcome[actor.name] = exc.code

    threads = [
        threading.Thread(target=save, args=(anna, "En trygg stad")),
        threading.Thread(target=save, args=(bo, "En stad utan exploatering")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcome.values()) == [errors.STORE_STALE, "saved"]
    winner = next(name for name, result in outcome.items() if result == "saved")
    state = store.response_state(
        actor=anna, workspace_id=place.id, respondent_id=group.id, form_id="samverkansplan"
    )
    assert state.version == 1 and state.changed_by == winner
    wanted = "En trygg stad" if winner == "Anna" else "En stad utan exploatering"
    assert state.draft == {"vision": wanted}


def test_a_personal_form_saved_without_a_version_is_not_checked(store, place):
    anna, _bo = _members(place.id)
    person = store.respondent(actor=anna, workspace_id=place.id, name="Anna")
    form = load_form("samverkansplan")
    for text in ("ett", "två"):
        store.save_draft(
            actor=anna, workspace_id=place.id, respondent_id=person.id, form=form,
            answers={"vision": text},
        )  # fmt: skip


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        pytest.param({}, {"a": 1}, ["a"], id="new"),
        pytest.param({"a": 1}, {"a": 1}, [], id="same"),
        pytest.param({"a": 1}, {}, ["a"], id="cleared"),
        pytest.param({"a": ""}, {}, [], id="blank_is_missing"),
        pytest.param({"t": [{"x": 1}]}, {"t": [{"x": 2}]}, ["t"], id="table_row"),
    ],
)
def test_changed_items(before, after, changed):
    assert changed_items(before, after) == changed


def test_the_difference_and_keeping_my_changes_on_theirs():
    base = {"a": 1, "b": 1}
    theirs = {"a": 2, "b": 1, "c": 3}
    mine = {"a": 1, "b": 5}
    assert [(d.item_id, d.theirs, d.mine) for d in differences(theirs, mine)] == [
        ("a", 2, 1),
        ("b", 1, 5),
        ("c", 3, None),
    ]
    assert merge_mine(base, theirs, mine) == {"a": 2, "b": 5, "c": 3}


def test_an_imported_group_form_becomes_the_groups_one_answer(store, admin, place):
    """A file for a group's form (e.g. the statistics typed in a spreadsheet) holds one
    row, stored as the group's shared answer, never as a participant of that name; a
    file of several rows is refused whole, naming why."""
    form = load_form("swot")
    stored = store.submit_many(
        actor=admin,
        workspace_id=place.id,
        form=form,
        rows=[("Anna", {"styrkor": [{"punkt": "Engagerade"}]})],
    )
    assert stored == 1
    assert store.list_respondents(actor=admin, workspace_id=place.id) == []  # no "Anna"
    group = store.group_respondent(actor=admin, workspace_id=place.id, create=False)
    assert group is not None
    state = store.response_state(
        actor=admin, workspace_id=place.id, respondent_id=group.id, form_id="swot"
    )
    assert state.answers == {"styrkor": [{"punkt": "Engagerade"}]}

    with pytest.raises(StorageError) as refused:
        store.submit_many(
            actor=admin,
            workspace_id=place.id,
            form=form,
            rows=[("Anna", {"styrkor": [{"punkt": "A"}]}), ("Bo", {"styrkor": [{"punkt": "B"}]})],
        )
    assert [p.code for p in refused.value.problems] == [errors.STORE_INVALID]
    assert "one row, it has 2" in refused.value.problems[0].message.en
    after = store.response_state(
        actor=admin, workspace_id=place.id, respondent_id=group.id, form_id="swot"
    )
    assert after.answers == {"styrkor": [{"punkt": "Engagerade"}]}  # nothing stored
