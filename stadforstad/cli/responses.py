"""``stadforstad score | import | compare``: files of responses scored or stored, and
the stored responses compared across municipalities."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from stadforstad import errors
from stadforstad.catalog import load_form
from stadforstad.cli.shell import EXIT_BAD_INPUT, EXIT_BAD_ROWS, iso_date, round_number
from stadforstad.cli.workspaces import find_workspace, open_store
from stadforstad.errors import Problem, ResponseFileError
from stadforstad.i18n import LANGUAGES
from stadforstad.instruments.registry import get_instrument, scored_ids
from stadforstad.label_columns import BY_ID, BY_LABEL, COLUMN_MODES, ByLabel
from stadforstad.responses_io import RESPONDENT, Row, iter_rows, read_rows
from stadforstad.schema import Form
from stadforstad.settings import get_settings
from stadforstad.storage import Actor


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
    store, actor = open_store(), Actor.local()
    workspace = find_workspace(store, actor, args.workspace)
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

    store, actor = open_store(), Actor.local()
    ids = tuple(find_workspace(store, actor, ref).id for ref in args.workspace) or None
    filters = compare.Filters(
        workspace_ids=ids, round=args.round, date_from=args.date_from, date_to=args.date_to
    )
    frame = compare.frame_for(
        store, actor=actor, form_id=args.form_id, filters=filters, lang=args.lang
    )
    if args.json:
        print(frame.to_json(orient="records", force_ascii=False, indent=2))
    elif frame.empty:
        print("No municipalities to compare.", file=sys.stderr)
    else:
        print(frame.drop(columns=["workspace_id"]).to_string(index=False))
    return 0


def add_response_parsers(sub) -> None:
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

    importing = sub.add_parser(
        "import",
        help="store a CSV, XLSX or JSON file of responses (one per row, with a "
        "respondent column); one bad row refuses the whole file",
    )
    importing.add_argument("workspace", help="the municipality's name or id")
    importing.add_argument("form_id")
    importing.add_argument("file")
    importing.add_argument("--round", type=round_number, default=1, help="the round (default 1)")
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
        type=round_number,
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
        type=iso_date,
        default=None,
        help="saved on or after this day (YYYY-MM-DD)",
    )
    comparing.add_argument(
        "--to",
        dest="date_to",
        type=iso_date,
        default=None,
        help="as the answers stood at the end of this day",
    )
    comparing.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="sv",
        help="the language of the labels: questions, categories, forms, levels, notes",
    )
    comparing.add_argument("--json", action="store_true", help="JSON records")
    comparing.set_defaults(func=cmd_compare)
