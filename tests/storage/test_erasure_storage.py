"""Erasure leaves nothing behind on SQLite (``secure_delete`` and the write-ahead log
emptied), and the comparison's cache key notices link answers, erasures and renames."""

from __future__ import annotations

from pathlib import Path

from stadforstad.catalog import parse_form
from stadforstad.storage import Actor, Store, make_engine
from stadforstad.storage.links import Identity, LinkStore, new_token
from tests.helpers.sample_forms import SHAREABLE_YAML, TINY

ADMIN = Actor.local()
FORM = parse_form(SHAREABLE_YAML)
SECRET = "HEMLIGT-7f3a-" * 20


def file_bytes(path: Path) -> bytes:
    """The database file and its companions (-wal, -shm), as a copy on disk holds them."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_an_erased_answer_is_gone_from_the_sqlite_files(tmp_path):
    path = tmp_path / "e.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    store = Store(engine)
    place = store.create_workspace(actor=ADMIN, name="Kommun")
    kim = store.respondent(actor=ADMIN, workspace_id=place.id, name="Kim")
    store.submit(
        actor=ADMIN,
        workspace_id=place.id,
        respondent_id=kim.id,
        form=TINY,
        answers={"a": 3, "note": SECRET},
    )
    links = LinkStore(store)
    created = links.create_link(actor=ADMIN, workspace_id=place.id, form=FORM, ask_identity=True)
    respondent, _ = links.open_link(created.token)
    sent = links.submit(
        actor=respondent,
        resume=new_token(),
        submission_key="k",
        form=FORM,
        answers={"generell_1": 3, "anteckningar": SECRET.lower()},
        identity=Identity(name="Lisa Länk-" + SECRET[:30]),
    )
    data = file_bytes(path)
    assert SECRET.encode() in data and SECRET.lower().encode() in data  # it was written

    store.erase_respondent(actor=ADMIN, workspace_id=place.id, respondent_id=kim.id)
    links.erase_link_response(actor=ADMIN, workspace_id=place.id, receipt=sent.receipt)

    data = file_bytes(path)
    assert SECRET.encode() not in data
    assert SECRET.lower().encode() not in data
    assert b"Lisa L" not in data
    engine.dispose()


def test_the_comparison_cache_key_notices_link_answers_erasures_and_renames(store):
    place = store.create_workspace(actor=ADMIN, name="Kommun")
    kim = store.respondent(actor=ADMIN, workspace_id=place.id, name="Kim")
    store.submit(
        actor=ADMIN, workspace_id=place.id, respondent_id=kim.id, form=TINY, answers={"a": 3}
    )
    links = LinkStore(store)
    created = links.create_link(actor=ADMIN, workspace_id=place.id, form=FORM)
    respondent, _ = links.open_link(created.token)

    stamps = [store.data_stamp()]
    sent = links.submit(
        actor=respondent,
        resume=new_token(),
        submission_key="k",
        form=FORM,
        answers={"generell_1": 3},
    )
    stamps.append(store.data_stamp())  # an answer through a link
    links.erase_link_response(actor=ADMIN, workspace_id=place.id, receipt=sent.receipt)
    stamps.append(store.data_stamp())  # that answer erased
    store.rename_workspace(actor=ADMIN, workspace_id=place.id, name="Nytt namn")
    stamps.append(store.data_stamp())  # the name every view shows
    store.erase_respondent(actor=ADMIN, workspace_id=place.id, respondent_id=kim.id)
    other = store.respondent(actor=ADMIN, workspace_id=place.id, name="Bo")
    store.submit(
        actor=ADMIN, workspace_id=place.id, respondent_id=other.id, form=TINY, answers={"a": 1}
    )
    stamps.append(store.data_stamp())  # one erased, one new: the counts alone are equal
    assert len(set(stamps)) == len(stamps), stamps
