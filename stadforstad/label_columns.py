"""Files whose columns are the question texts, as a generic survey tool exports them
(Microsoft Forms, Google Forms …): ``stadforstad import … --columns by-label``.

A header is matched to an item by its Swedish or English label, or its id, ignoring
case, spacing and punctuation (and, failing that, a leading number such as ``"1. "``).
The tool's own columns (ID, Start time, Email, Name …) are left out; the response
number (``ID``) names the respondent unless a ``respondent`` column or
``--respondent-column`` says otherwise (a file with none of them is refused), so nobody's
name or e-mail is stored by accident.
Answers given as option labels become option values; several choices in one cell are
separated by ``;`` (Microsoft Forms' way).

Nothing is guessed: a header that fits two items, a column that fits no item, two
columns for one item or a required item without a column refuse the whole file, each
problem with its code and the column it is about.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from stadforstad import errors
from stadforstad.answers import answer_keys
from stadforstad.errors import Problem, ResponseFileError
from stadforstad.responses_io import RESPONDENT
from stadforstad.schema import Form, Text

#: The ways ``--columns`` can read a file's header row.
BY_ID = "by-id"
BY_LABEL = "by-label"
COLUMN_MODES = (BY_ID, BY_LABEL)

#: Headers that name the respondent (besides ``--respondent-column``).
_RESPONDENT_HEADERS = ("respondent", "deltagare", "svarande")
#: The survey tool's response number: the respondent when nothing else names one.
_RESPONSE_NUMBER = "id"
#: The survey tools' own columns (Microsoft Forms, Google Forms; Swedish and English),
#: normalised. They are left out: they are not answers, and names and e-mail addresses
#: are personal data the handbook does not ask for.
_TOOL_COLUMNS = frozenset(
    {
        "start time",
        "completion time",
        "email",
        "name",
        "last modified time",
        "total points",
        "quiz feedback",
        "timestamp",
        "email address",
        "starttid",
        "sluttid",
        "tid för slutförande",
        "slutförandetid",
        "e post",
        "e postadress",
        "namn",
        "senast ändrad",
        "tid för senaste ändring",
        "totalpoäng",
        "tidsstämpel",
        "tidstämpel",
    }
)
#: Microsoft Forms quizzes add "Points - …" and "Feedback - …" per question.
_TOOL_PREFIXES = ("points ", "feedback ", "poäng ")
_LEADING_NUMBER = re.compile(r"^\d+[a-z]?\s+")


def normalize(text: Any) -> str:
    """Case, spacing, punctuation and underscores ignored: ``"Politisk vilja?"``,
    ``"politisk_vilja"`` and ``" POLITISK  VILJA "`` are all ``"politisk vilja"``."""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return " ".join(re.sub(r"[^\w\s]|_", " ", folded).split())


def _unnumbered(text: str) -> str:
    """A normalised text without a leading ``"1 "`` (``"1. Vem …"`` in the form)."""
    return _LEADING_NUMBER.sub("", text)


@dataclass(frozen=True)
class MappedColumn:
    """One header of the file and what it became."""

    header: str
    #: The answer key (an item id, ``{id}_comment``), ``respondent``, or ``None``:
    #: left out.
    key: str | None
    #: Why, for the printed mapping.
    note: str = ""


@dataclass
class ColumnMapping:
    """How a file's headers map to a form; ``problems`` when they do not."""

    form: Form
    columns: list[MappedColumn] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def describe(self) -> list[str]:
        """The mapping as lines to print before anything is stored: the item (or
        ``respondent``; ``-`` when left out) ← the file's header."""
        targets = [column.key or "-" for column in self.columns]
        width = max((len(t) for t in targets), default=0)
        lines = [f"Columns → items of {self.form.id}:"]
        for target, column in zip(targets, self.columns):
            note = f"  ({column.note})" if column.note else ""
            lines.append(f"  {target:<{width}} ← {column.header!r}{note}")
        return lines

    def translate(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The records keyed by item id, their option labels turned into values.
        Raises :class:`ResponseFileError` with every header problem."""
        if self.problems:
            raise ResponseFileError(problems=list(self.problems))
        keys = answer_keys(self.form)
        out = []
        for record in records:
            translated: dict[str, Any] = {}
            for column in self.columns:
                if column.key is None or column.header not in record:
                    continue
                value = record[column.header]
                item = keys.get(column.key)
                translated[column.key] = value if item is None else translate_value(item, value)
            out.append(translated)
        return out


class _Candidates:
    """Every name a header may use for each answer key, normalised."""

    def __init__(self, form: Form) -> None:
        self.exact: dict[str, set[str]] = {}
        self.loose: dict[str, set[str]] = {}
        #: A normalised name → the text it came from, to suggest in a message.
        self.shown: dict[str, str] = {}
        for item in form.answerable():
            self.add(item.id, [item.id, item.label.sv, item.label.en])
            if item.comment is not None:
                key = f"{item.id}_comment"
                names = [key, item.comment.sv, item.comment.en]
                names += [f"{a} {b}" for a, b in _pairs(item.label, item.comment)]
                self.add(key, names)

    def add(self, key: str, names: Iterable[str | None]) -> None:
        for name in names:
            if not name:
                continue
            text = normalize(name)
            self.exact.setdefault(text, set()).add(key)
            self.shown.setdefault(text, name)
            self.loose.setdefault(_unnumbered(text), set()).add(key)

    def match(self, header: str) -> set[str]:
        text = normalize(header)
        return self.exact.get(text) or self.loose.get(_unnumbered(text)) or set()

    def closest(self, header: str) -> str | None:
        """The question text nearest to ``header``, to suggest; ``None`` if none is near."""
        found = difflib.get_close_matches(normalize(header), list(self.exact), n=1, cutoff=0.6)
        return self.shown[found[0]] if found else None


def _pairs(first: Text, second: Text) -> list[tuple[str, str]]:
    return [(first.sv, second.sv), (first.get("en"), second.get("en"))]


def _tool_column(text: str) -> bool:
    return text in _TOOL_COLUMNS or text.startswith(_TOOL_PREFIXES)


def map_columns(
    form: Form, headers: Iterable[str], *, respondent_column: str | None = None
) -> ColumnMapping:
    """Match ``headers`` to ``form``'s items; the problems are kept, not raised, so the
    mapping can be shown beside them."""
    headers = [str(h) for h in headers]
    mapping = ColumnMapping(form)
    candidates = _Candidates(form)
    respondent = _respondent_header(headers, respondent_column, candidates)
    if respondent is None:
        mapping.problems.append(
            Problem(
                errors.COLUMN_NO_RESPONDENT,
                f"column {respondent_column or RESPONDENT!r}",
                "the file has no such column (--respondent-column)"
                if respondent_column is not None
                else "no column names the respondent. Add a 'respondent' column (a name or "
                "a code per row) or name one with --respondent-column.",
            )
        )
    taken: dict[str, str] = {}
    for header in headers:
        text = normalize(header)
        if header == respondent:
            mapping.columns.append(MappedColumn(header, RESPONDENT, "names the respondent"))
            continue
        keys = candidates.match(header)
        if len(keys) > 1:
            mapping.columns.append(MappedColumn(header, None, "fits several questions"))
            mapping.problems.append(
                Problem(
                    errors.COLUMN_AMBIGUOUS,
                    f"column {header!r}",
                    f"fits several questions ({', '.join(sorted(keys))}). Make the header "
                    "the question's whole text, or its id.",
                )
            )
        elif keys:
            key = next(iter(keys))
            if key in taken:
                mapping.columns.append(MappedColumn(header, None, f"a second column for {key}"))
                mapping.problems.append(
                    Problem(
                        errors.COLUMN_DUPLICATE,
                        f"column {header!r}",
                        f"the column {taken[key]!r} already holds {key}. Remove one of them.",
                    )
                )
            else:
                taken[key] = header
                mapping.columns.append(MappedColumn(header, key))
        elif _tool_column(text) or text == _RESPONSE_NUMBER:
            mapping.columns.append(
                MappedColumn(header, None, "the survey tool's own column: left out")
            )
        else:
            closest = candidates.closest(header)
            hint = f" Closest question: {closest!r}." if closest else ""
            mapping.columns.append(MappedColumn(header, None, "no such question"))
            mapping.problems.append(
                Problem(
                    errors.COLUMN_UNKNOWN,
                    f"column {header!r}",
                    f"is no question of the form {form.id!r}.{hint} Correct the header or "
                    "remove the column.",
                )
            )
    for item in form.answerable():
        if item.required and item.id not in taken:
            mapping.problems.append(
                Problem(
                    errors.COLUMN_MISSING_REQUIRED,
                    f"item {item.id}",
                    f"the required question {item.label.sv!r} has no column",
                )
            )
    return mapping


def _respondent_header(
    headers: list[str], chosen: str | None, candidates: _Candidates
) -> str | None:
    """The column that names the respondent: the one asked for, else one called
    respondent/deltagare/svarande, else the tool's response number (``ID``)."""
    if chosen is not None:
        return next((h for h in headers if normalize(h) == normalize(chosen)), None)
    for wanted in (*_RESPONDENT_HEADERS, _RESPONSE_NUMBER):
        for header in headers:
            if normalize(header) == wanted and not candidates.match(header):
                return header
    return None


# -- values -------------------------------------------------------------------------------
def _lookup(pairs: Iterable[tuple[Any, Text | None]]) -> dict[str, Any]:
    """Normalised label (either language) → value."""
    table: dict[str, Any] = {}
    for value, label in pairs:
        if label is not None:
            for text in (label.sv, label.en):
                if text:
                    table.setdefault(normalize(text), value)
    return table


def _leading_int(text: str) -> int | None:
    match = re.match(r"^\s*(-?\d+)(?:\s*[-–—.:)]|\s*$)", text)
    return int(match.group(1)) if match else None


def _split_choices(text: str, table: dict[str, Any]) -> list[Any]:
    """Several choices separated by ``;``: the longest run of parts that is a label
    wins, so a label with a ``;`` of its own stays whole. Unknown parts stay text."""
    parts = text.split(";")
    picked: list[Any] = []
    start = 0
    while start < len(parts):
        for end in range(len(parts), start, -1):
            found = table.get(normalize(";".join(parts[start:end])))
            if found is not None:
                picked.append(found)
                start = end
                break
        else:
            if parts[start].strip():
                picked.append(parts[start].strip())
            start += 1
    return picked


def translate_value(item: Any, value: Any) -> Any:
    """A cell of ``item``'s column as the app's answer where it is a label; anything
    else unchanged, so the answer check reports it with its row and column."""
    if not isinstance(value, str) or not value.strip():
        return value
    kind = item.kind
    if kind in ("choice", "checklist"):
        table = _lookup((o.value, o.label) for o in item.options)
        table.update({normalize(o.value): o.value for o in item.options})
        if kind == "checklist" or item.multiple:
            return _split_choices(value, table)
        return table.get(normalize(value), value.strip())
    if kind == "yes_no":
        table = _lookup([(True, item.yes_label), (False, item.no_label)])
        return table.get(normalize(value), value)
    if kind == "scale":
        ends = _lookup([(item.min, item.min_label), (item.max, item.max_label)])
        found = ends.get(normalize(value))
        if found is None:
            found = _leading_int(value)
        return value if found is None else found
    if kind == "level":
        table = _lookup((lv.value, lv.label) for lv in item.levels)
        found = table.get(normalize(value))
        if found is None:
            found = _leading_int(value)
        return value if found is None else found
    return value


class ByLabel:
    """``iter_rows``' ``translate`` for ``--columns by-label``; keeps the mapping it
    made so the command line can show it."""

    def __init__(self, form: Form, *, respondent_column: str | None = None) -> None:
        self.form = form
        self.respondent_column = respondent_column
        self.mapping: ColumnMapping | None = None

    def __call__(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        headers: dict[str, None] = {}
        for record in records:
            headers.update(dict.fromkeys(record))
        self.mapping = map_columns(
            self.form, list(headers), respondent_column=self.respondent_column
        )
        return self.mapping.translate(records)
