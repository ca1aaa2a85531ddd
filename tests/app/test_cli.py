"""The fangtan command, run in-process: output, exit codes, and files left untouched."""

import csv
import json
import re
from pathlib import Path

import pytest

from app import cli
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


@pytest.fixture
def imported(project_path: Path, sample_path: Path, capsys) -> Path:
    """A closed project holding the sample, made through the command line."""
    assert cli.main(["import", str(project_path), str(sample_path)]) == cli.EXIT_OK
    capsys.readouterr()
    return project_path


def assert_one_error_line(captured, bug_log: Path) -> str:
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("fangtan: ")
    assert "Traceback" not in captured.err + captured.out
    assert not bug_log.exists()  # a user error, not a bug
    return lines[0]


# import ---------------------------------------------------------------------------------


def test_import_prints_one_line_per_document(project_path: Path, sample_path: Path, capsys) -> None:
    code = cli.main(["import", str(project_path), str(sample_path)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert len(lines) == 2
    project = Project.open(project_path, create=False)
    try:
        for line, summary in zip(lines, project.documents(), strict=True):
            turns = len(project.document(summary.id).turns)
            assert line.startswith("imported")
            assert f"#{summary.id}" in line
            assert summary.title in line
            assert summary.interviewee in line
            assert f"({turns} turns)" in line
    finally:
        project.close()
    assert "刘在军" in lines[0] and "王信卿" in lines[1]


def test_reimport_prints_skipped_lines(imported: Path, sample_path: Path, capsys, digest) -> None:
    before = digest(imported)
    code = cli.main(["import", str(imported), str(sample_path)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK
    lines = captured.out.splitlines()
    assert len(lines) == 2
    assert all(line.startswith("skipped") for line in lines)
    assert "奋力打造实力之城品质之城幸福之城" in lines[0]
    assert "加快建设宜居宜业宜游的高品质街道" in lines[1]
    assert "imported" not in captured.out
    assert digest(imported) == before


def test_import_of_a_folder_with_chinese_names(project_path: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "采访 稿件"
    folder.mkdir()
    (folder / "张三 专访.txt").write_text(
        "记者：你好吗？\n\n张三：我很好，谢谢。\n\n记者：再见。\n\n张三：再见，欢迎再来。\n",
        encoding="utf-8",
    )
    code = cli.main(["import", str(project_path), str(folder)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK
    [line] = captured.out.splitlines()
    assert "张三 专访" in line and "张三" in line and "(4 turns)" in line


# docs ----------------------------------------------------------------------------------------


def test_docs_json_offsets_index_into_the_text(imported: Path, capsys) -> None:
    assert cli.main(["docs", str(imported), "--json"]) == cli.EXIT_OK
    captured = capsys.readouterr()
    assert captured.err == ""
    payload = json.loads(captured.out)
    assert [doc["title"] for doc in payload] == [
        "奋力打造实力之城品质之城幸福之城",
        "加快建设宜居宜业宜游的高品质街道",
    ]
    assert [doc["interviewee"] for doc in payload] == ["刘在军", "王信卿"]
    for doc in payload:
        text = doc["text"]
        assert doc["reporter"] == "丁霞"
        assert re.fullmatch("[0-9a-f]{64}", doc["sha256"])
        assert text[doc["turns"][0]["start"] : doc["turns"][0]["end"]] == doc["title"]
        previous_end = 0
        for index, turn in enumerate(doc["turns"]):
            assert turn["index"] == index
            assert previous_end <= turn["start"] <= turn["content_start"] <= turn["end"]
            previous_end = turn["end"]
            if turn["speaker"]:
                assert text[turn["start"] : turn["content_start"]] == turn["speaker"] + ":"
        assert {t["kind"] for t in doc["turns"]} == {"heading", "question", "answer"}


def test_docs_lists_documents_and_turns(imported: Path, capsys) -> None:
    assert cli.main(["docs", str(imported)]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "#1  奋力打造实力之城品质之城幸福之城" in out
    assert "interviewee: 王信卿  role: 薛家岛街道党工委书记  reporter: 丁霞" in out
    assert re.search(r"\[3\] question\s+记者", out)


def test_docs_does_not_change_the_project(imported: Path, capsys, digest) -> None:
    before = digest(imported)
    assert cli.main(["docs", str(imported), "--json"]) == cli.EXIT_OK
    assert cli.main(["docs", str(imported)]) == cli.EXIT_OK
    assert digest(imported) == before


# export ------------------------------------------------------------------------------------


def test_export_writes_the_csv(imported: Path, tmp_path: Path, capsys) -> None:
    project = Project.open(imported, create=False, annotator="tester")
    try:
        tag = project.tags()[0]
        project.execute(CreateAnnotations((AnnotationSpec(1, tag.id, 46, 52, note="备注"),)))
    finally:
        project.close()
    target = tmp_path / "导出 文件.csv"
    code = cli.main(["export", str(imported), "--format", "csv", "-o", str(target)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK
    assert captured.out.strip() == f"exported 1 annotation in 1 document as csv to {target}"
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["text"], r["note"], r["speaker"], r["annotator"]) for r in rows] == [
        ("2023年是", "备注", "记者", "tester")
    ]


# bad inputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make_source",
    [
        pytest.param(lambda folder: folder / "missing.txt", id="missing-file"),
        pytest.param(
            lambda folder: _write(folder / "photo.txt", PNG_BYTES),
            id="png-renamed-txt",
        ),
        pytest.param(
            lambda folder: _write(folder / "bad.txt", "记者：你好".encode() + b"\xe4\xbd"),
            id="invalid-utf8",
        ),
        pytest.param(lambda folder: _write(folder / "empty.txt", b""), id="empty-file"),
    ],
)
def test_bad_import_source(
    imported: Path, tmp_path: Path, capsys, digest, bug_log_in_tmp, make_source
) -> None:
    source = make_source(tmp_path)
    before = digest(imported)
    code = cli.main(["import", str(imported), str(source)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    line = assert_one_error_line(captured, bug_log_in_tmp)
    assert str(source) in line
    assert captured.out == ""
    assert digest(imported) == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_imported(
    project_path: Path, sample_path: Path, tmp_path: Path, capsys, bug_log_in_tmp
) -> None:
    bad = _write(tmp_path / "photo.txt", PNG_BYTES)
    code = cli.main(["import", str(project_path), str(bad), str(sample_path)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert "PNG" in assert_one_error_line(captured, bug_log_in_tmp)
    assert len(captured.out.splitlines()) == 3
    assert captured.out.splitlines()[-1] == "2 interviews imported from 2 files; 1 file failed."


@pytest.mark.parametrize("command", ["docs", "export"])
@pytest.mark.parametrize(
    "content",
    [
        pytest.param("记者：这不是项目文件。\n".encode(), id="text-file"),
        pytest.param(PNG_BYTES, id="png"),
    ],
)
def test_not_a_project(
    tmp_path: Path, capsys, digest, bug_log_in_tmp, command: str, content: bytes
) -> None:
    fake = _write(tmp_path / "fake.fangtan", content)
    output = tmp_path / "out.csv"
    argv = [command, str(fake)] + (["-o", str(output)] if command == "export" else [])
    code = cli.main(argv)
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert "not a Fangtan project" in assert_one_error_line(captured, bug_log_in_tmp)
    assert captured.out == ""
    assert fake.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake.fangtan"]


def test_foreign_database(tmp_path: Path, capsys, digest, bug_log_in_tmp) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO customers (name) VALUES ('x')")
    connection.commit()
    connection.close()
    before = digest(other)
    code = cli.main(["docs", str(other)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert "another program" in assert_one_error_line(captured, bug_log_in_tmp)
    assert digest(other) == before


@pytest.mark.parametrize("command", ["docs", "export"])
def test_missing_project_is_not_created(
    tmp_path: Path, capsys, bug_log_in_tmp, command: str
) -> None:
    missing = tmp_path / "none.fangtan"
    argv = [command, str(missing)] + (
        ["-o", str(tmp_path / "o.csv")] if command == "export" else []
    )
    code = cli.main(argv)
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert "There is no project" in assert_one_error_line(captured, bug_log_in_tmp)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["import", "docs", "export"])
def test_a_folder_given_as_the_project(tmp_path: Path, capsys, bug_log_in_tmp, command) -> None:
    folder = tmp_path / "folder.fangtan"
    folder.mkdir()
    source = _write(tmp_path / "a.txt", "记者：你好？\n".encode())
    extra = {"import": [str(source)], "docs": [], "export": ["-o", str(tmp_path / "o.csv")]}
    code = cli.main([command, str(folder), *extra[command]])
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert str(folder) in assert_one_error_line(captured, bug_log_in_tmp)
    assert list(folder.iterdir()) == []


def test_export_to_a_missing_folder(
    imported: Path, tmp_path: Path, capsys, digest, bug_log_in_tmp
) -> None:
    before = digest(imported)
    target = tmp_path / "no such folder" / "out.csv"
    code = cli.main(["export", str(imported), "-o", str(target)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert str(target) in assert_one_error_line(captured, bug_log_in_tmp)
    assert not target.parent.exists()
    assert digest(imported) == before


def test_usage_error_exits_with_code_2(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["export", "p.fangtan"])  # -o is required
    assert caught.value.code == cli.EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err


def test_gui_without_a_display_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(cli.sys, "platform", "linux")
    code = cli.main(["gui", str(tmp_path / "p.fangtan")])
    error = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(error) == 1 and "no display" in error[0]
    assert not (tmp_path / "p.fangtan").exists()


def test_import_draws_a_progress_bar_only_on_a_terminal(tmp_path):
    import io

    from app.cli.progress import TerminalProgress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    progress = TerminalProgress(terminal)
    progress.report(0, 4, "a.txt")
    progress.report(4, 4, "")
    progress.finish()
    drawn = terminal.getvalue()
    assert "[" in drawn and "0/4  a.txt" in drawn and "4/4" in drawn
    assert drawn.endswith("\r")

    piped = io.StringIO()
    quiet = TerminalProgress(piped)
    quiet.report(1, 4, "a.txt")
    quiet.finish()
    assert piped.getvalue() == ""


@pytest.mark.parametrize(
    ("given", "project"),
    [
        ([], None),
        (["gui"], None),
        (["gui", "访谈.fangtan"], Path("访谈.fangtan")),
    ],
)
def test_a_plain_window_start_skips_the_parsers(given, project, monkeypatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    started = cli._window_start(given)
    assert started is not None and started.command == "gui" and started.project == project


@pytest.mark.parametrize(
    "given",
    [
        ["gui", "--help"],
        ["gui", ""],
        ["gui", "postgresql://editor@127.0.0.1/newsroom"],
        ["gui", "a.fangtan", "b.fangtan"],
        ["export", "a.fangtan", "-o", "a.csv"],
        ["--version"],
    ],
)
def test_everything_else_goes_through_the_parsers(given, monkeypatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert cli._window_start(given) is None


def test_without_a_display_the_window_start_goes_through_the_parsers(monkeypatch) -> None:
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(cli.sys, "platform", "linux")
    assert cli._window_start(["gui", "p.fangtan"]) is None
