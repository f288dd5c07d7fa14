"""A backup document checked whole before anything is stored: the shape and the types
of every field with the widths of their database columns (``backup_schema``), the
references between the parts (every response's respondent, every link answer's link),
the values the database holds unique, and the answers against the form they claim,
when this installation has that form.

Pure: no database here; ``backup_import`` stores only what passed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from pydantic import ValidationError

from stadforstad import errors
from stadforstad.errors import Problem, StorageError, say
from stadforstad.storage.backup_json import refuse
from stadforstad.storage.backup_schema import FORMAT, FORMAT_VERSION, READS, Backup

#: At most this many problems are listed for one file: enough to see what is wrong.
MAX_PROBLEMS = 20


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
        raise refuse(
            errors.STORE_BAD_BACKUP,
            "format",
            "Det här är ingen säkerhetskopia av en kommun från Stad för stad.",
            "This is not a backup of a municipality from Stad för stad.",
            file,
        )
    if data.get("version") not in READS:
        raise refuse(
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
