"""Issue 12, item 3: the forms say what the handbook says, and mark what is the tool's own.

The scorers' side of the same fixes is in the golden cases (tests/cases/*.yaml); this
file checks the words the forms and the verdicts carry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scoring import aktorsanalys, redo, rekrytering, riktning, samverkansnivaer
from stadforstad.catalog import FORMS_DIR, load_form, load_form_file
from stadforstad.instruments.blocks import Names, Note, Paragraph
from stadforstad.instruments.registry import INSTRUMENTS
from stadforstad.schema import Text
from tests.helpers import ROOT

HANDBOOK = ROOT.parent / "shared" / "seeds" / "002_e0991d4ecf647bc7.txt"


def _texts(node):
    from pydantic import BaseModel

    if isinstance(node, Text):
        yield node
    elif isinstance(node, (list, tuple)):
        for element in node:
            yield from _texts(element)
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name))


def _words(blocks) -> str:
    parts = []
    for b in blocks:
        if isinstance(b, (Note, Paragraph)):
            parts.append(b.text)
        elif isinstance(b, Names):
            parts += [b.title, *b.names]
    return " ".join(parts)


def test_one_english_term_for_kontaktyta_across_the_forms() -> None:
    """Every text whose Swedish says "kontaktyta" says "point(s) of contact" in English."""
    seen = 0
    for path in sorted(Path(FORMS_DIR).glob("*.yaml")):
        for text in _texts(load_form_file(path)):
            if re.search(r"kontaktyt", text.sv, re.IGNORECASE) and text.en:
                seen += 1
                assert re.search(r"points? of contact", text.en), (path.name, text.en)
                assert "contact surface" not in text.en, (path.name, text.en)
    assert seen >= 3


def _redo(values: dict, **extra):
    form = load_form("redo")
    answers = {
        item.id: values.get(item.id, 3) for item in form.answerable() if item.kind == "scale"
    }
    answers.update(extra)
    return form, INSTRUMENTS["redo"].score(form, answers)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_redo_says_why_20_or_lower_where_the_handbook_prints_8_to_20(lang: str) -> None:
    form, result = _redo({"behov": 1, "politisk_vilja": 1})
    assert result.ready is False
    words = _words(INSTRUMENTS["redo"].verdict(form, result, lang))
    assert f"{redo.HANDBOOK_LOWEST}–{redo.THRESHOLD}" in words
    assert str(result.min_total) in words and result.min_total == 7
    ready_form, ready = _redo({"behov": 5})
    assert "8–20" not in _words(INSTRUMENTS["redo"].verdict(ready_form, ready, lang))


@pytest.mark.parametrize(("months", "word_sv"), [(12, "inom"), (24, "rekommenderar 12–18")])
def test_redo_checks_the_period_against_12_to_18_months(months: int, word_sv: str) -> None:
    form, result = _redo({}, period_manader=months)
    words = _words(INSTRUMENTS["redo"].verdict(form, result, "sv"))
    assert word_sv in words and f"{months} månader" in words
    en = _words(INSTRUMENTS["redo"].verdict(form, result, "en"))
    assert f"{months} months" in en


def test_redo_gives_the_group_a_verdict_in_words() -> None:
    from scoring.common import Rated

    form = load_form("redo")
    items = [i.id for i in form.answerable() if i.kind == "scale"]
    group = INSTRUMENTS["redo"].summarize(
        form,
        [
            Rated(respondent="Anna", answers=dict.fromkeys(items, 2)),
            Rated(respondent="Bo", answers=dict.fromkeys(items, 2)),
            Rated(respondent="Cecilia", answers=dict.fromkeys(items, 5)),
        ],
    )
    sv = _words(INSTRUMENTS["redo"].group_verdict(form, group, "sv"))
    en = _words(INSTRUMENTS["redo"].group_verdict(form, group, "en"))
    assert "Gruppens bedömning: ännu inte redo" in sv and "inte överens" in sv
    assert "The group's verdict: not yet ready" in en and "do not agree" in en


def test_riktning_marks_its_threshold_as_the_tools_rule() -> None:
    form = load_form("riktning")
    result = INSTRUMENTS["riktning"].score(
        form, {"forstaelse": False, "insikt": False, "natverk": True}
    )
    assert result.may_not_be_relevant and result.rule_is_the_tools
    assert "verktygets regel" in _words(INSTRUMENTS["riktning"].verdict(form, result, "sv"))
    assert "this tool's rule" in _words(INSTRUMENTS["riktning"].verdict(form, result, "en"))
    assert result.several_no == riktning.SEVERAL_NO


def test_samverkansnivaer_does_not_call_the_top_level_samverkan() -> None:
    form = load_form("samverkansnivaer")
    table = form.item(samverkansnivaer.TABLE)
    for column in (c for c in table.columns if c.options):
        assert [o.value for o in column.options] == list(samverkansnivaer.LEVELS)
        assert all(o.label.sv.casefold() != "samverkan" for o in column.options)
    info = form.item("nivaer_info").text.sv
    # The handbook's disclaimer comes before the levels, and the names are the tool's.
    assert info.index("inte är en officiell svensk översättning") < info.index("Nätverkande")
    assert "verktygets återgivning" in info
    assert "erfarenhet av" in form.item("erfarenhet").label.sv
    result = INSTRUMENTS["samverkansnivaer"].score(form, {"aktorer": [{"aktor": "Polisen"}]})
    for lang, words in (("sv", "verktygets återgivning"), ("en", "this tool's rendering")):
        assert words in _words(INSTRUMENTS["samverkansnivaer"].verdict(form, result, lang))


def test_aktorsanalys_calls_its_map_the_tools_aid_and_lists_hard_to_reach() -> None:
    form = load_form("aktorsanalys")
    result = INSTRUMENTS["aktorsanalys"].score(
        form, {"aktorer": [{"aktor": "Salongen", "svar_att_na": True}]}
    )
    sv = _words(INSTRUMENTS["aktorsanalys"].verdict(form, result, "sv"))
    en = _words(INSTRUMENTS["aktorsanalys"].verdict(form, result, "en"))
    assert "verktygets" in sv and "Salongen" in sv and "nytt grepp" in sv
    assert "this tool's aid" in en and "new approach" in en
    assert aktorsanalys.quadrant(aktorsanalys.MIDDLE, 5) == "hall_informerade"


def test_rekrytering_keeps_should_apart_from_good_to_have() -> None:
    form = load_form("rekrytering")
    row = {"grund_arbetar_med": True, "grund_enhet": True, "grund_delegerad": True}
    result = INSTRUMENTS["rekrytering"].score(
        form,
        {"kandidater": [{**row, "namn": "Anna", "verksamhet": "polis", "med_i_gruppen": True}]},
    )
    assert result.basis == "joined"
    blocks = INSTRUMENTS["rekrytering"].verdict(form, result, "sv")
    headings = [b.text for b in blocks if type(b).__name__ == "Heading"]
    assert any("Bör finnas" in h for h in headings)
    assert any("Kan vara bra att ha med" in h for h in headings)
    tones = {b.text: b.tone for b in blocks if isinstance(b, Note)}
    # A missing "should" is a warning; a missing "good to have" only information.
    assert tones["Lokalpolisområdet bidrar med både strategisk och operativ kompetens"] == "warning"
    assert tones["Någon kan representera perspektiv på barn och unga"] == "info"
    assert set(rekrytering.SHOULD) | set(rekrytering.GOOD_TO_HAVE) == {c.id for c in result.checks}


def test_kartlaggning_group_view_does_not_ask_to_talk_differences_through() -> None:
    from scoring.common import Rated

    form = load_form("kartlaggning")
    group = INSTRUMENTS["kartlaggning"].summarize(
        form,
        [
            Rated(respondent="A", answers={"generell_1": 1, "generell_2": 1}),
            Rated(respondent="B", answers={"generell_1": 5}),
        ],
    )
    assert group.differing == ["generell_1"]
    for lang, talk, rule in (
        ("sv", "prata om det", "räknas inte som 0"),
        ("en", "talk it through", "does not count as 0"),
    ):
        blocks = INSTRUMENTS["kartlaggning"].group_verdict(form, group, lang)
        words = _words(blocks) + " ".join(
            str(c) for b in blocks if hasattr(b, "rows") for r in b.rows for c in r
        )
        assert talk not in words
        assert rule in words


def test_aktorsperspektiv_describes_the_wheel_from_the_handbook() -> None:
    form = load_form("aktorsperspektiv")
    text = form.item("samverkanshjulet").text
    quoted = "kommunen, polisen, näringslivet och den idéburna sektorn kan arbeta tillsammans"
    assert quoted in " ".join(text.sv.split())
    if HANDBOOK.exists():
        assert quoted in " ".join(HANDBOOK.read_text(encoding="utf-8").split())
    assert "collaboration wheel" in text.en
