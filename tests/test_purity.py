"""The schema, the scorers, the instruments, the documents and the charts are pure:
they import neither Streamlit nor SQLAlchemy. Checked in a fresh interpreter, so another test's
imports cannot hide a leak."""

import os
import subprocess
import sys
from pathlib import Path

import stadforstad

CHECK = """
import sys, pkgutil, importlib
import scoring, stadforstad.schema, stadforstad.answers, stadforstad.catalog
import stadforstad.instruments, stadforstad.documents, stadforstad.charts
import stadforstad.compare_charts, stadforstad.compilation_charts
for package in (scoring, stadforstad.instruments, stadforstad.documents, stadforstad.charts):
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
from stadforstad.instruments.registry import INSTRUMENTS
for instrument in INSTRUMENTS.values():  # chart functions are imported when drawn
    for charted in (*instrument.charts, *instrument.group_charts):
        charted.ref.load()
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("streamlit", "sqlalchemy"))
print(",".join(leaked))
"""

#: Every chart module: the ``charts`` package and the ``*_charts`` modules beside it,
#: found on disk so a new one is covered without editing this list.
PACKAGE = Path(stadforstad.__file__).parent
CHART_MODULES = sorted(
    [
        "stadforstad.charts" if p.stem == "__init__" else f"stadforstad.charts.{p.stem}"
        for p in (PACKAGE / "charts").glob("*.py")
    ]
    + [f"stadforstad.{p.stem}" for p in PACKAGE.glob("*_charts.py")]
)

CHARTS_CHECK = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy")))
"""


def test_scoring_instruments_documents_and_charts_import_neither_streamlit_nor_sqlalchemy() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"leaked imports: {out.stdout.strip()}"


def test_chart_modules_and_the_compilation_reach_no_database() -> None:
    # The compilation is what the compilation charts draw: importing it must not pull
    # in SQLAlchemy either (it once did, through the questionnaire and storage.links).
    assert {"stadforstad.compare_charts", "stadforstad.compilation_charts"} <= set(CHART_MODULES)
    assert "stadforstad.charts.common" in CHART_MODULES
    modules = [*CHART_MODULES, "stadforstad.compilation"]
    out = subprocess.run(
        [sys.executable, "-c", CHARTS_CHECK, *modules], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"SQLAlchemy modules loaded: {out.stdout.strip()[:300]}"


START_PAGE = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=120)
at.run()
assert not at.exception, at.exception
print(sorted(m for m in ("pandas", "altair", "alembic") if m in sys.modules))
"""


def test_the_start_page_imports_no_pandas_altair_or_alembic(tmp_path) -> None:
    """A first visit starts sooner when the start page loads only what it draws: pandas
    is imported when a table is drawn, altair when a chart is, alembic only when the
    database needs a migration (docs/benchmarks.md, cold start)."""
    from tests.helpers import ROOT

    env = {
        **os.environ,
        "STADFORSTAD_DATABASE_URL": f"sqlite:///{tmp_path / 'start.sqlite'}",
        "STADFORSTAD_AUTH": "none",
    }
    first = subprocess.run(
        [sys.executable, "-c", START_PAGE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    again = subprocess.run(
        [sys.executable, "-c", START_PAGE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().splitlines()[-1] == "[]"
