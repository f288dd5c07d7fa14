"""The views over the step 2, 3 and 7 assessments, on hand-computed data. Each test is
skipped while its form is not in the catalogue with a scorer in the registry (the
forms come from the assessments branch)."""

from __future__ import annotations

import pytest

from stadforstad import compare
from stadforstad.catalog import load_form


def needs(form_id: str):
    return pytest.mark.skipif(
        not compare.available(form_id), reason=f"the form {form_id!r} is not on this branch yet"
    )


@pytest.fixture
def places(store, admin):
    return {name: store.create_workspace(actor=admin, name=name).id for name in ("Alby", "Bergå")}


@needs("utvecklingsnivaer")
def test_case_handling(store, admin, places):
    # Alby: today 2 and 3 (median and mean 2.5), wished 4 and 4, gaps 2 and 1 (mean 1.5).
    form = load_form("utvecklingsnivaer")
    store.submit_many(
        actor=admin,
        workspace_id=places["Alby"],
        form=form,
        rows=[
            ("Ada", {"niva_idag": 2, "niva_onskad": 4}),
            ("Bo", {"niva_idag": 3, "niva_onskad": 4}),
        ],
    )
    store.submit_many(
        actor=admin,
        workspace_id=places["Bergå"],
        form=form,
        rows=[("Dan", {"niva_idag": 1, "niva_onskad": 3})],
    )
    frame = compare.case_handling(store, actor=admin).set_index("workspace")
    alby = frame.loc["Alby"]
    assert (alby["today_median"], alby["today_mean"], alby["wished_median"], alby["gap_mean"]) == (
        2.5,
        2.5,
        4.0,
        1.5,
    )
    assert frame.loc["Bergå", "note"] == "1 svar"


@needs("samverkansnivaer")
def test_collaboration_counts_each_actor_once(store, admin, places):
    # Polisen: both say samordning today, samverkan wished. Skolan: nätverkande and
    # ingen kontakt today (a tie: the lower level counts), samarbete wished.
    form = load_form("samverkansnivaer")

    def row(actor, today, wished):
        return {"aktor": actor, "niva_idag": today, "niva_onskad": wished}

    store.submit_many(
        actor=admin,
        workspace_id=places["Alby"],
        form=form,
        rows=[
            (
                "Ada",
                {
                    "aktorer": [
                        row("Polisen", "samordning", "samverkan"),
                        row("Skolan", "natverkande", "samarbete"),
                    ]
                },
            ),
            (
                "Bo",
                {
                    "aktorer": [
                        row("polisen", "samordning", "samverkan"),
                        row("Skolan", "ingen_kontakt", "samarbete"),
                    ]
                },
            ),
        ],
    )
    frame = compare.collaboration(store, actor=admin)
    alby = frame[(frame["workspace"] == "Alby") & (frame["count"] > 0)]
    assert sorted(map(tuple, alby[["when", "level", "count"]].values.tolist())) == [
        ("today", "ingen_kontakt", 1),
        ("today", "samordning", 1),
        ("wished", "samarbete", 1),
        ("wished", "samverkan", 1),
    ]
    assert set(frame[frame["workspace"] == "Alby"]["actors"]) == {2}
    assert "Bergå" not in set(frame["workspace"])


@needs("kartlaggning")
def test_indicator_grid(store, admin, places):
    # Alby: Ada generell 2 and 4 (mean 3), sexuell 5 only; Bo generell 4 and 4 (mean 4).
    # Generell: mean of 3 and 4 = 3.5 over 2; sexuell: 5 from one respondent.
    form = load_form("kartlaggning")
    store.submit_many(
        actor=admin,
        workspace_id=places["Alby"],
        form=form,
        rows=[
            ("Ada", {"aktor": "Hotell Ada", "generell_1": 2, "generell_2": 4, "sexuell_1": 5}),
            ("Bo", {"aktor": "Taxi Bo", "generell_1": 4, "generell_2": 4}),
        ],
    )
    frame = compare.indicators(store, actor=admin).set_index(["workspace", "category"])
    generell = frame.loc[("Alby", "generell")]
    assert (generell["mean"], generell["n"], generell["spread"]) == (3.5, 2, 1.0)
    sexuell = frame.loc[("Alby", "sexuell")]
    assert (sexuell["mean"], sexuell["n"], sexuell["note"]) == (5.0, 1, "1 svar")
    assert frame.loc[("Alby", "hushall"), "n"] == 0


def test_indicator_grid_counts_the_industries_answers_through_links(store, admin, places) -> None:
    # Alby: one core-group answer (generell 2 and 2, mean 2) and two answers through a
    # hotel link (generell 4/4 and 5/5: means 4 and 5): generell = (2 + 4 + 5) / 3.
    from stadforstad.storage.links import LinkStore

    form = load_form("kartlaggning")
    store.submit_many(
        actor=admin,
        workspace_id=places["Alby"],
        form=form,
        rows=[("Ada", {"aktor": "Socialtjänsten", "generell_1": 2, "generell_2": 2})],
    )
    links = LinkStore(store)
    created = links.create_link(actor=admin, workspace_id=places["Alby"], form=form, label="Hotell")
    for n, value in enumerate((4, 5)):
        respondent, _info = links.open_link(created.token)
        links.submit(
            actor=respondent,
            resume=f"resume-{n}",
            submission_key=f"key-{n}",
            form=form,
            answers={"aktor": "Hotell", "generell_1": value, "generell_2": value},
        )
    frame = compare.indicators(store, actor=admin).set_index(["workspace", "category"])
    generell = frame.loc[("Alby", "generell")]
    assert generell["mean"] == pytest.approx(11 / 3, abs=0.005)  # means are shown to 2 decimals
    assert (generell["n"], generell["respondents"], generell["link_answers"]) == (3, 3, 2)
