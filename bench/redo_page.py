"""Benchmark: the `redo` page's rerun time against a bare Streamlit script.

Run: ``uv run python bench/redo_page.py [--reruns 30] [--warmup 5] [--profile]``

Everything happens in one process and one run, on a throw-away SQLite database:

* **page + result** – ``pages/form.py`` (it draws its own sidebar, so it runs without
  ``app.py``) for a member who has submitted `redo`: the form, the verdict, the metrics,
  the chart, the read-only answers and the document buttons;
* **bare + result** – ``bench/bare_redo.py`` with the same elements drawn the plain way:
  literal labels, the chart from its Vega-Lite spec (read once, ``st.cache_resource``);
* **page, form only** – the same page for a member with nothing saved yet;
* **bare** – ``bench/bare_redo.py``: the same widgets (sidebar radio and selectbox, the
  two pickers and the round, 7 scale radios with the same options, 7 comment text areas,
  the number and date inputs, one ``st.form`` with two submit buttons, the blank form's
  two download buttons) with literal labels and nothing else;
* **empty** – a script that only imports Streamlit: what ``AppTest`` itself costs per
  rerun, shown so the ratios can also be read with that floor taken off.

After the warm-up the variants are rerun in rounds, each round in a fresh random
order, so machine noise falls on all of them alike. Times are wall-clock per
``AppTest.run()`` (script run plus AppTest's parsing of the output).

``--profile`` runs the script thread of "page + result" under cProfile and prints the
most expensive calls.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.page_timing import interleaved, profile, timed_run  # noqa: E402

TARGET = 1.2
#: Sign-in is on by default; this benchmark times the form page itself, so it runs in
#: the single-user mode (everyone is the local administrator) and checks it got there.
os.environ["STADFORSTAD_AUTH"] = "none"

ANSWERS = {
    "behov": 3,
    "politisk_vilja": 4,
    "organisatorisk_vilja": 2,
    "deltagarnas_vilja": 5,
    "perioden": 3,
    "tid_resurser": 1,
    "hallbarhet": 4,
    "period_manader": 12,
    "period_start": "2026-01-15",
    "behov_comment": "Behovet är kartlagt.",
    "tid_resurser_comment": "Mandat saknas ännu.",
}


def setup_database(folder: Path) -> tuple[int, int]:
    """A workspace with two members; the first has submitted `redo`. Returns their ids."""
    from stadforstad.catalog import load_form
    from stadforstad.settings import get_settings
    from stadforstad.storage import Actor, Store, make_engine

    store, actor = Store(make_engine(get_settings().database_url)), Actor.local()
    workspace = store.create_workspace(actor=actor, name="Landskrona")
    anna = store.respondent(actor=actor, workspace_id=workspace.id, name="Anna")
    bertil = store.respondent(actor=actor, workspace_id=workspace.id, name="Bertil")
    store.submit(
        actor=actor,
        workspace_id=workspace.id,
        respondent_id=anna.id,
        form=load_form("redo"),
        answers=ANSWERS,
    )
    store.engine.dispose()
    return anna.id, bertil.id


def widgets(at) -> dict[str, int]:
    return {
        "radio": len(at.radio),
        "selectbox": len(at.selectbox),
        "text_area": len(at.text_area),
        "number_input": len(at.number_input),
        "date_input": len(at.date_input),
        "button": len(at.button),
        "metric": len(at.metric),
        "chart": len(at.get("vega_lite_chart")),
        "download_button": len(at.get("download_button")),
        "expander": len(at.expander),
    }


def write_chart_spec(folder: Path) -> None:
    """The result's chart as a Vega-Lite spec file, for the bare script."""
    import json

    from scoring import redo
    from stadforstad.catalog import load_form
    from stadforstad.instruments.redo import REDO

    form = load_form("redo")
    block = REDO.charts[0].block(form, redo.score(form, ANSWERS), "sv")
    path = folder / "chart.json"
    path.write_text(json.dumps(block.build().to_dict()), encoding="utf-8")
    os.environ["BARE_CHART_SPEC"] = str(path)


def make_apps(anna: int, bertil: int) -> dict:
    from streamlit.testing.v1 import AppTest

    page = str(ROOT / "pages" / "form.py")
    bare = str(ROOT / "bench" / "bare_redo.py")
    apps = {
        "page + result": AppTest.from_file(page, default_timeout=120),
        "bare + result": AppTest.from_file(bare, default_timeout=120),
        "page, form only": AppTest.from_file(page, default_timeout=120),
        "bare": AppTest.from_file(bare, default_timeout=120),
        "empty": AppTest.from_string("import streamlit as st\n", default_timeout=120),
    }
    apps["page + result"].session_state["form_page.respondent"] = anna
    apps["page, form only"].session_state["form_page.respondent"] = bertil
    apps["bare + result"].session_state["with_result"] = True
    return apps


def check(apps: dict) -> None:
    """The variants show what they claim to (else the comparison means nothing)."""
    for name, at in apps.items():
        if at.exception:
            sys.exit(f"{name}: the script raised: {at.exception[0].message}")
    result, alone = apps["page + result"], apps["page, form only"]
    for at in (result, alone):  # the form page itself, not the sign-in screen
        assert [t.value for t in at.title] == ["Fyll i formulär"], at.title
        assert at.selectbox(key="form_page.form").value == "redo"
    assert [m.value for m in result.metric][:2] == ["22 / 35", "Redo"], result.metric
    assert len(result.get("vega_lite_chart")) == 1
    assert not alone.metric and not alone.get("vega_lite_chart")
    for ours, bare in ((alone, apps["bare"]), (result, apps["bare + result"])):
        assert widgets(ours) == widgets(bare), (widgets(ours), widgets(bare))


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reruns", type=int, default=30, help="timed reruns per variant")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-redo-") as tmp:
        os.environ["STADFORSTAD_DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        anna, bertil = setup_database(Path(tmp))
        write_chart_spec(Path(tmp))
        apps = make_apps(anna, bertil)
        first = {name: timed_run(at) for name, at in apps.items()}
        check(apps)
        for _ in range(args.warmup - 1):
            for at in apps.values():
                at.run()
        check(apps)

        times, cpu = interleaved(apps, args.reruns, args.seed)
        check(apps)

        import platform

        import streamlit

        print(
            f"redo page rerun benchmark · Python {platform.python_version()} · "
            f"Streamlit {streamlit.__version__} · {os.cpu_count()} CPUs · "
            f"{args.reruns} reruns each after {args.warmup} warm-up runs, interleaved"
        )
        print(f"widgets, form only:   {widgets(apps['page, form only'])}")
        print(f"widgets, with result: {widgets(apps['page + result'])}")
        print(
            f"\n{'variant':<18}{'first run':>11}{'median':>10}{'p90':>10}{'min':>10}"
            f"{'CPU median':>12}"
        )
        for name, values in times.items():
            print(
                f"{name:<18}{first[name] * 1000:>9.1f}ms{statistics.median(values) * 1000:>8.1f}ms"
                f"{p90(values) * 1000:>8.1f}ms{min(values) * 1000:>8.1f}ms"
                f"{statistics.median(cpu[name]) * 1000:>10.1f}ms"
            )
        floor = statistics.median(times["empty"])
        print()
        for name, reference in (("page, form only", "bare"), ("page + result", "bare + result")):
            ours, bare = statistics.median(times[name]), statistics.median(times[reference])
            ratio, net = ours / bare, (ours - floor) / (bare - floor)
            cpu_ratio = statistics.median(cpu[name]) / statistics.median(cpu[reference])
            verdict = "within" if cpu_ratio <= TARGET else "ABOVE"
            print(
                f"ratio {name!r} / {reference!r} (medians): wall {ratio:.2f}x; without "
                f"AppTest's own floor: {net:.2f}x; CPU time: {cpu_ratio:.2f}x ({verdict} the "
                f"{TARGET}x target)"
            )
        if args.profile:
            profile(apps["page + result"], args.reruns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
