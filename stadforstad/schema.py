"""The form schema: what an instrument of the handbook is, as data.

Pure data: frozen Pydantic models with ``extra="forbid"``. Imports neither Streamlit
nor the database. One YAML file in ``forms/`` validates against :class:`Form`.

Answers keep one shape per kind (the contract every other stage relies on):

==========  ==========================================================
kind        answer value
==========  ==========================================================
yes_no      ``True`` / ``False``
scale       ``int`` in ``[min, max]``
level       ``int``, one of the level values
choice      ``str`` (an option value, or free text when ``allow_other``);
            with ``multiple``: ``list[str]``
checklist   ``list[str]`` of the ticked option values
text        ``str``
number      ``int`` or ``float`` in ``[min, max]``
date        ``str``, ISO 8601 (``YYYY-MM-DD``)
table       ``list[dict]``, one dict per row, keyed by column id
info        (no answer)
==========  ==========================================================

``None`` (or a missing key) always means "not answered", never 0 or "no".
An item with a ``comment`` label carries a free-text comment stored under
``f"{item.id}_comment"``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Model):
    """A text in Swedish (required) and English (optional)."""

    sv: str = Field(min_length=1)
    en: str | None = None

    @field_validator("sv")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise PydanticCustomError("blank_swedish", "Swedish text must not be blank")
        return value

    def get(self, lang: str = "sv") -> str:
        """The text in ``lang``, falling back to Swedish."""
        if lang == "en" and self.en:
            return self.en
        return self.sv


class Option(Model):
    value: str = Field(pattern=ID_PATTERN)
    label: Text
    help: Text | None = None


class Level(Model):
    value: int
    label: Text
    description: Text | None = None


def _unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError(
                "duplicate_id", "duplicate {what} {value!r}", {"what": what, "value": value}
            )
        seen.add(value)


def _range_error(what: str, low: float, high: float) -> PydanticCustomError:
    return PydanticCustomError(
        "bad_range",
        "{what} min ({low}) must be less than max ({high})",
        {"what": what, "low": low, "high": high},
    )


class _ItemBase(Model):
    id: str = Field(pattern=ID_PATTERN)
    label: Text
    help: Text | None = None
    required: bool = False
    #: Label of an attached free-text comment (answer key ``{id}_comment``).
    comment: Text | None = None


class InfoItem(Model):
    """Information text shown between questions; has no answer."""

    kind: Literal["info"]
    id: str = Field(pattern=ID_PATTERN)
    text: Text


class YesNoItem(_ItemBase):
    kind: Literal["yes_no"]
    yes_label: Text = Text(sv="Ja", en="Yes")
    no_label: Text = Text(sv="Nej", en="No")


class ScaleItem(_ItemBase):
    """A rating scale with labelled ends, e.g. 1 (inte alls redo) – 5."""

    kind: Literal["scale"]
    min: int = 1
    max: int = 5
    min_label: Text | None = None
    max_label: Text | None = None

    @model_validator(mode="after")
    def _range(self) -> ScaleItem:
        if self.min >= self.max:
            raise _range_error("scale", self.min, self.max)
        return self


class LevelItem(_ItemBase):
    """An ordinal level with a description per level (development levels 1–5)."""

    kind: Literal["level"]
    levels: list[Level] = Field(min_length=2)

    @model_validator(mode="after")
    def _ordered(self) -> LevelItem:
        values = [level.value for level in self.levels]
        if values != sorted(set(values)):
            raise ValueError("level values must be unique and ascending")
        return self


class ChoiceItem(_ItemBase):
    """Single choice, or multiple choice with ``multiple: true``."""

    kind: Literal["choice"]
    options: list[Option] = Field(min_length=1)
    multiple: bool = False
    #: The respondent may write an answer not in the list.
    allow_other: bool = False

    @model_validator(mode="after")
    def _unique_options(self) -> ChoiceItem:
        _unique([o.value for o in self.options], "option")
        return self


class ChecklistItem(_ItemBase):
    """Things to tick off; the answer is the list of ticked option values."""

    kind: Literal["checklist"]
    options: list[Option] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_options(self) -> ChecklistItem:
        _unique([o.value for o in self.options], "option")
        return self


class TextItem(_ItemBase):
    kind: Literal["text"]
    long: bool = False
    max_length: int = Field(default=5000, gt=0)


class NumberItem(_ItemBase):
    kind: Literal["number"]
    min: float | None = None
    max: float | None = None
    integer: bool = True
    unit: Text | None = None

    @model_validator(mode="after")
    def _range(self) -> NumberItem:
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise _range_error("number", self.min, self.max)
        return self


class DateItem(_ItemBase):
    kind: Literal["date"]


class Column(Model):
    """A typed column of a repeatable table."""

    id: str = Field(pattern=ID_PATTERN)
    label: Text
    kind: Literal["text", "number", "scale", "choice", "yes_no", "date", "checklist"]
    help: Text | None = None
    required: bool = False
    options: list[Option] | None = None
    #: For ``choice`` columns: free text is allowed besides the options.
    allow_other: bool = False
    min: float | None = None
    max: float | None = None
    max_length: int = Field(default=2000, gt=0)
    #: For ``text`` columns: stored only as a keyed hash (``stadforstad.keyed``), never as
    #: typed, so repeats can be counted without keeping the text (an advertiser's name).
    keyed: bool = False

    @model_validator(mode="after")
    def _shape(self) -> Column:
        if self.keyed and self.kind != "text":
            raise ValueError("only a text column can be keyed")
        if self.kind in ("choice", "checklist") and not self.options:
            raise ValueError(f"a {self.kind} column needs options")
        if self.kind not in ("choice", "checklist") and self.options:
            raise ValueError(f"a {self.kind} column takes no options")
        if self.options:
            _unique([o.value for o in self.options], "option")
        if self.kind == "scale" and (self.min is None or self.max is None):
            raise ValueError("a scale column needs min and max")
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise _range_error("column", self.min, self.max)
        return self


class RowsFrom(Model):
    """Prefill the first column of new rows from another form's table.

    ``form``/``item``/``column`` name the source table's column (e.g. the actors of
    ``aktorsanalys``); ``to_column`` is the column of this table that receives them.
    The schema checks ``to_column`` exists here; the source is checked across forms
    by the tests, since one form file cannot see another.
    """

    form: str = Field(pattern=ID_PATTERN)
    item: str = Field(pattern=ID_PATTERN)
    column: str = Field(pattern=ID_PATTERN)
    to_column: str = Field(pattern=ID_PATTERN)


class TableItem(_ItemBase):
    """A repeatable table: candidates, actors, adverts, activities …"""

    kind: Literal["table"]
    columns: list[Column] = Field(min_length=1)
    min_rows: int = Field(default=0, ge=0)
    max_rows: int | None = Field(default=None, gt=0)
    #: What one row is called ("kandidat", "aktör" …), for buttons and messages.
    row_label: Text | None = None
    #: Rows shared with another form's table (actors typed once); ``None``: no sharing.
    rows_from: RowsFrom | None = None

    @model_validator(mode="after")
    def _columns(self) -> TableItem:
        _unique([c.id for c in self.columns], "column")
        if self.rows_from is not None and self.rows_from.to_column not in {
            c.id for c in self.columns
        }:
            raise ValueError(f"rows_from.to_column {self.rows_from.to_column!r} is not a column")
        if self.max_rows is not None and self.max_rows < self.min_rows:
            raise ValueError("max_rows must be at least min_rows")
        return self


Item = Annotated[
    InfoItem
    | YesNoItem
    | ScaleItem
    | LevelItem
    | ChoiceItem
    | ChecklistItem
    | TextItem
    | NumberItem
    | DateItem
    | TableItem,
    Field(discriminator="kind"),
]

ITEM_KINDS: tuple[str, ...] = (
    "info",
    "yes_no",
    "scale",
    "level",
    "choice",
    "checklist",
    "text",
    "number",
    "date",
    "table",
)


class Section(Model):
    id: str = Field(pattern=ID_PATTERN)
    title: Text | None = None
    intro: Text | None = None
    items: list[Item] = Field(min_length=1)
    #: Not needed for the form to count as done (notes, preparations); see
    #: ``stadforstad.completion``.
    optional: bool = False


class Source(Model):
    """Where the instrument stands in the handbook."""

    heading: str = Field(min_length=1)
    page: int | None = None
    document: str = "Stad för stad – Handbok"


class Form(Model):
    id: str = Field(pattern=ID_PATTERN)
    version: int = Field(ge=1)
    #: The step of the method, 0–7; ``None`` for instruments outside the steps.
    step: int | None = Field(ge=0, le=7)
    title: Text
    intro: Text | None = None
    source: Source
    sections: list[Section] = Field(min_length=1)
    #: The scorer this form claims (its id); its instrument must be scored. ``None``: notes.
    scoring: str | None = None
    #: May be sent to people outside the app through an invitation link.
    shareable: bool = False
    #: Holds special categories of personal data (GDPR art. 9/10).
    sensitive: bool = False
    #: When a submitted response counts as done (``stadforstad.completion``): its
    #: required items answered and ``every_section`` (the default) or ``any_section``
    #: of its sections that are not ``optional`` holding at least one answer.
    done: Literal["every_section", "any_section"] = "every_section"
    #: Whose answer it is: ``person`` – each member answers under their own name;
    #: ``group`` – one answer per municipality and round that every member edits
    #: together (plans, routines), each revision recording who changed what.
    owner: Literal["person", "group"] = "person"

    @model_validator(mode="after")
    def _unique_ids(self) -> Form:
        _unique([s.id for s in self.sections], "section id")
        _unique([i.id for i in self.items()], "item id")
        return self

    def items(self) -> list:
        """All items, in order, across sections."""
        return [item for section in self.sections for item in section.items]

    def answerable(self) -> list:
        """Items that take an answer (everything but ``info``)."""
        return [item for item in self.items() if item.kind != "info"]

    def item(self, item_id: str):
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)


SCHEMA_FILE = "form.schema.json"


def form_json_schema() -> str:
    """The JSON Schema of a form file, for editor hints (``forms/form.schema.json``)."""
    import json

    schema = Form.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Stad för stad form"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":  # uv run python -m stadforstad.schema  → regenerates the file
    from pathlib import Path

    target = Path(__file__).resolve().parent.parent / "forms" / SCHEMA_FILE
    target.write_text(form_json_schema(), encoding="utf-8")
    print(f"wrote {target}")
