"""Word documents: paragraphs, tables, bold speaker labels, and the ways a .docx can be wrong."""

import copy
import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from app.importing.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NotAWordDocumentError,
    NoTextError,
)
from app.importing.formats.word import read_docx
from app.importing.layout import parse_interviews
from app.importing.reading import load_source

HEADER = ["奋力打造实力之城", "——访泊里镇党委书记刘在军", "□本报记者 丁霞"]
TURNS = [
    ("记者", "2023年是全面贯彻党的二十大精神的开局之年，泊里镇有哪些新的打算？"),
    ("刘在军", "今年，泊里镇将聚焦产业发展，大力推进氢能产业园区建设。"),
    ("记者", "在民生方面，泊里镇将如何提升群众的幸福感？"),
    ("刘在军", "我们将持续改善人居环境，新建两处社区服务中心。"),
]


def saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bold_label_document(title: str = "") -> docx.document.Document:
    """The interview with speakers in bold and no colon, as transcribers type it."""
    document = docx.Document()
    document.core_properties.title = title
    for line in HEADER:
        document.add_paragraph(line)
    for speaker, words in TURNS:
        paragraph = document.add_paragraph()
        paragraph.add_run(speaker).bold = True
        paragraph.add_run(words)
    return document


def check_interview(text: str) -> None:
    [interview] = parse_interviews(text, fallback_title="fallback")
    assert interview.title == "奋力打造实力之城"
    assert (interview.interviewee, interview.interviewee_role) == ("刘在军", "泊里镇党委书记")
    assert interview.reporter == "丁霞"
    turns = [(t.speaker, t.kind) for t in interview.turns if t.kind in ("question", "answer")]
    assert turns == [("记者", "question"), ("刘在军", "answer")] * 2


def test_docx_end_to_end_with_bold_labels(write_source) -> None:
    path = write_source("专访 刘在军.docx", saved(bold_label_document(title="泊里镇专访")))
    source = load_source(path)
    assert (source.format, source.encoding, source.title) == ("docx", "", "泊里镇专访")
    assert source.warnings == ()
    expected = HEADER + [f"{speaker}：{words}" for speaker, words in TURNS]
    assert source.text == "\n\n".join(expected)
    check_interview(source.text)


def test_no_title_property_gives_empty_title(write_source) -> None:
    assert load_source(write_source("a.docx", saved(bold_label_document()))).title == ""


def label_text(*runs: tuple[str, bool | None]) -> str:
    document = docx.Document()
    paragraph = document.add_paragraph()
    for text, bold in runs:
        paragraph.add_run(text).bold = bold
    document.add_paragraph("记者：占位")  # a second paragraph, so the first is not alone
    buffer = io.BytesIO()
    document.save(buffer)
    return read_docx(buffer.getvalue(), "test.docx", 50 * 1024 * 1024).text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        ((("记者", True), ("你好？", None)), "记者：你好？"),
        ((("记者 ", True), ("你好？", None)), "记者： 你好？"),
        ((("记者：", True), ("你好？", None)), "记者：你好？"),
        ((("Q:", True), (" Hello?", None)), "Q: Hello?"),
        ((("记者", True), ("：你好？", None)), "记者：你好？"),
        ((("【记者】", True), ("你好？", None)), "【记者】你好？"),
        ((("Q", True), ("Hello?", False)), "Q：Hello?"),
        ((("全部加粗的小标题", True),), "全部加粗的小标题"),
        ((("重点是，", True), ("我们要努力。", None)), "重点是，我们要努力。"),
        ((("1.", True), ("今年有什么计划？", None)), "1.今年有什么计划？"),
        (
            (("这是一句很长的加粗开头文字", True), ("然后是正文。", None)),
            "这是一句很长的加粗开头文字然后是正文。",
        ),
        ((("记者", False), ("你好？", None)), "记者你好？"),
        ((("  ", None), ("记者", True), ("你好？", None)), "记者：你好？"),
        ((("记", True), ("者", True), ("你好？", None)), "记者：你好？"),
    ],
)
def test_bold_label_rule(runs, expected: str) -> None:
    assert label_text(*runs) == expected


def test_bold_from_a_character_style_counts(write_source) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("记者", style="Strong")
    paragraph.add_run("你好？")
    text = load_source(write_source("strong.docx", saved(document))).text
    assert text == "记者：你好？"


def test_bold_from_the_paragraph_style_and_its_base_counts(write_source) -> None:
    document = docx.Document()
    base = document.styles.add_style("Bold base", WD_STYLE_TYPE.PARAGRAPH)
    base.font.bold = True
    speaker = document.styles.add_style("Speaker line", WD_STYLE_TYPE.PARAGRAPH)
    speaker.base_style = base
    paragraph = document.add_paragraph(style=speaker)
    paragraph.add_run("记者")  # bold by inheritance
    paragraph.add_run("你好？").bold = False
    text = load_source(write_source("styled.docx", saved(document))).text
    assert text == "记者：你好？"


def test_tables_are_read_row_by_row(write_source) -> None:
    document = docx.Document()
    document.add_paragraph("表格前的段落")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "记者"
    table.cell(0, 1).text = "今年有什么计划？"
    table.cell(1, 0).text = "刘在军："
    table.cell(1, 1).text = "扩大生产。"
    table.cell(2, 0).text = "这一格不是标签，因为太长了"
    table.cell(2, 1).text = "第二格"
    document.add_paragraph("表格后的段落")
    text = load_source(write_source("table.docx", saved(document))).text
    assert text.split("\n\n") == [
        "表格前的段落",
        "记者：今年有什么计划？",
        "刘在军：扩大生产。",
        "这一格不是标签，因为太长了",
        "第二格",
        "表格后的段落",
    ]


def test_wide_tables_and_nested_tables(write_source) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "甲"
    table.cell(0, 1).text = "乙"
    inner = table.cell(0, 2).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "嵌套"
    text = load_source(write_source("nested.docx", saved(document))).text
    assert text.split("\n\n") == ["甲", "乙", "嵌套"]


def test_merged_cells_are_read_once(write_source) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并的标题行"
    table.cell(1, 0).text = "记者"
    table.cell(1, 1).text = "你好？"
    text = load_source(write_source("merged.docx", saved(document))).text
    assert text.split("\n\n") == ["合并的标题行", "记者：你好？"]


def test_line_breaks_and_empty_paragraphs(write_source) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("下一段")
    text = load_source(write_source("breaks.docx", saved(document))).text
    assert text == "第一行\n第二行\n\n下一段"


def test_tracked_insertions_are_kept_and_deletions_dropped(write_source) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("记者：")
    inserted = paragraph.add_run("新加的")
    deleted = paragraph.add_run("删掉的")
    paragraph.add_run("问题？")
    ins = paragraph._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "a"})
    inserted._r.addprevious(ins)
    ins.append(inserted._r)
    delete = paragraph._p.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "a"})
    deleted._r.addprevious(delete)
    delete.append(deleted._r)
    for t in deleted._r.iter(qn("w:t")):
        t.tag = qn("w:delText")
    text = load_source(write_source("tracked.docx", saved(document))).text
    assert text == "记者：新加的问题？"


def test_content_controls_are_read(write_source) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("控件里的段落")
    body = paragraph._p.getparent()
    sdt = body.makeelement(qn("w:sdt"), {})
    content = sdt.makeelement(qn("w:sdtContent"), {})
    sdt.append(content)
    paragraph._p.addprevious(sdt)
    content.append(paragraph._p)
    document.add_paragraph("之后")
    text = load_source(write_source("sdt.docx", saved(document))).text
    assert text == "控件里的段落\n\n之后"


def test_document_without_text(write_source) -> None:
    with pytest.raises(NoTextError):
        load_source(write_source("blank.docx", saved(docx.Document())))


# Not a Word document, or a damaged one ------------------------------------------------------


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_of_something_else_named_docx(write_source) -> None:
    data = zip_of({"照片/一.jpg": b"\xff\xd8\xff", "说明.txt": "记者：你好".encode()})
    with pytest.raises(NotAWordDocumentError) as caught:
        load_source(write_source("采访稿.docx", data))
    assert caught.value.params["kind"] == "a ZIP archive"
    assert str(caught.value).endswith("not a Word (.docx) document but a ZIP archive.")


def test_excel_workbook_named_docx(write_source) -> None:
    data = zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(NotAWordDocumentError) as caught:
        load_source(write_source("table.docx", data))
    assert caught.value.params["kind"] == "an Excel workbook"


def test_old_doc_named_docx(write_source) -> None:
    with pytest.raises(NotAWordDocumentError) as caught:
        load_source(write_source("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)))
    assert "old Office document" in caught.value.params["kind"]


def test_password_protected_docx(write_source) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200) + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedDocumentError) as caught:
        load_source(write_source("secret.docx", data))
    assert caught.value.params["kind"] == "Word document"


def test_truncated_docx_is_damaged(write_source) -> None:
    data = saved(bold_label_document())
    with pytest.raises(CorruptDocumentError) as caught:
        load_source(write_source("cut.docx", data[: len(data) // 2]))
    assert caught.value.params["kind"] == "Word document"


def test_docx_with_broken_xml_is_damaged(write_source) -> None:
    original = zipfile.ZipFile(io.BytesIO(saved(bold_label_document())))
    files = {name: original.read(name) for name in original.namelist()}
    files["word/document.xml"] = files["word/document.xml"][:300]
    with pytest.raises(CorruptDocumentError) as caught:
        load_source(write_source("broken.docx", zip_of(files)))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(write_source("x", b"").parent / "broken.docx"))


def test_docx_without_its_main_part_is_damaged(write_source) -> None:
    original = zipfile.ZipFile(io.BytesIO(saved(bold_label_document())))
    files = {
        name: original.read(name) for name in original.namelist() if name != "word/document.xml"
    }
    files["word/other.xml"] = b"<x/>"
    with pytest.raises(CorruptDocumentError):
        load_source(write_source("partless.docx", zip_of(files)))


def test_docx_unpacking_to_far_too_much_is_refused(write_source) -> None:
    document = bold_label_document()
    body = document.element.body
    template = body[0]
    for _ in range(3000):
        body.insert(0, copy.deepcopy(template))
    data = saved(document)
    path = write_source("bomb.docx", data)
    with pytest.raises(DocumentTooLargeError):  # the file fits, what it unpacks to does not
        load_source(path, max_bytes=len(data))
    assert load_source(path, max_bytes=len(data) * 100).format == "docx"
