"""``datasette-timeline tag`` and ``evaluate`` end to end (click runner, no network)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from datasette_timeline.commands.tag import evaluate_command, header_date, tag_command
from datasette_timeline.timex.timeml import read_timeml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "karabakh-2020-11-03.txt"


def run_tag(*args: str, stdin: str | None = None) -> list[dict[str, object]]:
    result = CliRunner().invoke(tag_command, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_text_file_takes_its_creation_date_from_the_header() -> None:
    [record] = run_tag(str(EXAMPLE))
    text = EXAMPLE.read_text(encoding="utf-8")
    timexes = record["timexes"]
    assert isinstance(timexes, list)
    for timex in timexes:
        assert text[timex["start"] : timex["end"]] == timex["text"]
    values = {timex["text"]: timex["value"] for timex in timexes}
    assert values["Tuesday"] == "2020-11-03" and values["last week"] == "2020-W44"


def test_header_date_prefers_the_published_line() -> None:
    text = (
        "Title\n- Modified Date: 10:00 | 05 November 2020\n- Published Date: 03 November 2020\nBody"
    )
    assert header_date(text) == "2020-11-03"
    assert header_date("No date in this header at all.") is None


def test_dct_option_and_stdin() -> None:
    [record] = run_tag("-", "--dct", "1998-01-08", stdin="He left yesterday.")
    assert record["timexes"] == [
        {
            "start": 8, "end": 17, "text": "yesterday", "type": "DATE", "value": "1998-01-07",
            "precision": "day", "range_start": "1998-01-07", "range_end": "1998-01-07",
            "anchored": True,
        }
    ]  # fmt: skip


def test_jsonl_input_keeps_ids_and_dates(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": "It happened last year.", "dct": "2010-05-01"},
        {"id": "b", "text": "It happened last year.", "dct": None},
    ]
    source.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    records = run_tag("--jsonl", str(source))
    assert [r["id"] for r in records] == ["a", "b"]
    first, second = (r["timexes"][0] for r in records)  # type: ignore[index]
    assert first["value"] == "2009" and second["value"] == "XXXX" and second["anchored"] is False


def test_timeml_in_and_out(tmp_path: Path) -> None:
    gold = tmp_path / "doc.tml"
    gold.write_text(
        '<TimeML><DOCID>doc</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
        'functionInDocument="CREATION_TIME">1998</TIMEX3></DCT><TEXT>Q&amp;A on Friday &lt;3 '
        "</TEXT></TimeML>"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        tag_command, [str(gold), "--format", "timeml", "--output-dir", str(out)]
    )
    assert result.exit_code == 0, result.output
    written = read_timeml(out / "doc.tml")
    assert written.text == "Q&A on Friday <3 " and written.dct == "1998-01-08"
    assert [(t.text, t.value) for t in written.timexes] == [("Friday", "1998-01-02")]


def test_folders_are_walked_and_bad_files_fail_cleanly(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("It rained on 5 May 2020.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored 1999", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Published: 2021-01-02\nIt snowed yesterday.")
    records = run_tag(str(tmp_path))
    assert [r["id"] for r in records] == ["a.txt", "b.txt"]
    timexes = records[1]["timexes"]
    assert isinstance(timexes, list)
    assert [t["value"] for t in timexes] == ["2021-01-02", "2021-01-01"]
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8 \x81")
    result = CliRunner().invoke(tag_command, [str(tmp_path / "bad.txt")])
    assert result.exit_code == 1 and "cannot read" in result.output


def test_bad_dct_is_a_usage_error() -> None:
    result = CliRunner().invoke(tag_command, ["-", "--dct", "soon"], input="x")
    assert result.exit_code == 2


def test_evaluate_prints_a_table_and_json(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(
        '<TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2020-11-03" '
        'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>It rained <TIMEX3 tid="t1" '
        'type="DATE" value="2020-11-02">yesterday</TIMEX3> and last week.</TEXT></TimeML>'
    )
    table = CliRunner().invoke(evaluate_command, [str(tmp_path)])
    assert table.exit_code == 0 and "value F1" in table.output
    result = CliRunner().invoke(evaluate_command, [str(tmp_path), "--json"])
    scores = json.loads(result.output)[str(tmp_path)]
    assert scores["counts"]["gold"] == 1 and scores["counts"]["system"] == 2
    assert scores["relaxed_precision"] == 0.5 and scores["value_f1"] == scores["relaxed_f1"]


def test_evaluate_scores_only_the_chosen_fold(tmp_path: Path) -> None:
    for index, word in enumerate(["yesterday", "tomorrow", "today"]):
        (tmp_path / f"{index}.tml").write_text(
            f'<TimeML><DOCID>{index}</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
            'value="2020-11-03" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>'
            f'It rains <TIMEX3 tid="t1" type="DATE" value="2020-11-03">{word}</TIMEX3>.'
            "</TEXT></TimeML>"
        )

    def counts(fold: str) -> dict[str, int]:
        result = CliRunner().invoke(evaluate_command, [str(tmp_path), "--json", "--fold", fold])
        assert result.exit_code == 0, result.output
        scores = json.loads(result.output)[str(tmp_path)]
        return {"documents": scores["documents"], "correct": scores["counts"]["value_correct"]}

    assert counts("2/3") == {"documents": 1, "correct": 1}  # only "today" is right
    assert counts("0,1/3") == {"documents": 2, "correct": 0}
    assert counts("0,1,2/3") == {"documents": 3, "correct": 1}
    bad = CliRunner().invoke(evaluate_command, [str(tmp_path), "--fold", "3/3"])
    assert bad.exit_code == 2 and "--fold" in bad.output


def test_evaluate_scores_another_systems_timeml_files(tmp_path: Path) -> None:
    gold, system = tmp_path / "gold", tmp_path / "system"
    gold.mkdir()
    (gold / "a.tml").write_text(
        '<TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2020-11-03" '
        'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>It rained <TIMEX3 tid="t1" '
        'type="DATE" value="2020-11-02">yesterday</TIMEX3> and last week.</TEXT></TimeML>'
    )
    tagged = CliRunner().invoke(
        tag_command, [str(gold / "a.tml"), "--format", "timeml", "--output-dir", str(system)]
    )
    assert tagged.exit_code == 0, tagged.output

    def scores(*extra: str) -> dict[str, object]:
        result = CliRunner().invoke(evaluate_command, [str(gold), "--json", *extra])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)[str(gold)]

    # The tagger's own TimeML output scores exactly like the tagger.
    assert scores("--system", str(system)) == scores()
    # A system that found only "last week", with the wrong value.
    (system / "a.tml").write_text(
        '<TimeML><DOCID>a</DOCID><TEXT>It rained yesterday and <TIMEX3 tid="t1" type="DATE" '
        'value="2020-W44">last week</TIMEX3>.</TEXT></TimeML>'
    )
    other = scores("--system", str(system))
    assert other["counts"] == {
        "gold": 1, "system": 1, "strict": 0, "relaxed": 0, "type_correct": 0, "value_correct": 0
    }  # fmt: skip
    (system / "a.tml").write_text("<TimeML><TEXT>Different text.</TEXT></TimeML>")
    differs = CliRunner().invoke(evaluate_command, [str(gold), "--system", str(system)])
    assert differs.exit_code == 1 and "text differs" in differs.output
    (system / "a.tml").rename(system / "b.tml")
    missing = CliRunner().invoke(evaluate_command, [str(gold), "--system", str(system)])
    assert missing.exit_code == 1 and "a.tml: no system file" in missing.output
