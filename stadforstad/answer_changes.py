"""What changed between two sets of answers, item by item.

Pure: no Streamlit, no database. Used to record which items a revision changed and to
show a member whose save was refused how the newer version differs from theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def changed_items(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> list[str]:
    """The keys whose answer differs (a blank and a missing answer are the same), in the
    order of ``after`` first, then the keys only ``before`` had."""
    before = before or {}
    keys = [*after, *(k for k in before if k not in after)]
    return [
        key
        for key in keys
        if not (_blank(before.get(key)) and _blank(after.get(key)))
        and before.get(key) != after.get(key)
    ]


@dataclass(frozen=True)
class Difference:
    """One item where two versions differ: theirs (saved) and mine (refused)."""

    item_id: str
    theirs: Any
    mine: Any


def differences(theirs: Mapping[str, Any], mine: Mapping[str, Any]) -> list[Difference]:
    return [Difference(key, theirs.get(key), mine.get(key)) for key in changed_items(theirs, mine)]


def merge_mine(
    base: Mapping[str, Any], theirs: Mapping[str, Any], mine: Mapping[str, Any]
) -> dict[str, Any]:
    """Theirs, with the items *I* changed since ``base`` put on top: what a member who
    has seen the difference keeps when they choose "keep my changes"."""
    merged = dict(theirs)
    for key in changed_items(base, mine):
        if _blank(mine.get(key)):
            merged.pop(key, None)
        else:
            merged[key] = mine[key]
    return merged
