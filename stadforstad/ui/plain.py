"""User-set strings shown as text wherever Streamlit reads Markdown.

Titles, captions, messages, and the labels of buttons, tabs and other widgets are
Markdown in Streamlit: a municipality named ``![x](https://…)`` would fetch an image
from anywhere, ``**x**`` would turn bold, ``:red[x]`` red and ``$x$`` into a formula.
Every string a user set – a municipality's or a person's name, a username, an industry,
a link's label – goes into such a place through :func:`plain`, which escapes every
ASCII punctuation character with a backslash (CommonMark's escape), so the words read
exactly as they were typed. Tables (``st.dataframe``) and ``st.text`` show text as it
is and need nothing.
"""

from __future__ import annotations

import string

_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})


def plain(value: object) -> str:
    """``value`` as text that Markdown shows literally."""
    return str(value).translate(_ESCAPES)
