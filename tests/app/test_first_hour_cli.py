"""What a new user meets first on the command line: a project in a folder that does not
exist, an empty project file, an empty project, and counts in correct English."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.cli.output import counted
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.errors import ProjectFolderMissingError, ProjectStorageError
from app.project import Project

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
ONE_TURN = "记者：你好吗？\n"
TWO_TURNS = "记者：今年的重点是什么？\n\n张三：今年我们抓项目建设。\n"


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = cli.main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_error_line(err: str, out: str, bug_log: Path) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("fangtan: ")
    assert "Traceback" not in err + out
    assert not bug_log.exists()  # a user error, not a bug
    return lines[0]


def source(tmp_path: Path, name: str, text: str | bytes) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def arguments_for(command: str, project: Path, tmp_path: Path) -> list[str]:
    extra = {
        "import": [str(source(tmp_path, "a.txt", TWO_TURNS))],
        "docs": [],
        "export": ["-o", str(tmp_path / "out.csv")],
        "search": ["项目"],
        "suggest": ["--rules-only"],
        "backups": [],
    }
    return [command, str(project), *extra[command]]


COMMANDS = ["import", "docs", "export", "search", "suggest", "backups"]


# A project in a folder that does not exist ---------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_folder_is_named_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bug_log_in_tmp: Path, command: str
) -> None:
    folder = tmp_path / "no such folder"
    project = folder / "p.fangtan"
    code, out, err = run(capsys, *arguments_for(command, project, tmp_path))
    assert code == cli.EXIT_FAILED
    line = one_error_line(err, out, bug_log_in_tmp)
    assert line == f"fangtan: {project}: the folder {folder} does not exist."
    assert "unable to open database file" not in line
    assert not folder.exists()


def test_the_window_command_names_the_missing_folder_before_anything_else(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    bug_log_in_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)  # no window could open either
    folder = tmp_path / "no such folder"
    project = folder / "p.fangtan"
    code, out, err = run(capsys, "gui", str(project))
    assert code == cli.EXIT_FAILED
    assert one_error_line(err, out, bug_log_in_tmp) == (
        f"fangtan: {project}: the folder {folder} does not exist."
    )
    assert not folder.exists()


def test_a_file_where_the_folder_should_be_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bug_log_in_tmp: Path
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    project = blocker / "p.fangtan"
    code, out, err = run(capsys, *arguments_for("import", project, tmp_path))
    assert code == cli.EXIT_FAILED
    line = one_error_line(err, out, bug_log_in_tmp)
    assert line == f"fangtan: {project}: {blocker} is a file, not a folder."
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_missing_folder_error_is_still_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectStorageError) as caught:
        Project.open(tmp_path / "gone" / "p.fangtan")
    assert isinstance(caught.value, ProjectFolderMissingError)
    assert caught.value.params["folder"] == str(tmp_path / "gone")


def test_the_installed_command_says_so_too(tmp_path: Path) -> None:
    project = tmp_path / "no such folder" / "p.fangtan"
    done = subprocess.run(
        [sys.executable, "-m", "app", "docs", str(project)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == cli.EXIT_FAILED
    assert done.stdout == ""
    assert done.stderr == f"fangtan: {project}: the folder {project.parent} does not exist.\n"


# An empty (0-byte) project file: a new, empty project for every command ------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_a_zero_byte_file_is_an_empty_project_to_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bug_log_in_tmp: Path, command: str
) -> None:
    project = tmp_path / "touched.fangtan"
    project.write_bytes(b"")
    code, _out, err = run(capsys, *arguments_for(command, project, tmp_path))
    assert code == cli.EXIT_OK, err
    assert "no project" not in err.lower()
    assert not bug_log_in_tmp.exists()
    opened = Project.open(project, create=False)  # now a project with the default codebook
    try:
        assert opened.tags()
        assert len(opened.documents()) == (1 if command == "import" else 0)
    finally:
        opened.close()


def test_a_zero_byte_file_lists_no_interviews_and_exports_an_empty_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "touched.fangtan"
    project.write_bytes(b"")
    code, out, err = run(capsys, "docs", str(project))
    assert (code, err) == (cli.EXIT_OK, "")
    assert out == f"no interviews yet in {project} (add some with fangtan import)\n"
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "export", str(project), "-o", str(target))
    assert (code, err) == (cli.EXIT_OK, "")
    assert out == f"exported 0 annotations in 0 documents as csv to {target}\n"
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1  # the header row only


def test_a_missing_file_is_still_no_project_for_reading_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bug_log_in_tmp: Path
) -> None:
    missing = tmp_path / "typo.fangtan"
    code, out, err = run(capsys, "docs", str(missing))
    assert code == cli.EXIT_FAILED
    assert one_error_line(err, out, bug_log_in_tmp) == f"fangtan: There is no project at {missing}."
    assert list(tmp_path.iterdir()) == []


# docs on an empty project -----------------------------------------------------------------


def test_docs_on_an_empty_project_says_there_are_no_interviews(
    project_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Project.open(project_path).close()
    code, out, err = run(capsys, "docs", str(project_path))
    assert (code, err) == (cli.EXIT_OK, "")
    assert out == f"no interviews yet in {project_path} (add some with fangtan import)\n"
    code, out, err = run(capsys, "docs", str(project_path), "--json")
    assert (code, err) == (cli.EXIT_OK, "")
    assert json.loads(out) == []


# Counts in correct English -----------------------------------------------------------------


def test_counted_uses_the_singular_for_one_only() -> None:
    assert counted(0, "document") == "0 documents"
    assert counted(1, "document") == "1 document"
    assert counted(2, "annotation file") == "2 annotation files"
    assert counted(1, "existing one") == "1 existing one"


def test_import_lines_count_turns_interviews_and_files(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = source(tmp_path, "one.txt", ONE_TURN)
    two = source(tmp_path, "two.txt", TWO_TURNS)
    bad = source(tmp_path, "photo.txt", PNG_BYTES)
    code, out, _err = run(capsys, "import", str(project_path), str(one), str(two), str(bad))
    assert code == cli.EXIT_FAILED
    lines = out.splitlines()
    assert lines[0].endswith("(1 turn)")
    assert lines[1].endswith("(2 turns)")
    assert lines[-1] == "2 interviews imported from 3 files; 1 file failed."
    three = source(tmp_path, "three.txt", "记者：第三篇？\n")
    code, out, _err = run(capsys, "import", str(project_path), str(one), str(three))
    assert code == cli.EXIT_OK
    assert out.splitlines()[-1] == (
        "1 interview imported from 2 files; 1 skipped as already in the project."
    )
    assert "(s)" not in out


def test_one_annotation_in_one_document(
    project: Project, project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.importing.importer import import_paths

    import_paths(project, [source(tmp_path, "two.txt", TWO_TURNS)])
    document = project.documents()[0]
    text = project.document(document.id).text
    start = text.index("项目建设")
    tag = project.tags()[0]
    project.execute(CreateAnnotations((AnnotationSpec(document.id, tag.id, start, start + 4),)))
    project.close()
    exported = tmp_path / "one.jsonl"
    code, out, _err = run(
        capsys, "export", str(project_path), "--format", "jsonl", "-o", str(exported)
    )
    assert code == cli.EXIT_OK
    assert out == f"exported 1 annotation in 1 document as jsonl to {exported}\n"
    copy = tmp_path / "copy.fangtan"
    code, out, _err = run(capsys, "import", str(copy), str(exported))
    assert code == cli.EXIT_OK
    assert out == "imported  one.jsonl: 1 new document and 0 existing ones, 1 annotation\n"
    code, out, _err = run(capsys, "import", str(copy), str(exported), str(exported))
    lines = out.splitlines()
    assert lines[0] == (
        "imported  one.jsonl: 0 new documents and 1 existing one, 0 annotations, 1 already there"
    )
    assert lines[-1] == f"2 annotation files imported: {exported}, {exported}."


def test_backups_keep_one(project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Project.open(project_path).close()
    code, out, _err = run(capsys, "backups", str(project_path), "--keep", "1")
    assert code == cli.EXIT_OK
    assert out.splitlines()[0] == "keeping the newest 1 backup from now on"
    code, out, _err = run(capsys, "backups", str(project_path))
    assert out.splitlines()[0] == "keeps the newest 1 backup"
