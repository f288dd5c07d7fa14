"""``stadforstad links create | list | revoke``: invitation links for the city's
industries."""

from __future__ import annotations

import sys

from stadforstad.catalog import load_form
from stadforstad.cli.shell import iso_date
from stadforstad.cli.workspaces import find_workspace, open_store
from stadforstad.i18n import time_text
from stadforstad.settings import get_settings
from stadforstad.storage import Actor
from stadforstad.storage.links import LinkStore, link_url
from stadforstad.terminal import printable


def cmd_links_create(args) -> int:
    store, actor = open_store(), Actor.local()
    workspace = find_workspace(store, actor, args.workspace)
    created = LinkStore(store).create_link(
        actor=actor,
        workspace_id=workspace.id,
        form=load_form(args.form_id),
        label=args.label or "",
        intro=args.intro or "",
        ask_identity=args.ask_identity,
        closes_on=args.closes,
        max_answers=args.max,
        lang=args.lang,
    )
    print(link_url(get_settings().public_url, created.token, lang=args.lang))
    print(
        f"link {created.info.id} for {created.info.form_id} in {workspace.name}; the link is "
        "shown only now: keep it",
        file=sys.stderr,
    )
    return 0


def cmd_links_list(args) -> int:
    store, actor = open_store(), Actor.local()
    workspace = find_workspace(store, actor, args.workspace)
    print("id\tform\tlabel\tstatus\tanswers\tdrafts\tcloses\tmax\tlast_answer\tlate_drafts")
    for info in LinkStore(store).list_links(actor=actor, workspace_id=workspace.id):
        last = time_text(info.last_answer_at) if info.last_answer_at else "-"
        # The label is what a member typed: printed, it must not drive the terminal.
        print(
            f"{info.id}\t{printable(info.form_id)}\t{printable(info.label) or '-'}\t"
            f"{info.status()}\t{info.answers}\t{info.drafts}\t{info.closes_on or '-'}\t"
            f"{info.max_answers or '-'}\t{last}\t{info.late_drafts}"
        )
    return 0


def cmd_links_revoke(args) -> int:
    info = LinkStore(open_store()).revoke_link(actor=Actor.local(), link_id=args.link_id)
    print(f"{info.id}\t{info.status()}")
    return 0


def add_links_parser(sub) -> None:
    links = sub.add_parser("links", help="invitation links: create, list, revoke")
    actions = links.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a link and print it (shown once)")
    create.add_argument("workspace", help="the municipality's id or name")
    create.add_argument("form_id", help="a form marked shareable")
    create.add_argument("--label", help="the industry or organisation the link is for")
    create.add_argument("--closes", type=iso_date, help="last day to answer, YYYY-MM-DD")
    create.add_argument("--max", type=int, help="at most this many answers")
    create.add_argument("--intro", help="the introduction respondents see")
    create.add_argument(
        "--ask-identity", action="store_true", help="ask for name and contact (optional to answer)"
    )
    create.add_argument(
        "--lang",
        choices=["sv", "en"],
        default="sv",
        help="the language the respondent page opens in (they can switch)",
    )
    create.set_defaults(func=cmd_links_create)
    listing = actions.add_parser("list", help="the municipality's links with their answers")
    listing.add_argument("workspace", help="the municipality's id or name")
    listing.set_defaults(func=cmd_links_list)
    revoke = actions.add_parser("revoke", help="stop a link; sent answers stay")
    revoke.add_argument("link_id", type=int)
    revoke.set_defaults(func=cmd_links_revoke)
