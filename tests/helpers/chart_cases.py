"""The assessment forms' golden cases scored, for the chart tests."""

from __future__ import annotations

from pathlib import Path

from scoring.common import Rated
from stadforstad.answers import check_answers
from stadforstad.catalog import load_form
from stadforstad.instruments.registry import INSTRUMENTS

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"


def _result(form_id: str, case: dict):
    form = load_form(form_id)
    partial = case.get("partial", False)
    if "group" in case:
        rated = [
            Rated(
                respondent=m["respondent"],
                answers=check_answers(form, m["answers"], partial=partial, coerce=True),
            )
            for m in case["group"]
        ]
        return form, INSTRUMENTS[form.id].summarize(form, rated), 1
    answers = check_answers(form, case["answers"], partial=partial, coerce=True)
    return form, INSTRUMENTS[form.id].score(form, answers), 0


def comparison_charts(store, lang: str):
    """Every chart of the comparison page ("Jämför") drawn from ``store`` as the page
    draws it: ``(name, chart, width)``, ``width=None`` for ``width="content"``."""
    from stadforstad import compare
    from stadforstad import compare_charts as charts
    from stadforstad.storage import Actor

    admin = Actor.local()
    readiness = compare.readiness_frames(store, actor=admin, lang=lang)
    change = compare.change(store, actor=admin, form_id="redo", lang=lang)
    measure = compare.headline_of(load_form("redo")).label(lang)
    yield "readiness", charts.readiness_chart(readiness.summary, readiness.totals, lang), 450
    yield "heatmap", charts.readiness_heatmap(readiness.items, lang), 450
    yield "change", charts.change_chart(change, measure, lang), 450
    cases = compare.case_handling(store, actor=admin, lang=lang)
    yield "cases", charts.case_handling_chart(cases, lang), 450
    levels = compare.collaboration(store, actor=admin, lang=lang)
    yield "collaboration", charts.collaboration_chart(levels, lang), None
    indicators = compare.indicators(store, actor=admin, lang=lang)
    yield "indicators", charts.indicator_heatmap(indicators, lang), 450
    yield (
        "progress",
        charts.progress_chart(compare.progress(store, actor=admin, lang=lang), lang),
        None,
    )


def compiled_link_answers(lang: str = "sv"):
    """Eight answers to kartlaggning through invitation links from two industries,
    compiled as the compilation page compiles them (groups of three or more shown),
    labelled in ``lang``."""
    import datetime as dt
    import random

    from stadforstad.compilation import compile_answers
    from stadforstad.questionnaire import link_form
    from stadforstad.storage.links import LinkAnswer

    form = link_form("kartlaggning")
    scales = [i.id for i in form.answerable() if i.kind == "scale"]
    rng = random.Random(3)
    answers = [
        LinkAnswer(
            id=n,
            link_id=1,
            link_label="Hotell",
            form_id=form.id,
            workspace_id=1,
            form_version=form.version,
            industry=("Hotell", "Taxi")[n % 2],
            name=None,
            contact=None,
            answers={item: rng.randint(1, 5) for item in scales},
            submitted_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC),
        )
        for n in range(8)
    ]
    return compile_answers(form, answers, min_group=3, lang=lang)
