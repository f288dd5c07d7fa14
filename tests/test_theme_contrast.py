"""The theme's colours meet WCAG 2.1 AA contrast (1.4.3 text 4.5:1, 1.4.11 graphics and
controls 3:1), read from the theme the app runs with (.streamlit/config.toml) and from
the charts' shared colours; the arithmetic is WCAG's own (relative luminance)."""

from __future__ import annotations

import tomllib

import pytest

from stadforstad.charts import common
from tests.helpers import ROOT

TEXT = 4.5
GRAPHIC = 3.0
#: Streamlit draws captions, help text and placeholders in the text colour at 60 %
#: opacity ("fadedText60" in its frontend, Streamlit 1.67).
CAPTION_OPACITY = 0.6


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    assert len(value) == 6, f"{colour}: write theme colours as #rrggbb"
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str | tuple[int, int, int], b: str | tuple[int, int, int]) -> float:
    la, lb = (luminance(rgb(c) if isinstance(c, str) else c) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def over(colour: str, background: str, opacity: float) -> tuple[int, int, int]:
    """``colour`` at ``opacity`` painted on ``background``."""
    fg, bg = rgb(colour), rgb(background)
    return tuple(round(f * opacity + b * (1 - opacity)) for f, b in zip(fg, bg))  # type: ignore[return-value]


def theme() -> dict[str, str]:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return config["theme"]


def test_the_arithmetic_is_wcags() -> None:
    # WCAG's own examples: black on white is 21:1, a colour on itself 1:1, #767676 on
    # white just passes 4.5:1 and #777777 just fails.
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#0b5394", "#0b5394") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") >= TEXT > contrast("#777777", "#ffffff")


def test_the_theme_names_every_colour_it_relies_on() -> None:
    names = {"textColor", "backgroundColor", "secondaryBackgroundColor", "primaryColor"}
    assert names <= set(theme()), "an unset colour follows Streamlit's default, unchecked"


@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_text_and_captions_are_readable_on_both_backgrounds(background: str) -> None:
    colours = theme()
    ground = colours[background]
    assert contrast(colours["textColor"], ground) >= TEXT
    caption = over(colours["textColor"], ground, CAPTION_OPACITY)
    assert contrast(caption, ground) >= TEXT, f"captions: {contrast(caption, ground):.2f}:1"
    link = colours.get("linkColor", colours["primaryColor"])
    assert contrast(link, ground) >= TEXT


def test_primary_buttons_and_focus_are_readable() -> None:
    colours = theme()
    # White words on a primary button; the primary colour as a focus ring or a chosen
    # radio button against the page.
    assert contrast("#ffffff", colours["primaryColor"]) >= TEXT
    assert contrast(colours["primaryColor"], colours["backgroundColor"]) >= GRAPHIC
    assert contrast(colours["primaryColor"], colours["secondaryBackgroundColor"]) >= GRAPHIC


def test_the_charts_meaning_colours_stand_out_from_white() -> None:
    # Marks that carry meaning (ready, not ready, to work on, neutral) against the
    # chart's white: graphics need 3:1. WORK_ON also colours words, so 4.5:1.
    for name in ("READY", "NOT_READY", "NEUTRAL"):
        assert contrast(getattr(common, name), "#ffffff") >= GRAPHIC, name
    assert contrast(common.WORK_ON, "#ffffff") >= TEXT
