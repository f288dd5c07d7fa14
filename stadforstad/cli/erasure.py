"""``stadforstad erase | purge``: personal data deleted on a person's request, and
whatever has expired (stadforstad/retention.py)."""

from __future__ import annotations

import sys

from stadforstad.cli.workspaces import find_respondent, find_workspace, open_store
from stadforstad.storage import Actor
from stadforstad.storage.links import LinkStore


def cmd_erase(args) -> int:
    """One person's data, on their request: a core-group respondent (id or name)."""
    store, actor = open_store(), Actor.local()
    workspace = find_workspace(store, actor, args.workspace)
    if args.receipt:
        answer_id = LinkStore(store).erase_link_response(
            actor=actor, workspace_id=workspace.id, receipt=args.respondent
        )
        print(f"erased link answer {answer_id}")
        return 0
    person = find_respondent(store, actor, workspace.id, args.respondent, argument="respondent")
    counts = store.erase_respondent(actor=actor, workspace_id=workspace.id, respondent_id=person.id)
    print(
        f"erased respondent {person.id}: {counts['responses']} responses, "
        f"{counts['revisions']} revisions"
    )
    return 0


def cmd_purge(args) -> int:
    """Delete what has expired (see stadforstad/retention.py); counts per kind."""
    from stadforstad.retention import purge_expired

    counts = purge_expired(open_store(), dry_run=args.dry_run, kinds=args.kind or None)
    for name, count in counts.items():
        print(f"{name}\t{count}")
    if args.dry_run:
        print("dry run: nothing was deleted", file=sys.stderr)
    return 0


def add_erasure_parsers(sub) -> None:
    from stadforstad.retention import RETENTIONS

    erase = sub.add_parser("erase", help="delete one respondent's data on their request")
    erase.add_argument("workspace", help="the municipality's id or name")
    erase.add_argument(
        "respondent",
        help="the respondent's id or exact name (with "
        "--receipt: the receipt code of a link answer)",
    )
    erase.add_argument(
        "--receipt",
        action="store_true",
        help="erase one answer sent through an invitation link, by its receipt code",
    )
    erase.set_defaults(func=cmd_erase)

    purge = sub.add_parser(
        "purge",
        help="delete expired data (run daily): "
        + "; ".join(f"{name}: {r.description}" for name, r in RETENTIONS.items()),
    )
    purge.add_argument("--dry-run", action="store_true", help="only count what would go")
    purge.add_argument(
        "--kind", action="append", choices=list(RETENTIONS), help="only this kind (repeatable)"
    )
    purge.set_defaults(func=cmd_purge)
