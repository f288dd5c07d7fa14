"""The schema, the scorers, the instruments, the documents and the charts are pure:
they import neither Streamlit nor SQLAlchemy. Checked in a fresh interpreter, so another test's
imports cannot hide a leak."""

import subprocess
import sys

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


def test_scoring_instruments_documents_and_charts_import_neither_streamlit_nor_sqlalchemy() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"leaked imports: {out.stdout.strip()}"
