"""The command line as a user meets it: help, summary, --json, --dry-run, exit codes, progress."""

from __future__ import annotations

import json
import os
import pty
import select
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from datasette_timeline.cli import cli

from .conftest import EXAMPLES, KARABAKH

RUN_CLI = "from datasette_timeline.cli import cli; cli()"


def extract(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"select count(*) from [{table}]").fetchone()[0]
    finally:
        conn.close()


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += all_commands(command, (*prefix, name))
    return found


@pytest.mark.parametrize("path", [(), *all_commands(cli)], ids=lambda p: " ".join(p) or "group")
def test_every_command_has_a_description_and_a_worked_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    usage, description = result.output.split("\n\n", 2)[:2]
    assert usage.startswith("Usage:")
    assert len(description.split()) >= 4, "no description"
    assert "Example" in result.output
    assert "datasette-timeline " + " ".join(path) in result.output.split("Example", 1)[1]


def test_extract_help_documents_the_exit_codes() -> None:
    output = CliRunner().invoke(cli, ["extract", "--help"]).output
    codes = output.split("Exit codes:", 1)[1].split("Options:", 1)[0]
    assert [line.split()[0] for line in codes.strip().splitlines()] == ["0", "1", "2", "3", "130"]


def test_no_input_is_a_usage_error_that_says_what_to_do(tmp_path: Path) -> None:
    code, _out, err = extract(tmp_path / "events.db")
    assert code == 2
    assert "give at least one INPUT" in err and "--help" in err
    assert not (tmp_path / "events.db").exists()


def test_spacy_without_a_model_is_a_usage_error(tmp_path: Path) -> None:
    code, _out, err = extract(tmp_path / "events.db", str(KARABAKH), "--ner", "spacy")
    assert code == 2
    assert "--ner spacy needs --spacy-model NAME" in err
    assert not (tmp_path / "events.db").exists()


def test_closing_summary_and_json_summary_agree_with_the_database(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    missing = tmp_path / "missing.txt"
    code, out, err = extract(db, str(EXAMPLES), str(missing), "--json")
    assert code == 1
    summary = json.loads(out)
    documents = count(db, "documents")
    assert summary["documents_read"] == documents
    assert summary["stored"] == documents
    assert summary["events"] == count(db, "events")
    assert summary["actors"] >= 1
    assert summary["failed"] == 1 and summary["exit_code"] == 1
    assert summary["errors"] == [f"{missing}: no such file or folder"]
    assert f"{documents} documents read: {documents} stored, 0 already present, 1 failed;" in err
    assert f"{summary['events']} events, {summary['actors']} actors in" in err
    # Run again: everything is already present, and the exit code says all went well.
    code, out, _err = extract(db, str(EXAMPLES), "--json", "--quiet")
    assert code == 0
    again = json.loads(out)
    assert (again["stored"], again["already_present"], again["events"]) == (0, documents, 0)


def test_dry_run_shows_what_would_be_extracted_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    code, out, err = extract(db, str(KARABAKH), "--dry-run")
    assert code == 0, err
    assert not db.exists()
    assert out.startswith(f"would store {KARABAKH}: ")
    assert "2020-10      last month" in out
    assert "(dry run: nothing written)" in err
    # Against an existing database it says what is already there, and changes nothing.
    extract(db, str(KARABAKH))
    before = db.read_bytes()
    code, out, _err = extract(db, str(KARABAKH), str(EXAMPLES / "wikinews"), "--dry-run", "--json")
    summary = json.loads(out)
    assert summary["already_present"] == 1
    assert summary["would_store"] == len(list((EXAMPLES / "wikinews").glob("*.txt")))
    assert summary["stored"] == 0
    assert {d["source"] for d in summary["documents"]} >= {
        str(p) for p in (EXAMPLES / "wikinews").glob("*.txt")
    }
    assert db.read_bytes() == before


def test_a_database_that_cannot_be_opened_exits_3_and_says_why(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database " * 100)
    code, _out, err = extract(db, str(KARABAKH))
    assert code == 3
    assert f"cannot open {db}" in err and "SQLite" in err
    code, _out, err = extract(db, str(KARABAKH), "--dry-run")
    assert code == 3
    assert f"cannot read {db}" in err and "SQLite" in err
    assert db.read_text().startswith("these are my notes")


def test_a_missing_publication_date_says_how_to_give_one(tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("Talks resume\n\nNegotiators met again last week in Geneva.\n")
    code, _out, err = extract(tmp_path / "events.db", str(article))
    assert code == 0
    assert f"warning: {article}: no publication date found" in err and "--published" in err


# --- the progress bar ------------------------------------------------------------------


@pytest.fixture
def article_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(8):
        (folder / f"{number}.txt").write_text(
            f"Story {number}\n- Published: 2021-03-{number + 10}\n\n"
            f"The committee met on {number + 1} March 2021 and again last week.\n"
        )
    return folder


def run_in_terminal(args: list[str]) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; return its exit code and what it drew."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", RUN_CLI, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
    )
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([primary], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closed: the process has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    return process.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_sees_a_progress_bar(tmp_path: Path, article_folder: Path) -> None:
    code, drawn = run_in_terminal(["extract", str(tmp_path / "events.db"), str(article_folder)])
    assert code == 0, drawn
    assert "/8" in drawn and "[#" in drawn and "\r" in drawn
    assert "8 documents read: 8 stored" in drawn


def test_quiet_on_a_terminal_draws_no_bar(tmp_path: Path, article_folder: Path) -> None:
    code, drawn = run_in_terminal(
        ["extract", str(tmp_path / "events.db"), str(article_folder), "-q"]
    )
    assert code == 0
    assert drawn == ""


def test_piped_output_has_no_progress_bar(tmp_path: Path, article_folder: Path) -> None:
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            RUN_CLI,
            "extract",
            str(tmp_path / "events.db"),
            str(article_folder),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 0, process.stderr
    assert "\r" not in process.stderr and "[#" not in process.stderr
    assert process.stderr.strip().splitlines() == [process.stderr.strip()]  # the summary alone
    assert process.stderr.startswith("8 documents read: 8 stored")


def test_a_document_the_storage_rejects_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datasette_timeline import storage

    save_document = storage.save_document

    def failing_for_one(db: object, document: Any, events: list) -> bool:
        if document.source == str(KARABAKH):
            raise OverflowError("date value out of range")
        return save_document(db, document, events)  # type: ignore[arg-type]

    monkeypatch.setattr(storage, "save_document", failing_for_one)
    db = tmp_path / "events.db"
    wikinews = sorted((EXAMPLES / "wikinews").glob("*.txt"))
    code, out, err = extract(db, str(wikinews[0]), str(KARABAKH), str(wikinews[1]), "--json")
    assert code == 1
    assert f"error: {KARABAKH}: OverflowError: date value out of range" in err
    assert json.loads(out)["stored"] == 2
    conn = sqlite3.connect(db)
    sources = {row[0] for row in conn.execute("select source from documents")}
    conn.close()
    assert sources == {str(wikinews[0]), str(wikinews[1])}
