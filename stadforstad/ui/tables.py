"""Tables as a person reads them: "–" where there is no value (never "None" or
"nan"), and numbers with the language's decimal mark (a comma in Swedish)."""

from __future__ import annotations

import functools
import math
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from stadforstad.i18n import number_text

#: Figures in tables are means and medians: two decimals are enough to tell them apart.
DECIMALS = 2


def cell_text(value: Any, lang: str) -> str:
    """One cell: numbers with at most two decimals in the language's way, "–" for none."""
    if value is None or value is pd.NA or value is pd.NaT:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return _decimal_text(round(value, DECIMALS), lang)
    if isinstance(value, int):
        return str(value)
    return str(value)


@functools.lru_cache(maxsize=8192)
def _cached_decimal_text(value: float, lang: str) -> str:
    return number_text(value, lang)


def _decimal_text(value: float, lang: str) -> str:
    """``number_text``, kept per value: a table of means formats the same few hundred
    figures on every run, and Babel takes a sixth of a millisecond for each. (Zero is
    not kept: 0.0 and -0.0 are one key.)"""
    return _cached_decimal_text(value, lang) if value else number_text(value, lang)


def table_view(frame: pd.DataFrame, lang: str) -> Styler:
    """``frame`` for ``st.dataframe``: the values stay (sorting works on them), what is
    shown is ``cell_text``."""
    return frame.style.format(lambda v: cell_text(v, lang), na_rep="–")
