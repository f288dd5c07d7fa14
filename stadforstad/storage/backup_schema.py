"""The schema of a workspace backup, checked whole before anything is stored.

``read_backup_text`` turns a file's bytes into checked data or a coded refusal that
says where: the file's size and how far it unpacks (``limits``), JSON that Python and
both databases can hold (no NaN, no infinity, no NUL, no lone surrogate halves), the
shape and the types of every field with the widths of their database columns, the
references between the parts (every response's respondent, every link answer's link),
the values the database holds unique, and the answers against the form they claim,
when this installation has that form.

Pure: no database here; ``backup.import_workspace`` stores only what passed.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import math
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
)

from stadforstad import errors, limits
from stadforstad.errors import Problem, StorageError, say

FORMAT = "stadforstad-workspace"
#: 2 added the invitation links (their token only as its hash) and the answers sent
#: through them; a version 1 file (without them) is still read.
#: 3 added each link's language (``lang``) and each late draft's moment (``late_at``),
#: and ``left_out``: the sensitive forms whose answers the export does not hold; a
#: version 2 file (without them: links in Swedish, no late drafts) is still read.
FORMAT_VERSION = 3
READS = (1, 2, 3)
#: At most this many problems are listed for one file: enough to see what is wrong.
MAX_PROBLEMS = 20


def _moment(value: str | None) -> str | None:
    if value is not None:
        dt.datetime.fromisoformat(value)  # ValueError: Pydantic reports it where it is
    return value


def _day(value: str | None) -> str | None:
    if value is not None:
        dt.date.fromisoformat(value)
    return value


def _hex64(value: str) -> str:
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError("expected 64 hexadecimal digits (a SHA-256 hash)")
    return value


Id = Annotated[StrictInt, Field(ge=1, le=limits.ID_MAX)]
Count = Annotated[StrictInt, Field(ge=0, le=limits.ID_MAX)]
Round = Annotated[StrictInt, Field(ge=1, le=limits.ROUND_MAX)]
Name = Annotated[StrictStr, Field(min_length=1, max_length=limits.NAME_LENGTH)]
Line = Annotated[StrictStr, Field(max_length=limits.NAME_LENGTH)]
FormId = Annotated[StrictStr, Field(min_length=1, max_length=100)]
Moment = Annotated[StrictStr, AfterValidator(_moment)]
MaybeMoment = Annotated[StrictStr | None, AfterValidator(_moment)]
Day = Annotated[StrictStr | None, AfterValidator(_day)]
Hash = Annotated[StrictStr, AfterValidator(_hex64)]
AnswerMap = dict[StrictStr, Any]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WorkspacePart(_Part):
    id: Id
    name: Name
    is_demo: StrictBool
    created_at: Moment


class FormPart(_Part):
    id: FormId
    versions: list[Count]
    definitions: dict[StrictStr, Any]


class RespondentPart(_Part):
    id: Id
    name: Name
    created_at: Moment
    #: The municipality's shared respondent (forms with ``owner: group``); files made
    #: before it existed have none.
    is_group: StrictBool = False


class RevisionPart(_Part):
    number: Id
    form_version: Count
    answers: AnswerMap
    saved_at: Moment
    saved_by: Line


class ResponsePart(_Part):
    id: Id
    respondent_id: Id
    form_id: FormId
    round: Round
    revision: Count
    draft: AnswerMap | None
    draft_form_version: Count | None
    draft_saved_at: MaybeMoment
    created_at: Moment
    updated_at: Moment
    revisions: list[RevisionPart]


class LinkPart(_Part):
    id: Id
    form_id: FormId
    token_hash: Hash
    label: Line
    intro: Annotated[StrictStr, Field(max_length=20_000)]
    ask_identity: StrictBool
    #: Older files have no language: the link was Swedish.
    lang: Literal["sv", "en"] = "sv"
    closes_on: Day
    max_answers: Annotated[StrictInt, Field(ge=1, le=limits.ID_MAX)] | None
    revoked_at: MaybeMoment
    created_by: Line
    created_at: Moment


class LinkResponsePart(_Part):
    id: Id
    link_id: Id
    resume_hash: Hash
    industry: Line | None
    name: Line | None
    contact: Line | None
    draft: AnswerMap | None
    draft_saved_at: MaybeMoment
    #: When a draft was saved after its link had stopped taking answers (a late draft).
    late_at: MaybeMoment = None
    answers: AnswerMap | None
    form_version: Count | None
    submitted_at: MaybeMoment
    submission_key: Annotated[StrictStr, Field(max_length=100)] | None
    receipt: Annotated[StrictStr, Field(max_length=20)] | None
    created_at: Moment


class AuditPart(_Part):
    at: Moment
    actor: Line
    action: Annotated[StrictStr, Field(max_length=50)]
    target: Annotated[StrictStr, Field(max_length=300)]
    detail: StrictStr | None


class Backup(_Part):
    """A whole workspace, as ``backup.export_workspace`` writes it."""

    format: Literal["stadforstad-workspace"]
    version: Literal[1, 2, 3]
    workspace: WorkspacePart
    forms: list[FormPart]
    respondents: list[RespondentPart]
    responses: list[ResponsePart]
    links: list[LinkPart] = []
    link_responses: list[LinkResponsePart] = []
    audit: list[AuditPart]
    #: Forms marked ``sensitive`` whose answers were left out of this export (they are
    #: only in it when asked for explicitly).
    left_out: list[FormId] = []


# -- reading the file ------------------------------------------------------------------
def _refuse(code: str, where: str, sv: str, en: str, file: str = "") -> StorageError:
    return errors.fail(StorageError, code, where, say(sv, en), file or None)


def unpack(raw: bytes, file: str = "") -> bytes:
    """The file's JSON bytes: gunzipped when it is gzip, never beyond the limit."""
    if len(raw) > limits.BACKUP_FILE_BYTES:
        raise _refuse(
            errors.BACKUP_TOO_LARGE,
            "",
            f"Filen är större än {limits.megabytes(limits.BACKUP_FILE_BYTES)}.",
            f"The file is larger than {limits.megabytes(limits.BACKUP_FILE_BYTES)}.",
            file,
        )
    if raw[:2] != b"\x1f\x8b":
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as packed:
            body = packed.read(limits.BACKUP_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise _refuse(
            errors.STORE_BAD_BACKUP,
            "gzip",
            "Filen är trasig (gzip går inte att packa upp). Exportera kommunen igen.",
            "The file is broken (gzip cannot be unpacked). Export the municipality again.",
            file,
        ) from None
    if len(body) > limits.BACKUP_UNPACKED_BYTES:
        raise _refuse(
            errors.BACKUP_TOO_LARGE,
            "gzip",
            "Filen packas upp till mer än "
            f"{limits.megabytes(limits.BACKUP_UNPACKED_BYTES)}; ingen säkerhetskopia "
            "från appen är så stor.",
            "The file unpacks to more than "
            f"{limits.megabytes(limits.BACKUP_UNPACKED_BYTES)}; no backup made by the "
            "app is that large.",
            file,
        )
    return body


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"the number {text} is too large")
    return number


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(body: bytes, file: str = "") -> Any:
    """The document, or STORE_005 for anything that is not plain, storable JSON."""
    try:
        data = json.loads(body.decode("utf-8"), parse_float=_finite, parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError, RecursionError) as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        raise _refuse(
            errors.STORE_BAD_BACKUP,
            where,
            "Filen går inte att läsa som en säkerhetskopia av en kommun (JSON, "
            "eventuellt gzip). Välj en exporterad fil.",
            "The file cannot be read as a backup of a municipality (JSON, possibly "
            "gzip). Choose an exported file.",
            file,
        ) from None
    _check_text(data, file)
    return data


def _check_text(data: Any, file: str) -> None:
    """No NUL and no lone surrogate halves anywhere: neither database stores them."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{where}/{errors.printable(k)}", v) for k, v in value.items())
            stack.extend((f"{where}/{errors.printable(k)}", k) for k in value)
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", v) for i, v in enumerate(value))
        elif isinstance(value, str) and (
            "\x00" in value or any("\ud800" <= c <= "\udfff" for c in value)
        ):
            raise _refuse(
                errors.BACKUP_INVALID,
                where.lstrip("/") or "text",
                "Texten innehåller tecken som inte kan sparas (nolltecken eller trasig "
                "Unicode). Filen är skadad.",
                "The text holds characters that cannot be stored (NUL or broken "
                "Unicode). The file is damaged.",
                file,
            )


# -- checking the document -------------------------------------------------------------
def _where(loc: Iterable[Any]) -> str:
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int) and parts:
            parts[-1] = f"{parts[-1]}[{step}]"
        else:
            parts.append(errors.printable(str(step)))
    return "/".join(parts)


def check_backup(data: Any, file: str = "") -> Backup:
    """The document checked whole: shape, types, widths, references, uniqueness and
    the answers. Every problem (up to ``MAX_PROBLEMS``) is listed with where it is."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse(
            errors.STORE_BAD_BACKUP,
            "format",
            "Det här är ingen säkerhetskopia av en kommun från Stad för stad.",
            "This is not a backup of a municipality from Stad för stad.",
            file,
        )
    if data.get("version") not in READS:
        raise _refuse(
            errors.STORE_BAD_BACKUP,
            "version",
            f"Säkerhetskopian har formatversion {data.get('version')!r}, men den här "
            f"versionen av appen läser {FORMAT_VERSION}. Uppdatera appen.",
            f"The backup has format version {data.get('version')!r}, but this version "
            f"of the app reads {FORMAT_VERSION}. Update the app.",
            file,
        )
    try:
        backup = Backup.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(errors.BACKUP_INVALID, _where(e["loc"]), say(e["msg"], e["msg"]))
            for e in exc.errors()[:MAX_PROBLEMS]
        ]
        raise StorageError(problems=problems, file=file or None) from None
    problems = _reference_problems(backup) + _answer_problems(backup)
    if problems:
        raise StorageError(problems=problems[:MAX_PROBLEMS], file=file or None)
    return backup


def _problem(where: str, sv: str, en: str, code: str = errors.BACKUP_INVALID) -> Problem:
    return Problem(code, where, say(sv, en))


def _duplicates(values: Iterable[Any]) -> list[Any]:
    return [value for value, n in Counter(v for v in values if v is not None).items() if n > 1]


def _reference_problems(backup: Backup) -> list[Problem]:
    problems: list[Problem] = []
    unique: dict[str, list[Any]] = {
        "respondents/id": [r.id for r in backup.respondents],
        "respondents/name": [r.name for r in backup.respondents],
        "responses/id": [r.id for r in backup.responses],
        "responses/(respondent_id, form_id, round)": [
            (r.respondent_id, r.form_id, r.round) for r in backup.responses
        ],
        "links/id": [k.id for k in backup.links],
        "links/token_hash": [k.token_hash for k in backup.links],
        "link_responses/id": [r.id for r in backup.link_responses],
        "link_responses/resume_hash": [r.resume_hash for r in backup.link_responses],
        "link_responses/receipt": [r.receipt for r in backup.link_responses],
        "link_responses/submission_key": [r.submission_key for r in backup.link_responses],
    }
    for where, values in unique.items():
        for value in _duplicates(values)[:3]:
            problems.append(
                _problem(
                    where, f"{value!r} förekommer flera gånger", f"{value!r} occurs more than once"
                )
            )
    people = {r.id for r in backup.respondents}
    for index, response in enumerate(backup.responses):
        where = f"responses[{index}]"
        if response.respondent_id not in people:
            problems.append(
                _problem(
                    f"{where}/respondent_id",
                    f"deltagaren {response.respondent_id} finns inte i filen",
                    f"respondent {response.respondent_id} is not in the file",
                )
            )
        numbers = [v.number for v in response.revisions]
        if len(set(numbers)) != len(numbers):
            problems.append(
                _problem(
                    f"{where}/revisions",
                    "två versioner har samma nummer",
                    "two revisions have the same number",
                )
            )
        if response.revision != max(numbers, default=0):
            problems.append(
                _problem(
                    f"{where}/revision",
                    f"senaste version {response.revision} men versionerna går till "
                    f"{max(numbers, default=0)}",
                    f"latest revision {response.revision} but the revisions go to "
                    f"{max(numbers, default=0)}",
                )
            )
    links = {k.id for k in backup.links}
    for index, answer in enumerate(backup.link_responses):
        if answer.link_id not in links:
            problems.append(
                _problem(
                    f"link_responses[{index}]/link_id",
                    f"länken {answer.link_id} finns inte i filen",
                    f"link {answer.link_id} is not in the file",
                )
            )
    return problems


def _answer_problems(backup: Backup) -> list[Problem]:
    """Answers that do not fit the form they claim, when this installation has it:
    each known item's value is checked as the app checks a draft. Items the form no
    longer has are kept as they are (an older version's answers)."""
    from stadforstad.answers import check_answers
    from stadforstad.catalog import load_form

    forms: dict[str, Any] = {}

    def form_of(form_id: str):
        if form_id not in forms:
            try:
                forms[form_id] = load_form(form_id)
            except errors.StadError:
                forms[form_id] = None
        return forms[form_id]

    def check(where: str, form_id: str, answers: dict[str, Any] | None) -> list[Problem]:
        form = form_of(form_id)
        if form is None or not answers:
            return []
        try:
            check_answers(form, answers, partial=True)
        except errors.AnswerError as exc:
            return [
                replace(
                    p,
                    code=errors.BACKUP_BAD_ANSWERS,
                    where=f"{where}/answers",
                    message=say(str(p.message), errors.in_language(p.message, "en")),
                )
                for p in exc.problems
                if p.code != errors.ANSWER_UNKNOWN_ITEM
            ]
        return []

    problems: list[Problem] = []
    for index, response in enumerate(backup.responses):
        where = f"responses[{index}]"
        for number, revision in enumerate(response.revisions):
            problems += check(f"{where}/revisions[{number}]", response.form_id, revision.answers)
        problems += check(f"{where}/draft", response.form_id, response.draft)
    link_forms = {k.id: k.form_id for k in backup.links}
    for index, answer in enumerate(backup.link_responses):
        form_id = link_forms.get(answer.link_id, "")
        problems += check(f"link_responses[{index}]", form_id, answer.answers)
        problems += check(f"link_responses[{index}]/draft", form_id, answer.draft)
    return problems
