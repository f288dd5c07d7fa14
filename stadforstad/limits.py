"""The limits on what comes in from outside: files of responses, backups and names.

One place for every bound, so the check, the message and the README say the same.
A bound is there to give a clear, coded refusal instead of a crash, a database error
or a server brought down by one file; each is far above what a municipality needs.
"""

from __future__ import annotations

MIB = 1024 * 1024

#: Names of municipalities and respondents: the width of their database columns.
NAME_LENGTH = 200

# -- files of responses (``score`` and ``import``) -----------------------------------
#: A CSV, XLSX or JSON file of responses, as it is on disk.
RESPONSE_FILE_BYTES = 20 * MIB
#: An XLSX file unpacked (it is a zip archive: a small file can hide a huge sheet).
RESPONSE_XLSX_UNPACKED_BYTES = 100 * MIB
#: Responses (rows) in one file.
RESPONSE_ROWS = 10_000
#: Columns in one file.
RESPONSE_COLUMNS = 1_000
#: The largest number a cell may hold (either sign): far above any answer, and inside
#: what both databases and a spreadsheet store exactly.
NUMBER_MAGNITUDE = 10**15
#: Rounds of a measurement ("omgång").
ROUND_MAX = 1_000

# -- backups of a workspace (``import-backup`` and the Administration page) ----------
#: A backup file as it is on disk (gzip-compressed or not).
BACKUP_FILE_BYTES = 100 * MIB
#: A backup unpacked: gzip is read only this far, never further.
BACKUP_UNPACKED_BYTES = 200 * MIB
#: Ids in a backup: PostgreSQL's ``integer``.
ID_MAX = 2**31 - 1


def megabytes(size: int) -> str:
    """A size for a message: ``20 MB``."""
    return f"{size // MIB} MB"
