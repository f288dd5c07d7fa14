"""A resent submission (the same idempotency key) is answered from a read, without a
writer's turn; a send with the same key that lands between that read and the write is
still caught (by the resume token or by the key's unique index), so one answer is
stored. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest

from stadforstad.storage.links import LINK_FORBIDDEN, LinkError, LinkStore, new_token

GOOD = {"generell_1": 4, "generell_2": 2, "tiggeri_1": 1, "anteckningar": "Hej"}


@pytest.fixture
def link(links, admin, workspace, shareable_form):
    return links.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)


def _send(links: LinkStore, token: str, resume: str, key: str, form, answers=GOOD):
    actor, _ = links.open_link(token)
    return links.submit(actor=actor, resume=resume, submission_key=key, form=form, answers=answers)


def _missed_once(monkeypatch, links: LinkStore) -> list[int]:
    """The first look for the key finds nothing, as if the other send landed just after."""
    looks: list[int] = []
    real = links._sent_with_key

    def look(actor, key):
        looks.append(1)
        return None if len(looks) == 1 else real(actor, key)

    monkeypatch.setattr(links, "_sent_with_key", look)
    return looks


def test_a_resend_takes_no_writers_turn(links, admin, workspace, link, shareable_form, monkeypatch):
    resume = new_token()
    first = _send(links, link.token, resume, "k", shareable_form)
    writes: list[int] = []
    real = links.store._write

    def counted():
        writes.append(1)
        return real()

    monkeypatch.setattr(links.store, "_write", counted)
    again = _send(links, link.token, resume, "k", shareable_form)
    assert again.receipt == first.receipt
    assert writes == []


def test_same_key_landing_after_the_look_is_found_by_the_resume_token(
    links, admin, workspace, link, shareable_form, monkeypatch
):
    resume = new_token()
    first = _send(links, link.token, resume, "k", shareable_form)
    _missed_once(monkeypatch, links)
    again = _send(links, link.token, resume, "k", shareable_form, {**GOOD, "generell_1": 1})
    assert again.receipt == first.receipt
    stored = links.link_answers(actor=admin, workspace_id=workspace.id)
    assert [a.answers["generell_1"] for a in stored] == [4]


def test_same_key_from_another_draft_after_the_look_hits_the_unique_key_and_looks_again(
    links, admin, workspace, link, shareable_form, monkeypatch
):
    first = _send(links, link.token, new_token(), "k", shareable_form)
    looks = _missed_once(monkeypatch, links)
    again = _send(links, link.token, new_token(), "k", shareable_form)
    assert again.receipt == first.receipt  # as before: the key names the answer
    assert len(looks) == 2
    assert len(links.link_answers(actor=admin, workspace_id=workspace.id)) == 1


def test_a_key_of_another_link_is_refused(links, admin, workspace, link, shareable_form):
    other = links.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    _send(links, other.token, new_token(), "k", shareable_form)
    with pytest.raises(LinkError) as caught:
        _send(links, link.token, new_token(), "k", shareable_form)
    assert caught.value.code == LINK_FORBIDDEN


def test_the_same_send_from_eight_threads_at_once_is_stored_once(
    links, admin, workspace, link, shareable_form
):
    resume, start = new_token(), threading.Barrier(8)
    receipts: list[str] = []
    failures: list[BaseException] = []

    def send() -> None:
        try:
            start.wait(timeout=60)
            receipts.append(_send(links, link.token, resume, "k", shareable_form).receipt or "")
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []
    assert len(set(receipts)) == 1 and receipts[0]
    assert len(links.link_answers(actor=admin, workspace_id=workspace.id)) == 1
