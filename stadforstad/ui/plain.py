"""User-set strings shown as text wherever Streamlit reads Markdown.

Titles, captions, messages, and the labels of buttons, tabs and other widgets are
Markdown in Streamlit: a municipality named ``![x](https://…)`` would fetch an image
from anywhere, ``**x**`` would turn bold, ``:red[x]`` red and ``$x$`` into a formula.
Every string a user set – a municipality's or a person's name, a username, an industry,
a link's label – goes into such a place through :func:`plain`, which escapes every
ASCII punctuation character with a backslash (CommonMark's escape), so the words read
exactly as they were typed. Tables (``st.dataframe``) and ``st.text`` show text as it
is and need nothing.

Authored text (the forms' questions and help, the results' words, messages) goes
through :func:`escape_markdown`: it keeps ordinary punctuation readable in the source
and escapes only what Markdown would act on.
"""

from __future__ import annotations

import re
import string

_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})


def plain(value: object) -> str:
    """``value`` as text that Markdown shows literally."""
    return str(value).translate(_ESCAPES)


#: What Markdown (and Streamlit's own directives) would read as layout: emphasis, code,
#: links, HTML, headings, tables, maths, ``:red[…]``/``:emoji:`` directives, and list
#: marks at the start of a line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$])|(:)(?=[A-Za-z])")
_LIST_START = re.compile(r"^(\s*)(\d*)([-+.)])(?=\s)", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Authored text shown exactly as written: no emphasis, link, formula, coloured
    ``:word[…]``, heading or list made by accident."""
    escaped = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + (m.group(1) or m.group(2)), text)
    return _LIST_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}", escaped)
