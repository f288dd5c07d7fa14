"""The page's headings, one level at a time (WCAG 1.3.1; axe's rule ``heading-order``).

A screen reader lists a page's headings as its outline, so going down a level is
never skipped: an h3 straight after the page's title (h1) reads as if a part were
missing. A page's title is level 1; a part of the page level 2; a part of that, 3;
below that, 4. Every heading the app draws goes through :func:`heading`, and the
headings of result blocks get their levels from :func:`screen_levels`, so a page's
outline is decided here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

#: Streamlit's own heading of each level (h1, h2, h3); deeper ones are Markdown.
_DRAW = {1: st.title, 2: st.header, 3: st.subheader}


def heading(text: str, level: int) -> None:
    """``text`` (authored Markdown, e.g. from ``tr``) as a heading of ``level``: 1 the
    page's title, 2 a part of the page, 3 a part of that, 4 below that."""
    draw = _DRAW.get(level)
    if draw is not None:
        draw(text)
    else:
        st.markdown(f"{'#' * min(max(level, 4), 6)} {text}")


def screen_levels(levels: Sequence[int], under: int) -> list[int]:
    """The screen level of each heading of a list of result blocks, from their levels
    in the document (in order; 1 the document's title, 2 a part, 3 a sub-part), for a
    list drawn under a heading of level ``under``.

    A heading is drawn one level below its document level (the document's title is
    the form's title, level 2 on the form page), or less deep where that would skip a
    level: the list's shallowest heading not below ``under + 1``, and none more than one
    level below the heading before it. (A group's picture begins at level 3 in its
    document; on the group page, right under the page's title, that is level 2.)"""
    if not levels:
        return []
    shift = min(1, under + 1 - min(levels))
    shown, last = [], under
    for level in levels:
        last = min(level + shift, last + 1)
        shown.append(last)
    return shown
