"""The workshop products: the draw, overdue tasks and the knowledge bank's search as
golden cases (data under ``tests/cases/<kind>/``), and each product's document, read
back from the PDF and the DOCX."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import yaml

from scoring import icebreaker, kartlaggningsplan, kunskapsbank
from scoring.common import Rated
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.documents.build import product_document, render
from stadforstad.instruments.kontaktyta import candidate_actors
from stadforstad.instruments.kunskapsbank import words
from stadforstad.instruments.registry import INSTRUMENTS
from tests.helpers import ROOT
from tests.helpers.documents import docx_text, pdf_pages

CASES = ROOT / "tests" / "cases"


def _cases(kind: str, form_id: str):
    for case in yaml.safe_load((CASES / kind / f"{form_id}.yaml").read_text(encoding="utf-8")):
        yield pytest.param(case, id=case["id"])


@pytest.mark.parametrize("case", list(_cases("draw", "icebreaker")))
def test_draw_golden_case(case: dict) -> None:
    assert icebreaker.draw_sequence(case["count"], case["draws"], case["seed"]) == case["expect"]


@pytest.mark.parametrize(("count", "seed"), [(3, 1), (7, 2), (12, 3)])
def test_no_question_twice_until_every_one_is_drawn(count: int, seed: int) -> None:
    drawn = icebreaker.draw_sequence(count, count * 3, seed)
    for start in range(0, len(drawn), count):
        assert sorted(drawn[start : start + count]) == list(range(count))


def test_a_draw_forgets_numbers_that_no_longer_exist_and_starts_anew() -> None:
    rng = random.Random(5)
    first = icebreaker.draw(2, [0, 7, 0], rng)
    assert first.index == 1 and first.drawn == [0, 1] and not first.new_round
    again = icebreaker.draw(2, first.drawn, rng)
    assert again.new_round and again.drawn == [again.index]
    with pytest.raises(ValueError):
        icebreaker.draw(0, [], rng)


@pytest.mark.parametrize("case", list(_cases("overdue", "kartlaggningsplan")))
def test_overdue_golden_case(case: dict) -> None:
    form = load_form("kartlaggningsplan")
    answers = check_answers(form, {"uppgifter": case["tasks"]}, partial=True)
    plan = kartlaggningsplan.score(form, answers)
    late = kartlaggningsplan.overdue(plan, dt.date.fromisoformat(case["today"]))
    assert [t.what for t in late] == case["expect"]


def _bank():
    form = load_form("kunskapsbank")
    case = yaml.safe_load((CASES / "kunskapsbank.yaml").read_text(encoding="utf-8"))[0]
    answers = check_answers(form, case["answers"], partial=True)
    return form, kunskapsbank.score(form, answers)


@pytest.mark.parametrize("case", list(_cases("find", "kunskapsbank")))
def test_find_golden_case(case: dict) -> None:
    form, bank = _bank()
    found = kunskapsbank.find(
        bank.entries,
        case.get("query", ""),
        areas=case.get("areas", ()),
        kinds=case.get("kinds", ()),
        words=words(form, "sv"),
    )
    assert [e.title for e in found] == case["expect"]


# -- the products as documents ----------------------------------------------------------
def _document_texts(form_id: str, key: str, responses: list[Rated], lang: str = "sv"):
    form = load_form(form_id)
    checked = [
        Rated(respondent=r.respondent, answers=check_answers(form, r.answers, partial=True))
        for r in responses
    ]
    document = product_document(
        form, key, checked, municipality="Hörby", round=1, lang=lang, day=dt.date(2026, 3, 2)
    )
    pdf = " ".join(pdf_pages(render(document, "pdf")))
    docx = " ".join(docx_text(render(document, "docx")).split())
    return pdf, docx


def test_icebreaker_slips_hold_every_question() -> None:
    answers = {
        "valda_fragor": ["te_kaffe", "oland_gotland"],
        "egna_fragor": [{"fraga": "Vilken är din <b>favoritbok</b>?"}],
    }
    pdf, docx = _document_texts("icebreaker", "lappar", [Rated(respondent="A", answers=answers)])
    for text in (pdf, docx):
        assert "Te eller kaffe?" in text
        assert "Öland eller Gotland?" in text
        assert "Vilken är din <b>favoritbok</b>?" in text
        assert "Klipp längs de streckade linjerna" in text
        assert "Vilken sport" not in text  # only the chosen suggestions


def test_modig_miljo_summary_has_the_agreed_points_and_the_groups_notes() -> None:
    answers = {
        "svar_1": [
            {"grupp": "grupp_1", "svar": "Att bli lyssnad på"},
            {"grupp": "grupp_2", "svar": "Tid att tänka"},
        ],
        "likheter_1": "Vi behöver tid och respekt.",
        "kultur_2": "Vi börjar varje möte med en runda.",
    }
    pdf, docx = _document_texts(
        "modig_miljo", "sammanfattning", [Rated(respondent="", answers=answers)]
    )
    for text in (pdf, docx):
        assert "Det ni kom överens om" in text
        assert "Vi behöver tid och respekt." in text
        assert "Vi börjar varje möte med en runda." in text
        assert "Grupp 1" in text and "Grupp 2" in text
        assert "Att bli lyssnad på" in text and "Tid att tänka" in text


def test_scenarier_and_organisation_summaries_lay_the_notes_side_by_side() -> None:
    answers = {"hotell_vem": "Socialtjänsten ringer polisen", "hotell_skillnad": "Ingen rutin"}
    pdf, docx = _document_texts(
        "scenarier", "sammanfattning", [Rated(respondent="", answers=answers)]
    )
    for text in (pdf, docx):
        assert "Socialtjänsten ringer polisen" in text and "Ingen rutin" in text
        assert "Scenario 1" in text and "Scenario 2" not in text
    members = [
        Rated(
            respondent="Anna", answers={"organisation_namn": "Polisen", "matratt": "Pytt i panna"}
        ),
        Rated(respondent="Bo", answers={"organisation_namn": "Socialtjänsten", "matratt": "Soppa"}),
    ]
    pdf, docx = _document_texts("organisation", "sammanfattning", members, "en")
    for text in (pdf, docx):
        assert "Polisen" in text and "Socialtjänsten" in text
        assert "Pytt i panna" in text and "Soppa" in text
        assert "The notes side by side" in text


def test_dodsfallan_summary_names_who_wrote_what_when_several() -> None:
    members = [
        Rated(respondent="Anna", answers={"komma_ihag": "Förankra hos ledningen"}),
        Rated(respondent="Bo", answers={"komma_ihag": "Budget för tre år"}),
    ]
    pdf, docx = _document_texts("dodsfallan", "sammanfattning", members)
    for text in (pdf, docx):
        assert "Anna: Förankra hos ledningen" in text and "Bo: Budget för tre år" in text


def test_event_flyer_prints_the_invitation_and_the_facts() -> None:
    answers = {
        "datum": "2026-05-20",
        "tid": "13.00–16.00",
        "lokal": "Stadshuset, Storgatan 1",
        "inbjudan": "Vi bjuder in till en eftermiddag om människohandel.",
    }
    pdf, docx = _document_texts("event", "flyer", [Rated(respondent="A", answers=answers)])
    for text in (pdf, docx):
        assert "Välkommen till ett nätverks- och utbildningsevent" in text
        assert "20 maj 2026" in text
        assert "13.00–16.00" in text and "Stadshuset, Storgatan 1" in text
        assert "Vi bjuder in till en eftermiddag om människohandel." in text
        assert "Anmälan till" in text


@pytest.mark.parametrize(
    ("form_id", "answers", "present", "hint"),
    [
        (
            "natverksroll",
            {"syfte": "Vårt syfte.", "funktion": "Nätverket samlar."},
            ["Vårt syfte.", "Nätverket samlar.", "Utgångspunkter"],
            "Helsingborgs nätverk mot människohandel och prostitution upprättades",
        ),
        (
            "samordningsfunktion",
            {"ansvar": "Driva arbetet.", "kompetenser": "Processledning."},
            ["Driva arbetet.", "Processledning."],
            "Detta dokument avser att beskriva syftet",
        ),
        (
            "motivation_kommunikation",
            {
                "branscher": [{"bransch": "Hotell"}, {"bransch": "Taxi"}],
                "kommunikationsplan": "Möt dem.",
            },
            ["Hotell, Taxi", "Möt dem."],
            "Detta dokument avser att beskriva syftet",
        ),
    ],
)
def test_role_description_in_helsingborgs_six_sections(form_id, answers, present, hint) -> None:
    pdf, docx = _document_texts(
        form_id, "rollbeskrivning", [Rated(respondent="A", answers=answers)]
    )
    sections = [
        "1. Dokumentets syfte",
        "2. Ändamålsbeskrivning",
        "3. Nätverkets deltagare",
        "4. Samordning",
        "5. Beslutsfattande",
        "6. Extern kommunikation",
    ]
    for text in (pdf, docx):
        positions = [text.index(s) for s in sections]
        assert positions == sorted(positions)
        for value in present:
            assert value in text
        assert hint in text  # an empty section shows the example as help
        assert "verktygets förslag" in text


def test_candidate_actors_from_the_points_of_contact() -> None:
    form = load_form("malgrupp_kontaktyta")
    answers = check_answers(
        form,
        {
            "malgrupper": [
                {"malgrupp": "hemlosa", "aktorer": ["hotell"], "andra_aktorer": "Stadsmissionen"},
                {"malgrupp": "Ensamkommande", "aktorer": ["hotell"], "andra_aktorer": "HOTELL"},
            ]
        },
    )
    assert candidate_actors(form, [Rated(respondent="A", answers=answers)], "sv") == [
        "Hotell",
        "Stadsmissionen",
    ]
    assert candidate_actors(form, [Rated(respondent="A", answers=answers)], "en")[0] == "Hotels"


def test_the_network_chart_names_every_group_and_actor() -> None:
    form = load_form("malgrupp_kontaktyta")
    case = yaml.safe_load((CASES / "malgrupp_kontaktyta.yaml").read_text(encoding="utf-8"))[0]
    answers = check_answers(form, case["answers"])
    instrument = INSTRUMENTS[form.id]
    (chart,) = [
        b
        for b in instrument.blocks(form, instrument.score(form, answers), "sv")
        if hasattr(b, "build")
    ]
    spec = chart.build().to_dict()
    names = {row["namn"] for data in spec["datasets"].values() for row in data if "namn" in row}
    assert {"Hemlösa", "Ensamkommande barn", "Sociala center/ mötesplatser", "Polisen"} <= names
    rows = {row[0]: row[2] for row in chart.alternative.rows}
    assert rows["Ensamkommande barn"] == "Skolor, Socialförvaltningen, Stadsmissionen"


def test_event_progress_while_worked_on_in_both_languages() -> None:
    """The event's progress hook: the share of the ten points ticked, and its words."""
    form = load_form("event")
    progress = INSTRUMENTS["event"].progress
    assert progress is not None
    assert progress(form, {}, "sv") == (0.0, "Förberedelser: 0 av 10 klara")
    share, words_en = progress(form, {"punkter": ["lokal", "syfte", "fika"]}, "en")
    assert share == pytest.approx(0.3) and words_en == "Preparations: 3 of 10 done"
