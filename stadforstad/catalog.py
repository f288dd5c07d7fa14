"""Loading form files from ``forms/`` with clear, coded errors."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from stadforstad import errors
from stadforstad.errors import FormFileError, Problem
from stadforstad.instruments.order import ORDER, SCORED
from stadforstad.resources import FORMS_DIR
from stadforstad.schema import ID_PATTERN, ITEM_KINDS, Form

#: libyaml's safe loader where PyYAML was built with it (several times faster than the
#: pure-Python one; the same documents, the same safety), else the pure-Python one.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """YAML text as plain data, safely (no Python objects), by :data:`SAFE_LOADER`."""
    return yaml.load(text, Loader=SAFE_LOADER)


# Pydantic error types → our codes. Anything else is FORM_INVALID.
_CODE_BY_TYPE = {
    "union_tag_invalid": errors.FORM_UNKNOWN_KIND,
    "union_tag_not_found": errors.FORM_UNKNOWN_KIND,
    "duplicate_id": errors.FORM_DUPLICATE_ID,
    "bad_range": errors.FORM_BAD_RANGE,
    "blank_swedish": errors.FORM_MISSING_SWEDISH,
}


def _where(data: Any, loc: tuple) -> str:
    """Turn a Pydantic location into a path that names ids, e.g.
    ``sections[redo]/items[behov]/max`` instead of ``sections.0.items.3.max``."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            element = node[step] if 0 <= step < len(node) else None
            ident = element.get("id") if isinstance(element, dict) else None
            label = str(ident) if ident else f"#{step + 1}"
            if parts:
                parts[-1] = f"{parts[-1]}[{label}]"
            else:
                parts.append(f"[{label}]")
            node = element
            continue
        if isinstance(node, dict) and step in node:
            parts.append(str(step))
            node = node[step]
        elif step in ITEM_KINDS:
            continue  # the discriminator's branch name, not part of the data
        else:
            parts.append(str(step))
            node = None
    return "/".join(parts)


def _problem_from(error: Mapping[str, Any], data: Any) -> Problem:
    kind = error["type"]
    loc = tuple(error["loc"])
    code = _CODE_BY_TYPE.get(kind, errors.FORM_INVALID)
    if code == errors.FORM_INVALID and loc and loc[-1] == "sv":
        code = errors.FORM_MISSING_SWEDISH
    message = error["msg"]
    if kind == "extra_forbidden":
        message = f"unknown field {loc[-1]!r}"
    elif kind == "union_tag_invalid":
        expected = (error.get("ctx") or {}).get("expected_tags", "")
        message = (
            f"unknown item kind {error['ctx']['tag']!r}; expected one of {expected}"
            if error.get("ctx")
            else message
        )
    return Problem(code, _where(data, loc), message)


def parse_form(
    text: str, *, source: str = "<text>", read: Callable[[str], Any] = load_yaml
) -> Form:
    """Parse the YAML text of a form (``read``: how to get its data, by default
    :func:`load_yaml`). Raises :class:`FormFileError`."""
    try:
        data = read(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise errors.fail(
            FormFileError, errors.FORM_BAD_YAML, where, f"not valid YAML: {problem}", source
        ) from None
    if not isinstance(data, dict):
        raise errors.fail(
            FormFileError,
            errors.FORM_NOT_MAPPING,
            "",
            "a form file must be a YAML mapping (id, version, step, …)",
            source,
        )
    try:
        form = Form.model_validate(data)
    except ValidationError as exc:
        problems = [_problem_from(e, data) for e in exc.errors()]
        raise FormFileError(problems=problems, file=source) from None
    _check_scorer(form, source)
    return form


def _check_scorer(form: Form, source: str) -> None:
    if form.scoring is None:
        return
    if form.scoring not in SCORED:  # plain data, not the registry (no scorer imported)
        raise errors.fail(
            FormFileError,
            errors.FORM_UNKNOWN_SCORER,
            "scoring",
            f"no scorer named {form.scoring!r}",
            source,
        )


def load_form_file(path: Path) -> Form:
    """Load one form file; its name (without ``.yaml``) must be the form's id."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise errors.fail(
            FormFileError, errors.FORM_NOT_FOUND, "", "file not found", str(path)
        ) from None
    except UnicodeDecodeError as exc:
        raise errors.fail(
            FormFileError,
            errors.FORM_BAD_YAML,
            f"byte {exc.start}",
            "the file is not UTF-8 text",
            str(path),
        ) from None
    form = parse_form(text, source=str(path), read=_reader(path))
    if form.id != path.stem:
        raise errors.fail(
            FormFileError,
            errors.FORM_ID_MISMATCH,
            "id",
            f"form id {form.id!r} does not match the file name {path.name!r}",
            str(path),
        )
    return form


def _reader(path: Path) -> Callable[[str], Any]:
    """The app's own forms are read through the JSON kept of them (``form_cache``)."""
    if path.parent.resolve() != Path(FORMS_DIR).resolve():
        return load_yaml
    from stadforstad.form_cache import kept_data

    return lambda text: kept_data(text, load_yaml, name=path.stem)


def form_paths(folder: Path = FORMS_DIR) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


# Each file is loaded by itself and remembered by its path, size and modification time:
# one broken file takes only its own form away (and its invitation links), never the
# others, and a corrected file is read again without restarting the app.
_LOADED: dict[tuple[str, int, int], Form | FormFileError] = {}


def _outcome(path: Path) -> Form | FormFileError:
    try:
        stat = path.stat()
    except OSError:
        return errors.fail(FormFileError, errors.FORM_NOT_FOUND, "", "file not found", str(path))
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _LOADED:
        try:
            _LOADED[key] = load_form_file(path)
        except FormFileError as exc:
            _LOADED[key] = exc
    return _LOADED[key]


def list_forms(folder: Path = FORMS_DIR) -> list[Form]:
    """Every form that loads, ordered by step (steps 0–7 first, then the rest) and the
    handbook's order; a broken file is left out (see :func:`form_problems`)."""
    forms = [f for f in map(_outcome, form_paths(folder)) if isinstance(f, Form)]
    return sorted(forms, key=lambda f: (f.step if f.step is not None else 99, _order(f.id)))


def form_problems(folder: Path = FORMS_DIR) -> list[FormFileError]:
    """The form files that do not load, each with its coded problems."""
    return [e for e in map(_outcome, form_paths(folder)) if isinstance(e, FormFileError)]


_ORDER = {name: index for index, name in enumerate(ORDER)}


def _order(form_id: str) -> tuple[int, str]:
    # The handbook's order within a step is the order of the instruments' registry
    # (said as plain data in ``instruments.order``, so listing forms imports no scorer).
    return (_ORDER.get(form_id, len(_ORDER)), form_id)


def load_form(form_id: str, folder: Path = FORMS_DIR) -> Form:
    """The form with ``form_id``, read from its own file only. Raises
    :class:`FormFileError`: FORM_001 if there is no such form, the file's own codes
    if that one file is broken."""
    path = folder / f"{form_id}.yaml"
    if not re.fullmatch(ID_PATTERN, form_id or "") or not path.is_file():
        raise errors.fail(
            FormFileError,
            errors.FORM_NOT_FOUND,
            "",
            f"no form with id {form_id!r}; known: {', '.join(p.stem for p in form_paths(folder))}",
            str(path),
        )
    outcome = _outcome(path)
    if isinstance(outcome, FormFileError):
        # A fresh error each time: the remembered one keeps no traceback growing.
        raise FormFileError(problems=list(outcome.problems), file=outcome.file)
    return outcome
