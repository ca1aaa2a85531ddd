"""Reading source files, and importing them into a project one transaction per file."""

from pathlib import Path

import pytest

from app.importing.errors import (
    BinarySourceError,
    EmptySourceError,
    NoTextError,
    SourceEncodingError,
    SourceMissingError,
    SourceTooLargeError,
    SourceUnreadableError,
)
from app.importing.importer import import_paths
from app.importing.reading import read_source

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"

INTERVIEW = """专访标题

——访某某公司总经理张三

□本报记者 李四

记者：今年公司有什么新计划？

张三：我们将扩大生产，开拓市场。
"""

OTHER_INTERVIEW = """另一篇专访

——访某某学校校长王五

记者：学校今年有什么变化？

王五：我们新建了图书馆，增加了课程。
"""


# read_source ---------------------------------------------------------------------


def test_empty_file_is_refused(write_source) -> None:
    path = write_source("empty.txt", b"")
    with pytest.raises(EmptySourceError) as caught:
        read_source(path)
    assert str(path) in str(caught.value)


def test_whitespace_only_file_holds_no_text(write_source) -> None:
    with pytest.raises(NoTextError):
        read_source(write_source("blank.txt", " \r\n\t\n\u3000\n"))


def test_png_renamed_to_txt_is_refused_as_binary(write_source) -> None:
    with pytest.raises(BinarySourceError) as caught:
        read_source(write_source("photo.txt", PNG_BYTES))
    assert caught.value.params["kind"] == "PNG image"


def test_text_with_nul_bytes_is_refused_as_binary(write_source) -> None:
    with pytest.raises(BinarySourceError):
        read_source(write_source("nul.txt", "记者：你好\x00吗".encode()))


def test_truncated_utf8_reports_the_bad_byte(write_source) -> None:
    data = "记者：你好".encode()
    truncated = data[:-1]  # the last character loses its final byte
    with pytest.raises(SourceEncodingError) as caught:
        read_source(write_source("cut.txt", truncated))
    assert caught.value.params["position"] == len("记者：你".encode())


def test_invalid_byte_in_the_middle_reports_its_position(write_source) -> None:
    data = "记者：".encode() + b"\xff" + "你好".encode()
    with pytest.raises(SourceEncodingError) as caught:
        read_source(write_source("bad.txt", data))
    assert caught.value.params["position"] == len("记者：".encode())


def test_gbk_text_is_refused_rather_than_garbled(write_source) -> None:
    with pytest.raises(SourceEncodingError):
        read_source(write_source("gbk.txt", "记者：今年有什么计划？".encode("gbk")))


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(SourceMissingError) as caught:
        read_source(missing)
    assert str(missing) in str(caught.value)


def test_directory_is_not_readable_as_a_source(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(SourceUnreadableError) as caught:
        read_source(folder)
    assert caught.value.params["detail"] == "not a file"


def test_file_over_the_size_limit_is_refused(write_source) -> None:
    path = write_source("big.txt", "记者：你好吗？\n" * 100)
    size = path.stat().st_size
    with pytest.raises(SourceTooLargeError):
        read_source(path, max_bytes=size - 1)
    assert read_source(path, max_bytes=size).startswith("记者：你好吗？\n")


def test_utf16_with_bom_is_decoded(write_source) -> None:
    text = "记者：你好𠮷😀吗？\n张三：很好。\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
        path = write_source(f"{encoding}.txt", bom + text.encode(encoding))
        assert read_source(path) == text


def test_utf8_bom_is_stripped(write_source) -> None:
    text = read_source(write_source("bom.txt", b"\xef\xbb\xbf" + "记者：你好".encode()))
    assert text == "记者：你好"


def test_crlf_and_lone_cr_are_normalised(write_source) -> None:
    text = read_source(write_source("crlf.txt", "一\r\n二\r三\n四\r\n".encode()))
    assert text == "一\n二\n三\n四\n"


def test_text_starting_with_bm_is_not_mistaken_for_a_bitmap(write_source) -> None:
    text = "BMW中国总裁访谈\n\n记者：今年的销量如何？\n\n张三：销量增长了百分之十。\n"
    assert read_source(write_source("bmw.txt", text)) == text


# import_paths --------------------------------------------------------------------


def test_chinese_file_name_with_spaces_imports(project, write_source, reopen) -> None:
    path = write_source("西海岸 专访 2023 年.txt", INTERVIEW)
    report = import_paths(project, [path])
    assert report.ok
    assert [(d.title, d.interviewee) for d in report.imported] == [("专访标题", "张三")]
    project = reopen(project)
    [summary] = project.documents()
    assert project.document(summary.id).meta.source_name == "西海岸 专访 2023 年.txt"


def test_folder_import_finds_text_files_in_subfolders(project, tmp_path: Path, reopen) -> None:
    folder = tmp_path / "采访 稿件"
    (folder / "子 目录").mkdir(parents=True)
    (folder / "一.txt").write_text(INTERVIEW, encoding="utf-8")
    (folder / "子 目录" / "二.md").write_text(OTHER_INTERVIEW, encoding="utf-8")
    (folder / "图片.png").write_bytes(PNG_BYTES)  # not a text suffix: ignored
    report = import_paths(project, [folder])
    assert report.ok
    assert sorted(d.title for d in report.imported) == ["专访标题", "另一篇专访"]
    project = reopen(project)
    assert len(project.documents()) == 2


def test_reimport_is_skipped_as_duplicate(sample_project, sample_path, reopen) -> None:
    project = reopen(sample_project)
    before = project.documents()
    report = import_paths(project, [sample_path])
    assert report.ok
    assert report.imported == []
    assert report.duplicates == [
        ("interviews-2023-xihaian.txt", "奋力打造实力之城品质之城幸福之城"),
        ("interviews-2023-xihaian.txt", "加快建设宜居宜业宜游的高品质街道"),
    ]
    project = reopen(project)
    assert project.documents() == before


def test_same_content_under_another_name_and_line_endings_is_a_duplicate(
    project, write_source, reopen
) -> None:
    first = import_paths(project, [write_source("a.txt", INTERVIEW)])
    assert len(first.imported) == 1
    crlf = b"\xef\xbb\xbf" + INTERVIEW.replace("\n", "\r\n").encode()
    second = import_paths(project, [write_source("b 副本.txt", crlf)])
    assert second.imported == []
    assert second.duplicates == [("b 副本.txt", "专访标题")]
    project = reopen(project)
    assert len(project.documents()) == 1


def test_the_same_interview_twice_in_one_file_is_stored_once(project, write_source, reopen) -> None:
    report = import_paths(project, [write_source("twice.txt", INTERVIEW + "\n" + INTERVIEW)])
    assert len(report.imported) == 1
    assert report.duplicates == [("twice.txt", "专访标题")]
    project = reopen(project)
    assert len(project.documents()) == 1


def test_a_failing_file_does_not_stop_the_batch(
    project, write_source, reopen, persisted_rows
) -> None:
    good = write_source("good.txt", INTERVIEW)
    png = write_source("photo.txt", PNG_BYTES)
    bad_utf8 = write_source("broken.txt", "记者：".encode() + b"\xff" + "你好".encode())
    missing = good.with_name("missing.txt")
    other = write_source("other.txt", OTHER_INTERVIEW)
    report = import_paths(project, [good, png, bad_utf8, missing, other])
    assert not report.ok
    assert [d.title for d in report.imported] == ["专访标题", "另一篇专访"]
    assert [(source, type(error)) for source, error in report.failures] == [
        (str(png), BinarySourceError),
        (str(bad_utf8), SourceEncodingError),
        (str(missing), SourceMissingError),
    ]
    project = reopen(project)
    assert sorted(d.title for d in project.documents()) == ["专访标题", "另一篇专访"]
    rows = persisted_rows(project)
    assert len(rows["documents"]) == 2
    # turns (id, document_id, ...) belong only to the two stored documents
    assert {row[1] for row in rows["turns"]} == {row[0] for row in rows["documents"]}


def test_failing_files_leave_the_project_unchanged(
    sample_project, write_source, persisted_rows, open_project
) -> None:
    before = persisted_rows(sample_project)
    project = open_project(create=False)
    failures = [
        write_source("empty.txt", b""),
        write_source("photo.txt", PNG_BYTES),
        write_source("blank.txt", "\n\n  \n"),
        write_source("latin1.txt", "café".encode("latin-1")),
    ]
    report = import_paths(project, failures)
    assert len(report.failures) == len(failures)
    assert report.imported == [] and report.duplicates == []
    assert persisted_rows(project) == before


class _Progress:
    def __init__(self, stop_after: int) -> None:
        self.stop_after = stop_after
        self.reports: list[tuple[int, int, str]] = []

    def report(self, done: int, total: int, current: str) -> None:
        self.reports.append((done, total, current))

    def cancelled(self) -> bool:
        return len(self.reports) >= self.stop_after


def test_cancelling_keeps_files_already_imported(project, write_source, reopen) -> None:
    paths = [write_source("a.txt", INTERVIEW), write_source("b.txt", OTHER_INTERVIEW)]
    progress = _Progress(stop_after=1)
    report = import_paths(project, paths, progress)
    assert report.cancelled
    assert [d.title for d in report.imported] == ["专访标题"]
    assert progress.reports == [(0, 2, "a.txt")]
    project = reopen(project)
    assert [d.title for d in project.documents()] == ["专访标题"]
