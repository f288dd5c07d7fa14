"""Answers that belong to the group: forms with ``owner: group`` (the plan, the
routine, the SWOT …) have one answer per municipality and round that every member
edits together.

The answer is stored under the municipality's one shared respondent
(``Respondent.is_group``), never listed among the participants. Every save, draft or
submit, carries the version it was based on (``expected_version``); a save based on
an older version is refused with ``STORE_STALE`` and the page shows the difference,
so two members saving at once never put one's work over the other's silently. Each
revision records who saved it and which items it changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from stadforstad import errors
from stadforstad.errors import StorageError, say
from stadforstad.storage.records import respondent_info
from stadforstad.storage.tables import Respondent, Response

if TYPE_CHECKING:
    from stadforstad.storage.actors import Actor
    from stadforstad.storage.records import RespondentInfo
    from stadforstad.storage.repository import Store

#: The shared respondent's name (shown where answers are listed by who gave them).
GROUP_NAME = "Kärngruppen (gemensamt)"


def check_version(row: Response, expected: int | None, form_id: str) -> None:
    """Refuse a save based on an older version of the answer (``None``: no check)."""
    if expected is None or row.version == expected:
        return
    who = row.draft_saved_by or ""
    raise errors.fail(
        StorageError,
        errors.STORE_STALE,
        form_id,
        errors.say(
            f"{who or 'någon annan'} har sparat svaret efter att ni öppnade det (version "
            f"{row.version}, ni utgick från {expected}); inget är skrivet över – jämför och "
            "välj vad som ska gälla",
            f"{who or 'someone else'} saved the answer after you opened it (version "
            f"{row.version}, you started from {expected}); nothing was overwritten – compare "
            "and choose what is to stand",
        ),
    )


def group_respondent(
    store: Store, *, actor: Actor, workspace_id: int, create: bool = True
) -> RespondentInfo | None:
    """The municipality's shared respondent; created on first use by a member
    (``create``), else ``None`` when there is none yet."""
    if create:
        store._require_write(actor, workspace_id)
    else:
        store._require_read(actor, workspace_id)
    query = select(Respondent).where(
        Respondent.workspace_id == workspace_id, Respondent.is_group.is_(True)
    )
    with store.read_session() as session:
        row = session.scalar(query)
        if row is not None or not create:
            return respondent_info(row) if row is not None else None
    for _attempt in range(3):
        with store.write_session() as session:
            row = session.scalar(query)
            if row is not None:
                return respondent_info(row)
            taken = set(
                session.scalars(
                    select(Respondent.name).where(Respondent.workspace_id == workspace_id)
                )
            )
            name, n = GROUP_NAME, 2
            while name in taken:  # a person who happens to bear the name keeps it
                name, n = f"{GROUP_NAME} {n}", n + 1
            try:
                with session.begin_nested():
                    row = Respondent(workspace_id=workspace_id, name=name, is_group=True)
                    session.add(row)
            except IntegrityError:
                continue
            store.record(session, actor, "create", f"group respondent {row.id}", workspace_id)
            return respondent_info(row)
    raise errors.fail(
        StorageError,
        errors.STORE_CONFLICT,
        "respondent",
        say("kunde inte skapa gruppens svar", "the group's answer could not be created"),
    )
