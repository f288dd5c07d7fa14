"""Files of responses into ``score`` and ``import``: what Swedish Excel writes, ragged
rows, huge numbers, long names, limits – and a fuzz test with generated malformed files
(hypothesis): a coded error or a clean result, never a traceback, and nothing stored
from a refused file. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from stadforstad import cli, limits
from stadforstad.cli import responses as cli_responses
from stadforstad.cli.shell import EXIT_BAD_INPUT, EXIT_BAD_ROWS
from stadforstad.errors import ResponseFileError, place_text
from stadforstad.storage import Actor, Store
from stadforstad.storage.tables import Respondent, Revision

ITEMS = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]
CODED = re.compile(r"\[[A-Z]+_\d{3}\]")


@pytest.fixture
def cli_store(store, monkeypatch):
    """The command line acting on the test's database (SQLite file or PostgreSQL)."""
    store.create_workspace(actor=Actor.local(), name="Alby")
    monkeypatch.setattr(cli_responses, "open_store", lambda: store)
    return store


def counts(store: Store) -> tuple[int, int]:
    with store.read_session() as session:
        return (
            session.scalar(select(func.count(Revision.id))),
            session.scalar(select(func.count(Respondent.id))),
        )


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def only_coded(err: str) -> bool:
    """Every line printed is coded (or the closing sentence), and printable: a file's
    control characters never reach the terminal."""
    lines = [line for line in err.split("\n") if line.strip()]
    return all(
        line.isprintable() and (CODED.search(line) or line.startswith("Nothing was stored"))
        for line in lines
    )


# -- what Swedish Excel writes -------------------------------------------------------------
def test_a_csv_saved_by_swedish_excel_in_windows_1252_is_read(cli_store, tmp_path, capsys):
    path = tmp_path / "redo.csv"
    lines = ["respondent;" + ";".join(ITEMS), "Åsa Öberg;3;3;3;3;3;3;3", "Bo Ärlig;4;4;4;4;4;4;4"]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    code, out, err = run(capsys, "score", "redo", str(path))
    assert code == 0, err
    assert [r["respondent"] for r in json.loads(out)] == ["Åsa Öberg", "Bo Ärlig"]
    code, out, err = run(capsys, "import", "Alby", "redo", str(path))
    assert code == 0, err
    people = cli_store.list_respondents(actor=Actor.local(), workspace_id=1)
    assert sorted(p.name for p in people) == ["Bo Ärlig", "Åsa Öberg"]


def test_utf16_from_excels_unicode_text_is_read(cli_store, tmp_path, capsys):
    path = tmp_path / "redo.csv"
    lines = ["respondent\t" + "\t".join(ITEMS), "Åke\t3\t3\t3\t3\t3\t3\t3"]
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    code, out, err = run(capsys, "score", "redo", str(path))
    assert code == 0, err
    assert json.loads(out)[0]["respondent"] == "Åke"


def test_bytes_in_no_encoding_are_refused_with_a_code(cli_store, tmp_path, capsys):
    path = tmp_path / "redo.csv"
    path.write_bytes(b"respondent;behov\r\nA\x81\x8d;3\r\n")  # undefined in Windows-1252
    code, _out, err = run(capsys, "import", "Alby", "redo", str(path))
    assert code != 0 and "[INPUT_001] byte" in err
    assert counts(cli_store) == (0, 0)


# -- ragged rows ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "fields"),
    [("Cia;3;3;3", 4), ("3;Dan;3;3;3;3;3;3;3", 9)],
    ids=["too-few-fields", "one-field-too-many"],
)
def test_ragged_rows_are_refused_by_number_and_nothing_is_stored(
    cli_store, tmp_path, capsys, row, fields
):
    path = tmp_path / "redo.csv"
    lines = ["respondent;" + ";".join(ITEMS), "Ada;3;3;3;3;3;3;3", row, "Bo;2;2;2;2;2;2;2"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", "Alby", "redo", str(path))
    assert code == EXIT_BAD_ROWS
    assert f"[INPUT_002] row 3: raden har {fields} fält men rubrikraden har 8" in err
    assert counts(cli_store) == (0, 0)  # not one row dropped, none stored under "3"


def test_empty_fields_after_the_last_column_are_harmless(cli_store, tmp_path, capsys):
    path = tmp_path / "redo.csv"
    lines = ["respondent;" + ";".join(ITEMS), "Ada;3;3;3;3;3;3;3;;"]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert run(capsys, "import", "Alby", "redo", str(path))[0] == 0


# -- numbers, names, limits -------------------------------------------------------------------
def test_huge_numbers_and_long_names_are_coded(cli_store, tmp_path, capsys):
    rows = [
        {"respondent": "Ada", "antal": 10**30},
        {"respondent": "B" * (limits.NAME_LENGTH + 1), "antal": 2},
    ]
    path = tmp_path / "tal.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    # A form with an unbounded number, written for this test.
    from stadforstad.catalog import parse_form
    from stadforstad.responses_io import read_rows

    form = parse_form(
        "id: tal\nversion: 1\nstep: 0\ntitle: {sv: Tal}\nsource: {heading: T}\n"
        "sections:\n  - id: s\n    items:\n"
        "      - {kind: number, id: antal, label: {sv: Antal}}\n"
    )
    with pytest.raises(ResponseFileError) as caught:
        read_rows(form, path)
    assert caught.value.codes == ["INPUT_005", "INPUT_006"]
    assert [place_text(p) for p in caught.value.problems] == [
        "row 1, column antal",
        "row 2, column respondent",
    ]
    assert (caught.value.problems[0].item, caught.value.problems[0].file_row) == ("antal", 1)


def test_a_huge_round_is_refused_by_the_command_line(cli_store, tmp_path, capsys):
    path = tmp_path / "redo.csv"
    path.write_text("respondent," + ",".join(ITEMS) + "\nAda,3,3,3,3,3,3,3\n")
    with pytest.raises(SystemExit):
        cli.main(["import", "Alby", "redo", str(path), "--round", str(2**70)])
    assert "a round is a whole number" in capsys.readouterr().err
    assert counts(cli_store) == (0, 0)


def test_size_and_row_limits_give_a_clear_message(cli_store, tmp_path, capsys, monkeypatch):
    path = tmp_path / "redo.csv"
    lines = ["respondent," + ",".join(ITEMS)] + [f"P{n},3,3,3,3,3,3,3" for n in range(6)]
    path.write_text("\n".join(lines))
    monkeypatch.setattr(limits, "RESPONSE_ROWS", 5)
    code, _out, err = run(capsys, "import", "Alby", "redo", str(path))
    assert code != 0 and "[INPUT_003]" in err and "fler än 5 svar" in err
    monkeypatch.setattr(limits, "RESPONSE_FILE_BYTES", 10)
    code, _out, err = run(capsys, "score", "redo", str(path))
    assert code != 0 and "[INPUT_003]" in err and "MB" in err
    assert counts(cli_store) == (0, 0)


def test_messages_follow_the_language(cli_store, tmp_path, capsys, monkeypatch):
    from stadforstad.settings import get_settings

    path = tmp_path / "redo.csv"
    path.write_text("respondent;" + ";".join(ITEMS) + "\nAda;3;3\n")
    monkeypatch.setenv("STADFORSTAD_LANGUAGE", "en")
    get_settings.cache_clear()
    _code, _out, err = run(capsys, "import", "Alby", "redo", str(path))
    assert "the row has 3 fields but the header has 8" in err


# -- fuzz ------------------------------------------------------------------------------------------
CELL = st.one_of(
    st.sampled_from(["3", "5", "3,5", "", " ", "x", "ja", "-1", "1e400", "9" * 40, '"', "'"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet=string.printable + 'åäöÅÄÖ;,\t"\r\n\x00\x0b\x1b\x1e', max_size=30),
)
HEADER = st.lists(
    st.sampled_from([*ITEMS, "respondent", "", "okänd", "behov", "x\x1b[2Jy"]),
    min_size=0,
    max_size=10,
)


@st.composite
def csv_files(draw) -> bytes:
    header = draw(HEADER)
    rows = draw(st.lists(st.lists(CELL, max_size=12), max_size=8))
    separator = draw(st.sampled_from([";", ",", "\t"]))
    quote = draw(st.booleans())

    def field(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if quote else value

    text = "\r\n".join(separator.join(field(c) for c in row) for row in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    raw = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # a damaged file: bytes cut or changed
        cut = draw(st.integers(min_value=0, max_value=max(len(raw), 1)))
        raw = raw[:cut] + draw(st.binary(max_size=8))
    return raw


JSON_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def json_files(draw) -> bytes:
    rows = draw(
        st.lists(
            st.dictionaries(
                st.sampled_from([*ITEMS, "respondent", "okänd"]), JSON_VALUE, max_size=9
            ),
            max_size=5,
        )
        | JSON_VALUE
    )
    raw = json.dumps(rows).encode()
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(min_value=0, max_value=len(raw)))]
    return raw


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.tuples(st.sampled_from([".csv", ".json", ".xlsx"]), st.data()))
def test_fuzz_score_and_import_never_trace_back(cli_store, tmp_path, capsys, case):
    suffix, data = case
    if suffix == ".csv":
        raw = data.draw(csv_files())
    elif suffix == ".json":
        raw = data.draw(json_files())
    else:  # an Excel file is a zip archive: give it broken ones
        raw = data.draw(st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06" + b"\0" * 18]))
        raw += data.draw(st.binary(max_size=64))
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(raw)
    before = counts(cli_store)

    code, _out, err = run(capsys, "score", "redo", str(path))
    assert code in (0, EXIT_BAD_INPUT, EXIT_BAD_ROWS)
    assert "Traceback" not in err and only_coded(err), err

    code, _out, err = run(capsys, "import", "Alby", "redo", str(path))
    assert code in (0, EXIT_BAD_INPUT, EXIT_BAD_ROWS)
    assert "Traceback" not in err and only_coded(err), err
    if code != 0:
        assert counts(cli_store) == before  # a refused file stores nothing


@pytest.mark.parametrize(
    ("header", "column"),
    [("respondent,behov,,perioden", 3), ("respondent,behov,behov", 3)],
    ids=["empty-heading", "repeated-heading"],
)
def test_an_unusable_header_is_refused_with_its_column(tmp_path, header, column):
    from stadforstad.catalog import load_form
    from stadforstad.responses_io import read_rows

    path = tmp_path / "redo.csv"
    path.write_text(f"{header}\nAda,3,3,3\n", encoding="utf-8")
    with pytest.raises(ResponseFileError) as caught:
        read_rows(load_form("redo"), path)
    assert caught.value.codes == ["INPUT_004"]
    assert place_text(caught.value.problems[0]) == f"row 1, column {column}"
