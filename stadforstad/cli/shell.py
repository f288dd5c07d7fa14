"""What the command line agrees with the shell: the argument types it reads and the
exit statuses it returns (0 is done; an interrupted command returns 130)."""

from __future__ import annotations

import argparse
import datetime as dt

from stadforstad import limits

#: A coded error (bad arguments, a missing form or municipality …).
EXIT_BAD_INPUT = 2
#: Rows of a responses file that are not right; the others may have been scored.
EXIT_BAD_ROWS = 3


def round_number(text: str) -> int:
    """A round: a whole number from 1 to ``limits.ROUND_MAX``."""
    if not text.strip().isdigit() or not 1 <= int(text) <= limits.ROUND_MAX:
        raise argparse.ArgumentTypeError(
            f"{text!r}: a round is a whole number from 1 to {limits.ROUND_MAX}"
        )
    return int(text)


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
