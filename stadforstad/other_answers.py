"""Answers outside a table column's list (``allow_other``: "skriv en egen").

The web table's drop-down cell only takes what is in its list, so a choice column that
takes other answers gets a text column beside it in the editor ("… annan (skriv)").
What is stored stays one value per cell, as before: an option's value, or the text as
typed. A typed text that names an option (its label in Swedish or English, or its
value, whatever the case) is stored as that option. Pure: no Streamlit.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from stadforstad.schema import Column

#: The editor's extra text column beside a choice column that takes answers outside
#: its list (``allow_other``): the grid's drop-down cannot take typed text.
OTHER_SUFFIX = "__annat"


def other_id(column: Column) -> str:
    return f"{column.id}{OTHER_SUFFIX}"


def has_other(column: Column) -> bool:
    return column.kind == "choice" and column.allow_other


#: The longest answer typed beside a list (a name of a group, a site, an area).
OTHER_MAX_CHARS = 200


def typed_text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = " ".join(str(value).split())
    return text or None


def other_value(column: Column, typed: str) -> str:
    """What was typed beside a list: the option it names (by its label in either
    language, or its value, whatever the case), else the text as typed."""
    wanted = typed.casefold()
    for option in column.options or []:
        names = (option.value, option.label.sv, option.label.get("en"))
        if wanted in (name.casefold() for name in names):
            return option.value
    return typed


def both_given(item, frame: pd.DataFrame) -> list[tuple[int, str]]:
    """Rows (1-based) where a list choice and a typed answer were both given (the typed
    one counts), with the column's id. A table without such a column costs nothing
    (this runs on every rerun of the form)."""
    columns = [column for column in item.columns if has_other(column)]
    if not columns:
        return []
    found = []
    for number, record in enumerate(frame.to_dict("records"), start=1):
        for column in columns:
            typed = typed_text(record.get(other_id(column)))
            if typed and typed_text(record.get(column.id)):
                found.append((number, column.id))
    return found
