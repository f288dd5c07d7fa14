"""Text for a terminal: what a user typed (a link label, a name) printed by the command
line cannot move the cursor, recolour the screen, set the window title or reverse the
line's direction, and cannot break the tab-separated columns."""

from __future__ import annotations

import unicodedata

#: Unicode's explicit direction controls: "evil.exe\u202efdp.txt" would show reversed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def printable(text: str | None) -> str:
    """``text`` on one line without control characters (C0, DEL, C1: escape sequences
    start with ESC or CSI) or direction controls; tabs and line breaks become spaces."""
    if not text:
        return ""
    out = []
    for char in text:
        if char in "\t\n\r\v\f":
            out.append(" ")
        elif unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS:
            continue
        else:
            out.append(char)
    return "".join(out)
