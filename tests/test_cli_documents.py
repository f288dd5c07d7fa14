"""``stadforstad print``, ``stadforstad report`` and ``stadforstad score --explain``:
documents written whole, coded errors with a non-zero exit and no file on error."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from stadforstad.catalog import load_form
from stadforstad.storage import Actor, Store, make_engine
from tests.helpers.cli import run  # noqa: F401 (the fixture)

REDO = {
    "behov": 3,
    "politisk_vilja": 4,
    "organisatorisk_vilja": 2,
    "deltagarnas_vilja": 5,
    "perioden": 3,
    "tid_resurser": 1,
    "hallbarhet": 4,
}


def _pdf_text(path: Path) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


@pytest.fixture
def municipality(sqlite_url: str):
    """Hörby with Åsa (redo submitted in rounds 1 and 2), Bo (round 1) and Cia (nothing)."""
    store = Store(make_engine(sqlite_url))
    actor = Actor.local()
    workspace = store.create_workspace(actor=actor, name="Hörby")
    form = load_form("redo")
    for name, rounds in (("Åsa", (1, 2)), ("Bo", (1,)), ("Cia", ())):
        person = store.respondent(actor=actor, workspace_id=workspace.id, name=name)
        for round_no in rounds:
            store.submit(
                actor=actor,
                workspace_id=workspace.id,
                respondent_id=person.id,
                form=form,
                answers={**REDO, "behov": round_no + 1},
                round=round_no,
            )
    store.engine.dispose()
    return sqlite_url


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_print_writes_a_blank_form(run, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"redo.{suffix}"
    result = run("print", "redo", "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    if suffix == "pdf":
        text = _pdf_text(out)
    else:
        text = " ".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Blank form" in text and "Political will" in text


def test_report_of_one_respondent_has_the_result_and_the_answers(
    run, municipality, tmp_path: Path
) -> None:
    out = tmp_path / "asa.pdf"
    result = run(
        "report", "Hörby", "redo", "--respondent", "åsa", "--out", str(out), env_url=municipality
    )
    assert result.returncode == 0, result.stderr
    text = _pdf_text(out)
    # The latest round (2): behov 3, total 22.
    assert "Åsa" in text and "omgång 2" in text and "22 / 35" in text and "Redo" in text
    first = tmp_path / "asa1.docx"
    result = run(
        "report",
        "Hörby",
        "redo",
        "--respondent",
        "Åsa",
        "--round",
        "1",
        "--out",
        str(first),
        env_url=municipality,
    )
    assert result.returncode == 0, result.stderr
    cells = [c.text for t in docx.Document(str(first)).tables for r in t.rows for c in r.cells]
    assert "21 / 35" in cells


def test_report_of_the_group(run, municipality, tmp_path: Path) -> None:
    out = tmp_path / "group.pdf"
    result = run(
        "report",
        "Hörby",
        "redo",
        "--group",
        "--round",
        "1",
        "--out",
        str(out),
        env_url=municipality,
    )
    assert result.returncode == 0, result.stderr
    text = _pdf_text(out)
    assert "Gruppens bild" in text and "Åsa" in text and "Bo" in text


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_report_of_a_workshops_product(run, municipality, tmp_path: Path, suffix: str) -> None:
    """The event's flyer from the command line, as the group page offers it."""
    store, actor = Store(make_engine(municipality)), Actor.local()
    group = store.group_respondent(actor=actor, workspace_id=1)
    assert group is not None
    store.submit(
        actor=actor,
        workspace_id=1,
        respondent_id=group.id,
        form=load_form("event"),
        answers={"punkter": ["lokal", "syfte"], "datum": "2026-05-20"},
    )
    store.engine.dispose()
    out = tmp_path / f"flyer.{suffix}"
    result = run(
        "report", "Hörby", "event", "--product", "flyer", "--out", str(out), env_url=municipality
    )
    assert result.returncode == 0, result.stderr
    if suffix == "pdf":
        text = _pdf_text(out)
    else:
        text = " ".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Välkommen till ett nätverks- och utbildningsevent" in text
    assert "Gruppens bild" not in text


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("report", "Ingenstans", "redo"), "STORE_001"),
        (("report", "Hörby", "no_such_form"), "FORM_001"),
        (("report", "Hörby", "redo", "--respondent", "Dan"), "STORE_001"),
        (("report", "Hörby", "redo", "--respondent", "Cia"), "DOC_002"),
        (("report", "Hörby", "redo", "--respondent", "Bo", "--round", "2"), "DOC_002"),
        (("report", "Hörby", "engagemang", "--group"), "DOC_002"),
        (("report", "Hörby", "redo", "--product", "flyer"), "DOC_004"),
        (("print", "no_such_form"), "FORM_001"),
    ],
)
def test_errors_are_coded_and_nothing_is_written(
    run, municipality, tmp_path: Path, args, code: str
) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    out = folder / "out.pdf"
    result = run(*args, "--out", str(out), env_url=municipality)
    assert result.returncode != 0
    assert code in result.stderr and "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


def test_an_unknown_file_type_or_folder_is_refused(run, tmp_path: Path) -> None:
    result = run("print", "redo", "--out", str(tmp_path / "redo.txt"))
    assert result.returncode != 0 and "DOC_001" in result.stderr
    result = run("print", "redo", "--out", str(tmp_path / "saknas" / "redo.pdf"))
    assert result.returncode != 0 and "DOC_003" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_score_explain_prints_the_verdict_as_text(run, tmp_path: Path) -> None:
    path = tmp_path / "redo.csv"
    path.write_text(
        "respondent,behov,politisk_vilja,organisatorisk_vilja,deltagarnas_vilja,perioden,"
        "tid_resurser,hallbarhet\nAnna,3,4,2,5,3,1,4\nBo,1,1,1,1,1,1,1\n",
        encoding="utf-8",
    )
    result = run("score", "redo", str(path), "--explain")
    assert result.returncode == 0, result.stderr
    assert "== rad 2 · Anna ==" in result.stdout and "Totalt: 22 / 35" in result.stdout
    assert "Bedömning: Redo" in result.stdout and "Bedömning: Ännu inte redo" in result.stdout
    assert "Tid, resurser och personal" in result.stdout
    english = run("score", "redo", str(path), "--explain", "--lang", "en")
    assert "Verdict: Not yet ready" in english.stdout


def test_score_explain_shows_the_answers_of_a_form_without_a_scorer(run, tmp_path: Path) -> None:
    item = load_form("staden").answerable()[0]
    path = tmp_path / "staden.csv"
    path.write_text(f"respondent,{item.id}\nAnna,Hamnen och skolorna\n", encoding="utf-8")
    result = run("score", "staden", str(path), "--explain")
    assert result.returncode == 0, result.stderr
    assert "Hamnen och skolorna" in result.stdout
    plain = run("score", "staden", str(path))
    assert plain.returncode != 0 and "FORM_010" in plain.stderr
