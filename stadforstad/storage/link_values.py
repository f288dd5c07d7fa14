"""What the invitation-link calls take and give: the errors with their ``LINK_*`` codes
(the codes live in the catalogue, ``errors``), the values (a link as members see it, a
respondent's state, an answer), and the small pure helpers (tokens, addresses, dates,
cleaning text). No query or session here (it sits in the storage package, so importing
it loads SQLAlchemy): the rows are in ``link_rows.py``, the calls in ``links.py``,
``link_answers.py`` and ``link_respondents.py`` (on ``link_access.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from stadforstad import errors, i18n
from stadforstad.answers import Answers
from stadforstad.errors import (  # the codes live in the one catalogue
    LINK_LATE,
    LINK_TOO_LONG,
    LINK_UNUSABLE,
    StadError,
    say,
)
from stadforstad.i18n import time_zone
from stadforstad.questionnaire import IDENTITY_ITEMS
from stadforstad.schema import Form
from stadforstad.storage.repository import Actor
from stadforstad.storage.tables import utcnow

#: The one message every unusable link gets. Friendly, and the same for every cause.
UNUSABLE_MESSAGE = (
    "Den här länken går inte att använda längre. Den kan ha stängt, blivit full eller "
    "skrivits av fel. Hör gärna av er till den som skickade länken, så får ni en ny."
)
UNUSABLE_MESSAGE_EN = (
    "This link can no longer be used. It may have closed, become full or been mistyped. "
    "Please contact the person who sent it to you to get a new one."
)

#: The placeholder in the default introduction; a link is not created while it is left.
INTRO_PLACEHOLDERS = ("[namn, e-post, telefon]", "[name, e-mail, phone]")

#: The default zone (re-exported by ``storage.links``); "today" follows ``time_zone()``.
TIME_ZONE = i18n.TIME_ZONE
TOKEN_BYTES = 32  # 256 bits from secrets; the issue asks for at least 128
MAX_LABEL = 200
MAX_INTRO = 4000
MAX_NAME = 200
MAX_CONTACT = 200
MAX_INDUSTRY = 200
RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on a phone


class LinkError(StadError):
    """An invitation link that cannot be used, or a link call that is refused."""


class LinkThrottledError(LinkError):
    """Too many writes just now (``LINK_009``); ``retry_after`` seconds until allowed."""

    retry_after: int = 0


class LinkClosedError(LinkError):
    """The link stopped taking answers while the respondent answered (``LINK_010``):
    ``status`` says why (``full``, ``closed``, ``revoked``); ``state`` holds the late
    draft that was kept."""

    status: str = ""
    state: RespondentState | None = None


def fail(code: str, where: str, message: str) -> LinkError:
    return errors.fail(LinkError, code, where, message)


def unusable() -> LinkError:
    return fail(LINK_UNUSABLE, "", UNUSABLE_MESSAGE)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_receipt() -> str:
    body = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(8))
    return f"{body[:4]}-{body[4:]}"


def link_url(base: str, token: str, resume: str | None = None, lang: str | None = None) -> str:
    """``<base>/?t=<token>`` (and ``&r=<resume>`` for a resume link, ``&lang=en`` for a
    page in another language than Swedish)."""
    url = f"{base.rstrip('/')}/?t={token}"
    if resume:
        url = f"{url}&r={resume}"
    if lang and lang != "sv":
        url = f"{url}&lang={lang}"
    return url


def today() -> dt.date:
    return dt.datetime.now(time_zone()).date()


def draft_cutoff(days: int, now: dt.datetime | None = None) -> dt.datetime:
    """Unsent drafts last saved before this moment have expired."""
    return (now or utcnow()) - dt.timedelta(days=days)


def strip_controls(text: str, keep: str = "") -> str:
    """``text`` without control characters (escape sequences, bells, NUL …), except
    those in ``keep`` (an introduction keeps its line breaks)."""
    return "".join(c for c in text if c in keep or unicodedata.category(c) != "Cc")


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, (list, tuple, dict)) and not value


def has_answer(form: Form, answers: dict[str, Any]) -> bool:
    """Whether anything is answered beyond what the page fills in itself."""
    ids = [item.id for item in form.answerable() if item.id not in IDENTITY_ITEMS]
    return any(
        not is_blank(answers.get(item_id)) or not is_blank(answers.get(f"{item_id}_comment"))
        for item_id in ids
    )


# -- values -----------------------------------------------------------------------------
@dataclass(frozen=True)
class LinkActor(Actor):
    """A respondent reached through one link: may answer that link's form, nothing else.

    It holds no grants, so every :class:`Store` call refuses it; the link calls below
    accept it only for its own link.
    """

    link_id: int = 0
    link_workspace_id: int = 0
    form_id: str = ""

    def can_answer(self, link_id: int) -> bool:
        return link_id == self.link_id


@dataclass(frozen=True)
class LinkInfo:
    """A link as members see it (never the token: it is shown once, at creation)."""

    id: int
    workspace_id: int
    form_id: str
    label: str
    intro: str
    ask_identity: bool
    closes_on: dt.date | None
    max_answers: int | None
    revoked: bool
    created_by: str
    created_at: dt.datetime
    answers: int = 0
    drafts: int = 0
    last_answer_at: dt.datetime | None = None
    lang: str = "sv"
    #: Unsent drafts kept after the link stopped taking answers (among ``drafts``).
    late_drafts: int = 0

    def status(self, on: dt.date | None = None) -> str:
        """``open``, ``revoked``, ``closed`` or ``full``."""
        if self.revoked:
            return "revoked"
        if self.closes_on is not None and (on or today()) > self.closes_on:
            return "closed"
        if self.max_answers is not None and self.answers >= self.max_answers:
            return "full"
        return "open"


@dataclass(frozen=True)
class CreatedLink:
    info: LinkInfo
    #: The token, shown once: only its hash is kept.
    token: str


@dataclass(frozen=True)
class Identity:
    """What the respondent says about themself. All optional; name and contact only
    when the link asks for them."""

    industry: str | None = None
    name: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class RespondentState:
    """Where one respondent stands: a draft, or a sent answer with its receipt."""

    draft: Answers | None
    draft_saved_at: dt.datetime | None
    identity: Identity
    answers: Answers | None = None
    submitted_at: dt.datetime | None = None
    receipt: str | None = None
    late_at: dt.datetime | None = None

    @property
    def sent(self) -> bool:
        return self.receipt is not None


@dataclass(frozen=True)
class LinkAnswer:
    """One sent answer through a link, for the compilation and the exports."""

    id: int
    link_id: int
    link_label: str
    form_id: str
    workspace_id: int
    form_version: int
    industry: str | None
    name: str | None
    contact: str | None
    answers: Answers
    submitted_at: dt.datetime
    receipt: str = field(repr=False, default="")


def clean_line(value: str | None, limit: int, where: str) -> str | None:
    if value is None:
        return None
    value = " ".join(strip_controls(str(value), keep="\t\n\r").split())
    if not value:
        return None
    if len(value) > limit:
        raise fail(
            LINK_TOO_LONG,
            where,
            say(f"högst {limit} tecken får plats", f"at most {limit} characters fit"),
        )
    return value


def closed_error(status: str, state: RespondentState) -> LinkClosedError:
    why, why_en = {
        "full": ("länken hann bli full", "the link filled up"),
        "closed": ("sista svarsdagen har passerat", "the last day for answers has passed"),
        "revoked": ("länken har stängts", "the link has been closed"),
    }.get(status, ("länken tar inte emot svar", "the link takes no answers"))
    error = errors.fail(
        LinkClosedError,
        LINK_LATE,
        "link",
        errors.say(
            f"{why}; det ni skrev är sparat som ett sent utkast som kommunen kan se, men det "
            "räknas inte som ett svar",
            f"{why_en}; what you wrote is kept as a late draft the municipality can see, but "
            "it does not count as an answer",
        ),
    )
    error.status = status
    error.state = state
    return error


def clean_identity(identity: Identity) -> Identity:
    return Identity(
        industry=clean_line(identity.industry, MAX_INDUSTRY, "industry"),
        name=clean_line(identity.name, MAX_NAME, "name"),
        contact=clean_line(identity.contact, MAX_CONTACT, "contact"),
    )
