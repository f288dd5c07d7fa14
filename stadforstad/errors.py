"""Coded errors. Tests check the code, so rewording a message breaks nothing.

Every error says where the problem is: a file, an item path, a row, a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# -- the catalogue: every error code the app gives, here and nowhere else -------------
# A code never changes its meaning; tests check codes, so rewording a message breaks
# nothing. ``CODES`` below says what each means; tests/test_error_codes.py checks that
# every code used anywhere is in it and that a test triggers each one.

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

# Files of responses (responses_io.read_rows)
FILE_NOT_FOUND = "FILE_001"
FILE_UNREADABLE = "FILE_002"
FILE_UNKNOWN_FORMAT = "FILE_003"
FILE_EMPTY = "FILE_004"
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

# Backups (storage.backup_*)
#: A backup that does not match the backup schema (types, lengths, references).
BACKUP_INVALID = "BACKUP_001"
#: A backup file too large, or unpacking beyond its limit.
BACKUP_TOO_LARGE = "BACKUP_002"
#: A backup's answers do not fit the form they claim.
BACKUP_BAD_ANSWERS = "BACKUP_003"
#: A backup could not be stored (the database refused it); nothing was stored.
BACKUP_NOT_STORED = "BACKUP_004"

# Rights, accounts and sign-in (accounts, the storage layer's checks)
#: The acting user may not do this: the one code for every refusal of a right, in the
#: storage layer and in accounts alike.
AUTH_FORBIDDEN = "AUTH_001"
#: Wrong username or password: one code for both, so a name's existence is not revealed.
AUTH_BAD_CREDENTIALS = "AUTH_002"
AUTH_THROTTLED = "AUTH_003"
AUTH_UNKNOWN_IDENTITY = "AUTH_004"
AUTH_BAD_PASSWORD = "AUTH_005"
AUTH_BAD_USERNAME = "AUTH_006"
AUTH_BAD_ROLE = "AUTH_007"
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

# Invitation links (storage.links)
#: The link cannot be used: unknown, revoked, closed or full (one code for all four).
LINK_UNUSABLE = "LINK_001"
#: The form may not be sent through a link (not ``shareable``, or unknown).
LINK_NOT_SHAREABLE = "LINK_002"
#: A setting of a new link is wrong (closing date in the past, cap below 1, …).
LINK_BAD_SETTING = "LINK_003"
#: The link id is not one the acting member can see.
LINK_NOT_FOUND = "LINK_004"
#: A respondent tried something outside their link.
LINK_FORBIDDEN = "LINK_005"
#: Name, contact or industry too long.
LINK_TOO_LONG = "LINK_006"
#: The resume token does not match a draft of this link.
LINK_NO_DRAFT = "LINK_007"
#: Nothing answered: an empty answer or draft is refused (it would count for nothing).
LINK_EMPTY = "LINK_008"
#: Too many draft saves or submissions through the link, or from one client, just now.
LINK_THROTTLED = "LINK_009"
#: The link closed, filled up or was revoked while the respondent answered: what they
#: wrote is kept as a late draft, not as an answer.
LINK_LATE = "LINK_010"

# Interoperability: XLSForm export, files whose columns are the question texts (interop)
XLSFORM_NOT_WRITTEN = "XLSFORM_001"
XLSFORM_NOT_XLSX = "XLSFORM_002"
COLUMN_AMBIGUOUS = "COLUMN_001"
COLUMN_MISSING_REQUIRED = "COLUMN_002"
COLUMN_UNKNOWN = "COLUMN_003"
COLUMN_DUPLICATE = "COLUMN_004"
COLUMN_NO_RESPONDENT = "COLUMN_005"

# A user's own settings (storage.preferences)
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
#: The form has no product of that name (``report --product``).
DOC_UNKNOWN_PRODUCT = "DOC_004"

# Keyed hashes (stadforstad/keyed.py)
#: The installation's key for keyed hashes is too short to be secret.
KEY_TOO_SHORT = "KEY_001"

#: Every code and what it means, for operators and for the catalogue test.
CODES: dict[str, str] = {
    FORM_NOT_FOUND: "no form file with that id",
    FORM_BAD_YAML: "the form file is not valid YAML",
    FORM_NOT_MAPPING: "the form file is not a mapping of keys to values",
    FORM_UNKNOWN_KIND: "an item has a kind the schema does not know",
    FORM_DUPLICATE_ID: "two parts of the form share an id",
    FORM_BAD_RANGE: "a scale's or number's minimum is not below its maximum",
    FORM_MISSING_SWEDISH: "a text has no Swedish",
    FORM_INVALID: "the form file does not match the form schema",
    FORM_ID_MISMATCH: "the form's id differs from its file name",
    FORM_UNKNOWN_SCORER: "the form names a scoring, or is used as scored, but has none",
    ANSWER_REQUIRED: "a required item or column is not answered",
    ANSWER_OUT_OF_RANGE: "a number or level is outside the item's range",
    ANSWER_NOT_A_NUMBER: "a value that should be a number is not one",
    ANSWER_UNKNOWN_OPTION: "a value is not one of the item's options",
    ANSWER_UNKNOWN_ITEM: "an answer or a table column the form does not have",
    ANSWER_TOO_LONG: "a text is longer than the item allows",
    ANSWER_BAD_DATE: "a value that should be a date (YYYY-MM-DD) is not one",
    ANSWER_BAD_TYPE: "a value of the wrong type (not yes/no, not text, not a list …)",
    ANSWER_TABLE_ROWS: "a table has fewer or more rows than the item allows",
    FILE_NOT_FOUND: "the file of responses does not exist",
    FILE_UNREADABLE: "the file of responses cannot be read",
    FILE_UNKNOWN_FORMAT: "the file is not CSV, Excel or JSON",
    FILE_EMPTY: "the file has no rows",
    FILE_BAD_ENCODING: "the file's text is in no encoding we read",
    FILE_RAGGED_ROW: "a row has more or fewer fields than the header",
    FILE_TOO_LARGE: "the file is too large, too long or too wide",
    FILE_BAD_HEADER: "a column has no heading, or a heading is repeated",
    FILE_NUMBER_TOO_LARGE: "a number (or a round) too large to store",
    FILE_NAME_TOO_LONG: "a respondent's name too long to store",
    STORE_NOT_FOUND: "what was asked for does not exist",
    STORE_DUPLICATE: "a name already taken (a respondent twice in an import, a user, a municipality)",
    STORE_CONFLICT: "someone else saved in between; nothing was overwritten",
    STORE_INVALID: "a value the storage refuses (a name, a round)",
    STORE_BAD_BACKUP: "a backup or document that is not plain, storable JSON",
    STORE_APPEND_ONLY: "the audit log cannot be changed or deleted",
    STORE_STALE: "shared answers saved by someone else in between: choose what stands",
    BACKUP_INVALID: "a backup that does not match the backup schema",
    BACKUP_TOO_LARGE: "a backup too large, or unpacking beyond its limit",
    BACKUP_BAD_ANSWERS: "a backup's answers do not fit their form",
    BACKUP_NOT_STORED: "the database refused the backup; nothing was stored",
    AUTH_FORBIDDEN: "the acting user has no right to do this",
    AUTH_BAD_CREDENTIALS: "wrong username or password",
    AUTH_THROTTLED: "too many failed sign-ins: wait before trying again",
    AUTH_UNKNOWN_IDENTITY: "no account (any longer) for the one signing in",
    AUTH_BAD_PASSWORD: "a new password that is not acceptable (too short, common, mistyped)",
    AUTH_BAD_USERNAME: "a username that is empty, too long or has other characters",
    AUTH_BAD_ROLE: "a role that is not member or coordinator",
    AUTH_BUSY: "too many sign-ins at once: try again in a moment",
    AUTH_BAD_SETUP_CODE: "a wrong, used or expired setup code",
    AUTH_BAD_OIDC_CONFIG: "sign-in through the identity provider is configured unsafely",
    AUTH_UNVERIFIED_EMAIL: "the identity provider has not verified the e-mail address",
    AUTH_SIGNED_OUT: "the sign-in has ended",
    LINK_UNUSABLE: "the link cannot be used (unknown, revoked, closed or full)",
    LINK_NOT_SHAREABLE: "the form cannot be sent through a link",
    LINK_BAD_SETTING: "a setting of a new link is wrong",
    LINK_NOT_FOUND: "no such link among those the member can see",
    LINK_FORBIDDEN: "a respondent tried something outside their link",
    LINK_TOO_LONG: "a name, contact, industry or introduction is too long",
    LINK_NO_DRAFT: "the resume token matches no draft of this link",
    LINK_EMPTY: "nothing answered",
    LINK_THROTTLED: "too many saves through the link just now",
    LINK_LATE: "the link closed while answering: kept as a late draft",
    XLSFORM_NOT_WRITTEN: "the XLSForm file could not be written",
    XLSFORM_NOT_XLSX: "the XLSForm file's name does not end in .xlsx",
    COLUMN_AMBIGUOUS: "a column heading matches more than one question",
    COLUMN_MISSING_REQUIRED: "no column for a required question",
    COLUMN_UNKNOWN: "a column heading matches no question",
    COLUMN_DUPLICATE: "two columns map to the same question",
    COLUMN_NO_RESPONDENT: "no column names the respondent",
    PREF_NO_USER: "settings need a signed-in user",
    PREF_TAKEN: "the participant is already someone else's",
    DOC_UNKNOWN_FORMAT: "the document's name does not end in .pdf or .docx",
    DOC_NO_RESPONSE: "no submitted answer to make the document from",
    DOC_CANNOT_WRITE: "the document could not be written where asked",
    DOC_UNKNOWN_PRODUCT: "the form has no product of that name",
    KEY_TOO_SHORT: "the installation's key for keyed hashes is too short to be secret",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong, and where.

    The place is kept in fields and formatted only where it is shown
    (:func:`place_text`, the form page's messages): ``item`` is the answer's key (an
    item id, or ``{id}_comment``); for a table, ``row`` (from 1) and ``column`` name the
    cell. ``file_row`` is the row of a file of responses (or of an import) the answers
    came from. ``where`` holds any other place as text: a form file's path
    (``sections[redo]/items[behov]/max``), a setting (``"intro"``), a file's column.
    """

    code: str
    where: str
    message: str
    item: str | None = field(default=None, kw_only=True)
    row: int | None = field(default=None, kw_only=True)
    column: str | None = field(default=None, kw_only=True)
    file_row: int | None = field(default=None, kw_only=True)

    def __str__(self) -> str:
        where = place_text(self)
        return f"[{self.code}] {where + ': ' if where else ''}{self.message}"


def place_text(problem: Problem) -> str:
    """The problem's place as the command line and the logs show it: ``behov``,
    ``aktorer[rad 2]/stod``, ``row 3, column behov`` (an answer in a file),
    ``sections[s]/items[x]``; empty when it has none."""
    cell = problem.item or ""
    if cell and problem.row is not None:
        cell += f"[rad {problem.row}]"
    if cell and problem.column is not None:
        cell += f"/{problem.column}"
    if problem.file_row is not None:
        parts = [f"row {problem.file_row}", problem.where, f"column {cell}" if cell else ""]
        return ", ".join(part for part in parts if part)
    if problem.where and cell:
        return f"{problem.where}/{cell}"
    return problem.where or cell


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
    place = place_text(problem)
    where = f"{printable(place)}: " if place else ""
    return f"[{problem.code}] {where}{printable(in_language(problem.message, lang))}"
