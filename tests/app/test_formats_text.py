"""load_source on plain text, and what every format shares: size, missing files, sniffing."""

import io
import zipfile
from pathlib import Path

import docx
import pytest

from app import cli
from app.importing.errors import (
    BinarySourceError,
    CorruptDocumentError,
    EmptySourceError,
    NotAWordDocumentError,
    NoTextError,
    SourceMissingError,
    SourceTooLargeError,
    SourceUnreadableError,
)
from app.importing.layout import parse_interviews
from app.importing.reading import LoadedSource, load_source
from app.project import Project

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"

INTERVIEW = """奋力打造实力之城

——访泊里镇党委书记刘在军

□本报记者 丁霞

记者：2023年是全面贯彻党的二十大精神的开局之年，泊里镇有哪些新的打算？

刘在军：今年，泊里镇将聚焦产业发展，大力推进氢能产业园区建设。

记者：在民生方面，泊里镇将如何提升群众的幸福感？

刘在军：我们将持续改善人居环境，新建两处社区服务中心。
"""


def check_interview(text: str) -> None:
    """The interview above, as the layout parser sees it."""
    [interview] = parse_interviews(text, fallback_title="fallback")
    assert interview.title == "奋力打造实力之城"
    assert interview.interviewee == "刘在军"
    assert interview.interviewee_role == "泊里镇党委书记"
    assert interview.reporter == "丁霞"
    turns = [(t.speaker, t.kind) for t in interview.turns if t.kind in ("question", "answer")]
    assert turns == [("记者", "question"), ("刘在军", "answer")] * 2


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Plain text ------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".text", ".TXT"])
def test_text_file_end_to_end(write_source, suffix: str) -> None:
    source = load_source(write_source("专访" + suffix, INTERVIEW.replace("\n", "\r\n")))
    assert source == LoadedSource(
        text=INTERVIEW, encoding="utf-8", format="text", title="", warnings=()
    )
    check_interview(source.text)


def test_gbk_text_end_to_end(write_source) -> None:
    source = load_source(write_source("gbk.txt", INTERVIEW.encode("gbk")))
    assert source.encoding == "gb18030"
    check_interview(source.text)


def test_unknown_suffix_is_read_as_text(write_source) -> None:
    source = load_source(write_source("interview", INTERVIEW))
    assert source.format == "text"
    check_interview(source.text)


def test_chinese_file_name_with_spaces(write_source) -> None:
    path = write_source("西海岸 专访 2023 年（终稿）.txt", INTERVIEW)
    assert load_source(path).text == INTERVIEW


def test_bom_and_line_endings_are_normalised(write_source) -> None:
    data = b"\xef\xbb\xbf" + "一\r\n二\r三\n四\u2028五\r\n".encode()
    assert load_source(write_source("crlf.txt", data)).text == "一\n二\n三\n四\n五\n"


def test_dos_end_of_file_mark_is_dropped(write_source) -> None:
    data = INTERVIEW.encode("gbk") + b"\x1a"
    assert load_source(write_source("dos.txt", data)).text == INTERVIEW


def test_html_saved_as_txt_is_read_as_html(write_source) -> None:
    page = "<!DOCTYPE html><html><body><p>记者：你好？</p><script>x()</script></body></html>"
    source = load_source(write_source("page.txt", page))
    assert (source.format, source.text) == ("html", "记者：你好？")
    assert [str(note) for note in source.warnings] == [
        "named .txt but is a web page; it was read as one"
    ]


def test_markdown_keeps_its_markup(write_source) -> None:
    text = "# 标题\n\n**记者**：你好？\n"
    assert load_source(write_source("a.md", text)).text == text


# Errors every format shares ------------------------------------------------------------------


def test_empty_file(write_source) -> None:
    for name in ("empty.txt", "empty.docx", "empty.pdf", "empty.html"):
        with pytest.raises(EmptySourceError):
            load_source(write_source(name, b""))


def test_whitespace_only_holds_no_text(write_source) -> None:
    with pytest.raises(NoTextError):
        load_source(write_source("blank.txt", " \r\n\t\n\u3000\n"))


@pytest.mark.parametrize("name", ["photo.txt", "photo.md", "photo.html", "photo.pdf"])
def test_image_renamed_is_binary(write_source, name: str) -> None:
    with pytest.raises(BinarySourceError) as caught:
        load_source(write_source(name, PNG_BYTES))
    assert caught.value.params["kind"] == "PNG image"


def test_old_word_document_renamed_txt_is_binary(write_source) -> None:
    with pytest.raises(BinarySourceError) as caught:
        load_source(write_source("old.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)))
    assert "save it as .docx" in caught.value.params["kind"]


def test_zip_of_other_files_renamed_txt_is_binary(write_source) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "记者：你好")
    with pytest.raises(BinarySourceError) as caught:
        load_source(write_source("notes.txt", buffer.getvalue()))
    assert caught.value.params["kind"] == "ZIP archive"


def test_word_document_renamed_txt_is_read_as_word(write_source) -> None:
    paragraphs = [line for line in INTERVIEW.split("\n") if line]
    source = load_source(write_source("really-word.txt", docx_bytes(*paragraphs)))
    assert (source.format, source.encoding) == ("docx", "")
    assert [str(note) for note in source.warnings] == [
        "named .txt but is a Word document; it was read as one"
    ]
    check_interview(source.text)


def test_text_named_docx_is_not_a_word_document(write_source) -> None:
    with pytest.raises(NotAWordDocumentError) as caught:
        load_source(write_source("fake.docx", INTERVIEW))
    assert caught.value.params["kind"] == "a text file"


def test_text_named_pdf_is_refused(write_source) -> None:
    with pytest.raises(CorruptDocumentError) as caught:
        load_source(write_source("fake.pdf", INTERVIEW))
    assert caught.value.params["kind"] == "PDF"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceMissingError):
        load_source(tmp_path / "不存在 的文件.txt")


def test_file_vanishing_between_measuring_and_reading(write_source, monkeypatch) -> None:
    path = write_source("vanishing.txt", INTERVIEW)
    real_open = Path.open

    def open_after_deleting(self: Path, *args, **kwargs):
        if self == path:
            self.unlink()
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_after_deleting)
    with pytest.raises(SourceMissingError) as caught:
        load_source(path)
    assert caught.value.params["path"] == str(path)


def test_permission_error_while_opening_is_unreadable(write_source, monkeypatch) -> None:
    path = write_source("denied.txt", INTERVIEW)

    def denied(self: Path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(SourceUnreadableError) as caught:
        load_source(path)
    assert caught.value.params["detail"] == "Permission denied"


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(SourceUnreadableError) as caught:
        load_source(folder)
    assert caught.value.params["detail"] == "not a file"


def test_200_mb_file_is_refused_without_being_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge 大文件.txt"
    with path.open("wb") as file:
        file.truncate(200 * 1024 * 1024)  # sparse: takes no disk space

    def never(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", never)
    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(SourceTooLargeError) as caught:
        load_source(path)
    assert caught.value.params["size_mb"] == 200.0
    assert caught.value.params["limit_mb"] == 50


def test_size_limit_is_inclusive(write_source) -> None:
    path = write_source("big.txt", "记者：你好吗？\n" * 100)
    size = path.stat().st_size
    with pytest.raises(SourceTooLargeError):
        load_source(path, max_bytes=size - 1)
    assert load_source(path, max_bytes=size).text.startswith("记者：你好吗？\n")


def test_command_line_import_prints_how_a_misnamed_file_was_read(tmp_path, capsys) -> None:
    paragraphs = [line for line in INTERVIEW.split("\n") if line]
    source = tmp_path / "really-word.txt"
    source.write_bytes(docx_bytes(*paragraphs))
    project_path = tmp_path / "p.fangtan"
    assert cli.main(["import", str(project_path), str(source)]) == cli.EXIT_OK
    output = capsys.readouterr().out
    assert "note      really-word.txt: named .txt but is a Word document; it was read as one" in (
        output.splitlines()
    )
    project = Project.open(project_path, create=False)
    try:
        formats = [project.document(d.id).meta.source_format for d in project.documents()]
        assert formats == ["docx"]
    finally:
        project.close()
