"""The schema and the scorers are pure: they import neither Streamlit nor SQLAlchemy.
Checked in a fresh interpreter, so another test's imports cannot hide a leak."""

import subprocess
import sys

CHECK = """
import sys, pkgutil, importlib
import scoring, stadforstad.schema, stadforstad.answers, stadforstad.catalog
for module in pkgutil.iter_modules(scoring.__path__):
    importlib.import_module(f"scoring.{module.name}")
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("streamlit", "sqlalchemy"))
print(",".join(leaked))
"""


def test_scoring_and_schema_import_neither_streamlit_nor_sqlalchemy() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"leaked imports: {out.stdout.strip()}"
