"""When a form counts as done: the one definition every progress count uses (the
overview, the county's progress grid, ``stadforstad compare progress``).

A submitted response is **done** when every required item is answered and its
sections hold answers: by default (``done: every_section``) each section that takes
answers and is not marked ``optional`` has at least one; a form may say
``done: any_section`` (at least one such section). An empty submission of a notes
form is therefore not done. Pure: no Streamlit, no database.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from stadforstad.schema import Form


def is_answered(value: Any) -> bool:
    """``None``, blank text, an empty list (no rows, nothing ticked) and NaN are not
    answers; ``False`` ("nej") and 0 are."""
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict)):
        return any(is_answered(v) for v in (value.values() if isinstance(value, dict) else value))
    return True


def _section_answered(section, answers: Mapping[str, Any]) -> bool:
    return any(
        is_answered(answers.get(item.id)) or is_answered(answers.get(f"{item.id}_comment"))
        for item in section.items
        if item.kind != "info"
    )


def is_done(form: Form, answers: Mapping[str, Any] | None) -> bool:
    """Whether a submitted response with ``answers`` completes ``form`` (see above)."""
    if not answers:
        return False
    if any(item.required and not is_answered(answers.get(item.id)) for item in form.answerable()):
        return False
    counted = [
        s for s in form.sections if not s.optional and any(i.kind != "info" for i in s.items)
    ]
    if not counted:  # only optional sections: anything written will do
        return any(_section_answered(s, answers) for s in form.sections)
    found = [_section_answered(s, answers) for s in counted]
    return all(found) if form.done == "every_section" else any(found)


@dataclass(frozen=True)
class FormProgress:
    """One form in one municipality: submitted responses, how many of them are done,
    and drafts in progress."""

    submitted: int = 0
    done: int = 0
    drafts: int = 0


def count_progress(
    forms: Mapping[str, Form],
    submitted: Iterable[tuple[str, Mapping[str, Any]]],
    drafts: Mapping[str, int] | None = None,
) -> dict[str, FormProgress]:
    """Per form id: ``(form_id, answers)`` of the latest submitted revisions counted,
    with ``drafts`` (form id → number of drafts). Forms no longer in ``forms`` count
    their submissions but none as done."""
    submitted_n: dict[str, int] = {}
    done_n: dict[str, int] = {}
    for form_id, answers in submitted:
        submitted_n[form_id] = submitted_n.get(form_id, 0) + 1
        form = forms.get(form_id)
        if form is not None and is_done(form, answers):
            done_n[form_id] = done_n.get(form_id, 0) + 1
    drafts = drafts or {}
    return {
        form_id: FormProgress(
            submitted=submitted_n.get(form_id, 0),
            done=done_n.get(form_id, 0),
            drafts=drafts.get(form_id, 0),
        )
        for form_id in {*submitted_n, *drafts}
    }
