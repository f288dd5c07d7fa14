"""``stadforstad forms | describe | xlsform``: the forms themselves, listed, as plain
data, or as an XLSForm."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from stadforstad import errors
from stadforstad.catalog import form_problems, list_forms, load_form
from stadforstad.cli.shell import EXIT_BAD_INPUT
from stadforstad.schema import Form
from stadforstad.settings import get_settings


def _text(text) -> dict | None:
    return None if text is None else text.model_dump(exclude_none=True)


def describe_form(form: Form) -> dict:
    """The form as plain data: every item with id, kind, Swedish label and options."""
    items = []
    for section in form.sections:
        for item in section.items:
            entry: dict = {"id": item.id, "kind": item.kind, "section": section.id}
            if item.kind == "info":
                entry["label"] = item.text.sv
                items.append(entry)
                continue
            entry["label"] = item.label.sv
            entry["required"] = item.required
            if item.kind == "scale":
                entry.update(
                    min=item.min,
                    max=item.max,
                    min_label=_text(item.min_label),
                    max_label=_text(item.max_label),
                    options=list(range(item.min, item.max + 1)),
                )
            elif item.kind == "level":
                entry["options"] = [
                    {
                        "value": lv.value,
                        "label": lv.label.sv,
                        "description": lv.description.sv if lv.description else None,
                    }
                    for lv in item.levels
                ]
            elif item.kind in ("choice", "checklist"):
                entry["options"] = [{"value": o.value, "label": o.label.sv} for o in item.options]
                if item.kind == "choice":
                    entry.update(multiple=item.multiple, allow_other=item.allow_other)
            elif item.kind == "yes_no":
                entry["options"] = [True, False]
            elif item.kind == "number":
                entry.update(min=item.min, max=item.max, integer=item.integer)
            elif item.kind == "text":
                entry.update(long=item.long, max_length=item.max_length)
            elif item.kind == "table":
                entry["columns"] = [
                    {
                        "id": c.id,
                        "kind": c.kind,
                        "label": c.label.sv,
                        "required": c.required,
                        **(
                            {
                                "options": [
                                    {"value": o.value, "label": o.label.sv} for o in c.options
                                ]
                            }
                            if c.options
                            else {}
                        ),
                        **({"min": c.min, "max": c.max} if c.min is not None else {}),
                    }
                    for c in item.columns
                ]
            if item.comment is not None:
                entry["comment"] = f"{item.id}_comment"
            items.append(entry)
    return {
        "id": form.id,
        "version": form.version,
        "step": form.step,
        "title": form.title.sv,
        "source": form.source.model_dump(),
        "scoring": form.scoring,
        "shareable": form.shareable,
        "sensitive": form.sensitive,
        "items": items,
    }


def cmd_forms(args) -> int:
    for form in list_forms():
        step = "-" if form.step is None else form.step
        scored = "scored" if form.scoring else ""
        print(f"{form.id}\t{step}\t{form.title.sv}\t{scored}".rstrip())
    broken = form_problems()
    for problem in broken:  # each broken file by itself; the others are listed above
        for line in problem.problems:
            print(
                f"{problem.file}: {errors.problem_text(line, get_settings().language)}",
                file=sys.stderr,
            )
    return EXIT_BAD_INPUT if broken else 0


def cmd_describe(args) -> int:
    print(json.dumps(describe_form(load_form(args.form_id)), ensure_ascii=False, indent=2))
    return 0


def cmd_xlsform(args) -> int:
    """The form as an XLSForm for KoboToolbox and ODK (``stadforstad.xlsform``)."""
    from stadforstad.xlsform import write_xlsform

    form = load_form(args.form_id)
    path = Path(args.out or f"{form.id}.xlsx")
    if path.suffix.lower() != ".xlsx":
        raise errors.fail(
            errors.ExportError,
            errors.XLSFORM_NOT_XLSX,
            "--out",
            "an XLSForm is an Excel file: give a name ending in .xlsx",
            str(path),
        )
    write_xlsform(form, path)
    print(f"{path}\t{form.id}: XLSForm (Svenska, English) for KoboToolbox/ODK")
    return 0


def add_form_parsers(sub) -> None:
    sub.add_parser("forms", help="list the form ids").set_defaults(func=cmd_forms)

    describe = sub.add_parser("describe", help="print a form as JSON")
    describe.add_argument("form_id")
    describe.set_defaults(func=cmd_describe)

    xlsform = sub.add_parser(
        "xlsform", help="export a form as an XLSForm (KoboToolbox, ODK: collecting offline)"
    )
    xlsform.add_argument("form_id")
    xlsform.add_argument("--out", default=None, help="the .xlsx file (default: FORM_ID.xlsx)")
    xlsform.set_defaults(func=cmd_xlsform)
