"""Altair charts for every scored form: one response, and a group.

Charts receive scored, aggregated results, never raw answer tables: the rows sent to
the browser are about the marks drawn. Labels come from the form in the chosen
language. One module per form family; ``CHARTS`` is the literal registry, and a test
checks it covers every scorer.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt

from stadforstad.charts.aktorsanalys import aktorsanalys_chart, aktorsanalys_group_chart
from stadforstad.charts.common import NEUTRAL, NOT_READY, READY, WORK_ON
from stadforstad.charts.kartlaggning import kartlaggning_chart, kartlaggning_group_chart
from stadforstad.charts.levels import (
    samverkansnivaer_chart,
    samverkansnivaer_group_chart,
    utvecklingsnivaer_chart,
    utvecklingsnivaer_group_chart,
)
from stadforstad.charts.redo import redo_chart, redo_group_chart
from stadforstad.charts.rekrytering import rekrytering_chart
from stadforstad.charts.yes_no import yes_no_chart, yes_no_group_chart

ChartFn = Callable[..., alt.TopLevelMixin]

#: scorer id → (chart of one response, chart of a group)
CHARTS: dict[str, tuple[ChartFn, ChartFn]] = {
    "redo": (redo_chart, redo_group_chart),
    "engagemang": (yes_no_chart, yes_no_group_chart),
    "riktning": (yes_no_chart, yes_no_group_chart),
    "rekrytering": (rekrytering_chart, rekrytering_chart),
    "kartlaggning": (kartlaggning_chart, kartlaggning_group_chart),
    "utvecklingsnivaer": (utvecklingsnivaer_chart, utvecklingsnivaer_group_chart),
    "samverkansnivaer": (samverkansnivaer_chart, samverkansnivaer_group_chart),
    "aktorsanalys": (aktorsanalys_chart, aktorsanalys_group_chart),
}

#: The colours are shared with the comparison and compilation charts.
__all__ = ["CHARTS", "NEUTRAL", "NOT_READY", "READY", "WORK_ON", "ChartFn"]
