"""Drawing result blocks in Streamlit: one generic renderer, one case per block kind.

Authored text (headings, notes, captions) may go through Markdown, escaped so that it
shows as written; typed text (names, answers, table cells) goes only through
``st.text`` and dataframes, never Markdown or HTML.

Charts: building an altair chart and converting it to Vega-Lite costs more than all
of a page's widgets together, on every rerun. Each chart's Vega-Lite spec is made once
per process, by Streamlit's own converter (under its lock for altair's global theme and
data transformer, so sessions never race), kept with ``st.cache_resource`` and drawn with
``st.vega_lite_chart``: what ``st.altair_chart`` would send, without the work. The
converter is a private Streamlit function: if a Streamlit release renames it, charts
fall back to ``st.altair_chart`` (correct, only slower) and
``tests/instruments/test_chart_spec.py`` fails loudly so the reuse is restored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeGuard

import streamlit as st

from stadforstad.instruments.blocks import (
    BLOCK_KINDS,
    MISSING,
    TONE_ICONS,
    Answers,
    Block,
    Chart,
    Heading,
    Image,
    Metrics,
    Names,
    Note,
    PageBreak,
    Paragraph,
    Question,
    Signatures,
    Slips,
    Table,
    format_cell,
)
from stadforstad.ui.context import get_lang, tr
from stadforstad.ui.headings import heading, screen_levels
from stadforstad.ui.plain import escape_markdown

if TYPE_CHECKING:
    import pandas as pd  # imported when a table is drawn: a page without one starts sooner

_log = logging.getLogger(__name__)
#: How many distinct chart specs a process keeps (a spec is a few kB).
SPEC_CACHE_ENTRIES = 512


# -- charts ------------------------------------------------------------------------------
def spec_converter() -> Callable[[Any], dict] | None:
    """Streamlit's own altair → Vega-Lite conversion, if this Streamlit has it."""
    from streamlit.elements import vega_charts

    convert = getattr(vega_charts, "_convert_altair_to_vega_lite_spec", None)
    return convert if callable(convert) else None


@st.cache_resource(max_entries=SPEC_CACHE_ENTRIES, show_spinner=False)
def _cached_spec(key: str, form_identity: int, _chart: Chart) -> tuple[object, dict]:
    """The chart's spec, made once. The entry holds the form it was made from, so that
    form's identity (part of the key) cannot be reused while the entry lives."""
    convert = spec_converter()
    assert convert is not None
    return _chart.form, convert(_chart.build())


def chart_spec(block: Chart) -> dict | None:
    """The Vega-Lite spec ``st.altair_chart`` would send for ``block``; ``None`` when
    this Streamlit has no converter to reuse (draw the chart itself)."""
    if spec_converter() is None:
        return None
    return _cached_spec(block.key, id(block.form), block)[1]


def _chart_name() -> str:
    return tr(
        "Diagram. Samma uppgifter i ord och siffror finns direkt under diagrammet.",
        "Chart. The same figures in words and numbers are just below the chart.",
    )


def _chart(block: Chart) -> None:
    spec = chart_spec(block)
    if spec is None:
        _log.warning("Streamlit has no _convert_altair_to_vega_lite_spec: charts are rebuilt")
        st.altair_chart(block.build(), width="content", alt=_chart_name())
    else:
        st.vega_lite_chart(spec, width="content", alt=_chart_name())
    with st.expander(tr("Diagrammet i ord och siffror", "The chart in words and numbers")):
        if isinstance(block.alternative, Table):
            _table(block.alternative)
        else:
            _paragraph(block.alternative)


# -- the other kinds -----------------------------------------------------------------------
#: Headings of a document's level 4 and below are bold text on screen, not part of the
#: page's outline.
OUTLINE_LEVELS = 3


def _in_outline(block: Block) -> TypeGuard[Heading]:
    return isinstance(block, Heading) and block.level <= OUTLINE_LEVELS


def _heading(block: Heading) -> None:
    """A heading below the page's outline; :func:`show_blocks` draws the others."""
    st.markdown(f"**{escape_markdown(block.text)}**")


def _paragraph(block: Paragraph) -> None:
    (st.caption if block.small else st.markdown)(escape_markdown(block.text))


def _metrics(block: Metrics) -> None:
    for column, metric in zip(st.columns(len(block.items)), block.items):
        column.metric(metric.label, metric.value)


def _note(block: Note) -> None:
    draw = {"info": st.info, "success": st.success, "warning": st.warning}[block.tone]
    draw(f"**{block.tone_word}:** {escape_markdown(block.text)}", icon=TONE_ICONS[block.tone])


def _names(block: Names) -> None:
    if block.title:
        st.markdown(f"**{escape_markdown(block.title)}**")
    if block.numbered:
        st.text("\n".join(f"{n}. {name}" for n, name in enumerate(block.names, start=1)))
    else:
        st.text("\n".join(f"• {name}" if block.title else name for name in block.names))


def _unique(columns: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for column in columns:
        name = column or " "
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def table_frame(block: Table, lang: str) -> pd.DataFrame:
    """The table as a frame: number and date columns keep their type; any column with a
    missing value or mixed values is text, with ``MISSING`` for what is missing."""
    columns = _unique(block.columns)
    data: dict[str, list] = {}
    for index, name in enumerate(columns):
        values = [row[index] if index < len(row) else None for row in block.rows]
        numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
        data[name] = values if numeric and values else [format_cell(v, lang) for v in values]
    import pandas as pd

    return pd.DataFrame(data, columns=columns)


def _table(block: Table) -> None:
    if block.title:
        st.markdown(f"**{escape_markdown(block.title)}**")
    if not block.rows:
        st.caption(tr("Inga rader.", "No rows."))
        return
    st.dataframe(table_frame(block, get_lang()), hide_index=True, width="stretch")


def _answers(block: Answers) -> None:
    for section in block.sections:
        if section.title:
            st.markdown(f"**{escape_markdown(section.title)}**")
        for answer in section.answers:
            st.markdown(escape_markdown(answer.label))
            if answer.table is not None:
                _table(answer.table)
            elif answer.lines:
                st.text("\n".join(f"• {line}" for line in answer.lines))
            else:
                st.text(answer.text or block.empty_text)
            if answer.comment:
                st.text(f"{answer.comment_label}: {answer.comment}")


def _question(block: Question) -> None:
    st.markdown(escape_markdown(block.label))
    if block.choices:
        st.text("\n".join(f"☐ {choice}" for choice in block.choices))
    if block.columns:
        st.text(" | ".join(block.columns))


def _image(block: Image) -> None:
    st.image(block.svg, alt=block.alternative or None)


def _page_break(block: PageBreak) -> None:
    """Only paper has pages."""


def _signatures(block: Signatures) -> None:
    if block.caption:
        st.markdown(escape_markdown(block.caption))
    st.text("\n\n".join(f"{'_' * 40}\n{party or MISSING}" for party in block.parties))


def _slips(block: Slips) -> None:
    if block.caption:
        st.caption(escape_markdown(block.caption))
    st.text("\n".join(f"{n}. {text}" for n, text in enumerate(block.texts, start=1)))


DRAW: dict[type, Callable[[Any], None]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    Metrics: _metrics,
    Note: _note,
    Names: _names,
    Table: _table,
    Chart: _chart,
    Answers: _answers,
    Question: _question,
    Image: _image,
    PageBreak: _page_break,
    Signatures: _signatures,
    Slips: _slips,
}
assert set(DRAW) == set(BLOCK_KINDS), "every block kind needs a case here"


def show_blocks(blocks: Sequence[Block], *, under: int) -> None:
    """Draw ``blocks`` in order, under a heading of level ``under`` on the page (2: the
    form's title on the form page; 1: the page's title), so their headings skip no
    level (``stadforstad.ui.headings``)."""
    levels = iter(screen_levels([b.level for b in blocks if _in_outline(b)], under))
    for block in blocks:
        if _in_outline(block):
            heading(escape_markdown(block.text), next(levels))
        else:
            DRAW[type(block)](block)
