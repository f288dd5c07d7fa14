"""Benchmark: the `aktorsanalys` form page with 20 actors and its result, rerun, against
a bare Streamlit script with the same widgets and chart.

Run: ``uv run python bench/aktorsanalys_page.py [--reruns 30] [--warmup 5] [--profile]``

Everything happens in one process and one run, on a throw-away SQLite database, in the
single-user mode (``STADFORSTAD_AUTH=none``, set here: sign-in is on by default):

* **page + result** – ``pages/form.py`` (it draws its own sidebar) with the form
  `aktorsanalys` chosen (``?form=aktorsanalys``) for a member who has submitted it with
  20 actors: the form's grid (``st.data_editor``, 20 rows, 9 columns), the result's
  metrics, lists and tables, the influence × support map and the document buttons;
* **bare + result** – ``bench/bare_aktorsanalys.py``: the same elements drawn the plain
  way, with literal labels; its data (the rows, the result's figures, the chart's
  Vega-Lite spec) read once from a file made here from the same answers;
* **empty** – a script that only imports Streamlit: what ``AppTest`` itself costs.

The benchmark checks that it times the intended page (the title "Fyll i formulär", the
form chosen, the grid's 20 rows, the metrics 20 / 20 / 4, one chart, and the same
element counts as the bare script). After the warm-up the variants are rerun in
rounds, each in a fresh random order; the ratio is of CPU-time medians (the machine is
shared, wall time measures the neighbours as much as the code).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.page_timing import interleaved, profile  # noqa: E402

TARGET = 1.2
os.environ["STADFORSTAD_AUTH"] = "none"
FORM_ID = "aktorsanalys"
ROWS = 20
#: Element kinds whose counts must be the same in the page and the bare script.
COUNTED = (
    "title",
    "header",
    "subheader",
    "selectbox",
    "radio",
    "number_input",
    "button",
    "metric",
    "dataframe",
    "vega_lite_chart",
    "expander",
    "download_button",
    "info",
    "text",
    "divider",
)


def answers() -> dict:
    """20 actors, every column filled, spread over the map; every fourth hard to reach."""
    return {
        "aktorer": [
            {
                "aktor": f"Aktör {n}",
                "paverkansgrad": (n % 5) + 1,
                "stod": (n * 3 % 5) + 1,
                "anledning": "Stödet bygger på ett gott samarbete sedan tidigare.",
                "insats": "Möte med ledningen i vår.",
                "resultat": "Bättre kontakt.",
                "kontaktperson": f"Kontakt {n}",
                "kommentar": "Följ upp efter sommaren.",
                **({"svar_att_na": True} if n % 4 == 1 else {}),
            }
            for n in range(1, ROWS + 1)
        ]
    }


def setup_database() -> int:
    """A workspace whose member Anna has submitted the form. Returns her id."""
    from stadforstad.catalog import load_form
    from stadforstad.settings import get_settings
    from stadforstad.storage import Actor, Store, make_engine

    store, actor = Store(make_engine(get_settings().database_url)), Actor.local()
    workspace = store.create_workspace(actor=actor, name="Landskrona")
    anna = store.respondent(actor=actor, workspace_id=workspace.id, name="Anna")
    store.submit(
        actor=actor,
        workspace_id=workspace.id,
        respondent_id=anna.id,
        form=load_form(FORM_ID),
        answers=answers(),
    )
    store.engine.dispose()
    return anna.id


def write_bare_data(folder: Path) -> None:
    """What the bare script draws, made once from the same answers, as plain data."""
    from stadforstad.catalog import load_form
    from stadforstad.instruments.aktorsanalys import AKTORSANALYS, _per_quadrant, chart_text
    from stadforstad.instruments.answers_view import answer_blocks
    from stadforstad.instruments.blocks import Answers
    from stadforstad.ui.blocks import table_frame

    form, given = load_form(FORM_ID), answers()
    result = AKTORSANALYS.score(form, given)
    chart = AKTORSANALYS.charts[0].block(form, result, "sv").build()
    filled = answer_blocks(form, given, "sv")
    assert isinstance(filled, Answers)
    table = filled.sections[0].answers[0].table
    assert table is not None

    def frame(block) -> dict:
        return table_frame(block, "sv").to_dict("list")

    data = {
        "rows": given["aktorer"],
        "metrics": [
            ["Aktörer", str(len(result.actors))],
            ["På kartan", str(len(result.ranking))],
            ["Satsa mer", str(len(result.invest))],
        ],
        "invest": result.invest,
        "hard_to_reach": result.hard_to_reach,
        "quadrants": frame(_per_quadrant(result.quadrants, "sv")),
        "places": frame(chart_text(form, result, "sv")),
        "answers": frame(table),
        "chart": chart.to_dict(),
    }
    path = folder / "bare.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    os.environ["BARE_AKTORSANALYS"] = str(path)


def elements(at) -> Counter:
    counts: Counter = Counter()

    def walk(node) -> None:
        children = getattr(node, "children", None)
        for child in children.values() if isinstance(children, dict) else ():
            counts[child.type] += 1
            walk(child)

    walk(at._tree)
    return Counter({kind: counts[kind] for kind in COUNTED})


def make_apps(anna: int) -> dict:
    from streamlit.testing.v1 import AppTest

    page = AppTest.from_file(str(ROOT / "pages" / "form.py"), default_timeout=120)
    page.session_state["form_page.respondent"] = anna
    page.query_params["form"] = FORM_ID
    return {
        "page + result": page,
        "bare + result": AppTest.from_file(
            str(ROOT / "bench" / "bare_aktorsanalys.py"), default_timeout=120
        ),
        "empty": AppTest.from_string("import streamlit as st\n", default_timeout=120),
    }


def check(apps: dict) -> None:
    """The variants show what they claim to (else the comparison means nothing)."""
    for name, at in apps.items():
        if at.exception:
            sys.exit(f"{name}: the script raised: {at.exception[0].message}")
    page, bare = apps["page + result"], apps["bare + result"]
    assert [t.value for t in page.title] == ["Fyll i formulär"], page.title
    assert page.selectbox(key="form_page.form").value == FORM_ID
    assert [h.value for h in page.header] == ["Analys av samverkansaktörer"], page.header
    grid = page.dataframe[0].value
    assert len(grid) == ROWS and list(grid["aktor"])[:2] == ["Aktör 1", "Aktör 2"], grid
    assert [m.value for m in page.metric] == ["20", "20", "4"], page.metric
    assert len(page.get("vega_lite_chart")) == 1
    assert elements(page) == elements(bare), (elements(page), elements(bare))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reruns", type=int, default=30, help="timed reruns per variant")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-aktorsanalys-") as tmp:
        os.environ["STADFORSTAD_DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        anna = setup_database()
        write_bare_data(Path(tmp))
        apps = make_apps(anna)
        for _ in range(max(args.warmup, 1)):
            for at in apps.values():
                at.run()
        check(apps)
        times, cpu = interleaved(apps, args.reruns, args.seed)
        check(apps)

        import streamlit

        print(
            f"aktorsanalys page rerun benchmark ({ROWS} rows + result) · Python "
            f"{platform.python_version()} · Streamlit {streamlit.__version__} · "
            f"{os.cpu_count()} CPUs · load {os.getloadavg()[0]:.1f} · {args.reruns} reruns "
            f"each after {args.warmup} warm-up runs, interleaved"
        )
        print(f"elements (page = bare): {dict(elements(apps['page + result']))}")
        print(f"\n{'variant':<16}{'median':>10}{'min':>10}{'CPU median':>12}")
        for name, values in times.items():
            print(
                f"{name:<16}{statistics.median(values) * 1000:>8.1f}ms"
                f"{min(values) * 1000:>8.1f}ms{statistics.median(cpu[name]) * 1000:>10.1f}ms"
            )
        wall = statistics.median(times["page + result"]) / statistics.median(times["bare + result"])
        ratio = statistics.median(cpu["page + result"]) / statistics.median(cpu["bare + result"])
        print(
            f"\nratio page + result / bare + result (medians): wall {wall:.2f}x; CPU time "
            f"{ratio:.2f}x ({'within' if ratio <= TARGET else 'ABOVE'} the {TARGET}x target)"
        )
        if args.profile:
            profile(apps["page + result"], args.reruns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
