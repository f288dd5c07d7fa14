"""``stadforstad users create | list | grant | revoke``: local accounts and their
roles on municipalities."""

from __future__ import annotations

import getpass
import os

from stadforstad import accounts, errors
from stadforstad.cli.workspaces import find_workspace, open_store
from stadforstad.storage import Actor


def _password() -> str:
    """The new password: from STADFORSTAD_PASSWORD (scripts), otherwise asked twice
    without echo. Never from an argument: that would end up in the shell history and
    the process list."""
    from_env = os.environ.get("STADFORSTAD_PASSWORD")
    if from_env:
        return from_env
    first = getpass.getpass("Lösenord: ")
    if getpass.getpass("Lösenordet igen: ") != first:
        raise errors.fail(
            errors.AuthError,
            errors.AUTH_BAD_PASSWORD,
            "password",
            "Lösenorden är inte lika. Försök igen.",
        )
    return first


def cmd_users_create(args) -> int:
    info = accounts.create_user(
        open_store(),
        actor=Actor.local(),
        username=args.username,
        password=_password(),
        admin=args.admin,
        display_name=args.display_name,
    )
    print(f"{info.username}\t{'administratör' if info.is_admin else 'användare'}")
    return 0


def cmd_users_list(args) -> int:
    store, actor = open_store(), Actor.local()
    names = {w.id: w.name for w in store.list_workspaces(actor=actor)}
    for user in accounts.list_users(store, actor=actor):
        grants = ", ".join(f"{names.get(w, w)}:{role}" for w, role in sorted(user.grants.items()))
        print(
            "\t".join(
                [user.username, user.display_name, "admin" if user.is_admin else "-", grants or "-"]
            )
        )
    return 0


def cmd_users_grant(args) -> int:
    store, actor = open_store(), Actor.local()
    workspace = find_workspace(store, actor, args.workspace)
    accounts.grant_role(
        store, actor=actor, username=args.username, workspace_id=workspace.id, role=args.role
    )
    print(f"{accounts.normalize_username(args.username)}\t{workspace.name}\t{args.role}")
    return 0


def cmd_users_revoke(args) -> int:
    store, actor = open_store(), Actor.local()
    workspace = find_workspace(store, actor, args.workspace)
    removed = accounts.revoke_role(
        store, actor=actor, username=args.username, workspace_id=workspace.id
    )
    print(
        f"{accounts.normalize_username(args.username)}\t{workspace.name}\t"
        + ("revoked" if removed else "had no role there")
    )
    return 0


def add_users_parser(sub) -> None:
    users = sub.add_parser("users", help="local accounts and their grants")
    actions = users.add_subparsers(dest="action", required=True)
    create = actions.add_parser(
        "create", help="create a user; the password is asked for (or STADFORSTAD_PASSWORD)"
    )
    create.add_argument("username")
    create.add_argument("--admin", action="store_true", help="an administrator")
    create.add_argument("--display-name", default=None)
    create.set_defaults(func=cmd_users_create)
    actions.add_parser("list", help="users, tab-separated").set_defaults(func=cmd_users_list)
    grant = actions.add_parser("grant", help="give a role on a municipality")
    grant.add_argument("username")
    grant.add_argument("workspace", help="the municipality's id or name")
    grant.add_argument("role", choices=["member", "coordinator"])
    grant.set_defaults(func=cmd_users_grant)
    revoke = actions.add_parser("revoke", help="take away a user's role on a municipality")
    revoke.add_argument("username")
    revoke.add_argument("workspace", help="the municipality's id or name")
    revoke.set_defaults(func=cmd_users_revoke)
