"""Coded errors. Tests check the code, so rewording a message breaks nothing.

Every error says where the problem is: a file, an item path, a row, a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Form files (catalog.load_form)
FORM_NOT_FOUND = "FORM_001"
FORM_BAD_YAML = "FORM_002"
FORM_NOT_MAPPING = "FORM_003"
FORM_UNKNOWN_KIND = "FORM_004"
FORM_DUPLICATE_ID = "FORM_005"
FORM_BAD_RANGE = "FORM_006"
FORM_MISSING_SWEDISH = "FORM_007"
FORM_INVALID = "FORM_008"
FORM_ID_MISMATCH = "FORM_009"
FORM_UNKNOWN_SCORER = "FORM_010"

# Answers (answers.check_answers)
ANSWER_REQUIRED = "ANSWER_001"
ANSWER_OUT_OF_RANGE = "ANSWER_002"
ANSWER_NOT_A_NUMBER = "ANSWER_003"
ANSWER_UNKNOWN_OPTION = "ANSWER_004"
ANSWER_UNKNOWN_ITEM = "ANSWER_005"
ANSWER_TOO_LONG = "ANSWER_006"
ANSWER_BAD_DATE = "ANSWER_007"
ANSWER_BAD_TYPE = "ANSWER_008"
ANSWER_TABLE_ROWS = "ANSWER_009"

# Files of responses (io.read_responses)
FILE_NOT_FOUND = "FILE_001"
FILE_UNREADABLE = "FILE_002"
FILE_UNKNOWN_FORMAT = "FILE_003"
FILE_EMPTY = "FILE_004"

# Storage
STORE_NOT_FOUND = "STORE_001"
STORE_DUPLICATE = "STORE_002"
STORE_CONFLICT = "STORE_003"
STORE_INVALID = "STORE_004"
STORE_BAD_BACKUP = "STORE_005"
STORE_APPEND_ONLY = "STORE_006"

# Accounts and sign-in (accounts)
STORE_FORBIDDEN = "AUTH_001"
AUTH_FORBIDDEN = STORE_FORBIDDEN
#: Wrong username or password: one code for both, so a name's existence is not revealed.
AUTH_BAD_CREDENTIALS = "AUTH_002"
AUTH_THROTTLED = "AUTH_003"
AUTH_UNKNOWN_IDENTITY = "AUTH_004"
AUTH_BAD_PASSWORD = "AUTH_005"
AUTH_BAD_USERNAME = "AUTH_006"
AUTH_BAD_ROLE = "AUTH_007"

# Documents (stadforstad print / report, the download buttons)
#: The output file's name does not end in .pdf or .docx.
DOC_UNKNOWN_FORMAT = "DOC_001"
#: The respondent (or the group) has no submitted answer to the form in that round.
DOC_NO_RESPONSE = "DOC_002"
#: The document could not be written where asked (folder missing, no permission).
DOC_CANNOT_WRITE = "DOC_003"


@dataclass(frozen=True)
class Problem:
    """One thing wrong, and where.

    ``where`` is a path such as ``"sections[redo]/items[behov]/max"`` for a form
    file, or ``"row 3, column behov"`` for an answer file.
    """

    code: str
    where: str
    message: str

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"[{self.code}] {where}{self.message}"


@dataclass
class StadError(Exception):
    """Base of the project's own errors: a code and one or more problems."""

    problems: list[Problem] = field(default_factory=list)
    file: str | None = None

    @property
    def code(self) -> str:
        return self.problems[0].code if self.problems else "UNKNOWN"

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def __str__(self) -> str:
        head = f"{self.file}: " if self.file else ""
        return head + "; ".join(str(p) for p in self.problems)


class FormFileError(StadError):
    """A form file that cannot be loaded."""


class AnswerError(StadError):
    """Answers that do not fit the form."""


class ResponseFileError(StadError):
    """A file of responses that cannot be read or has bad rows."""


class StorageError(StadError):
    """A storage call that cannot be carried out."""


class ForbiddenError(StorageError):
    """The acting user has no right to do this."""


class AuthError(StadError):
    """Sign-in failed, or an account cannot be created or changed as asked."""


class DocumentError(StadError):
    """A document cannot be made or written as asked."""


def fail(cls: type[StadError], code: str, where: str, message: str, file: str | None = None):
    """Build an error of ``cls`` with a single problem."""
    return cls(problems=[Problem(code, where, message)], file=file)
