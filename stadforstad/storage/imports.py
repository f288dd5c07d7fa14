"""Many responses at once (a paper round typed in, a spreadsheet read): every row is
checked before anything is stored, and one bad row stores nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from stadforstad import errors, limits
from stadforstad.answers import check_answers
from stadforstad.errors import AnswerError, StorageError, say
from stadforstad.keyed import protect_answers
from stadforstad.schema import Form
from stadforstad.storage.actors import Actor
from stadforstad.storage.refusals import not_found
from stadforstad.storage.tables import Respondent, Response, Revision, Workspace, utcnow

if TYPE_CHECKING:
    from stadforstad.storage.repository import Store


def submit_many(
    store: Store,
    *,
    actor: Actor,
    workspace_id: int,
    form: Form,
    rows: Sequence[tuple[str, dict[str, Any]]],
    round: int = 1,
    saved_at: dt.datetime | None = None,
) -> int:
    """Submit one response per ``(respondent name, answers)`` in ONE transaction:
    every row is checked first, and one bad row stores nothing. A respondent named
    twice is refused (which answer would count?). ``saved_at`` dates the revisions,
    e.g. the day of the workshop a paper form was filled in. Returns the count.

    A form the whole group writes (``owner: group``: the plans) has one shared answer
    per round, not one per person: its file must hold exactly one row, stored as the
    group's answer (a new revision of it, with the items it changes), whatever name
    the row carries."""
    store._require_write(actor, workspace_id)
    if form.owner == "group":
        return _submit_shared(store, actor, workspace_id, form, rows, round)
    names = [" ".join(name.split()) for name, _answers in rows]
    problems = [
        errors.Problem(
            errors.STORE_DUPLICATE,
            "",
            say(
                f"{name!r} finns redan på en tidigare rad", f"{name!r} is already on an earlier row"
            ),
            file_row=index + 1,
        )
        for index, name in enumerate(names)
        if name in names[:index]
    ]
    problems += [
        errors.Problem(
            errors.STORE_NOT_FOUND,
            "",
            say("deltagarens namn saknas", "the participant's name is missing"),
            file_row=index + 1,
        )
        for index, name in enumerate(names)
        if not name
    ]
    problems += [
        errors.Problem(
            errors.STORE_INVALID,
            "",
            errors.say(
                f"namnet är längre än {limits.NAME_LENGTH} tecken",
                f"the name is longer than {limits.NAME_LENGTH} characters",
            ),
            file_row=index + 1,
        )
        for index, name in enumerate(names)
        if len(name) > limits.NAME_LENGTH
    ]
    if not 1 <= round <= limits.ROUND_MAX:
        problems.append(
            errors.Problem(
                errors.STORE_INVALID,
                "round",
                errors.say(
                    f"omgången måste vara 1–{limits.ROUND_MAX}",
                    f"the round must be 1–{limits.ROUND_MAX}",
                ),
            )
        )
    clean = []
    for index, (_name, answers) in enumerate(rows):
        try:
            clean.append(protect_answers(form, check_answers(form, answers)))
        except AnswerError as exc:
            problems += [replace(p, file_row=index + 1) for p in exc.problems]
    if problems:
        raise StorageError(problems=problems)
    with store.write_session() as session:
        if session.get(Workspace, workspace_id) is None:
            raise not_found(f"workspace {workspace_id}")
        people = {
            row.name: row
            for row in session.scalars(
                select(Respondent).where(
                    Respondent.workspace_id == workspace_id, Respondent.name.in_(names)
                )
            )
        }
        for name in names:
            if name not in people:
                people[name] = Respondent(workspace_id=workspace_id, name=name)
                session.add(people[name])
        session.flush()
        by_person = {
            row.respondent_id: row
            for row in session.scalars(
                select(Response).where(
                    Response.workspace_id == workspace_id,
                    Response.form_id == form.id,
                    Response.round == round,
                    Response.respondent_id.in_([p.id for p in people.values()]),
                )
            )
        }
        when = saved_at or utcnow()
        for name, answers in zip(names, clean):
            person = people[name]
            row = by_person.get(person.id)
            if row is None:
                row = Response(
                    workspace_id=workspace_id,
                    respondent_id=person.id,
                    form_id=form.id,
                    round=round,
                    revision=0,
                )
                session.add(row)
                session.flush()
            row.revision += 1
            session.add(
                Revision(
                    response_id=row.id,
                    number=row.revision,
                    form_version=form.version,
                    answers=answers,
                    saved_at=when,
                    saved_by=actor.name,
                )
            )
            row.draft, row.draft_form_version, row.draft_saved_at = None, None, None
            row.updated_at = utcnow()
        store.record(
            session,
            actor,
            "import",
            f"{len(names)} responses ({form.id}) round {round}",
            workspace_id,
        )
    return len(names)


def _submit_shared(
    store: Store,
    actor: Actor,
    workspace_id: int,
    form: Form,
    rows: Sequence[tuple[str, dict[str, Any]]],
    round: int,
) -> int:
    if len(rows) != 1:
        raise StorageError(
            problems=[
                errors.Problem(
                    errors.STORE_INVALID,
                    "",
                    say(
                        f"{form.id} är gruppens gemensamma svar: filen ska ha en rad, "
                        f"den har {len(rows)}",
                        f"{form.id} is the group's shared answer: the file must have one "
                        f"row, it has {len(rows)}",
                    ),
                )
            ]
        )
    group = store.group_respondent(actor=actor, workspace_id=workspace_id)
    assert group is not None  # created for a writer
    store.submit(
        actor=actor,
        workspace_id=workspace_id,
        respondent_id=group.id,
        form=form,
        answers=rows[0][1],
        round=round,
    )
    return 1
