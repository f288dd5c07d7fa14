"""What every page of a document says about it: the form, its step, the municipality,
the round, the day (Europe/Stockholm) and the handbook's credit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from stadforstad.i18n import CREDIT_EN, CREDIT_SV, STEP_WORD, pick
from stadforstad.instruments.blocks import Block, format_date

TZ = ZoneInfo("Europe/Stockholm")
#: What a blank line to fill in by hand looks like in a header.
BLANK = "________________"


def today() -> dt.date:
    """Today in Sweden (a document made at 00:30 in Stockholm bears that day)."""
    return dt.datetime.now(TZ).date()


@dataclass(frozen=True)
class Meta:
    """Printed on every page. ``None`` for municipality or round leaves a line to fill
    in by hand (a blank form printed for a workshop)."""

    title: str
    lang: str = "sv"
    #: What the document is: "Tomt formulär", "Svar", "Gruppens bild" …
    kind: str = ""
    step: int | None = None
    municipality: str | None = None
    round: int | None = None
    day: dt.date = field(default_factory=today)
    respondent: str | None = None
    #: Where the form stands in the handbook.
    source: str = ""
    #: Say "fill in" lines for a missing municipality or round (blank forms).
    blanks: bool = False

    def step_text(self) -> str:
        if self.step is None:
            return pick(self.lang, "Utanför stegen", "Outside the steps")
        return f"{STEP_WORD['en' if self.lang == 'en' else 'sv']} {self.step}"

    def credit(self) -> str:
        return pick(self.lang, f"Källa: {CREDIT_SV}", CREDIT_EN)

    def heading(self) -> str:
        """The line at the top of every page."""
        return f"{self.step_text()} · {self.title}"

    def details(self) -> list[tuple[str, str]]:
        """Label and value of each fact the title page lists."""
        lang = self.lang
        blank = BLANK if self.blanks else "–"
        rows = [
            (pick(lang, "Kommun", "Municipality"), self.municipality or blank),
            (pick(lang, "Omgång", "Round"), str(self.round) if self.round else blank),
            (pick(lang, "Datum", "Date"), format_date(self.day, lang)),
        ]
        if self.respondent:
            rows.append((pick(lang, "Deltagare", "Participant"), self.respondent))
        return rows

    def running(self) -> str:
        """The municipality, round and day, short, for the top of every page."""
        lang = self.lang
        parts = [
            self.municipality or (pick(lang, "Kommun: ", "Municipality: ") + BLANK),
            pick(lang, "omgång ", "round ") + (str(self.round) if self.round else BLANK),
            self.day.isoformat(),
        ]
        return " · ".join(parts)

    def page_text(self, page: int, pages: int) -> str:
        return pick(self.lang, f"Sida {page} av {pages}", f"Page {page} of {pages}")


@dataclass(frozen=True)
class Document:
    """A document: the facts on every page and its blocks in order."""

    meta: Meta
    blocks: tuple[Block, ...]


def file_name(meta: Meta, suffix: str) -> str:
    """A file name a person recognises: form, municipality, round, day, kind."""
    words = [meta.title, meta.municipality or "", f"omg{meta.round}" if meta.round else ""]
    words += [meta.respondent or "", meta.kind, meta.day.isoformat()]
    text = "-".join(w for w in words if w)
    slug = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-").lower()
    return f"{slug[:120]}.{suffix}"
