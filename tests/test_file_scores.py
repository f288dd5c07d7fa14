"""The vectorised scoring path gives exactly what the row path gives: the same results
and the same problems (codes, rows, columns, words), on random files with bad rows, and
the same refusals of whole files: separators ; , and tab, line breaks \n, \r\n, \r
and mixed, a byte-order mark, Windows-1252, quotes, empty lines. And ``stadforstad
score --format json|jsonl|csv``."""

from __future__ import annotations

import codecs
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stadforstad import errors
from stadforstad.catalog import load_form
from stadforstad.csv_columns import plain_layout, read_columns
from stadforstad.errors import ResponseFileError
from stadforstad.file_scores import score_columns, score_file, score_rows
from stadforstad.score_formats import flatten
from tests.helpers import ROOT

ITEMS = [
    "behov",
    "politisk_vilja",
    "organisatorisk_vilja",
    "deltagarnas_vilja",
    "perioden",
    "tid_resurser",
    "hallbarhet",
]
FORM = load_form("redo")
GOOD = [str(v) for v in range(1, 6)]
#: Cells the row path accepts in other spellings, refuses, or reads as empty; some of
#: them Arrow reads as int8 ("05", " 5", "-0", "0x3"), one byte or more.
ODD = [" 3", "4 ", "3.0", "", "0", "6", "x", "-1", "2.5", "1e0", "\u00a05", "[1]", "{}", "05"]
ODD += ["+3", "-0", "0x3", "\uff13", "3\x0b", "\x1c3", "\u20283", "3\x85", "9", " ", "5 "]
NAMES = ["Anna", " Bo ", "", "  ", "[1, 2]", "{x}", "=1+1", "å" * 301, "Örjan Öst", "[", " {"]
NAMES += ["\u00a0Cai\u00a0", "\x1cDan\x1f", "Eva\u2028", "\u3000", "Ö" * 150, "x" * 201]


def row_cells(draw) -> dict[str, str]:
    bad = draw(st.integers(0, 9)) == 0  # about one row in ten has a cell that is not plain
    cells = {item: draw(st.sampled_from(GOOD)) for item in ITEMS}
    if bad:
        for item in draw(st.lists(st.sampled_from(ITEMS), min_size=1, max_size=3)):
            cells[item] = draw(st.sampled_from(ODD))
    cells["respondent"] = draw(st.sampled_from(NAMES)) if bad else f"p{draw(st.integers(0, 99))}"
    return cells


@st.composite
def files(draw) -> tuple[bytes, bool]:
    """A redo CSV's bytes, and whether it is plain (the vectorised path must take it)."""
    columns = ["respondent", *ITEMS]
    if draw(st.booleans()):
        columns = draw(st.permutations(columns))
    if draw(st.integers(0, 9)) == 0:
        columns = [c for c in columns if c != "respondent"]
    separator = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))
    rows = [row_cells(draw) for _ in range(draw(st.integers(1, 30)))]
    lines = [separator.join(columns)]
    lines += [separator.join(row[c] for c in columns) for row in rows]
    plain = True
    twist = draw(st.integers(0, 15))
    if twist == 0:  # a line of empty fields: skipped, not an error
        lines.insert(draw(st.integers(1, len(lines))), separator * (len(columns) - 1))
    elif twist == 1:  # a ragged row: the row path's refusal
        lines.insert(draw(st.integers(1, len(lines))), separator.join(["1"] * (len(columns) + 1)))
        plain = False
    elif twist == 2:  # quotes: left to the row path
        lines[-1] = separator.join(f'"{c}"' if c else c for c in lines[-1].split(separator))
        plain = False
    elif twist == 3:  # an empty line: a row of empty cells to Arrow, skipped by both
        lines.insert(draw(st.integers(1, len(lines))), "")
    elif twist == 4:  # an unknown column
        lines = [lines[0] + separator + "okänd"] + [line + separator + "1" for line in lines[1:]]
        plain = False
    elif twist == 5:  # a required column missing
        lines = [separator.join(line.split(separator)[1:]) for line in lines]
        plain = False
    elif twist == 6:  # a line of blanks: one field to Arrow, skipped by the row path
        lines.insert(draw(st.integers(1, len(lines))), "  ")
        plain = False
    elif twist == 7:  # an empty line above the header
        lines.insert(0, "")
        plain = False
    elif twist == 8:  # blanks around the headings
        lines[0] = separator.join(f" {c} " for c in columns)
    elif twist == 9:  # only empty lines under the header: the row path's refusal
        lines[1:] = [separator * (len(columns) - 1), ""]
    breaks = [draw(st.sampled_from(["\n", "\r\n", "\r"])) for _ in lines]
    if newline != "mixed":
        breaks = [newline] * len(lines)
    text = "".join(line + end for line, end in zip(lines, breaks))
    if draw(st.booleans()):  # no line break after the last row, or more than one
        text = text.rstrip("\r\n") + draw(st.sampled_from(["", "\n\n", "\r\n\r\n"]))
    data = text.encode("utf-8")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    if encoding == "utf-8-sig":
        data = codecs.BOM_UTF8 + data
    elif encoding == "cp1252":  # what Swedish Excel saves: the row path decodes it
        try:
            encoded = text.encode("cp1252")
        except UnicodeEncodeError:
            encoded = data
        plain = plain and encoded == data  # all ASCII: the same bytes
        data = encoded
    return data, plain


def outcome(scored):
    records = list(scored.records)
    return records, list(scored.problems)  # every field: code, place and words


def same_as_row_path(path: Path) -> tuple[object, bool]:
    """Both paths give the same results and problems, or the same refusal. The
    vectorised path's own answer (``None`` where it leaves the file to the row path)
    and whether the file was refused."""
    try:
        expected = outcome(score_rows(FORM, path))
    except ResponseFileError as refused:
        with pytest.raises(ResponseFileError) as also:
            outcome(score_file(FORM, path))
        assert also.value.problems == refused.problems
        return score_columns(FORM, path), True
    fast = score_columns(FORM, path)
    if fast is not None:
        assert outcome(fast) == expected
    assert outcome(score_file(FORM, path)) == expected
    return fast, False


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=files())
def test_both_paths_give_the_same_results_and_problems(tmp_path, case):
    data, plain = case
    path = tmp_path / "svar.csv"
    path.write_bytes(data)
    fast, refused = same_as_row_path(path)
    if plain and not refused:
        assert fast is not None, data  # the case it is for: not left to the row path


def test_bad_rows_keep_their_codes_and_places(tmp_path):
    path = tmp_path / "svar.csv"
    lines = ["respondent;" + ";".join(ITEMS)]
    lines.append("Anna;" + ";".join(["5"] * 7))
    lines.append("Bo;" + ";".join(["6", "x", "", "3.0", " 2 ", "1", "1"]))
    lines.append(";;;;;;;")
    lines.append("Cai;" + ";".join(["1"] * 7))
    path.write_text("\n".join(lines), encoding="utf-8")
    scored = score_columns(FORM, path)
    assert scored is not None and scored.path == "columns"
    records, problems = outcome(scored)
    assert [(r["row"], r["respondent"], r["total"], r["ready"]) for r in records] == [
        (2, "Anna", 35, True),
        (5, "Cai", 7, False),
    ]
    assert [(p.code, p.file_row, p.item) for p in problems] == [
        (errors.ANSWER_OUT_OF_RANGE, 3, "behov"),
        (errors.ANSWER_NOT_A_NUMBER, 3, "politisk_vilja"),
        (errors.ANSWER_REQUIRED, 3, "organisatorisk_vilja"),
    ], problems


def test_a_one_byte_cell_arrow_reads_as_int8_is_a_digit():
    """What ``csv_columns._one_byte_cells`` builds on: of the 256 one-byte cells, Arrow's
    int8 reader takes exactly the ten digits, each as its value."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    taken = {}
    for byte in range(256):
        if byte in b"\r\n,":
            continue  # a line break or the separator: no one-byte cell
        try:
            table = pcsv.read_csv(
                pa.py_buffer(bytes([byte]) + b",x"),
                read_options=pcsv.ReadOptions(column_names=["a", "b"]),
                parse_options=pcsv.ParseOptions(quote_char=False, escape_char=False),
                convert_options=pcsv.ConvertOptions(
                    column_types={"a": pa.int8()}, null_values=[], strings_can_be_null=False
                ),
            )
        except pa.ArrowInvalid:
            continue
        taken[bytes([byte])] = table.column("a").to_pylist()
    assert taken == {str(d).encode(): [d] for d in range(10)}


def clean_lines(rows: int) -> list[str]:
    return ["respondent," + ",".join(ITEMS)] + [f"p{n}," + ",".join("1234512") for n in range(rows)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("cell", ["05", " 5", "5 ", "-0", "0x5", "+5", "5\u00a0"])
def test_digits_read_only_where_every_cell_is_one_digit(tmp_path, newline, cell):
    path = tmp_path / "svar.csv"
    lines = clean_lines(5)
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    raw = path.read_bytes()
    layout = plain_layout(raw)
    assert layout is not None
    cells = read_columns(raw, layout, names="respondent", digits=True)
    assert cells is not None and sorted(cells.digits) == sorted(ITEMS) and not cells.texts
    assert same_as_row_path(path)[0] is not None
    # One cell spelled otherwise: Arrow may read it as a number, the byte count does not.
    lines[3] = lines[3][: -len("2")] + cell
    path.write_bytes(newline.join(lines).encode("utf-8"))
    raw = path.read_bytes()
    layout = plain_layout(raw)
    assert layout is not None
    cells = read_columns(raw, layout, names="respondent", digits=True)
    assert cells is not None and not cells.digits and sorted(cells.texts) == sorted(ITEMS)
    assert cells.cell(ITEMS[-1], 2) == cell
    assert same_as_row_path(path)[0] is not None


def test_a_cell_longer_than_the_csv_module_reads_is_the_row_path_s_refusal(tmp_path):
    path = tmp_path / "svar.csv"
    limit = csv.field_size_limit()
    for name, taken in [("ö" * limit, True), ("ö" * (limit + 1), False)]:
        lines = clean_lines(2)
        lines[2] = name + lines[2][len("p1") :]
        path.write_text("\n".join(lines), encoding="utf-8")
        fast, refused = same_as_row_path(path)
        assert (fast is not None, refused) == (taken, not taken)
    lines = clean_lines(2)
    lines[1] = lines[1][: -len("2")] + "2" * (limit + 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    assert same_as_row_path(path) == (None, True)


def test_only_empty_lines_under_the_header_is_the_row_path_s_refusal(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text(clean_lines(0)[0] + "\n,,,,,,,\n\n,,,,,,,", encoding="utf-8")
    with pytest.raises(ResponseFileError) as refused:
        outcome(score_file(FORM, path))
    assert [p.code for p in refused.value.problems] == [errors.FILE_EMPTY]
    assert same_as_row_path(path) == (None, True)


def test_other_forms_and_formats_take_the_row_path(tmp_path):
    path = tmp_path / "svar.json"
    path.write_text(json.dumps([dict.fromkeys(ITEMS, 3)]), encoding="utf-8")
    assert score_columns(FORM, path) is None
    assert score_file(FORM, path).path == "rows"
    grid = tmp_path / "grid.csv"
    grid.write_text("generell_1\n3\n", encoding="utf-8")
    assert score_columns(load_form("kartlaggning"), grid) is None


def run_score(path: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "stadforstad.cli", "score", "redo", str(path), *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_score_writes_json_jsonl_and_csv(tmp_path):
    path = tmp_path / "svar.csv"
    lines = ["respondent," + ",".join(ITEMS), "=Anna," + ",".join("5432112")]
    lines.append("Bo," + ",".join(["9"] * 7))
    lines.append("Cai," + ",".join("1111111"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    as_json = run_score(path)
    assert as_json.returncode == 3 and "row 3, column behov" in as_json.stderr
    results = json.loads(as_json.stdout)
    assert [r["row"] for r in results] == [2, 4]

    as_lines = run_score(path, "--format", "jsonl")
    assert as_lines.returncode == 3 and as_lines.stderr == as_json.stderr
    assert [json.loads(line) for line in as_lines.stdout.splitlines()] == results

    as_csv = run_score(path, "--format", "csv")
    assert as_csv.returncode == 3 and as_csv.stderr == as_json.stderr
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(table[0]) == list(flatten(results[0]))
    first = table[0]
    assert first["respondent"] == "'=Anna"  # a formula stays text in a spreadsheet
    assert (first["row"], first["total"], first["ready"]) == ("2", "18", "false")
    assert first["items.behov.value"] == "5" and first["items.hallbarhet.work_on"] == "true"
    assert json.loads(first["to_work_on"]) == ITEMS[3:]
    assert table[1]["ready"] == "false" and table[1]["total"] == "7"
