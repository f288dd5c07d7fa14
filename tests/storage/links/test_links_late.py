"""A link that fills up, closes or is revoked while someone answers: what they wrote is
kept as a late draft (never a blank refusal), the members can read it, and it counts
toward no cap and no compilation. Empty answers are refused. SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from stadforstad.errors import AnswerError, ForbiddenError, StorageError
from stadforstad.storage import Actor
from stadforstad.storage.link_drafts import erase_link_drafts, list_late_drafts
from stadforstad.storage.links import (
    LINK_EMPTY,
    LINK_LATE,
    LINK_UNUSABLE,
    Identity,
    InvitationLink,
    LinkClosedError,
    LinkError,
    new_token,
)

GOOD = {"generell_1": 4, "generell_2": 2, "anteckningar": "Nattportier ser mest"}


def _link(links, admin, workspace, form, **kw):
    return links.create_link(actor=admin, workspace_id=workspace.id, form=form, **kw)


def _fill_up(links, token, form, n=1):
    actor, _ = links.open_link(token)
    for i in range(n):
        links.submit(
            actor=actor, resume=new_token(), submission_key=f"fill{i}", form=form, answers=GOOD
        )


def test_a_link_filling_up_mid_answer_keeps_the_answer_as_a_late_draft(
    links, admin, workspace, shareable_form
):
    created = _link(links, admin, workspace, shareable_form, label="Hotell", max_answers=1)
    me, _ = links.open_link(created.token)  # I start answering …
    resume = new_token()
    _fill_up(links, created.token, shareable_form)  # … someone else sends first
    mine = {"generell_2": 5, "anteckningar": "Jag hann inte"}  # incomplete: no generell_1
    with pytest.raises(LinkClosedError) as caught:
        links.submit(
            actor=me,
            resume=resume,
            submission_key="mine",
            form=shareable_form,
            answers=mine,
            identity=Identity(industry="Hotell"),
        )
    assert caught.value.code == LINK_LATE and caught.value.status == "full"
    assert caught.value.state.draft == mine  # kept as written, complete or not
    # The members see it, as a late draft; it is not an answer and the cap holds.
    late = list_late_drafts(links, actor=admin, workspace_id=workspace.id)
    assert [(d.link_label, d.answers, d.identity.industry) for d in late] == [
        ("Hotell", mine, "Hotell")
    ]
    assert len(links.link_answers(actor=admin, workspace_id=workspace.id)) == 1
    info = links.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.answers, info.drafts, info.late_drafts) == (1, 1, 1)
    # Coming back with the resume token: the link opens for me and shows the late draft.
    again, shown = links.open_link(created.token, resume)
    assert shown.status() == "full"
    state = links.respondent_state(actor=again, resume=resume)
    assert state.draft == mine and state.late_at is not None and not state.sent


@pytest.mark.parametrize("how", ["closed", "revoked"])
def test_a_draft_saved_after_the_link_stopped_is_kept_late(
    links, admin, workspace, shareable_form, how
):
    created = _link(links, admin, workspace, shareable_form)
    me, _ = links.open_link(created.token)
    resume = new_token()
    links.save_draft(actor=me, resume=resume, form=shareable_form, answers={"generell_2": 1})
    if how == "revoked":
        links.revoke_link(actor=admin, link_id=created.info.id)
    else:
        with links.store._write() as session:
            session.execute(
                update(InvitationLink)
                .where(InvitationLink.id == created.info.id)
                .values(closes_on=dt.date.today() - dt.timedelta(days=2))
            )
    with pytest.raises(LinkClosedError) as caught:
        links.save_draft(actor=me, resume=resume, form=shareable_form, answers={"generell_2": 3})
    assert caught.value.status == how
    assert [d.answers for d in list_late_drafts(links, actor=admin, workspace_id=workspace.id)] == [
        {"generell_2": 3}
    ]
    # Someone with no draft and no open session gets the one refusal, as before.
    with pytest.raises(LinkError) as refused:
        links.open_link(created.token, new_token())
    assert refused.value.code == LINK_UNUSABLE
    # A session that opened the link while it was open is still let in (the page
    # vouches for it), to leave what it wrote.
    _actor, info = links.open_link(created.token, returning=True)
    assert info.status() == how


def test_an_ordinary_draft_is_counted_but_not_shown_to_members(
    links, admin, workspace, shareable_form
):
    created = _link(links, admin, workspace, shareable_form)
    me, _ = links.open_link(created.token)
    links.save_draft(actor=me, resume=new_token(), form=shareable_form, answers={"generell_2": 1})
    assert list_late_drafts(links, actor=admin, workspace_id=workspace.id) == []
    info = links.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.drafts, info.late_drafts) == (1, 0)


@pytest.mark.parametrize(
    "answers",
    [{}, {"generell_1": None, "anteckningar": "   "}],
    ids=["nothing", "blank"],
)
def test_an_empty_answer_is_refused_and_counts_for_nothing(
    links, admin, workspace, shareable_form, answers
):
    created = _link(links, admin, workspace, shareable_form, max_answers=1)
    me, _ = links.open_link(created.token)
    for call in (
        lambda: links.submit(
            actor=me, resume=new_token(), submission_key="e", form=shareable_form, answers=answers
        ),
        lambda: links.save_draft(
            actor=me, resume=new_token(), form=shareable_form, answers=answers
        ),
    ):
        with pytest.raises(LinkError) as caught:
            call()
        assert caught.value.code == LINK_EMPTY
    info = links.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.answers, info.drafts, info.status()) == (0, 0, "open")


def test_what_counts_as_answered():
    from stadforstad.catalog import load_form
    from stadforstad.storage.link_values import has_answer

    form = load_form("kartlaggning")
    # What the page fills in itself (industry, organisation) is not an answer.
    assert not has_answer(form, {"bransch": "hotell", "aktor": "Hotell"})
    assert not has_answer(form, {"generell_1": None, "anteckningar": " ", "generell_1_comment": ""})
    assert has_answer(form, {"generell_1": 1})


def test_a_comment_alone_is_an_answer(shareable_yaml):
    from stadforstad.catalog import parse_form
    from stadforstad.storage.link_values import has_answer

    form = parse_form(
        shareable_yaml.replace(
            "label: {sv: Rädda eller sårbara}}",
            "label: {sv: Rädda eller sårbara}, comment: {sv: Kommentar}}",
        )
    )
    assert not has_answer(form, {"generell_2_comment": ""})
    assert has_answer(form, {"generell_2_comment": "Svårt att säga"})


def test_an_incomplete_answer_to_an_open_link_is_still_refused(
    links, admin, workspace, shareable_form
):
    created = _link(links, admin, workspace, shareable_form)
    me, _ = links.open_link(created.token)
    with pytest.raises(AnswerError):
        links.submit(
            actor=me,
            resume=new_token(),
            submission_key="k",
            form=shareable_form,
            answers={"generell_2": 3},
        )
    assert links.list_links(actor=admin, workspace_id=workspace.id)[0].drafts == 0


def test_members_erase_drafts_and_respondents_their_own(links, admin, workspace, shareable_form):
    created = _link(links, admin, workspace, shareable_form)
    me, _ = links.open_link(created.token)
    mine, other, third = new_token(), new_token(), new_token()
    for resume in (mine, other, third):
        links.save_draft(actor=me, resume=resume, form=shareable_form, answers={"generell_2": 2})
    links.submit(actor=me, resume=third, submission_key="k", form=shareable_form, answers=GOOD)

    assert links.erase_own_draft(actor=me, resume=mine) is True
    assert links.respondent_state(actor=me, resume=mine) is None
    assert links.erase_own_draft(actor=me, resume=mine) is False
    # A sent answer is not a draft: the respondent cannot erase it from the page.
    assert links.erase_own_draft(actor=me, resume=third) is False

    reader = Actor(name="läsare", grants={workspace.id: "coordinator"})
    with pytest.raises(ForbiddenError):
        erase_link_drafts(links, actor=reader, workspace_id=workspace.id, link_id=created.info.id)
    with pytest.raises(StorageError):
        erase_link_drafts(
            links, actor=admin, workspace_id=workspace.id, link_id=created.info.id, draft_id=999
        )
    assert (
        erase_link_drafts(links, actor=admin, workspace_id=workspace.id, link_id=created.info.id)
        == 1
    )
    info = links.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.answers, info.drafts) == (1, 0)  # the sent answer stays
    audit = links.store.audit_log(actor=admin, workspace_id=workspace.id)
    assert any(e.action == "erase" and "drafts" in e.target for e in audit)
