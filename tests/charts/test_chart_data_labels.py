"""Charts and tables name their data in the reader's language (issue 15.2).

``test_chart_language`` checks the words a chart says about its data (titles, axes,
legends, tooltips); this checks the data's own labels: the questions of ``redo``, the
categories of ``kartlaggning``, the forms of the steps, the levels of collaboration and
the notes beside a figure, as the comparison's frames hold them and as the charts carry
them (the values in ``chart.to_dict()``'s data, which Vega shows on the axes, in the
legends and as text marks). Drawn from the demo county and from answers through links,
in English they are the forms' English texts; in Swedish the forms' Swedish texts, as
before.
"""

from __future__ import annotations

from typing import Any

import pytest

from stadforstad.catalog import load_form
from stadforstad.charts.common import wrap_label
from stadforstad.schema import Form
from tests.helpers.chart_cases import comparison_charts, compiled_link_answers


def chart_values(chart: Any, field: str) -> set[str]:
    """Every text value of ``field`` in the data a chart carries."""
    spec = chart.to_dict()
    rows = [row for values in spec.get("datasets", {}).values() for row in values]
    rows += spec.get("data", {}).get("values", []) if isinstance(spec.get("data"), dict) else []
    return {row[field] for row in rows if isinstance(row.get(field), str)}


def scale_labels(form: Form, lang: str) -> set[str]:
    return {i.label.get(lang) for i in form.answerable() if i.kind == "scale"}


def category_titles(form: Form, lang: str) -> set[str]:
    return {
        s.title.get(lang)
        for s in form.sections
        if s.title and any(i.kind == "scale" for i in s.items)
    }


def level_labels(form: Form, lang: str) -> set[str]:
    return {
        option.label.get(lang)
        for item in form.answerable()
        for column in getattr(item, "columns", None) or []
        for option in column.options or []
    }


def step_titles(lang: str) -> set[str]:
    from stadforstad.compare import step_forms

    return {f.title.get(lang) for f in step_forms()}


NOTES = {"sv": {"", "1 svar"}, "en": {"", "1 response"}}


@pytest.fixture(scope="module")
def drawn(demo_county) -> dict[str, dict[str, Any]]:
    charts: dict[str, dict[str, Any]] = {}
    for lang in ("sv", "en"):
        for name, chart, _width in comparison_charts(demo_county, lang):
            charts.setdefault(lang, {})[name] = chart
    return charts


def test_the_forms_texts_differ_between_the_languages() -> None:
    """Else the checks below could not tell the languages apart."""
    for sv, en in [
        (scale_labels(load_form("redo"), "sv"), scale_labels(load_form("redo"), "en")),
        (
            category_titles(load_form("kartlaggning"), "sv"),
            category_titles(load_form("kartlaggning"), "en"),
        ),
        (
            level_labels(load_form("samverkansnivaer"), "sv"),
            level_labels(load_form("samverkansnivaer"), "en"),
        ),
    ]:
        assert sv and en and not sv & en
    # a few titles are alike ("SWOT"); the others differ
    assert len(step_titles("sv") - step_titles("en")) > 20


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_comparison_charts_carry_the_forms_texts(drawn, lang) -> None:
    charts = drawn[lang]
    assert chart_values(charts["heatmap"], "item_label") == scale_labels(load_form("redo"), lang)
    assert chart_values(charts["indicators"], "category_label") == category_titles(
        load_form("kartlaggning"), lang
    )
    assert chart_values(charts["progress"], "form_title") == step_titles(lang)
    levels = chart_values(charts["collaboration"], "level_label")
    assert levels and levels <= level_labels(load_form("samverkansnivaer"), lang)
    # Mossby has one respondent: its median is marked with the note
    assert chart_values(charts["readiness"], "label") == NOTES[lang]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_comparison_frames_hold_the_forms_texts(demo_county, lang) -> None:
    from stadforstad import compare
    from stadforstad.storage import Actor

    admin = Actor.local()
    frame = compare.frame_for(demo_county, actor=admin, form_id="kartlaggning", lang=lang)
    assert set(frame["category_label"]) == category_titles(load_form("kartlaggning"), lang)
    frame = compare.frame_for(demo_county, actor=admin, form_id="progress", lang=lang)
    assert set(frame["form_title"]) == step_titles(lang)
    frame = compare.frame_for(demo_county, actor=admin, form_id="samverkansnivaer", lang=lang)
    assert set(frame["level_label"]) <= level_labels(load_form("samverkansnivaer"), lang)
    frame = compare.frame_for(demo_county, actor=admin, form_id="redo", lang=lang)
    assert set(frame["note"]) == NOTES[lang]
    frames = compare.readiness_frames(demo_county, actor=admin, lang=lang)
    assert set(frames.items["item_label"]) == scale_labels(load_form("redo"), lang)
    assert set(frames.summary["note"]) == NOTES[lang]
    headline = compare.headline_of(load_form("redo"))
    for frame in (
        compare.change(demo_county, actor=admin, form_id="redo", lang=lang),
        compare.scores(demo_county, actor=admin, form_id="redo", lang=lang),
    ):
        assert set(frame["measure"]) == {headline.label(lang)}
    one_round = {"sv": "en omgång", "en": "one round"}[lang]
    change = compare.change(demo_county, actor=admin, form_id="redo", lang=lang)
    assert one_round in set(change["note"])  # Åkerby and Västerå measured once
    assert set(change["note"]) <= NOTES[lang] | {one_round}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_compilation_charts_carry_the_forms_texts(lang) -> None:
    from stadforstad.compilation import compilation_table, count_text, export_word
    from stadforstad.compilation_charts import distribution_chart, heatmap_chart

    compiled = compiled_link_answers(lang)
    form = load_form("kartlaggning")
    categories = category_titles(form, lang)
    assert {c.label for c in compiled.categories} == categories
    assert set(compiled.heatmap["kategori"]) == categories
    assert set(compiled.distribution["indikator"]) == scale_labels(form, lang)
    assert chart_values(heatmap_chart(compiled, lang), "kategori") == categories
    chart = distribution_chart(compiled, lang)
    assert chart_values(chart, "kategori") == categories
    assert chart_values(chart, "indikator") == {wrap_label(t) for t in scale_labels(form, lang)}
    # the export's table: a column per category, and the row for all industries
    table = compilation_table(compiled)
    assert set(table.columns[1:-1]) == categories
    assert (
        table[export_word("bransch", lang)].iloc[-1]
        == {"sv": "Alla branscher", "en": "All industries"}[lang]
    )
    assert count_text(None, lang) == {"sv": "färre än 3", "en": "fewer than 3"}[lang]
