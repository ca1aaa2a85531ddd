"""`fangtan export --format F` for every format, options, and `fangtan import` of annotation files."""

import json

import pytest

from app import cli
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from app.seeds import sample_interviews_path
from app.workspace import import_sample


@pytest.fixture
def project_path(tmp_path):
    path = tmp_path / "p.fangtan"
    project = Project.open(path, annotator="丁霞")
    import_sample(project)
    documents = project.documents()
    tags = project.tags()
    text = project.document(documents[0].id).text
    start = text.index("大力推进氢能产业园区建设")
    project.execute(
        CreateAnnotations(
            (
                AnnotationSpec(documents[0].id, tags[0].id, start, start + 12, note="导语"),
                AnnotationSpec(documents[0].id, tags[1].id, start + 4, start + 8),
                AnnotationSpec(documents[1].id, tags[2].id, 10, 20),
            )
        )
    )
    project.close()
    return path


@pytest.mark.parametrize(
    ("format_name", "name"),
    [
        ("csv", "a.csv"),
        ("turns-csv", "t.csv"),
        ("docs-csv", "d.csv"),
        ("xlsx", "a.xlsx"),
        ("jsonl", "a.jsonl"),
        ("label-studio", "a.json"),
        ("brat", "brat"),
        ("conll", "a.conll"),
        ("qdpx", "a.qdpx"),
    ],
)
def test_every_format_exports_from_the_command_line(
    project_path, tmp_path, capsys, format_name, name
):
    target = tmp_path / name
    assert cli.main(["export", str(project_path), "--format", format_name, "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"exported 3 annotations in 2 documents as {format_name}" in out
    assert target.exists()


@pytest.mark.parametrize(
    ("format_name", "name"), [("jsonl", "a.jsonl"), ("label-studio", "a.json"), ("qdpx", "a.qdpx")]
)
def test_round_trip_through_the_command_line_is_byte_identical(
    project_path, tmp_path, capsys, format_name, name
):
    (tmp_path / "again").mkdir()
    first = tmp_path / name
    second = tmp_path / "again" / name  # qdpx names its project after the file
    copy = tmp_path / "copy.fangtan"
    assert cli.main(["export", str(project_path), "--format", format_name, "-o", str(first)]) == 0
    assert cli.main(["import", str(copy), str(first)]) == 0
    assert "2 new documents and 0 existing ones, 3 annotations" in capsys.readouterr().out
    assert cli.main(["export", str(copy), "--format", format_name, "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_filters_notes_headers_and_split(project_path, tmp_path, capsys):
    target = tmp_path / "a.jsonl"
    code = cli.main(
        [
            "export",
            str(project_path),
            "--format",
            "jsonl",
            "-o",
            str(target),
            "--tags",
            "产业发展",
            "--no-notes",
            "--split-seed",
            "7",
        ]
    )
    assert code == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    labels = [label for record in records for label in record["label"]]
    assert [label[2] for label in labels] == ["产业发展"]
    assert all("split" in record["meta"] for record in records)
    folder = tmp_path / "parts"
    assert (
        cli.main(
            [
                "export",
                str(project_path),
                "--format",
                "csv",
                "-o",
                str(folder),
                "--split-files",
                "--split-seed",
                "7",
                "--headers",
                "zh",
            ]
        )
        == 0
    )
    written = sorted(path.name for path in folder.iterdir())
    assert written and all(name.split(".")[0] in ("train", "dev", "test") for name in written)


@pytest.mark.parametrize(
    "arguments",
    [
        ["--format", "nope"],
        ["--tags", "不存在"],
        ["--format", "conll", "--split-seed", "1"],
        ["--split-seed", "1", "--split-ratios", "0.5,0.5"],
    ],
)
def test_bad_export_options_say_why_in_one_line(project_path, tmp_path, capsys, arguments):
    code = cli.main(["export", str(project_path), "-o", str(tmp_path / "x.csv"), *arguments])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("name", "format_name"),
    [("a.xlsx", "xlsx"), ("A.XLSX", "xlsx"), ("a.jsonl", "jsonl"), ("a.qdpx", "qdpx")],
)
def test_without_a_format_the_output_name_says_which(
    project_path, tmp_path, capsys, name, format_name
):
    target = tmp_path / name
    assert cli.main(["export", str(project_path), "-o", str(target)]) == 0
    assert f"as {format_name} to" in capsys.readouterr().out
    again = tmp_path / "again"
    again.mkdir()
    explicit = again / name
    assert (
        cli.main(["export", str(project_path), "--format", format_name, "-o", str(explicit)]) == 0
    )
    assert target.read_bytes()[:4] == explicit.read_bytes()[:4]
    if format_name in ("xlsx", "qdpx"):
        assert target.read_bytes()[:2] == b"PK"  # a zip, not comma-separated text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-o", "out"], "Cannot tell the export format from the name out: give --format"),
        (["-o", "a.xlsx", "--format", "csv"], "a.xlsx ends in .xlsx, the extension of xlsx"),
        (["-o", "a.csv", "--format", "jsonl"], "name it a.jsonl or export as csv"),
    ],
)
def test_a_name_that_says_another_format_is_refused_and_nothing_written(
    project_path, tmp_path, capsys, monkeypatch, arguments, message
):
    monkeypatch.chdir(tmp_path)
    code = cli.main(["export", str(project_path), *arguments])
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["p.fangtan"]


def test_a_name_no_format_uses_takes_the_format_given(project_path, tmp_path):
    target = tmp_path / "a.txt"
    assert cli.main(["export", str(project_path), "--format", "csv", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8-sig").startswith("document")


def test_annotation_and_interview_files_are_not_mixed(project_path, tmp_path, capsys):
    exported = tmp_path / "a.jsonl"
    cli.main(["export", str(project_path), "--format", "jsonl", "-o", str(exported)])
    code = cli.main(
        ["import", str(tmp_path / "n.fangtan"), str(exported), str(sample_interviews_path())]
    )
    assert code == 1
    assert "separately" in capsys.readouterr().err


def test_export_onto_the_project_itself_is_refused(project_path, capsys):
    before = project_path.read_bytes()
    code = cli.main(["export", str(project_path), "--format", "csv", "-o", str(project_path)])
    assert code == 1
    assert "project file itself" in capsys.readouterr().err
    assert project_path.read_bytes() == before


def test_exported_files_get_ordinary_permissions(project_path, tmp_path):
    import os
    import stat

    target = tmp_path / "a.csv"
    assert cli.main(["export", str(project_path), "-o", str(target)]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--status", "foo"], "“foo” is not a document status; use new, in_progress or done."),
        (["--status", "done,finished"], "“finished” is not a document status"),
        (["--documents", "99"], "There is no document 99 in this project."),
        (["--documents", "1,98,99"], "There is no document 98, 99 in this project."),
        (["--documents", "abc"], "There is no document abc in this project."),
        (["--annotators", "王五"], "There is no annotator named “王五” in this project."),
        (["--annotator", "丁霞,王五"], "There is no annotator named “王五” in this project."),
    ],
)
def test_unknown_filter_values_are_errors_and_write_nothing(
    project_path, tmp_path, capsys, digest, arguments, message
):
    before = digest(project_path)
    target = tmp_path / "out.csv"
    code = cli.main(["export", str(project_path), "--format", "csv", "-o", str(target), *arguments])
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert captured.err.splitlines() == [captured.err.strip()]
    assert captured.err.startswith("fangtan: ") and message in captured.err
    assert captured.out == ""
    assert not target.exists()
    assert digest(project_path) == before


def test_known_filter_values_still_filter(project_path, tmp_path, capsys):
    target = tmp_path / "out.csv"
    code = cli.main(
        [
            "export",
            str(project_path),
            "--format",
            "csv",
            "-o",
            str(target),
            "--status",
            "new,done",
            "--documents",
            "1",
            "--annotators",
            "丁霞",
        ]
    )
    assert code == cli.EXIT_OK
    assert "exported 2 annotations in 1 document" in capsys.readouterr().out
    assert target.exists()
    target.unlink()
    assert cli.main(["export", str(project_path), "-o", str(target), "--status", "done"]) == 0
    assert "exported 0 annotations in 0 documents" in capsys.readouterr().out


def _stored(path):
    project = Project.open(path, create=False)
    try:
        documents = project.documents()
        return len(documents), sum(len(project.annotations(d.id)) for d in documents)
    finally:
        project.close()


@pytest.mark.parametrize("bad_first", [False, True])
def test_annotation_files_that_fail_are_named_and_the_others_kept(
    project_path, tmp_path, capsys, bad_first
):
    good = tmp_path / "a.jsonl"
    bad = tmp_path / "b.jsonl"
    assert cli.main(["export", str(project_path), "--format", "jsonl", "-o", str(good)]) == 0
    bad.write_text('{"text": 5}\n', encoding="utf-8")
    capsys.readouterr()
    copy = tmp_path / "copy.fangtan"
    paths = [str(bad), str(good)] if bad_first else [str(good), str(bad)]
    code = cli.main(["import", "--format", "jsonl", str(copy), *paths])
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert captured.err.splitlines() == [
        f"fangtan: {bad}: not a valid doccano JSONL file (line 1: no text)."
    ]
    assert "Nothing was imported" not in captured.out + captured.err
    lines = captured.out.splitlines()
    assert lines[0] == "imported  a.jsonl: 2 new documents and 0 existing ones, 3 annotations"
    assert lines[-1] == (
        f"1 of 2 annotation files imported ({good}); 1 failed and added nothing ({bad})."
    )
    assert _stored(copy) == (2, 3)


def test_several_annotation_files_all_imported(project_path, tmp_path, capsys):
    first = tmp_path / "a.jsonl"
    second = tmp_path / "a.json"
    assert cli.main(["export", str(project_path), "--format", "jsonl", "-o", str(first)]) == 0
    assert (
        cli.main(["export", str(project_path), "--format", "label-studio", "-o", str(second)]) == 0
    )
    capsys.readouterr()
    copy = tmp_path / "copy.fangtan"
    code = cli.main(["import", str(copy), str(first), str(second)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_OK
    assert captured.err == ""
    assert captured.out.splitlines()[-1] == f"2 annotation files imported: {first}, {second}."
    assert _stored(copy) == (2, 3)


def test_a_single_failing_annotation_file_says_nothing_was_imported(tmp_path, capsys):
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"text": 5}\n', encoding="utf-8")
    code = cli.main(["import", str(tmp_path / "n.fangtan"), str(bad)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_FAILED
    assert captured.err.splitlines() == [
        f"fangtan: {bad}: not a valid doccano JSONL file (line 1: no text). Nothing was imported."
    ]
    assert captured.out == ""
