"""``stadforstad workspaces | demo``, and how every command opens the database and
finds a municipality or one of its respondents by id or by name (the operator acts as
``Actor.local()``)."""

from __future__ import annotations

import sys

from stadforstad import errors
from stadforstad.cli.shell import EXIT_BAD_INPUT
from stadforstad.errors import StorageError
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, make_engine


def open_store() -> Store:
    return Store(make_engine(get_settings().database_url))


def find_workspace(store: Store, actor: Actor, ref: str):
    """A municipality by id or by name."""
    if ref.isdigit():
        return store.get_workspace(actor=actor, workspace_id=int(ref))
    name = " ".join(ref.split())
    for workspace in store.list_workspaces(actor=actor):
        if workspace.name.casefold() == name.casefold():
            return workspace
    raise errors.fail(
        StorageError,
        errors.STORE_NOT_FOUND,
        f"workspace {name!r}",
        "no such municipality (see: stadforstad workspaces)",
    )


def find_respondent(store: Store, actor: Actor, workspace_id: int, ref: str, *, argument: str):
    """A core-group respondent of the municipality by id or by exact name; ``argument``
    (``respondent``, ``--respondent``) says where in the error."""
    people = store.list_respondents(actor=actor, workspace_id=workspace_id)
    wanted = " ".join(ref.split())
    match = [p for p in people if str(p.id) == wanted] or [
        p for p in people if p.name.casefold() == wanted.casefold()
    ]
    if len(match) != 1:
        raise errors.fail(
            StorageError,
            errors.STORE_NOT_FOUND,
            f"{argument} {wanted!r}",
            "no such respondent in this municipality (give the id or the exact name)"
            if not match
            else "several have that name: give the id",
        )
    return match[0]


def cmd_workspaces(args) -> int:
    store, actor = open_store(), Actor.local()
    if args.action == "create":
        if not args.name:
            print(
                "[USAGE] give the municipality's name: stadforstad workspaces create NAME",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        created = store.create_workspace(actor=actor, name=" ".join(args.name))
        print(f"{created.id}\t{created.name}")
        return 0
    for workspace in store.list_workspaces(actor=actor):
        print(f"{workspace.id}\t{workspace.name}")
    return 0


def cmd_demo(args) -> int:
    from stadforstad import demo

    store, actor = open_store(), Actor.local()
    if args.remove:
        print(f"{demo.remove_demo(store, actor=actor)} demo municipalities removed.")
        return 0
    created = demo.create_demo(store, actor=actor)
    print(
        f"{len(created)} demo municipalities created (names start with {demo.PREFIX!r}); "
        "remove them with: stadforstad demo --remove"
    )
    return 0


def add_workspace_parsers(sub) -> None:
    workspaces = sub.add_parser("workspaces", help="list or create municipalities")
    workspaces.add_argument("action", nargs="?", choices=["list", "create"], default="list")
    workspaces.add_argument("name", nargs="*")
    workspaces.set_defaults(func=cmd_workspaces)

    demo = sub.add_parser(
        "demo", help="fill the database with a demo county (or remove it with --remove)"
    )
    demo.add_argument("--remove", action="store_true", help="delete the demo municipalities")
    demo.set_defaults(func=cmd_demo)
