"""The command line: ``stadforstad forms | workspaces | describe | score | links |
import | compare | demo | users | export | import-backup | erase | purge | print |
report | xlsform``, one module per thing the commands work on.

Errors are printed as ``[CODE] where: message`` on stderr with a non-zero exit status;
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from stadforstad import errors
from stadforstad.cli.backup import add_backup_parsers
from stadforstad.cli.documents import add_document_parsers
from stadforstad.cli.erasure import add_erasure_parsers
from stadforstad.cli.forms import add_form_parsers
from stadforstad.cli.links import add_links_parser
from stadforstad.cli.responses import add_response_parsers
from stadforstad.cli.shell import EXIT_BAD_INPUT
from stadforstad.cli.users import add_users_parser
from stadforstad.cli.workspaces import add_workspace_parsers
from stadforstad.errors import StadError
from stadforstad.settings import get_settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stadforstad",
        description="Stad för stad – formulär, poäng och jämförelser från kommandoraden.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    add_form_parsers(sub)
    add_response_parsers(sub)
    add_workspace_parsers(sub)
    add_links_parser(sub)
    add_users_parser(sub)
    add_backup_parsers(sub)
    add_erasure_parsers(sub)
    add_document_parsers(sub)
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
