"""``stadforstad export | import-backup``: a whole municipality to one file and back."""

from __future__ import annotations

from stadforstad.cli.workspaces import find_workspace, open_store
from stadforstad.storage import Actor, backup


def cmd_export(args) -> int:
    store, actor = open_store(), Actor.local()
    workspace = find_workspace(store, actor, args.workspace)
    path = backup.export_workspace_file(
        store,
        actor=actor,
        workspace_id=workspace.id,
        path=args.file,
        include_sensitive=args.include_sensitive,
    )
    print(f"{workspace.name}\t{path}")
    return 0


def cmd_import_backup(args) -> int:
    store = open_store()
    new_id = backup.import_workspace_file(
        store, actor=Actor.local(), path=args.file, name=args.name
    )
    print(f"{new_id}\t{store.get_workspace(actor=Actor.local(), workspace_id=new_id).name}")
    return 0


def add_backup_parsers(sub) -> None:
    export = sub.add_parser("export", help="a whole municipality to one file (.json[.gz])")
    export.add_argument("workspace", help="the municipality's id or name")
    export.add_argument("file")
    export.add_argument(
        "--include-sensitive",
        action="store_true",
        help="also the answers to sensitive forms (eskortsidor, statistik), left out "
        "otherwise; recorded in the audit log",
    )
    export.set_defaults(func=cmd_export)
    restore = sub.add_parser("import-backup", help="read an exported municipality")
    restore.add_argument("file")
    restore.add_argument("--name", default=None, help="give it another name")
    restore.set_defaults(func=cmd_import_backup)
