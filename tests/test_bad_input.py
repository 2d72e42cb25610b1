"""Bad input: each problem gets one line naming the file (and row); the rest is processed;
the exit code is 1 only when something failed; what was stored before is untouched."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasette_timeline.cli import cli

from .conftest import EXAMPLES, KARABAKH

GOOD = sorted((EXAMPLES / "wikinews").glob("*.txt"))


def extract(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", str(db), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        # Full-text index internals are rewritten as rows are added; their content is not data.
        tables = [
            r[0]
            for r in conn.execute("select name from sqlite_master where type='table'")
            if "_fts" not in r[0] and not r[0].startswith("sqlite_")
        ]
        return {
            t: sorted(conn.execute(f"select * from [{t}]").fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def article(
    title: str, date_line: str, body: str = "The council met on Monday and again in 2019."
) -> str:
    return f"{title}\n- Published Date: {date_line}\n\n{body}\n"


BAD_FILES: dict[str, tuple[bytes, str]] = {
    # name: (content, what the one-line message must say)
    "empty.txt": (b"", "empty file, nothing to extract"),
    "blank.txt": (b"  \n\n \t\n", "empty file, nothing to extract"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary data"),
    "noise.html": (bytes(range(256)) * 8, "binary data"),
    "february.txt": (article("Feb", "31 February 2020").encode(), "February 2020 has no day 31"),
    "year-zero.txt": (article("Zero", "0000-06-01").encode(), "year 0 is out of range"),
    "far-future.txt": (article("Far", "1 January 99999").encode(), "year 99999 is out of range"),
    "unreadable-date.txt": (
        article("Date", "the day after the storm").encode(),
        "cannot read the publication date",
    ),
    "broken.jsonl": (b'{"text": "Talks began on 2 May 2020."\n', "line 1: not valid JSON"),
    "short-row.csv": (
        b'title,text,date\nA,"Rain on 2 May 2020.",2020-05-03\nB\n',
        "row 2 (line 3): 1 fields where the header has 3",
    ),
    "bad-date-row.csv": (
        b"title,text,date\nA,Rain fell on Monday.,31 February 2021\n",
        "row 1: invalid date '31 February 2021' in column 'date'",
    ),
    "no-text.json": (b'[{"title": "only a title"}]', "no text column"),
    "not-timeml.tml": (b"<html><body>hello</body></html>", "not a TimeML document"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_input_alone_gets_one_line_naming_it(tmp_path: Path, name: str) -> None:
    content, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = extract(tmp_path / "events.db", str(path), "--json")
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: {path}") and message in lines[0], lines[0]
    assert "Traceback" not in err
    summary = json.loads(out)
    assert (summary["failed"], summary["stored"]) == (1, summary["documents_read"])
    assert "1 failed" in err.splitlines()[-1]


def test_bad_inputs_mixed_with_good_ones_leave_stored_rows_untouched(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    code, _out, err = extract(db, str(KARABAKH), str(GOOD[0]))
    assert code == 0, err
    before = dump(db)
    bad = []
    for name, (content, _message) in BAD_FILES.items():
        (tmp_path / name).write_bytes(content)
        bad.append(str(tmp_path / name))
    # Good inputs come before, between and after the bad ones; two were stored already.
    inputs = [str(KARABAKH), *bad[:5], *map(str, GOOD[1:3]), *bad[5:], str(GOOD[0]), str(GOOD[3])]
    code, out, err = extract(db, *inputs, "--json")
    assert code == 1
    summary = json.loads(out)
    assert summary["failed"] == len(BAD_FILES)
    # Three good files, and the good row of the CSV file that has a short row.
    assert (summary["stored"], summary["already_present"]) == (4, 2)
    after = dump(db)
    for table, rows in before.items():
        assert set(rows) <= set(after[table]), f"rows of {table} changed"
    conn = sqlite3.connect(db)
    sources = {r[0] for r in conn.execute("select source from documents")}
    conn.close()
    good_row = f"{tmp_path / 'short-row.csv'}#row=1"
    assert sources == {str(KARABAKH), *map(str, GOOD[:4]), good_row}
    for path in bad:
        assert sum(line.startswith(f"error: {path}") for line in err.splitlines()) == 1


def test_invalid_utf8_in_a_legacy_encoding_is_read_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = article(
        "Café reopens", "2021-05-12", "The café “Le Nôtre” reopened on Tuesday — after 2019’s fire."
    )
    path.write_bytes(text.encode("cp1252"))
    db = tmp_path / "events.db"
    code, _out, err = extract(db, str(path))
    assert code == 0, err
    conn = sqlite3.connect(db)
    (stored,) = conn.execute("select text from documents").fetchone()
    conn.close()
    assert stored == text


def test_bad_published_dates_on_the_command_line_are_refused_with_the_reason(
    tmp_path: Path,
) -> None:
    for value, reason in [
        ("2021-02-31", "has no day 31"),
        ("0000-01-01", "year 0"),
        ("99999-01-01", "year 99999"),
    ]:
        code, _out, err = extract(tmp_path / "e.db", str(KARABAKH), "--published", value)
        assert code == 2
        assert value in err and reason in err


def test_a_huge_json_line_is_refused_and_the_next_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"text": "x " * (6 * 1024 * 1024)}) + "\n")
        out.write(
            json.dumps({"text": "The vote was held on 3 May 2020.", "date": "2020-05-04"}) + "\n"
        )
    code, out, err = extract(tmp_path / "events.db", str(path), "--json")
    assert code == 1
    assert f"error: {path}: line 1: longer than 10 MB; skipped" in err
    assert json.loads(out)["stored"] == 1


# --- random bytes --------------------------------------------------------------------------

SUFFIXES = [".txt", ".html", ".csv", ".tsv", ".jsonl", ".json", ".tml", ".bin"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_crash_the_run(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(content)
    db = tmp_path / "events.db"
    code, out, err = extract(db, str(path), str(KARABAKH), "--json")
    assert code in (0, 1), err
    summary = json.loads(out)
    assert "Traceback" not in err and "please report this" not in err
    for line in err.splitlines():
        if line.startswith("error:"):
            assert line.startswith(f"error: {path}")
    assert summary["failed"] == sum(line.startswith("error:") for line in err.splitlines())
    assert (code == 1) == (summary["failed"] > 0)
    conn = sqlite3.connect(db)
    assert (
        conn.execute("select count(*) from documents where source = ?", [str(KARABAKH)]).fetchone()[
            0
        ]
        == 1
    )
    conn.close()
