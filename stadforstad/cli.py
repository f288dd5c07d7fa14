"""The command line: ``stadforstad forms | workspaces | describe | score | links |
import | compare | demo | users | export | import-backup | erase | purge | print |
report | xlsform``.

Errors are printed as ``[CODE] where: message`` on stderr with a non-zero exit status;
never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from stadforstad import accounts, errors, limits
from stadforstad.catalog import form_problems, list_forms, load_form
from stadforstad.cli_documents import add_document_parsers, cmd_report
from stadforstad.errors import Problem, ResponseFileError, StadError, StorageError
from stadforstad.i18n import time_text
from stadforstad.instruments.registry import get_instrument, scored_ids
from stadforstad.label_columns import BY_ID, BY_LABEL, COLUMN_MODES, ByLabel
from stadforstad.responses_io import RESPONDENT, Row, iter_rows, read_rows
from stadforstad.schema import Form
from stadforstad.settings import get_settings
from stadforstad.storage import Actor, Store, backup, make_engine
from stadforstad.storage.links import LinkStore, link_url
from stadforstad.terminal import printable

EXIT_BAD_INPUT = 2
EXIT_BAD_ROWS = 3


def _store() -> Store:
    return Store(make_engine(get_settings().database_url))


def _text(text) -> dict | None:
    return None if text is None else text.model_dump(exclude_none=True)


def describe_form(form: Form) -> dict:
    """The form as plain data: every item with id, kind, Swedish label and options."""
    items = []
    for section in form.sections:
        for item in section.items:
            entry: dict = {"id": item.id, "kind": item.kind, "section": section.id}
            if item.kind == "info":
                entry["label"] = item.text.sv
                items.append(entry)
                continue
            entry["label"] = item.label.sv
            entry["required"] = item.required
            if item.kind == "scale":
                entry.update(
                    min=item.min,
                    max=item.max,
                    min_label=_text(item.min_label),
                    max_label=_text(item.max_label),
                    options=list(range(item.min, item.max + 1)),
                )
            elif item.kind == "level":
                entry["options"] = [
                    {
                        "value": lv.value,
                        "label": lv.label.sv,
                        "description": lv.description.sv if lv.description else None,
                    }
                    for lv in item.levels
                ]
            elif item.kind in ("choice", "checklist"):
                entry["options"] = [{"value": o.value, "label": o.label.sv} for o in item.options]
                if item.kind == "choice":
                    entry.update(multiple=item.multiple, allow_other=item.allow_other)
            elif item.kind == "yes_no":
                entry["options"] = [True, False]
            elif item.kind == "number":
                entry.update(min=item.min, max=item.max, integer=item.integer)
            elif item.kind == "text":
                entry.update(long=item.long, max_length=item.max_length)
            elif item.kind == "table":
                entry["columns"] = [
                    {
                        "id": c.id,
                        "kind": c.kind,
                        "label": c.label.sv,
                        "required": c.required,
                        **(
                            {
                                "options": [
                                    {"value": o.value, "label": o.label.sv} for o in c.options
                                ]
                            }
                            if c.options
                            else {}
                        ),
                        **({"min": c.min, "max": c.max} if c.min is not None else {}),
                    }
                    for c in item.columns
                ]
            if item.comment is not None:
                entry["comment"] = f"{item.id}_comment"
            items.append(entry)
    return {
        "id": form.id,
        "version": form.version,
        "step": form.step,
        "title": form.title.sv,
        "source": form.source.model_dump(),
        "scoring": form.scoring,
        "shareable": form.shareable,
        "sensitive": form.sensitive,
        "items": items,
    }


# -- commands ---------------------------------------------------------------------------
def cmd_forms(args) -> int:
    for form in list_forms():
        step = "-" if form.step is None else form.step
        scored = "scored" if form.scoring else ""
        print(f"{form.id}\t{step}\t{form.title.sv}\t{scored}".rstrip())
    broken = form_problems()
    for problem in broken:  # each broken file by itself; the others are listed above
        for line in problem.problems:
            print(
                f"{problem.file}: {errors.problem_text(line, get_settings().language)}",
                file=sys.stderr,
            )
    return EXIT_BAD_INPUT if broken else 0


def cmd_describe(args) -> int:
    print(json.dumps(describe_form(load_form(args.form_id)), ensure_ascii=False, indent=2))
    return 0


def explain_file(form: Form, path: Path, lang: str) -> tuple[str, list[str]]:
    """Each good row's verdict as plain text (the blocks the app shows), and the bad
    rows' messages."""
    from stadforstad.documents.text import write_text

    instrument = get_instrument(form.id)
    parts: list[str] = []
    problems: list[str] = []
    for outcome in iter_rows(form, path):
        if isinstance(outcome, Row):
            who = f" · {outcome.respondent}" if outcome.respondent else ""
            head = f"== {'rad' if lang == 'sv' else 'row'} {outcome.number}{who} =="
            blocks = instrument.blocks(form, instrument.score(form, outcome.answers), lang)
            parts.append(f"{head}\n{write_text(blocks, lang)}")
        else:
            problems.extend(str(p) for p in outcome)
    return "\n".join(parts), problems


def cmd_score(args) -> int:
    form = load_form(args.form_id)
    if args.explain:
        text, problems = explain_file(form, Path(args.file), args.lang)
        print(text, end="")
        for problem in problems:
            print(f"{args.file}: {problem}", file=sys.stderr)
        return EXIT_BAD_ROWS if problems else 0
    if not get_instrument(form.id).scored:
        print(
            f"[FORM_010] {form.id}: the form has no scoring (--explain shows its answers); "
            f"scored forms: {', '.join(scored_ids())}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from stadforstad.file_scores import score_file
    from stadforstad.score_formats import write_results

    scored = score_file(form, Path(args.file))
    write_results(
        scored.records,
        sys.stdout,
        form=args.format,
        compact=args.compact,
        fixed_shape=scored.path == "columns",
    )
    language = get_settings().language
    for bad in scored.problems:
        print(f"{args.file}: {errors.problem_text(bad, language)}", file=sys.stderr)
    return EXIT_BAD_ROWS if scored.problems else 0


def cmd_workspaces(args) -> int:
    store, actor = _store(), Actor.local()
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


def _respondent_problems(rows: Sequence[Row]) -> list[Problem]:
    """Importing needs a name on every row, and each name once: a second row for the
    same person would silently replace the first."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for row in rows:
        where = f"column {RESPONDENT}"
        if not row.respondent:
            problems.append(
                Problem(
                    errors.ANSWER_REQUIRED,
                    where,
                    "every row needs the respondent's name (or a code)",
                    file_row=row.number,
                )
            )
        elif row.respondent in seen:
            problems.append(
                Problem(
                    errors.STORE_DUPLICATE,
                    where,
                    f"{row.respondent!r} is already on row {seen[row.respondent]}",
                    file_row=row.number,
                )
            )
        else:
            seen[row.respondent] = row.number
    return problems


def _print_mapping(by_label: ByLabel | None) -> None:
    """The file's columns and the items they became, before anything is stored."""
    if by_label is not None and by_label.mapping is not None:
        print("\n".join(by_label.mapping.describe()))


def cmd_import(args) -> int:
    """Store one response per row, all or nothing."""
    form = load_form(args.form_id)
    store, actor = _store(), Actor.local()
    workspace = _workspace(store, actor, args.workspace)
    by_label = (
        ByLabel(form, respondent_column=args.respondent_column)
        if args.columns == BY_LABEL
        else None
    )
    try:
        rows = read_rows(form, Path(args.file), translate=by_label)
        # A group's form has one shared answer: no names to check.
        problems = [] if form.owner == "group" else _respondent_problems(rows)
        if problems:
            raise ResponseFileError(problems=problems, file=args.file)
    except ResponseFileError as exc:
        _print_mapping(by_label)
        for problem in exc.problems:
            print(
                f"{args.file}: {errors.problem_text(problem, get_settings().language)}",
                file=sys.stderr,
            )
        print(
            "Nothing was stored: correct the rows above and import the file again.", file=sys.stderr
        )
        return EXIT_BAD_ROWS
    _print_mapping(by_label)
    count = store.submit_many(
        actor=actor,
        workspace_id=workspace.id,
        form=form,
        rows=[(row.respondent or "", row.answers) for row in rows],  # checked: all named
        round=args.round,
    )
    print(f"{count} responses to {form.id} stored in {workspace.name}, round {args.round}.")
    return 0


def cmd_compare(args) -> int:
    from stadforstad import compare

    store, actor = _store(), Actor.local()
    ids = tuple(_workspace(store, actor, ref).id for ref in args.workspace) or None
    filters = compare.Filters(
        workspace_ids=ids, round=args.round, date_from=args.date_from, date_to=args.date_to
    )
    frame = compare.frame_for(store, actor=actor, form_id=args.form_id, filters=filters)
    if args.json:
        print(frame.to_json(orient="records", force_ascii=False, indent=2))
    elif frame.empty:
        print("No municipalities to compare.", file=sys.stderr)
    else:
        print(frame.drop(columns=["workspace_id"]).to_string(index=False))
    return 0


def cmd_demo(args) -> int:
    from stadforstad import demo

    store, actor = _store(), Actor.local()
    if args.remove:
        print(f"{demo.remove_demo(store, actor=actor)} demo municipalities removed.")
        return 0
    created = demo.create_demo(store, actor=actor)
    print(
        f"{len(created)} demo municipalities created (names start with {demo.PREFIX!r}); "
        "remove them with: stadforstad demo --remove"
    )
    return 0


def cmd_xlsform(args) -> int:
    """The form as an XLSForm for KoboToolbox and ODK (``stadforstad.xlsform``)."""
    from stadforstad.xlsform import write_xlsform

    form = load_form(args.form_id)
    path = Path(args.out or f"{form.id}.xlsx")
    if path.suffix.lower() != ".xlsx":
        raise errors.fail(
            errors.ExportError,
            errors.XLSFORM_NOT_XLSX,
            "--out",
            "an XLSForm is an Excel file: give a name ending in .xlsx",
            str(path),
        )
    write_xlsform(form, path)
    print(f"{path}\t{form.id}: XLSForm (Svenska, English) for KoboToolbox/ODK")
    return 0


def _workspace(store: Store, actor: Actor, ref: str):
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


def _round(text: str) -> int:
    """A round: a whole number from 1 to ``limits.ROUND_MAX``."""
    if not text.strip().isdigit() or not 1 <= int(text) <= limits.ROUND_MAX:
        raise argparse.ArgumentTypeError(
            f"{text!r}: a round is a whole number from 1 to {limits.ROUND_MAX}"
        )
    return int(text)


def cmd_report_in_workspace(args) -> int:
    store = _store()
    return cmd_report(args, store, _workspace(store, Actor.local(), args.workspace))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def cmd_links_create(args) -> int:
    store, actor = _store(), Actor.local()
    workspace = _workspace(store, actor, args.workspace)
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
    store, actor = _store(), Actor.local()
    workspace = _workspace(store, actor, args.workspace)
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
    info = LinkStore(_store()).revoke_link(actor=Actor.local(), link_id=args.link_id)
    print(f"{info.id}\t{info.status()}")
    return 0


# -- accounts, backup and erasure (the operator: Actor.local()) ------------------------
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
        _store(),
        actor=Actor.local(),
        username=args.username,
        password=_password(),
        admin=args.admin,
        display_name=args.display_name,
    )
    print(f"{info.username}\t{'administratör' if info.is_admin else 'användare'}")
    return 0


def cmd_users_list(args) -> int:
    store, actor = _store(), Actor.local()
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
    store, actor = _store(), Actor.local()
    workspace = _workspace(store, actor, args.workspace)
    accounts.grant_role(
        store, actor=actor, username=args.username, workspace_id=workspace.id, role=args.role
    )
    print(f"{accounts.normalize_username(args.username)}\t{workspace.name}\t{args.role}")
    return 0


def cmd_users_revoke(args) -> int:
    store, actor = _store(), Actor.local()
    workspace = _workspace(store, actor, args.workspace)
    removed = accounts.revoke_role(
        store, actor=actor, username=args.username, workspace_id=workspace.id
    )
    print(
        f"{accounts.normalize_username(args.username)}\t{workspace.name}\t"
        + ("revoked" if removed else "had no role there")
    )
    return 0


def cmd_export(args) -> int:
    store, actor = _store(), Actor.local()
    workspace = _workspace(store, actor, args.workspace)
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
    store = _store()
    new_id = backup.import_workspace_file(
        store, actor=Actor.local(), path=args.file, name=args.name
    )
    print(f"{new_id}\t{store.get_workspace(actor=Actor.local(), workspace_id=new_id).name}")
    return 0


def cmd_erase(args) -> int:
    """One person's data, on their request: a core-group respondent (id or name)."""
    store, actor = _store(), Actor.local()
    workspace = _workspace(store, actor, args.workspace)
    if args.receipt:
        answer_id = LinkStore(store).erase_link_response(
            actor=actor, workspace_id=workspace.id, receipt=args.respondent
        )
        print(f"erased link answer {answer_id}")
        return 0
    people = store.list_respondents(actor=actor, workspace_id=workspace.id)
    ref = " ".join(args.respondent.split())
    match = [p for p in people if str(p.id) == ref] or [
        p for p in people if p.name.casefold() == ref.casefold()
    ]
    if len(match) != 1:
        raise errors.fail(
            StorageError,
            errors.STORE_NOT_FOUND,
            f"respondent {ref!r}",
            "no such respondent in this municipality (give the id or the exact name)"
            if not match
            else "several have that name: give the id",
        )
    counts = store.erase_respondent(
        actor=actor, workspace_id=workspace.id, respondent_id=match[0].id
    )
    print(
        f"erased respondent {match[0].id}: {counts['responses']} responses, "
        f"{counts['revisions']} revisions"
    )
    return 0


def _add_admin_parsers(sub) -> None:
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


def cmd_purge(args) -> int:
    """Delete what has expired (see stadforstad/retention.py); counts per kind."""
    from stadforstad.retention import purge_expired

    counts = purge_expired(_store(), dry_run=args.dry_run, kinds=args.kind or None)
    for name, count in counts.items():
        print(f"{name}\t{count}")
    if args.dry_run:
        print("dry run: nothing was deleted", file=sys.stderr)
    return 0


def _add_purge_parser(sub) -> None:
    from stadforstad.retention import RETENTIONS

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


def _add_links_parser(sub) -> None:
    links = sub.add_parser("links", help="invitation links: create, list, revoke")
    actions = links.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a link and print it (shown once)")
    create.add_argument("workspace", help="the municipality's id or name")
    create.add_argument("form_id", help="a form marked shareable")
    create.add_argument("--label", help="the industry or organisation the link is for")
    create.add_argument("--closes", type=_date, help="last day to answer, YYYY-MM-DD")
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stadforstad",
        description="Stad för stad – formulär, poäng och jämförelser från kommandoraden.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("forms", help="list the form ids").set_defaults(func=cmd_forms)

    describe = sub.add_parser("describe", help="print a form as JSON")
    describe.add_argument("form_id")
    describe.set_defaults(func=cmd_describe)

    score = sub.add_parser("score", help="score a CSV, XLSX or JSON file of responses")
    score.add_argument("form_id")
    score.add_argument("file")
    score.add_argument("--compact", action="store_true", help="one line of JSON")
    score.add_argument(
        "--format",
        choices=["json", "jsonl", "csv"],
        default="json",
        help="json (default: one list), jsonl (one result a line) or csv (one result a row); "
        "jsonl and csv are written as the results are made",
    )
    score.add_argument(
        "--explain",
        action="store_true",
        help="each response's verdict as plain text, as the app shows it, instead of JSON",
    )
    score.add_argument("--lang", choices=["sv", "en"], default="sv", help="with --explain")
    score.set_defaults(func=cmd_score)

    workspaces = sub.add_parser("workspaces", help="list or create municipalities")
    workspaces.add_argument("action", nargs="?", choices=["list", "create"], default="list")
    workspaces.add_argument("name", nargs="*")
    workspaces.set_defaults(func=cmd_workspaces)

    importing = sub.add_parser(
        "import",
        help="store a CSV, XLSX or JSON file of responses (one per row, with a "
        "respondent column); one bad row refuses the whole file",
    )
    importing.add_argument("workspace", help="the municipality's name or id")
    importing.add_argument("form_id")
    importing.add_argument("file")
    importing.add_argument("--round", type=_round, default=1, help="the round (default 1)")
    importing.add_argument(
        "--columns",
        choices=COLUMN_MODES,
        default=BY_ID,
        help="by-id: the headers are item ids (see describe); by-label: the headers are "
        "the question texts, as Microsoft Forms or Google Forms export them",
    )
    importing.add_argument(
        "--respondent-column",
        default=None,
        help="with by-label: the column that names the respondent (default: a "
        "'respondent' column, else the survey tool's ID)",
    )
    importing.set_defaults(func=cmd_import)

    comparing = sub.add_parser(
        "compare",
        help="the comparison across municipalities behind the page "
        "(FORM_ID of a scored form, or 'progress')",
    )
    comparing.add_argument("form_id")
    comparing.add_argument(
        "--round",
        type=_round,
        default=None,
        help="this round only (default: each municipality's latest)",
    )
    comparing.add_argument(
        "--workspace",
        action="append",
        default=[],
        help="only this municipality (name or id; repeat for more)",
    )
    comparing.add_argument(
        "--from",
        dest="date_from",
        type=_date,
        default=None,
        help="saved on or after this day (YYYY-MM-DD)",
    )
    comparing.add_argument(
        "--to",
        dest="date_to",
        type=_date,
        default=None,
        help="as the answers stood at the end of this day",
    )
    comparing.add_argument("--json", action="store_true", help="JSON records")
    comparing.set_defaults(func=cmd_compare)

    demo = sub.add_parser(
        "demo", help="fill the database with a demo county (or remove it with --remove)"
    )
    demo.add_argument("--remove", action="store_true", help="delete the demo municipalities")
    demo.set_defaults(func=cmd_demo)

    xlsform = sub.add_parser(
        "xlsform", help="export a form as an XLSForm (KoboToolbox, ODK: collecting offline)"
    )
    xlsform.add_argument("form_id")
    xlsform.add_argument("--out", default=None, help="the .xlsx file (default: FORM_ID.xlsx)")
    xlsform.set_defaults(func=cmd_xlsform)
    _add_links_parser(sub)
    _add_purge_parser(sub)
    _add_admin_parsers(sub)
    add_document_parsers(sub, cmd_report_in_workspace)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except StadError as exc:
        lang = get_settings().language
        for problem in exc.problems:
            head = f"{exc.file}: " if exc.file else ""
            print(head + errors.problem_text(problem, lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output was piped into e.g. `head`, which stopped reading
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
