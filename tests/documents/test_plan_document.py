"""The plan as a document (PDF and DOCX) laid out like the handbook's template: vision
and overall goals, sub-goals with targets (the mapping and the SWOT beside them),
activities, platform, resources, marketing, evaluation, timeline, and a line to sign
per organisation; and the same in English."""

from __future__ import annotations

import pytest

from stadforstad.catalog import load_form
from stadforstad.documents.build import render, response_document
from stadforstad.instruments.blocks import Heading, Names, Signatures
from stadforstad.instruments.plan_document import plan_blocks
from tests.helpers.documents import docx_text, pdf_pages
from tests.helpers.plan import PLAN

FORM = load_form("samverkansplan")
ANSWERS = {
    **PLAN,
    "overgripande_mal": "Ingen ska utnyttjas i vår stad",
    "natverkande": "Sex nätverksträffar per år",
    "vem_behover_veta": "Hotell och taxi",
    "vad_utvardera": "Antal ärenden",
    "underskrifter": [{"organisation": "Polisen"}, {"organisation": "Socialtjänsten"}],
}
TEMPLATE_ORDER = [
    "Visionen",
    "Planen – delmål",
    "Aktiviteter och insatser",
    "Plattformen",
    "Resurser",
    "Marknadsföring",
    "Utvärdering",
    "Tidslinje",
    "Bekräftelsen",
]


def test_the_plan_follows_the_template_with_the_background_beside_the_sub_goals() -> None:
    background = [Names("SWOT", ("Engagerade poliser",))]
    blocks = plan_blocks(FORM, ANSWERS, "sv", background)
    parts = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert parts == TEMPLATE_ORDER
    first_goal_table = next(
        i for i, b in enumerate(blocks) if getattr(b, "title", "") == "Delmål med mål per år"
    )
    assert blocks.index(background[0]) < first_goal_table
    signatures = [b for b in blocks if isinstance(b, Signatures)]
    assert signatures == [Signatures(("Polisen", "Socialtjänsten"))]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_plan_document_holds_its_parts_hours_and_signature_lines(fmt: str) -> None:
    document = response_document(
        FORM,
        ANSWERS,
        respondent="Kärngruppen (gemensamt)",
        municipality="Ystad",
        round=1,
        background=(Names("SWOT", ("Engagerade poliser",)),),
    )
    data = render(document, fmt)
    text = " ".join(" ".join(pdf_pages(data)).split()) if fmt == "pdf" else docx_text(data)
    text = " ".join(text.split())
    for expected in (
        *TEMPLATE_ORDER,
        "En trygg stad",
        "Ingen ska utnyttjas i vår stad",
        "SMART-kontroll per delmål",
        "Engagerade poliser",
        "Sex nätverksträffar per år",
        "Hotell och taxi",
        "505",
        "Arbetstid och kostnad per delmål",
        "Tidslinjen i tabellform",
        "Underskrift – Polisen",
        "Underskrift – Socialtjänsten",
        "Ystad",
    ):
        assert expected in text, expected


def test_the_plan_document_in_english() -> None:
    blocks = plan_blocks(FORM, ANSWERS, "en")
    parts = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert parts[0] == "The vision" and parts[-1] == "The confirmation"
    text = " ".join(" ".join(pdf_pages(render(response_document(
        FORM, ANSWERS, respondent="Group", municipality="Ystad", round=1, lang="en"
    ), "pdf"))).split())  # fmt: skip
    assert "SMART check per sub-goal" in text and "Work hours" in text
