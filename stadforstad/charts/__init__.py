"""Altair charts for every scored form: one response, and a group.

Charts receive scored, aggregated results, never raw answer tables: the rows sent to
the browser are about the marks drawn. Labels come from the form in the chosen
language. One module per form family; each form's instrument
(``stadforstad.instruments``) names the functions it draws with.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt

from stadforstad.charts.common import NEUTRAL, NOT_READY, READY, WORK_ON

ChartFn = Callable[..., alt.TopLevelMixin]

#: The colours are shared with the comparison and compilation charts.
__all__ = ["NEUTRAL", "NOT_READY", "READY", "WORK_ON", "ChartFn"]
