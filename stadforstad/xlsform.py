"""A form as an XLSForm, for KoboToolbox and ODK users who collect answers offline.

``build_xlsform(form)`` turns a :class:`~stadforstad.schema.Form` into the three sheets
of an XLSForm (survey, choices, settings) as rows of plain values; ``write_xlsform``
saves them as ``.xlsx``. Swedish is the default language, English the second:
``label::Svenska (sv)`` and ``label::English (en)`` (an English text missing in the form
falls back to the Swedish one, so no cell is left for pyxform to fill with ``-``).

How each kind becomes XLSForm:

==========  ============================================================
info        ``note``
yes_no      ``select_one`` of ``yes`` / ``no`` (the item's own labels)
scale       ``select_one`` of ``min`` … ``max`` (``likert``), ends labelled
level       ``select_one`` of the level values, label and description
choice      ``select_one`` / ``select_multiple``; where ``allow_other``, the
            choice ``other`` and a text question ``{id}_other`` shown when picked
checklist   ``select_multiple``
text        ``text`` (``multiline`` when long), a length constraint
number      ``integer`` / ``decimal``, a range constraint
date        ``date``
table       ``begin_repeat`` … ``end_repeat``, one question per column
==========  ============================================================

Sections become groups (one page each where no table is inside), the form's and the
sections' introductions notes, and an item's ``comment`` a text question
``{id}_comment``, the key the app stores it under.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stadforstad import errors
from stadforstad.answers import COMMENT_MAX_LENGTH
from stadforstad.errors import ExportError
from stadforstad.schema import Column, Form, Level, Option, Section, Text
from stadforstad.xlsform_cells import (
    CHOICES_COLUMNS,
    DEFAULT_LANGUAGE,
    OTHER,
    OTHER_CHOICE,
    REQUIRED,
    SETTINGS_COLUMNS,
    SPECIFY_OTHER,
    SURVEY_COLUMNS,
    YES_NO_VALUES,
    Row,
    Rule,
    choice_label,
    constraint,
    joined,
    length_rule,
    range_rule,
    required,
    rows_rule,
    texts,
)


@dataclass
class XLSForm:
    """The three sheets as rows (dicts keyed by the sheet's column names)."""

    survey: list[Row] = field(default_factory=list)
    choices: list[Row] = field(default_factory=list)
    settings: list[Row] = field(default_factory=list)


class _Builder:
    """Collects the rows; gives every choice list a name, sharing identical lists."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.out = XLSForm()
        self._lists: dict[tuple, str] = {}
        self._names: set[str] = {key for item in form.items() for key in _keys(item)}

    # -- names and choice lists ---------------------------------------------------
    def fresh_name(self, base: str) -> str:
        """A question or group name no item uses (notes and groups the form lacks)."""
        name, number = base, 2
        while name in self._names:
            name, number = f"{base}_{number}", number + 1
        self._names.add(name)
        return name

    def choice_list(self, base: str, choices: Sequence[tuple[str, Text]]) -> str:
        """The name of a list holding ``choices`` (value, label); identical lists are
        written once, so e.g. every 1–5 scale with the same end labels shares one."""
        key = tuple((value, label.sv, label.get("en")) for value, label in choices)
        if key not in self._lists:
            name = base
            number = 2
            while name in self._lists.values():
                name, number = f"{base}_{number}", number + 1
            self._lists[key] = name
            for value, label in choices:
                self.out.choices.append({"list_name": name, "name": value, **texts("label", label)})
        return self._lists[key]

    # -- rows -----------------------------------------------------------------------
    def add(self, row: Row) -> None:
        self.out.survey.append(row)

    def note(self, base: str, text: Text | None) -> None:
        if text is not None:
            self.add({"type": "note", "name": self.fresh_name(base), **texts("label", text)})

    def form_rows(self) -> None:
        form = self.form
        self.note("intro", form.intro)
        for section in form.sections:
            self.section(section)
        page = f", s. {form.source.page}" if form.source.page else ""
        page_en = f", p. {form.source.page}" if form.source.page else ""
        self.note(
            "kalla",
            Text(
                sv=f"Källa: {form.source.document}{page} ({form.source.heading}).",
                en=f"Source: {form.source.document}{page_en} ({form.source.heading}).",
            ),
        )

    def section(self, section: Section) -> None:
        has_table = any(item.kind == "table" for item in section.items)
        self.add(
            {
                "type": "begin_group",
                "name": self.fresh_name(f"avsnitt_{section.id}"),
                **texts("label", section.title),
                # One page per section, except where a repeat is inside (ODK allows no
                # repeat within a field-list).
                **({} if has_table else {"appearance": "field-list"}),
            }
        )
        self.note(f"{section.id}_intro", section.intro)
        for item in section.items:
            self.item(item)
        self.add({"type": "end_group"})

    def item(self, item: Any) -> None:
        if item.kind == "info":
            self.add({"type": "note", "name": item.id, **texts("label", item.text)})
            return
        if item.kind == "table":
            self.table(item)
        else:
            self.add(self.question(item))
            self.other(item.id, item.kind == "choice" and item.allow_other)
        if item.comment is not None:
            self.add(
                {
                    "type": "text",
                    "name": f"{item.id}_comment",
                    **texts("label", item.comment),
                    "appearance": "multiline",
                    **constraint(length_rule(COMMENT_MAX_LENGTH)),
                }
            )

    def question(self, item: Any) -> Row:
        row: Row = {
            "name": item.id,
            **texts("label", item.label),
            **required(item.required),
        }
        hint = item.help
        kind = item.kind
        if kind == "yes_no":
            yes_no = self.choice_list(
                "ja_nej", list(zip(YES_NO_VALUES, (item.yes_label, item.no_label)))
            )
            row["type"] = f"select_one {yes_no}"
        elif kind == "scale":
            row["type"] = f"select_one {self.scale_list(item.min, item.max, item)}"
            row["appearance"] = "likert"
        elif kind == "level":
            row["type"] = f"select_one {self.level_list(item.id, item.levels)}"
        elif kind in ("choice", "checklist"):
            many = kind == "checklist" or item.multiple
            other = kind == "choice" and item.allow_other
            row["type"] = self.select_type(item.id, item.options, many=many, other=other)
        elif kind == "text":
            row["type"] = "text"
            row.update(constraint(length_rule(item.max_length)))
            if item.long:
                row["appearance"] = "multiline"
        elif kind == "number":
            row["type"] = "integer" if item.integer else "decimal"
            row.update(constraint(range_rule(item.min, item.max)))
            if item.unit is not None:
                unit = Text(sv=f"Ange i {item.unit.sv}.", en=f"In {item.unit.get('en')}.")
                hint = joined(hint, unit)
        elif kind == "date":
            row["type"] = "date"
        else:
            raise AssertionError(f"unhandled kind {kind}")  # the schema lists every kind
        row.update(texts("hint", hint))
        return row

    def select_type(self, base: str, options: Sequence[Option], *, many: bool, other: bool) -> str:
        choices = [(o.value, choice_label(o.label, o.help)) for o in options]
        if other and all(value != OTHER for value, _ in choices):
            choices.append((OTHER, OTHER_CHOICE))
        return f"select_{'multiple' if many else 'one'} {self.choice_list(base, choices)}"

    def other(self, name: str, allowed: bool) -> None:
        """Where an answer outside the list is allowed: the choice ``other`` and a text
        question ``{name}_other`` shown when it is picked. This is what XLSForm's
        ``or_other`` makes, written out, because ``or_other`` labels its question in
        English only ("Specify other.") in a translated form."""
        if allowed:
            self.add(
                {
                    "type": "text",
                    "name": self.fresh_name(f"{name}_other"),
                    **texts("label", SPECIFY_OTHER),
                    "required": "yes",
                    **texts("required_message", REQUIRED),
                    # Relative: a table's column id may recur in other tables.
                    "relevant": f"selected(../{name}, '{OTHER}')",
                }
            )

    def scale_list(self, low: int, high: int, item: Any) -> str:
        ends = {low: item.min_label, high: item.max_label}
        choices = [
            (str(value), choice_label(Text(sv=str(value)), ends.get(value)))
            for value in range(low, high + 1)
        ]
        return self.choice_list(f"skala_{low}_{high}", choices)

    def level_list(self, base: str, levels: Iterable[Level]) -> str:
        choices = [
            (
                str(level.value),
                choice_label(Text(sv=str(level.value)), level.label, level.description),
            )
            for level in levels
        ]
        return self.choice_list(base, choices)

    def table(self, item: Any) -> None:
        limit = rows_rule(item.max_rows)
        self.note(f"{item.id}_hjalp", joined(item.help, limit.message if limit else None))
        self.add({"type": "begin_repeat", "name": item.id, **texts("label", item.label)})
        for index, column in enumerate(item.columns):
            self.add(self.column(item.id, column, limit if index == 0 else None))
            self.other(column.id, column.kind == "choice" and column.allow_other)
        self.add({"type": "end_repeat"})

    def column(self, table_id: str, column: Column, limit: Rule | None) -> Row:
        row: Row = {
            "name": column.id,
            **texts("label", column.label),
            **texts("hint", column.help),
            **required(column.required),
        }
        kind = column.kind
        rule: Rule | None = None
        if kind == "text":
            row["type"] = "text"
            rule = length_rule(column.max_length)
        elif kind == "number":
            row["type"] = "decimal"
            rule = range_rule(column.min, column.max)
        elif kind == "scale":
            assert column.min is not None and column.max is not None  # the schema checks it
            low, high = int(column.min), int(column.max)
            choices = [(str(v), Text(sv=str(v))) for v in range(low, high + 1)]
            row["type"] = f"select_one {self.choice_list(f'skala_{low}_{high}', choices)}"
        elif kind == "yes_no":
            labels = (Text(sv="Ja", en="Yes"), Text(sv="Nej", en="No"))
            yes_no = self.choice_list("ja_nej", list(zip(YES_NO_VALUES, labels)))
            row["type"] = f"select_one {yes_no}"
        elif kind == "date":
            row["type"] = "date"
        else:
            row["type"] = self.select_type(
                f"{table_id}_{column.id}",
                column.options or [],
                many=kind == "checklist",
                other=column.allow_other,
            )
        row.update(constraint(rule, limit))
        return row


def _keys(item: Any) -> list[str]:
    if item.kind == "info":
        return [item.id]
    keys = [item.id] + ([f"{item.id}_comment"] if item.comment is not None else [])
    if item.kind == "table":
        keys += [c.id for c in item.columns]
    return keys


def build_xlsform(form: Form) -> XLSForm:
    """The XLSForm of ``form``: every item, both languages, the handbook credited."""
    builder = _Builder(form)
    builder.form_rows()
    builder.out.settings.append(
        {
            "form_title": form.title.sv,
            "form_id": form.id,
            "version": str(form.version),
            "default_language": DEFAULT_LANGUAGE,
            "style": "pages",
        }
    )
    return builder.out


def write_xlsform(form: Form, path: Path) -> Path:
    """Write the XLSForm of ``form`` to ``path`` (``.xlsx``). Raises
    :class:`~stadforstad.errors.ExportError` (XLSFORM_001) when it cannot be written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    sheets = build_xlsform(form)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, columns, rows in (
        ("survey", SURVEY_COLUMNS, sheets.survey),
        ("choices", CHOICES_COLUMNS, sheets.choices),
        ("settings", SETTINGS_COLUMNS, sheets.settings),
    ):
        sheet = workbook.create_sheet(title)
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([row.get(column) for column in columns])
        sheet.freeze_panes = "A2"
        for letter, column in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", columns):
            sheet.column_dimensions[letter].width = 60 if "label" in column else 20
    try:
        workbook.save(path)
    except OSError as exc:
        raise errors.fail(
            ExportError,
            errors.XLSFORM_NOT_WRITTEN,
            "",
            f"cannot write the XLSForm: {exc.strerror or exc}",
            str(path),
        ) from None
    return path
