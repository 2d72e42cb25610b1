"""One bad record of a JSON Lines file or JSON array is reported and skipped; the records
after it are read. Bad here means well-formed JSON that Python cannot hold: a number of
more than 4,300 digits, arrays nested 100,000 deep."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from datasette_timeline.readers import Document, InputError, iter_documents
from datasette_timeline.readers.records import json_value_end

HUGE_NUMBER = "9" * 5000
DEEP = "[" * 100_000 + "]" * 100_000


def good(number: int) -> str:
    return json.dumps(
        {"text": f"Report {number}: the vote was held on 3 May 2020.", "date": "2020-05-04"}
    )


def read(path: Path) -> tuple[list[str], list[str]]:
    documents, errors = [], []
    for item in iter_documents([str(path)]):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            assert isinstance(item, Document)
            documents.append(item.text.split(":")[0])
    return documents, errors


def test_bad_lines_of_json_lines_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        good(1),
        '{"text": "x", "count": ' + HUGE_NUMBER + "}",
        good(2),
        '{"text": "x", "nested": ' + DEEP + "}",
        good(3),
    ]
    path.write_text("\n".join(lines) + "\n")
    documents, errors = read(path)
    assert documents == ["Report 1", "Report 2", "Report 3"]
    assert errors == [
        f"{path}: line 2: a number too long to read (more than 4300 digits); skipped",
        f"{path}: line 4: nested too deeply to read (arrays or objects within each other); skipped",
    ]


def test_bad_items_of_a_json_array_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    items = [
        good(1),
        '{"text": "x", "count": ' + HUGE_NUMBER + "}",
        good(2),
        DEEP,
        good(3),
        HUGE_NUMBER,
        '{"text": "a \\"quoted\\" [bracket", "nested": ' + DEEP + "}",
        good(4),
    ]
    path.write_text("[" + ",\n".join(items) + "]")
    began = time.monotonic()
    documents, errors = read(path)
    assert time.monotonic() - began < 5
    assert documents == ["Report 1", "Report 2", "Report 3", "Report 4"]
    assert [error.split(": ", 2)[1] for error in errors] == [
        "item 2",
        "item 4",
        "item 6",
        "item 7",
    ]
    assert all(error.endswith("; skipped") for error in errors)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ('{"a": [1, {"b": "]"}]}, 2', 22),
        ('"a \\" ] string", 3', 15),
        ("12345 ]", 6),
        ("[[[]]]]", 6),
        ('{"a": "\\\\"}, 1', 11),
        ('{"open": [1, 2', None),
    ],
)
def test_the_end_of_a_json_value_is_found_without_decoding_it(text: str, end: int | None) -> None:
    assert json_value_end(text, 0) == end
