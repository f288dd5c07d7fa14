"""Invitation links in storage: tokens, refusals with one code, drafts, idempotency,
rights. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from stadforstad import errors
from stadforstad.errors import AnswerError, ForbiddenError, StadError
from stadforstad.storage import Actor
from stadforstad.storage.links import (
    LINK_BAD_SETTING,
    LINK_FORBIDDEN,
    LINK_LATE,
    LINK_NO_DRAFT,
    LINK_NOT_FOUND,
    LINK_NOT_SHAREABLE,
    LINK_TOO_LONG,
    LINK_UNUSABLE,
    UNUSABLE_MESSAGE,
    Identity,
    InvitationLink,
    LinkClosedError,
    LinkError,
    LinkResponse,
    hash_token,
    link_url,
    new_token,
    today,
)

GOOD = {"generell_1": 4, "generell_2": 2, "tiggeri_1": 1, "anteckningar": "Hej"}


def _link(links, admin, workspace, form, **kw):
    return links.create_link(actor=admin, workspace_id=workspace.id, form=form, **kw)


def test_token_is_long_random_and_stored_only_as_hash(links, admin, workspace, shareable_form):
    created = _link(links, admin, workspace, shareable_form, label="Hotell")
    assert len(created.token) >= 43  # 32 bytes urlsafe: 256 bits
    with links.store._read() as session:
        row = session.get(InvitationLink, created.info.id)
        assert row.token_hash == hash_token(created.token)
        assert created.token not in (row.token_hash, row.label, row.intro)
    assert link_url("https://x.se/", created.token) == f"https://x.se/?t={created.token}"
    assert new_token() != new_token()


def test_only_shareable_forms_get_links(links, admin, workspace, private_form):
    with pytest.raises(LinkError) as caught:
        _link(links, admin, workspace, private_form)
    assert caught.value.code == LINK_NOT_SHAREABLE


@pytest.mark.parametrize(
    "kw",
    [{"closes_on": dt.date(2000, 1, 1)}, {"max_answers": 0}],
    ids=["past-closing-date", "cap-zero"],
)
def test_bad_settings_are_refused(links, admin, workspace, shareable_form, kw):
    with pytest.raises(LinkError) as caught:
        _link(links, admin, workspace, shareable_form, **kw)
    assert caught.value.code == LINK_BAD_SETTING


def _refusal(links, token):
    with pytest.raises(LinkError) as caught:
        links.open_link(token)
    return caught.value.code, caught.value.problems[0].message


def test_revoked_expired_full_and_made_up_tokens_get_the_same_refusal(
    links, admin, workspace, shareable_form
):
    revoked = _link(links, admin, workspace, shareable_form, label="a")
    links.revoke_link(actor=admin, link_id=revoked.info.id)

    expired = _link(links, admin, workspace, shareable_form, label="b")
    with links.store._write() as session:  # the closing date passed yesterday
        session.execute(
            update(InvitationLink)
            .where(InvitationLink.id == expired.info.id)
            .values(closes_on=dt.date.today() - dt.timedelta(days=2))
        )

    full = _link(links, admin, workspace, shareable_form, label="c", max_answers=1)
    actor, _ = links.open_link(full.token)
    links.submit(
        actor=actor, resume=new_token(), submission_key="k1", form=shareable_form, answers=GOOD
    )

    refusals = {
        name: _refusal(links, token)
        for name, token in [
            ("revoked", revoked.token),
            ("expired", expired.token),
            ("full", full.token),
            ("made-up", new_token()),
            ("empty", ""),
            ("huge", "x" * 5000),
        ]
    }
    assert set(refusals.values()) == {(LINK_UNUSABLE, UNUSABLE_MESSAGE)}, refusals


def test_a_link_that_closes_today_is_still_open(links, admin, workspace, shareable_form):
    created = _link(links, admin, workspace, shareable_form, closes_on=today())
    _actor, info = links.open_link(created.token)
    assert info.status() == "open"


def test_respondent_who_opened_before_revoke_cannot_send_after(
    links, admin, workspace, shareable_form
):
    created = _link(links, admin, workspace, shareable_form)
    actor, _ = links.open_link(created.token)
    links.revoke_link(actor=admin, link_id=created.info.id)
    with pytest.raises(LinkClosedError) as caught:
        links.submit(
            actor=actor, resume=new_token(), submission_key="k", form=shareable_form, answers=GOOD
        )
    # Not an answer – but what they wrote is kept as a late draft, and they are told so.
    assert caught.value.code == LINK_LATE and caught.value.status == "revoked"
    assert caught.value.state.draft == GOOD and caught.value.state.late_at is not None
    assert links.link_answers(actor=admin, workspace_id=workspace.id) == []
    # To anyone else the revoked link is the one refusal.
    assert _refusal(links, created.token) == (LINK_UNUSABLE, UNUSABLE_MESSAGE)


def test_replayed_submission_is_stored_once(links, admin, workspace, shareable_form):
    created = _link(links, admin, workspace, shareable_form)
    actor, _ = links.open_link(created.token)
    resume = new_token()
    first = links.submit(
        actor=actor,
        resume=resume,
        submission_key="same",
        form=shareable_form,
        answers=GOOD,
        identity=Identity(industry="Hotell"),
    )
    again = links.submit(
        actor=actor,
        resume=resume,
        submission_key="same",
        form=shareable_form,
        answers={**GOOD, "generell_1": 1},
    )
    other_key = links.submit(
        actor=actor, resume=resume, submission_key="other", form=shareable_form, answers=GOOD
    )
    assert first.receipt and first.receipt == again.receipt == other_key.receipt
    stored = links.link_answers(actor=admin, workspace_id=workspace.id)
    assert len(stored) == 1
    assert stored[0].answers["generell_1"] == 4 and stored[0].industry == "Hotell"
    assert links.list_links(actor=admin, workspace_id=workspace.id)[0].answers == 1


def test_draft_resumes_and_is_cleared_on_send(links, admin, workspace, shareable_form):
    created = _link(links, admin, workspace, shareable_form)
    actor, _ = links.open_link(created.token)
    resume = new_token()
    assert links.respondent_state(actor=actor, resume=resume) is None
    links.save_draft(
        actor=actor,
        resume=resume,
        form=shareable_form,
        answers={"generell_2": 3},
        identity=Identity(industry="Taxi"),
    )
    # Later, another session (a reload or the resume link) opens the same link.
    actor2, _ = links.open_link(created.token)
    state = links.respondent_state(actor=actor2, resume=resume)
    assert state.draft == {"generell_2": 3} and state.identity.industry == "Taxi"
    assert not state.sent
    info = links.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.answers, info.drafts) == (0, 1)
    sent = links.submit(
        actor=actor2,
        resume=resume,
        submission_key="k",
        form=shareable_form,
        answers=GOOD,
        identity=state.identity,
    )
    assert sent.sent and sent.draft is None
    assert links.respondent_state(actor=actor2, resume=resume).receipt == sent.receipt


def test_name_and_contact_kept_only_when_the_link_asks(links, admin, workspace, shareable_form):
    anonymous = _link(links, admin, workspace, shareable_form, label="anon")
    named = _link(links, admin, workspace, shareable_form, label="named", ask_identity=True)
    who = Identity(industry="Skola", name="Eva", contact="eva@example.se")
    for created, key in ((anonymous, "a"), (named, "n")):
        actor, _ = links.open_link(created.token)
        links.submit(
            actor=actor,
            resume=new_token(),
            submission_key=key,
            form=shareable_form,
            answers=GOOD,
            identity=who,
        )
    rows = {a.link_label: a for a in links.link_answers(actor=admin, workspace_id=workspace.id)}
    assert (rows["anon"].name, rows["anon"].contact) == (None, None)
    assert (rows["named"].name, rows["named"].contact) == ("Eva", "eva@example.se")
    assert rows["anon"].industry == "Skola"


def test_free_text_is_length_limited(links, admin, workspace, shareable_form):
    actor, _ = links.open_link(_link(links, admin, workspace, shareable_form).token)
    with pytest.raises(AnswerError) as caught:
        links.submit(
            actor=actor,
            resume=new_token(),
            submission_key="k",
            form=shareable_form,
            answers={**GOOD, "anteckningar": "x" * 501},
        )
    assert caught.value.code == errors.ANSWER_TOO_LONG
    with pytest.raises(LinkError) as too_long:
        links.submit(
            actor=actor,
            resume=new_token(),
            submission_key="k",
            form=shareable_form,
            answers=GOOD,
            identity=Identity(industry="x" * 201),
        )
    assert too_long.value.code == LINK_TOO_LONG


def test_respondent_actor_is_confined_to_its_link(
    links, admin, workspace, shareable_form, private_form
):
    first = _link(links, admin, workspace, shareable_form)
    second = _link(links, admin, workspace, shareable_form)
    actor, _ = links.open_link(first.token)
    store = links.store
    # Nothing of the workspace through the ordinary store …
    for call in (
        lambda: store.list_respondents(actor=actor, workspace_id=workspace.id),
        lambda: store.respondent(actor=actor, workspace_id=workspace.id, name="x"),
        lambda: links.list_links(actor=actor, workspace_id=workspace.id),
        lambda: links.link_answers(actor=actor, workspace_id=workspace.id),
        lambda: links.create_link(actor=actor, workspace_id=workspace.id, form=shareable_form),
    ):
        with pytest.raises(ForbiddenError) as caught:
            call()
        assert caught.value.code == errors.AUTH_FORBIDDEN
    with pytest.raises(LinkError) as caught:
        links.revoke_link(actor=actor, link_id=second.info.id)
    assert caught.value.code == LINK_NOT_FOUND
    # … no other form, and no draft of another link.
    with pytest.raises(LinkError) as caught:
        links.save_draft(actor=actor, resume=new_token(), form=private_form, answers={})
    assert caught.value.code == LINK_FORBIDDEN
    other_actor, _ = links.open_link(second.token)
    resume = new_token()
    links.save_draft(
        actor=other_actor, resume=resume, form=shareable_form, answers={"generell_1": 2}
    )
    with pytest.raises(StadError) as other_draft:
        links.respondent_state(actor=actor, resume=resume)
    assert other_draft.value.code == LINK_NO_DRAFT
    # A member with no rights in the workspace sees no links either.
    stranger = Actor(name="främling", grants={})
    with pytest.raises(ForbiddenError):
        links.list_links(actor=stranger, workspace_id=workspace.id)
    with pytest.raises(LinkError) as caught:
        links.revoke_link(actor=stranger, link_id=first.info.id)
    assert caught.value.code == LINK_NOT_FOUND
    reader = Actor(name="läsare", grants={workspace.id: "coordinator"})
    assert links.list_links(actor=reader, workspace_id=workspace.id)
    with pytest.raises(ForbiddenError):
        links.revoke_link(actor=reader, link_id=first.info.id)


def test_cap_is_never_overshot(links, admin, workspace, shareable_form):
    created = _link(links, admin, workspace, shareable_form, max_answers=2)
    actor, _ = links.open_link(created.token)
    results = []
    for n in range(4):
        try:
            links.submit(
                actor=actor,
                resume=new_token(),
                submission_key=f"k{n}",
                form=shareable_form,
                answers=GOOD,
            )
            results.append("ok")
        except LinkError as exc:
            results.append(exc.code)
    # The two who were answering when it filled up keep their text as late drafts.
    assert results == ["ok", "ok", LINK_LATE, LINK_LATE]
    with links.store._read() as session:
        sent = [r.submitted_at is not None for r in session.scalars(select(LinkResponse))]
    assert sorted(sent) == [False, False, True, True]
    assert len(links.link_answers(actor=admin, workspace_id=workspace.id)) == 2
    info = links.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.answers, info.drafts, info.late_drafts, info.status()) == (2, 2, 2, "full")


def test_a_full_link_still_shows_the_sender_their_receipt(
    links, admin, workspace, shareable_form, monkeypatch
):
    from stadforstad import questionnaire

    monkeypatch.setattr(questionnaire, "link_form", lambda form_id: shareable_form)
    created = _link(links, admin, workspace, shareable_form, max_answers=1)
    resume = new_token()
    first = questionnaire.send_answers(
        links,
        token=created.token,
        resume=resume,
        submission_key="k",
        answers=GOOD,
        identity=Identity(),
    )
    # The double click arrives after the link became full: same receipt, one answer.
    again = questionnaire.send_answers(
        links,
        token=created.token,
        resume=resume,
        submission_key="k",
        answers=GOOD,
        identity=Identity(),
    )
    assert first.receipt == again.receipt
    assert len(links.link_answers(actor=admin, workspace_id=workspace.id)) == 1
    with pytest.raises(LinkError):  # anyone else: the one message
        links.open_link(created.token, new_token())
