"""Swedish first, English second. The interface words follow shared/GLOSSARY.md.

``tr("Spara utkast", "Save draft")`` keeps both wordings where they are used, so a
page reads as its Swedish text. Pure: no Streamlit here; the page passes the language.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

LANGUAGES = ("sv", "en")
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def pick(lang: str, sv: str, en: str | None = None) -> str:
    return en if lang == "en" and en else sv


#: The handbook's credit, as its licence asks (shared/seeds/README.md).
CREDIT_SV = (
    "Stad för stad – Handbok, Emma Cotterill, Frälsningsarmén 2023, "
    "i samverkan med Länsstyrelsen Skåne"
)
CREDIT_EN = (
    "Based on “Stad för stad – Handbok”, Emma Cotterill, The Salvation Army "
    "(Frälsningsarmén) 2023, in collaboration with the County Administrative "
    "Board of Skåne"
)

STEP_WORD = {"sv": "Steg", "en": "Step"}


def count_text(lang: str, n: int, sv: tuple[str, str], en: tuple[str, str]) -> str:
    """A count with the words that agree with it: ``count_text("sv", 1, ("inskickat
    svar", "inskickade svar"), ("submitted response", "submitted responses"))`` is
    "1 inskickat svar"; 0 and 2 or more take the plural, as both languages do."""
    one, many = en if lang == "en" else sv
    return f"{n} {one if n == 1 else many}"


#: Streamlit's own words inside widgets that take a parameter for them.
PLACEHOLDER_CHOOSE = {"sv": "Välj", "en": "Choose"}
PLACEHOLDER_CHOOSE_OR_TYPE = {"sv": "Välj (eller skriv)", "en": "Choose (or type)"}
PLACEHOLDER_NO_OPTIONS = {"sv": "Inga alternativ att välja", "en": "No options to select"}


#: The interface's time zone unless ``STADFORSTAD_TIME_ZONE`` names another: every
#: time a user sees is in it, in both languages.
DEFAULT_TIME_ZONE = "Europe/Stockholm"
#: Kept for callers that want the default zone itself; shown times use ``time_zone()``.
TIME_ZONE = ZoneInfo(DEFAULT_TIME_ZONE)
#: The locale whose number format each language uses (Babel/CLDR).
NUMBER_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def time_zone() -> ZoneInfo:
    """The zone times are shown in: the setting ``time_zone`` (checked when read)."""
    from stadforstad.settings import get_settings  # settings read the environment once

    return ZoneInfo(get_settings().time_zone)


def time_zone_name(lang: str) -> str:
    """What the times are: "svensk tid" / "Swedish time", or the zone's own name."""
    key = time_zone().key
    if key == DEFAULT_TIME_ZONE:
        return pick(lang, "svensk tid", "Swedish time")
    return pick(lang, f"tid i {key}", f"{key} time")


def local_time(moment: dt.datetime) -> dt.datetime:
    """``moment`` in the interface's zone. A time without a zone is UTC (SQLite keeps none)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(time_zone())


def time_text(moment: dt.datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored time as a user reads it, in the interface's zone."""
    return local_time(moment).strftime(fmt)


def number_text(value: float | int | None, lang: str, decimals: int | None = None) -> str:
    """A number as the language writes it (Babel): a decimal comma in Swedish, a point
    in English, no thousands separator; "–" for no value. Whole numbers keep no
    decimals unless asked; otherwise up to six."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if decimals is None:
        pattern = "0.######" if isinstance(value, float) else "0"
    else:
        pattern = "0." + "0" * decimals if decimals > 0 else "0"
    locale = NUMBER_LOCALES.get(lang, NUMBER_LOCALES["sv"])
    return format_decimal(value, format=pattern, locale=locale)


def parse_number(text: str) -> float | int | None:
    """A number as a person types it ("12", "12,5", "12.5", "1 000", "-3"); ``None`` when
    the text is not a number. Whole numbers come back as ``int``."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("−", "-")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None
    number = float(cleaned)
    return int(number) if number.is_integer() and "." not in cleaned else number
