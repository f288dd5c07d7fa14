"""The page's outline: result blocks' headings skip no level on screen, whatever their
levels in the document, and every heading the app draws goes through one helper
(``stadforstad.ui.headings``), so no page can put an h3 straight under its h1 again
(axe's ``heading-order``, checked in tests/browser/test_accessibility_flow.py)."""

from __future__ import annotations

import re

import pytest

from stadforstad.ui.headings import screen_levels
from tests.helpers import ROOT


@pytest.mark.parametrize(
    ("levels", "under", "shown"),
    [
        # On the form page, under "Resultat" (h3): one below the document, as always.
        ([2, 3, 2], 3, [3, 4, 3]),
        ([3, 3], 3, [4, 4]),
        # A group's picture starts at level 3 in its document; under the page's title
        # its shallowest headings are parts of the page, siblings stay siblings.
        ([3, 3, 3], 1, [2, 2, 2]),
        ([2, 3, 2], 1, [2, 3, 2]),
        # Under the form's title (h2), in the plan's background.
        ([3, 3], 2, [3, 3]),
        # A part missing in the document: no level skipped on screen either.
        ([3, 2, 3], 1, [2, 2, 3]),
        ([1, 3], 2, [2, 3]),
        ([], 1, []),
    ],
    ids=[
        "result",
        "result-deeper",
        "group",
        "group-parts",
        "background",
        "deeper-first",
        "gap",
        "none",
    ],
)
def test_screen_levels_skip_no_level(levels, under, shown) -> None:
    assert screen_levels(levels, under) == shown
    for before, level in zip([under, *shown], shown):
        assert level <= before + 1


def test_every_heading_is_drawn_through_the_one_helper() -> None:
    drawn_directly = re.compile(
        r"\bst(\.sidebar)?\.(title|header|subheader)\(|\bst\.markdown\(f?[\"']#"
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in [
            ROOT / "app.py",
            *(ROOT / "pages").glob("*.py"),
            *(ROOT / "stadforstad").rglob("*.py"),
        ]
        if path.name != "headings.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if drawn_directly.search(line)
    ]
    assert not offenders, offenders
