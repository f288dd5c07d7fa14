"""Tables as a person reads them: "–" where there is no value (never "None" or
"nan"), and numbers with the language's decimal mark (a comma in Swedish)."""

from __future__ import annotations

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
        return number_text(round(value, DECIMALS), lang)
    if isinstance(value, int):
        return str(value)
    return str(value)


def table_view(frame: pd.DataFrame, lang: str) -> Styler:
    """``frame`` for ``st.dataframe``: the values stay (sorting works on them), what is
    shown is ``cell_text``."""
    return frame.style.format(lambda v: cell_text(v, lang), na_rep="–")
