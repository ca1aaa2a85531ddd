"""fangtan turns: a document's turns listed, and each fix to them one undo step."""

import json
from pathlib import Path

import pytest

from app import cli
from app.dto import DocumentContent
from app.editing.history import History
from app.project import Project

TEXT = (
    "小巷里的书店\n\n"
    "——访书店店主周明远\n\n"
    "记者：书店开了多少年了？\n\n"
    "周明远：快二十年了。最早只卖教辅，后来慢慢加了文史和绘本，街坊们常来坐坐。\n\n"
    "记者：现在还有人来买书吗？\n\n"
    "周明远：周末人最多，孩子们在角落里一坐就是一下午。 李阿姨：我孙子就是在这儿爱上看书的。\n"
)


@pytest.fixture
def imported(project_path: Path, write_source, capsys) -> Path:
    source = write_source("shop.txt", TEXT)
    assert cli.main(["import", str(project_path), str(source)]) == cli.EXIT_OK
    capsys.readouterr()
    return project_path


def stored(path: Path) -> tuple[DocumentContent, str | None]:
    """The document as reopened from the file, and the name of the step Undo would take."""
    project = Project.open(path, create=False)
    try:
        return project.document(1), History(project).state().undo_text
    finally:
        project.close()


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = cli.main(["turns", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_lists_each_turn_with_kind_speaker_span_and_words(imported, capsys):
    code, out, err = run(capsys, str(imported), "1")
    assert (code, err) == (cli.EXIT_OK, "")
    content, _ = stored(imported)
    lines = out.splitlines()
    assert len(lines) == len(content.turns)
    question = content.turns[2]
    assert (
        lines[2] == f"[2] question  记者       {question.start}-{question.end}  书店开了多少年了？"
    )
    answer = lines[3]
    assert answer.startswith("[3] answer    周明远      ")
    assert answer.endswith("  快二十年了。最早只卖教辅，后来慢慢加了文史和绘本，街坊们常…")
    assert lines[0].startswith("[0] heading   -        0-6  小巷里的书店")


def test_json_lists_the_turns_with_their_words(imported, capsys):
    code, out, _ = run(capsys, str(imported), "1", "--json")
    assert code == cli.EXIT_OK
    records = json.loads(out)
    content, _ = stored(imported)
    assert [record["index"] for record in records] == list(range(len(content.turns)))
    for record, turn in zip(records, content.turns, strict=True):
        assert record["text"] == content.text[turn.content_start : turn.end]
        assert (record["speaker"], record["kind"], record["start"]) == (
            turn.speaker,
            turn.kind,
            turn.start,
        )
        assert set(record) == {
            "index",
            "speaker",
            "kind",
            "start",
            "content_start",
            "end",
            "timestamp",
            "text",
        }


def test_split_is_one_undo_step_and_lists_the_turns(imported, capsys):
    before, _ = stored(imported)
    offset = before.text.index(" 李阿姨")
    code, out, _ = run(capsys, str(imported), "1", "--split", "5", str(offset))
    assert code == cli.EXIT_OK
    assert out.splitlines()[0] == "#1  小巷里的书店  (one undo step)"
    assert "[6] question  李阿姨" in out

    after, undo = stored(imported)
    assert len(after.turns) == len(before.turns) + 1
    assert after.text[after.turns[6].content_start : after.turns[6].end] == (
        "我孙子就是在这儿爱上看书的。"
    )
    assert undo is not None and json.loads(undo) == ["Split Turn %1", "5"]

    project = Project.open(imported, create=False)
    try:
        assert History(project).undo() is not None
        assert project.document(1).turns == before.turns
    finally:
        project.close()


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (["--set-speaker", "2", "  小  王 "], lambda turns: turns[2].speaker == "小 王"),
        (["--set-kind", "1", "narration"], lambda turns: turns[1].kind == "narration"),
        (["--merge", "3"], lambda turns: len(turns) == 5 and turns[2].speaker == "记者"),
        (
            ["--rename-speaker", "周明远", "周店主"],
            lambda turns: {t.speaker for t in turns if t.kind == "answer"} == {"周店主"},
        ),
        (
            ["--interviewee", "记者", "--interviewee", "李阿姨"],
            lambda turns: {t.kind for t in turns if t.speaker == "周明远"} == {"question"},
        ),
    ],
    ids=["speaker", "kind", "merge", "rename", "interviewees"],
)
def test_each_edit_is_stored_with_its_undo_step(imported, capsys, edit, expected):
    code, out, err = run(capsys, str(imported), "1", *edit)
    assert (code, err) == (cli.EXIT_OK, ""), err
    assert "(one undo step)" in out
    after, undo = stored(imported)
    assert expected(after.turns)
    assert undo is not None


def test_interviewees_are_stored_together(imported, capsys):
    run(capsys, str(imported), "1", "--interviewee", "周明远", "--interviewee", "李阿姨")
    content, undo = stored(imported)
    assert content.meta.interviewee == "周明远、李阿姨"
    assert undo is not None and json.loads(undo) == ["Set Interviewees “%1”", "周明远、李阿姨"]


def test_redetect_brings_back_the_turns_found_on_import(imported, capsys):
    before, _ = stored(imported)
    run(capsys, str(imported), "1", "--merge", "3")
    code, _out, _ = run(capsys, str(imported), "1", "--redetect")
    assert code == cli.EXIT_OK
    after, undo = stored(imported)
    assert after.turns == before.turns
    assert undo is not None and json.loads(undo) == ["Detect Turns Again"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["1", "--merge", "x"], "fangtan: INDEX must be a whole number (got “x”).\n"),
        (["1", "--split", "2", "end"], "fangtan: OFFSET must be a whole number (got “end”).\n"),
        (["9", "--merge", "1"], "fangtan: There is no document 9 in this project.\n"),
        (["one"], "fangtan: There is no document one in this project.\n"),
        (
            ["1", "--merge", "0"],
            "fangtan: The first turn has no turn before it to be merged into.\n",
        ),
        (["1", "--set-speaker", "40", "某人"], "fangtan: The document has no turn 40.\n"),
        (
            ["1", "--set-kind", "2", "comment"],
            "fangtan: “comment” is not a kind of turn; use heading, question, answer, narration.\n",
        ),
        (
            ["1", "--rename-speaker", "王五", "赵六"],
            "fangtan: No turn of this document is spoken by “王五”.\n",
        ),
    ],
    ids=["index", "offset", "document", "document id", "first", "turn", "kind", "speaker"],
)
def test_bad_input_says_why_and_changes_nothing(imported, capsys, arguments, message):
    before = stored(imported)
    code, out, err = run(capsys, str(imported), *arguments)
    assert (code, out, err) == (cli.EXIT_FAILED, "", message)
    assert stored(imported) == before


def test_one_edit_at_a_time(imported, capsys):
    with pytest.raises(SystemExit) as raised:
        cli.main(["turns", str(imported), "1", "--merge", "3", "--redetect"])
    assert raised.value.code == cli.EXIT_USAGE
    assert "not allowed with argument" in capsys.readouterr().err
