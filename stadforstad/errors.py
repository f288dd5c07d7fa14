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
#: A shared answer was saved by someone else after this save's version was read: the
#: save is refused and shown the difference (``storage.group_answers``).
STORE_STALE = "STORE_007"

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

# Interoperability: XLSForm export, files whose columns are the question texts (interop)
XLSFORM_NOT_WRITTEN = "XLSFORM_001"
XLSFORM_NOT_XLSX = "XLSFORM_002"
COLUMN_AMBIGUOUS = "COLUMN_001"
COLUMN_MISSING_REQUIRED = "COLUMN_002"
COLUMN_UNKNOWN = "COLUMN_003"
COLUMN_DUPLICATE = "COLUMN_004"
COLUMN_NO_RESPONDENT = "COLUMN_005"

# Sign-in hardening and server-side sign-ins (branch auth; docs/auth.md)
#: Too many sign-ins at once in this process: the password check waits its turn.
AUTH_BUSY = "AUTH_008"
#: A wrong, used or expired one-time setup code for the first administrator.
AUTH_BAD_SETUP_CODE = "AUTH_009"
#: Sign-in through the identity provider is configured unsafely (cookie_secret).
AUTH_BAD_OIDC_CONFIG = "AUTH_010"
#: The identity provider vouched for an e-mail address it has not verified.
AUTH_UNVERIFIED_EMAIL = "AUTH_011"
#: A sign-in that has ended (signed out elsewhere, idle too long, too old).
AUTH_SIGNED_OUT = "AUTH_012"

# A user's own settings (storage.preferences) – the forms branch
#: Settings are kept per signed-in user; the local user of an install without accounts has none.
PREF_NO_USER = "PREF_001"
#: The participant is already someone else's "Det här är jag".
PREF_TAKEN = "PREF_002"

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


class ExportError(StadError):
    """A file the app writes (an XLSForm …) that cannot be written."""


class AuthError(StadError):
    """Sign-in failed, or an account cannot be created or changed as asked."""


@dataclass
class SignInError(AuthError):
    """An AuthError that the sign-in screens show in either language (``en``), and
    that may say how long to wait (``wait_seconds``)."""

    en: str = ""
    wait_seconds: int = 0


class DocumentError(StadError):
    """A document cannot be made or written as asked."""


def fail(cls: type[StadError], code: str, where: str, message: str, file: str | None = None):
    """Build an error of ``cls`` with a single problem."""
    return cls(problems=[Problem(code, where, message)], file=file)


# -- data: files in and out, backups, municipalities (the ``data`` branch) ----------------
#: The file's bytes are not text in any encoding we read (UTF-8, UTF-16, Windows-1252).
FILE_BAD_ENCODING = "INPUT_001"
#: A row has more or fewer fields than the header.
FILE_RAGGED_ROW = "INPUT_002"
#: The file is larger than its limit, has too many rows or columns, or unpacks too far.
FILE_TOO_LARGE = "INPUT_003"
#: The header is not usable: an empty or repeated column name.
FILE_BAD_HEADER = "INPUT_004"
#: A number in a cell beyond ``limits.NUMBER_MAGNITUDE``, or a round out of range.
FILE_NUMBER_TOO_LARGE = "INPUT_005"
#: A name (a respondent's) longer than the database column.
FILE_NAME_TOO_LONG = "INPUT_006"
#: A backup that does not match the backup schema (types, lengths, references).
BACKUP_INVALID = "BACKUP_001"
#: A backup file too large, or unpacking beyond its limit.
BACKUP_TOO_LARGE = "BACKUP_002"
#: A backup's answers do not fit the form they claim.
BACKUP_BAD_ANSWERS = "BACKUP_003"
#: A backup could not be stored (the database refused it); nothing was stored.
BACKUP_NOT_STORED = "BACKUP_004"


class Message(str):
    """A message in Swedish (the string itself) with its English beside it, so a page or
    the command line can show the language in use. ``str(message)`` is the Swedish."""

    en: str

    def __new__(cls, sv: str, en: str) -> Message:
        made = super().__new__(cls, sv)
        made.en = en
        return made

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        """Both languages survive a copy or a pickle (a cache, a process pool)."""
        return str(self), self.en


def say(sv: str, en: str) -> Message:
    """A message in both languages: ``say("Filen finns inte.", "The file does not exist.")``."""
    return Message(sv, en)


def in_language(message: str, lang: str) -> str:
    """``message`` in ``lang``: its English when it has one and ``lang`` is ``en``."""
    english = getattr(message, "en", None)
    return english if lang == "en" and english else str(message)


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\x1b``, ``\\n``): a file's column
    name or key in a message never moves a terminal's cursor or breaks the line."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def problem_text(problem: Problem, lang: str) -> str:
    """A problem as one printable line in ``lang``: ``[CODE] where: message``."""
    where = f"{printable(problem.where)}: " if problem.where else ""
    return f"[{problem.code}] {where}{printable(in_language(problem.message, lang))}"
