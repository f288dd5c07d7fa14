"""The document commands: ``stadforstad print`` (a blank form) and ``stadforstad
report`` (one respondent's answers with the result, or the group's picture, or with
``--product`` a workshop's own product: the flyer, the question slips, a summary).

Every check is made and the whole document is built before anything is written; the
file then appears at once (written beside its target and renamed), so an error never
leaves a half-written or empty file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from stadforstad import errors
from stadforstad.catalog import load_form
from stadforstad.cli.shell import positive
from stadforstad.cli.workspaces import find_respondent, find_workspace, open_store
from stadforstad.documents.build import (
    FORMATS,
    Document,
    Format,
    blank_document,
    group_document,
    product_document,
    render,
    response_document,
)
from stadforstad.errors import DocumentError
from stadforstad.i18n import LANGUAGES
from stadforstad.instruments.registry import get_instrument
from stadforstad.storage import Actor
from stadforstad.storage.context import context_answers
from stadforstad.storage.rated import rated


def output_format(path: str) -> Format:
    """``pdf`` or ``docx`` from the file name (DOC_001 otherwise)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    for fmt in FORMATS:
        if suffix == fmt:
            return fmt
    raise errors.fail(
        DocumentError,
        errors.DOC_UNKNOWN_FORMAT,
        f"--out {path}",
        "the file name must end in .pdf (to print) or .docx (to edit in Word)",
    )


def write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once, or not at all (DOC_003)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise errors.fail(
            DocumentError, errors.DOC_CANNOT_WRITE, f"--out {path}", "the folder does not exist"
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=".stadforstad-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except OSError as exc:
        raise errors.fail(
            DocumentError, errors.DOC_CANNOT_WRITE, f"--out {path}", exc.strerror or str(exc)
        ) from None


def _save(document: Document, path: str, fmt: Format) -> None:
    data = render(document, fmt)
    write_atomically(path, data)
    print(f"{path}\t{len(data)} bytes\t{document.meta.title}")


def cmd_print(args) -> int:
    fmt = output_format(args.out)
    form = load_form(args.form_id)
    _save(blank_document(form, args.lang), args.out, fmt)
    return 0


def cmd_report(args) -> int:
    store, actor = open_store(), Actor.local()
    workspace = find_workspace(store, actor, args.workspace)
    fmt = output_format(args.out)
    form = load_form(args.form_id)
    products = [p.key for p in get_instrument(form.id).products]
    if args.product is not None and args.product not in products:
        raise errors.fail(
            DocumentError,
            errors.DOC_UNKNOWN_PRODUCT,
            f"--product {args.product}",
            f"{form.id} has no product {args.product!r}; it has: "
            + (", ".join(products) or "none"),
        )
    person = (
        find_respondent(store, actor, workspace.id, args.respondent, argument="--respondent")
        if args.respondent
        else None
    )
    rows = store.submitted(
        actor=actor, workspace_ids=[workspace.id], form_id=form.id, round=args.round
    )
    if person is not None:
        rows = [r for r in rows if r.respondent_id == person.id]
    if not rows:
        who = f"respondent {person.name!r}" if person else "the group"
        round_text = f"round {args.round}" if args.round else "any round"
        raise errors.fail(
            DocumentError,
            errors.DOC_NO_RESPONSE,
            f"{workspace.name}/{form.id}",
            f"{who} has no submitted answer to {form.id} in {round_text}",
        )
    round_no = args.round or max(r.round for r in rows)
    rows = [r for r in rows if r.round == round_no]
    context = context_answers(
        store, actor=actor, form_id=form.id, workspace_id=workspace.id, round=round_no
    )
    if args.product is not None:
        document = product_document(
            form,
            args.product,
            rated(rows),
            municipality=workspace.name,
            round=round_no,
            lang=args.lang,
        )
    elif person is not None:
        row = rows[0]
        document = response_document(
            form,
            row.answers,
            respondent=row.respondent,
            municipality=workspace.name,
            round=round_no,
            lang=args.lang,
            submitted_at=row.saved_at,
            context=context,
        )
    else:
        document = group_document(
            form,
            rated(rows),
            municipality=workspace.name,
            round=round_no,
            lang=args.lang,
            context=context,
        )
    _save(document, args.out, fmt)
    return 0


def add_document_parsers(sub) -> None:
    printing = sub.add_parser("print", help="a blank form as PDF or DOCX, to fill in by hand")
    printing.add_argument("form_id")
    printing.add_argument("--out", required=True, help="FILE.pdf or FILE.docx")
    printing.add_argument("--lang", choices=LANGUAGES, default="sv")
    printing.set_defaults(func=cmd_print)

    reporting = sub.add_parser(
        "report",
        help="one respondent's answers with the result, the group's picture, or a workshop's "
        "product (--product), as PDF or DOCX",
    )
    reporting.add_argument("workspace", help="the municipality's name or id")
    reporting.add_argument("form_id")
    reporting.add_argument("--out", required=True, help="FILE.pdf or FILE.docx")
    who = reporting.add_mutually_exclusive_group()
    who.add_argument("--respondent", help="the respondent's id or exact name")
    who.add_argument("--group", action="store_true", help="the group's picture (the default)")
    reporting.add_argument(
        "--round", type=positive, default=None, help="the round (default: the latest answered)"
    )
    reporting.add_argument(
        "--product",
        default=None,
        metavar="KEY",
        help="a workshop's own product instead (e.g. flyer, lappar, sammanfattning): "
        "from the respondent's answers with --respondent, else the group's",
    )
    reporting.add_argument("--lang", choices=LANGUAGES, default="sv")
    reporting.set_defaults(func=cmd_report)
