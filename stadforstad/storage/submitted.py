"""Reading submitted answers in bulk: the latest revision of every response over many
workspaces in one query, their counts, and a workspace's progress per form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from stadforstad.answers import Answers
from stadforstad.storage.actors import Actor
from stadforstad.storage.records import SubmittedRow
from stadforstad.storage.tables import Respondent, Response, Revision, Workspace

if TYPE_CHECKING:
    from stadforstad.storage.repository import Store


def submitted(
    store: Store,
    *,
    actor: Actor,
    workspace_ids: Sequence[int],
    form_id: str | None = None,
    round: int | None = None,
    saved_from: dt.datetime | None = None,
    saved_to: dt.datetime | None = None,
) -> list[SubmittedRow]:
    """The latest submitted revision of every response, in one query.

    With a period, each response is taken as it stood at ``saved_to`` (its latest
    revision saved before it), and only if that revision was saved at or after
    ``saved_from``: a correction made after the period does not hide the answer.
    """
    for workspace_id in workspace_ids:
        store._require_read(actor, workspace_id)
    if not workspace_ids:
        return []
    # Columns, not ORM objects: no identity map, no per-row object state (a comparison
    # reads ~100,000 of these; loading full objects cost more than the scoring).
    query = (
        select(
            Response.workspace_id,
            Workspace.name,
            Response.respondent_id,
            Respondent.name,
            Response.form_id,
            Response.round,
            Revision.number,
            Revision.form_version,
            Revision.answers,
            Revision.saved_at,
        )
        .select_from(Response)
        .join(
            Revision,
            (Revision.response_id == Response.id) & (Revision.number == revision_number(saved_to)),
        )
        .join(Respondent, Respondent.id == Response.respondent_id)
        .join(Workspace, Workspace.id == Response.workspace_id)
        .where(Response.workspace_id.in_(list(workspace_ids)))
        .order_by(Workspace.name, Response.form_id, Response.round, Respondent.name)
    )
    if form_id is not None:
        query = query.where(Response.form_id == form_id)
    if round is not None:
        query = query.where(Response.round == round)
    if saved_from is not None:
        query = query.where(Revision.saved_at >= saved_from)
    with store.read_session() as session:
        return [
            SubmittedRow(
                workspace_id=workspace_id,
                workspace=workspace,
                respondent_id=respondent_id,
                respondent=respondent,
                form_id=form,
                round=number_of_round,
                revision=revision,
                form_version=form_version,
                answers=answers,
                saved_at=saved_at,
            )
            for (
                workspace_id,
                workspace,
                respondent_id,
                respondent,
                form,
                number_of_round,
                revision,
                form_version,
                answers,
                saved_at,
            ) in session.execute(query)
        ]


def first_answers(
    store: Store,
    *,
    actor: Actor,
    workspace_ids: Sequence[int],
    round: int | None = None,
    saved_from: dt.datetime | None = None,
    saved_to: dt.datetime | None = None,
) -> list[tuple[int, str, int, Answers]]:
    """``(workspace_id, form_id, responses, answers)`` in one query: for every workspace
    and form with submitted responses (the period rule of :func:`submitted`), how many
    there are and the answers of the first of them (the lowest response id). Lets a
    view that needs one response of a kind per form (the progress grid: is one done?)
    read one answer per form instead of all of them."""
    for workspace_id in workspace_ids:
        store._require_read(actor, workspace_id)
    if not workspace_ids:
        return []
    grouped = _filtered(
        select(
            Response.workspace_id,
            Response.form_id,
            func.count().label("responses"),
            func.min(Response.id).label("first_id"),
        ),
        workspace_ids=workspace_ids,
        round=round,
        saved_from=saved_from,
        saved_to=saved_to,
    ).group_by(Response.workspace_id, Response.form_id)
    counted = grouped.subquery()
    query = (
        select(counted.c.workspace_id, counted.c.form_id, counted.c.responses, Revision.answers)
        .select_from(counted)
        .join(Response, Response.id == counted.c.first_id)
        .join(
            Revision,
            (Revision.response_id == Response.id) & (Revision.number == revision_number(saved_to)),
        )
    )
    with store.read_session() as session:
        return [(w, f, int(n), answers) for w, f, n, answers in session.execute(query)]


def submitted_answers(
    store: Store,
    *,
    actor: Actor,
    workspace_ids: Sequence[int],
    form_ids: Sequence[str],
    round: int | None = None,
    saved_from: dt.datetime | None = None,
    saved_to: dt.datetime | None = None,
) -> list[tuple[int, str, Answers]]:
    """``(workspace_id, form_id, answers)`` of every submitted response to ``form_ids``
    in ``workspace_ids`` (the period rule of :func:`submitted`), in one query."""
    for workspace_id in workspace_ids:
        store._require_read(actor, workspace_id)
    if not workspace_ids or not form_ids:
        return []
    query = _filtered(
        select(Response.workspace_id, Response.form_id, Revision.answers),
        workspace_ids=workspace_ids,
        round=round,
        saved_from=saved_from,
        saved_to=saved_to,
    ).where(Response.form_id.in_(list(form_ids)))
    with store.read_session() as session:
        return [(w, f, answers) for w, f, answers in session.execute(query)]


def _filtered(
    query,
    *,
    workspace_ids: Sequence[int],
    round: int | None,
    saved_from: dt.datetime | None,
    saved_to: dt.datetime | None,
):
    """``query`` over responses joined to the revision they are read at, with the
    workspaces, round and period of :func:`submitted`."""
    query = (
        query.select_from(Response)
        .join(
            Revision,
            (Revision.response_id == Response.id) & (Revision.number == revision_number(saved_to)),
        )
        .where(Response.workspace_id.in_(list(workspace_ids)))
    )
    if round is not None:
        query = query.where(Response.round == round)
    if saved_from is not None:
        query = query.where(Revision.saved_at >= saved_from)
    return query


def form_progress(store: Store, *, actor: Actor, workspace_id: int) -> dict[str, dict[str, int]]:
    """Per form id: how many responses are submitted and how many are drafts."""
    store._require_read(actor, workspace_id)
    with store.read_session() as session:
        rows = session.execute(
            select(
                Response.form_id,
                func.sum(case((Response.revision > 0, 1), else_=0)),
                func.sum(case((Response.draft_saved_at.is_not(None), 1), else_=0)),
            )
            .where(Response.workspace_id == workspace_id)
            .group_by(Response.form_id)
        )
        return {
            form_id: {"submitted": int(done or 0), "drafts": int(drafts or 0)}
            for form_id, done, drafts in rows
        }


def revision_number(saved_to: dt.datetime | None):
    """The revision a response is read at: its latest, or its latest before ``saved_to``."""
    if saved_to is None:
        return Response.revision
    earlier = aliased(Revision)
    return (
        select(func.max(earlier.number))
        .where(earlier.response_id == Response.id, earlier.saved_at < saved_to)
        .correlate(Response)
        .scalar_subquery()
    )
