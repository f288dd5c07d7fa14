"""What the respondent page says, in Swedish and English: the refusals, the closed
link, the rate limit and the privacy note. The answer checks' messages carry their own
English (``errors.say``) and are shown by ``render.show_problems``.
"""

from __future__ import annotations

from stadforstad import errors
from stadforstad.errors import StadError
from stadforstad.i18n import pick
from stadforstad.storage.links import (
    LINK_EMPTY,
    LINK_LATE,
    LINK_THROTTLED,
    LINK_TOO_LONG,
    LINK_UNUSABLE,
    UNUSABLE_MESSAGE,
    UNUSABLE_MESSAGE_EN,
    LinkThrottledError,
)


def unusable_text(lang: str | None) -> str:
    """The one refusal (``LINK_001``); both languages when the language is unknown."""
    if lang in ("sv", "en"):
        return f"{pick(lang, UNUSABLE_MESSAGE, UNUSABLE_MESSAGE_EN)} ({LINK_UNUSABLE})"
    return f"{UNUSABLE_MESSAGE}\n\n{UNUSABLE_MESSAGE_EN} ({LINK_UNUSABLE})"


def closed_reason(status: str, lang: str) -> str:
    """Why the link takes no more answers, said to someone who was answering."""
    return {
        "full": pick(
            lang,
            "Länken har fått så många svar som kommunen bad om, så den tar inte emot fler.",
            "The link has received as many answers as the municipality asked for, so it "
            "takes no more.",
        ),
        "closed": pick(
            lang,
            "Sista svarsdagen för länken har passerat, så den tar inte emot fler svar.",
            "The link's last day for answers has passed, so it takes no more answers.",
        ),
        "revoked": pick(
            lang,
            "Kommunen har stängt länken, så den tar inte emot fler svar.",
            "The municipality has closed the link, so it takes no more answers.",
        ),
    }.get(status, pick(lang, "Länken tar inte emot fler svar.", "The link takes no more answers."))


def closed_keep_text(lang: str) -> str:
    """To someone answering when the link closed: what they wrote is still here."""
    return pick(
        lang,
        "Det ni har skrivit finns kvar här nedan. Tryck på ”Skicka in” eller ”Spara utkast” "
        "så sparas det hos kommunen som ett sent utkast, som de kan läsa – men det räknas "
        f"inte som ett svar i sammanställningen. ({LINK_LATE})",
        "What you have written is still here below. Press “Submit” or “Save draft” to keep "
        "it with the municipality as a late draft, which they can read – but it does not "
        f"count as an answer in the compilation. ({LINK_LATE})",
    )


def late_saved_text(lang: str, when: str) -> str:
    """What happened to an answer that arrived after the link closed."""
    return pick(
        lang,
        f"Det ni skrev sparades {when} som ett sent utkast. Kommunen kan läsa det, men det "
        "räknas inte som ett svar i sammanställningen. Här nedan finns texten att kopiera "
        f"eller ladda ner. ({LINK_LATE})",
        f"What you wrote was kept on {when} as a late draft. The municipality can read it, but "
        "it does not count as an answer in the compilation. The text is below to copy or "
        f"download. ({LINK_LATE})",
    )


def error_text(exc: StadError, lang: str) -> str:
    """A refused save or send, with its code, in the page's language."""
    code = exc.code
    if code == LINK_THROTTLED:
        wait = getattr(exc, "retry_after", 0) if isinstance(exc, LinkThrottledError) else 0
        minutes = max(1, -(-int(wait) // 60))
        return pick(
            lang,
            f"Många utkast och svar har kommit in på kort tid. Vänta {minutes} minuter och "
            f"försök igen – det ni skrivit finns kvar här. ({code})",
            f"Many drafts and answers have arrived in a short time. Please wait {minutes} "
            f"minutes and try again – what you have written is still here. ({code})",
        )
    if code == LINK_EMPTY:
        return pick(
            lang,
            f"Ni har inte svarat på någon fråga ännu. Svara på minst en fråga först. ({code})",
            f"You have not answered any question yet. Please answer at least one first. ({code})",
        )
    if code == LINK_TOO_LONG:
        return pick(
            lang,
            f"{exc.problems[0].message} ({code})",
            f"A text about you is too long (at most 200 characters). ({code})",
        )
    if code == errors.STORE_CONFLICT:
        return pick(
            lang,
            f"Det gick inte att spara just nu. Försök igen – det ni skrivit finns kvar. ({code})",
            f"It could not be saved just now. Please try again – your text is still here. ({code})",
        )
    if code == LINK_UNUSABLE:
        return unusable_text(lang)
    message = exc.problems[0].message if exc.problems else ""
    english = getattr(message, "en", None) or "Something went wrong."
    return pick(lang, f"{message} ({code})", f"{english} ({code})")


def privacy_lines(*, ask_identity: bool, days: int, window_minutes: int, lang: str) -> list[str]:
    """What is kept about the respondent, and how to have a draft erased."""
    who = (
        pick(
            lang,
            "Namn och kontaktuppgift är frivilliga; lämna dem tomma om ni vill svara anonymt. "
            "Vi sparar inte er IP-adress eller något om er enhet.",
            "Name and contact are optional; leave them empty to answer anonymously. We do "
            "not store your IP address or anything about your device.",
        )
        if ask_identity
        else pick(
            lang,
            "Ni svarar anonymt: vi sparar inte ert namn, er IP-adress eller något om er enhet.",
            "You answer anonymously: we do not store your name, your IP address or anything "
            "about your device.",
        )
    )
    return [
        who,
        pick(
            lang,
            "För att stoppa missbruk räknar vi hur många utkast och svar som kommer från samma "
            f"uppkoppling under {window_minutes} minuter. Räkningen sparas under en kod som "
            "inte går att föra tillbaka till er adress, och den raderas när tiden har gått.",
            "To stop abuse we count how many drafts and answers come from the same connection "
            f"within {window_minutes} minutes. The count is kept under a code that cannot be "
            "traced back to your address, and it is deleted when the time is up.",
        ),
        pick(
            lang,
            "Sparar ni ett utkast lägger webbläsaren en kaka (cookie) med en slumpad kod, så "
            "att samma länk öppnar ert utkast igen i den här webbläsaren. Utkast som inte "
            f"skickas in raderas efter {days} dagar.",
            "When you save a draft, the browser keeps a cookie with a random code, so that "
            "the same link opens your draft again in this browser. Drafts that are not sent "
            f"are deleted after {days} days.",
        ),
        pick(
            lang,
            "Vill ni att ert utkast raderas tidigare? Tryck på ”Radera mitt utkast” på den "
            "här sidan, eller be den som skickade länken: kommunen kan radera länkens utkast. "
            "Ett inskickat svar raderar kommunen när ni uppger er kvittokod.",
            "Want your draft erased sooner? Press “Erase my draft” on this page, or ask the "
            "person who sent the link: the municipality can erase the link's drafts. A sent "
            "answer is erased by the municipality when you give your receipt code.",
        ),
    ]


def consent_text(lang: str) -> str:
    return pick(
        lang,
        "Jag har läst informationen ovan och vill svara. Jag vet att svaren används för att "
        "kartlägga läget i kommunen och att jag kan avbryta när jag vill.",
        "I have read the information above and want to answer. I know that the answers are "
        "used to map the situation in the municipality and that I can stop whenever I want.",
    )


def correct_text(lang: str) -> str:
    return pick(
        lang,
        "Något behöver rättas – se markeringarna vid frågorna. Inget av det ni skrivit har "
        "försvunnit.",
        "Something needs correcting – see the marks at the questions. Nothing you have "
        "written is lost.",
    )


def receipt_caption(lang: str) -> str:
    return pick(
        lang,
        "Spara koden om ni vill kunna hänvisa till ert svar, eller be kommunen radera det. "
        "Svaret kan inte ändras härifrån; hör av er till den som skickade länken om något "
        "blev fel.",
        "Keep the code if you want to refer to your answer, or ask the municipality to erase "
        "it. The answer cannot be changed from here; contact the person who sent the link if "
        "something went wrong.",
    )


def resume_text(days: int, lang: str) -> str:
    """How to continue a saved draft – and it is true: the same link in the same browser
    finds it (a cookie), the resume link anywhere."""
    return pick(
        lang,
        "Fortsätt senare genom att öppna samma länk igen i den här webbläsaren. På en annan "
        "enhet, eller om webbläsaren inte sparar kakor, använd den här länken (spara den). "
        f"Utkastet sparas i {days} dagar.",
        "Continue later by opening the same link again in this browser. On another device, "
        "or if the browser keeps no cookies, use this link (keep it). The draft is kept for "
        f"{days} days.",
    )
