"""Swedish first, English second. The interface words follow shared/GLOSSARY.md.

``tr("Spara utkast", "Save draft")`` keeps both wordings where they are used, so a
page reads as its Swedish text. Pure: no Streamlit here; the page passes the language.
"""

from __future__ import annotations

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
