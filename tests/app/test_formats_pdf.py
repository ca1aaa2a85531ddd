"""PDFs with a text layer: paragraphs rebuilt, running headers and page numbers removed."""

import io

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from app.importing.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    UnmappedPdfTextError,
)
from app.importing.layout import parse_interviews
from app.importing.reading import load_source

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

INTERVIEW = [
    "奋力打造实力之城",
    "——访泊里镇党委书记刘在军",
    "□本报记者 丁霞",
    "记者：2023年是全面贯彻党的二十大精神的开局之年，泊里镇在产业发展、城市更新和民生保障"
    "方面有哪些新的打算？",
    "刘在军：今年，泊里镇将聚焦产业发展，大力推进氢能产业园区建设，加快重点项目落地见效，"
    "同时做好企业服务，让更多优质项目在泊里扎根成长。",
    "记者：在民生方面，泊里镇将如何提升群众的幸福感？",
    "刘在军：我们将持续改善人居环境，新建两处社区服务中心，完善养老和托育设施，"
    "让群众在家门口享受更好的公共服务。",
]
GAPPED = ParagraphStyle("gapped", fontName=FONT, fontSize=12, leading=18, spaceAfter=12)
INDENTED = ParagraphStyle(
    "indented", fontName=FONT, fontSize=12, leading=18, spaceAfter=0, firstLineIndent=24
)


def document_pdf(
    paragraphs: list[str],
    style: ParagraphStyle = GAPPED,
    title: str | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> bytes:
    """A PDF laid out by reportlab, with a running header and a footer ("{page}" numbered)."""

    def furniture(page: canvas.Canvas, document: SimpleDocTemplate) -> None:
        page.saveState()
        page.setFont(FONT, 9)
        if header:
            page.drawString(72, A4[1] - 40, header)
        if footer:
            page.drawCentredString(A4[0] / 2, 30, footer.format(page=document.page))
        page.restoreState()

    buffer = io.BytesIO()
    options = {"title": title} if title is not None else {}
    document = SimpleDocTemplate(buffer, pagesize=A4, **options)
    flowables = [Paragraph(text, style) for text in paragraphs]
    document.build(flowables, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


def lines_pdf(lines: list[tuple[float, float, str]], font: str = FONT, size: int = 12) -> bytes:
    """One page with each (x, y, text) drawn exactly where given."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(font, size)
    for x, y, text in lines:
        page.drawString(x, y, text)
    page.save()
    return buffer.getvalue()


def check_interview(text: str) -> None:
    [interview] = parse_interviews(text, fallback_title="fallback")
    assert interview.title == "奋力打造实力之城"
    assert (interview.interviewee, interview.interviewee_role) == ("刘在军", "泊里镇党委书记")
    assert interview.reporter == "丁霞"
    turns = [(t.speaker, t.kind) for t in interview.turns if t.kind in ("question", "answer")]
    assert turns == [("记者", "question"), ("刘在军", "answer")] * 2


def test_pdf_end_to_end(write_source) -> None:
    data = document_pdf(INTERVIEW, title="泊里镇专访")
    source = load_source(write_source("专访 刘在军.pdf", data))
    assert (source.format, source.encoding, source.title) == ("pdf", "", "泊里镇专访")
    assert source.text.split("\n\n") == INTERVIEW  # wrapped lines joined, no spaces added
    check_interview(source.text)


def test_indented_paragraphs_without_gaps(write_source) -> None:
    source = load_source(write_source("indented.pdf", document_pdf(INTERVIEW, style=INDENTED)))
    assert source.text.split("\n") == INTERVIEW
    check_interview(source.text)


def test_placeholder_title_is_ignored(write_source) -> None:
    # reportlab writes "untitled" when no title is given
    assert load_source(write_source("untitled.pdf", document_pdf(INTERVIEW))).title == ""
    word = document_pdf(INTERVIEW, title="Microsoft Word - 专访稿.docx")
    assert load_source(write_source("word.pdf", word)).title == "专访稿"


def long_interview() -> list[str]:
    paragraphs = ["奋力打造实力之城", "——访泊里镇党委书记刘在军"]
    for number in range(1, 13):
        paragraphs.append(f"记者：第{number}个问题，泊里镇在第{number}个方面有哪些新的举措和打算？")
        paragraphs.append(
            f"刘在军：关于第{number}个方面，我们将继续大力推进项目建设，"
            f"今年计划完成投资{number * 3}亿元，新增就业岗位{number * 120}个，"
            f"同时加快配套设施建设，提升服务水平，让企业和群众都满意。"
        )
    return paragraphs


@pytest.mark.parametrize(
    "footer",
    ["- {page} -", "第{page}页", "{page}", "第 {page} 页 共 9 页", "{page}/9", "Page {page}"],
)
def test_running_header_and_page_numbers_are_removed(write_source, footer: str) -> None:
    paragraphs = long_interview()
    data = document_pdf(paragraphs, header="西海岸新区报 2023年5月12日 第A3版", footer=footer)
    source = load_source(write_source("long.pdf", data))
    assert source.text.split("\n\n") == paragraphs  # the one split by a page break is whole
    assert "西海岸新区报" not in source.text
    assert any(note.kind == "pdf_running_lines" for note in source.warnings)


def test_a_page_number_on_a_single_page_is_removed(write_source) -> None:
    data = document_pdf(INTERVIEW, footer="- {page} -")
    assert load_source(write_source("one.pdf", data)).text.split("\n\n") == INTERVIEW


def test_chinese_lines_join_without_a_space(write_source) -> None:
    data = lines_pdf(
        [
            (72, 700, "记者：今年泊里镇在产业发展方面有哪些新的举措和打算？今年泊里镇在产业发"),
            (72, 682, "展方面有哪些新的举措和打算？"),
            (72, 650, "刘在军：我们将继续推进。"),
        ]
    )
    text = load_source(write_source("join.pdf", data)).text
    assert text == (
        "记者：今年泊里镇在产业发展方面有哪些新的举措和打算？今年泊里镇在产业发"
        "展方面有哪些新的举措和打算？\n\n刘在军：我们将继续推进。"
    )


def justified_pdf(lines: list[str], font: str = "Helvetica", size: int = 11) -> bytes:
    """Lines set flush left and right (word spacing stretched), the last one flush left."""
    width = max(pdfmetrics.stringWidth(line, font, size) for line in lines) + 4
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number, line in enumerate(lines):
        text = page.beginText(72, 700 - number * 14)
        text.setFont(font, size)
        if number < len(lines) - 1:
            room = width - pdfmetrics.stringWidth(line, font, size)
            text.setWordSpace(room / line.count(" "))
        text.textLine(line)
        page.drawText(text)
    page.save()
    return buffer.getvalue()


def test_latin_lines_join_with_a_space_and_lose_their_hyphenation(write_source) -> None:
    data = justified_pdf(
        [
            "The reporter asked about the new hydrogen energy park and its inter-",
            "national partners, and about the town's measures against COVID-",
            "19 in the last year and its plans for the coming years. The answer",
            "came from the Party Secretary of the town himself.",
        ]
    )
    text = load_source(write_source("latin.pdf", data)).text
    assert text == (
        "The reporter asked about the new hydrogen energy park and its international partners, "
        "and about the town's measures against COVID-19 in the last year and its plans for "
        "the coming years. The answer came from the Party Secretary of the town himself."
    )


def test_speaker_label_after_a_full_sentence_starts_a_paragraph(write_source) -> None:
    data = lines_pdf(
        [
            (72, 700, "记者：今年泊里镇在产业发展方面有哪些新的举措和打算？今年有什么打算呢？"),
            (72, 682, "刘在军：我们将继续推进氢能产业园区建设，加快项目落地，提升服务水平。"),
        ]
    )
    text = load_source(write_source("labels.pdf", data)).text
    assert text.split("\n") == [
        "记者：今年泊里镇在产业发展方面有哪些新的举措和打算？今年有什么打算呢？",
        "刘在军：我们将继续推进氢能产业园区建设，加快项目落地，提升服务水平。",
    ]


def test_pdf_renamed_txt_is_read_as_pdf(write_source) -> None:
    source = load_source(write_source("really-pdf.txt", document_pdf(INTERVIEW)))
    assert source.format == "pdf"
    assert str(source.warnings[0]) == "named .txt but is a PDF document; it was read as one"
    check_interview(source.text)


# Refused ----------------------------------------------------------------------------------


def test_scanned_pdf_has_no_text_layer(write_source) -> None:
    image = Image.new("L", (400, 300), 255)
    pen = ImageDraw.Draw(image)
    for y in range(20, 280, 20):
        pen.line((20, y, 380, y), fill=0, width=6)  # lines of "text" as a scanner sees them
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawImage(ImageReader(image), 50, 300, width=500, height=375)
    page.showPage()
    page.drawImage(ImageReader(image), 50, 300, width=500, height=375)
    page.save()
    with pytest.raises(NoTextLayerError) as caught:
        load_source(write_source("扫描件.pdf", buffer.getvalue()))
    assert "has no text layer (scanned?)" in str(caught.value)


def test_password_protected_pdf(write_source) -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=StandardEncryption("secret", ownerPassword="owner"))
    page.setFont(FONT, 12)
    page.drawString(72, 700, "记者：你好？")
    page.save()
    with pytest.raises(EncryptedDocumentError) as caught:
        load_source(write_source("secret.pdf", buffer.getvalue()))
    assert caught.value.params["kind"] == "PDF"


def test_pdf_with_an_empty_user_password_is_read(write_source) -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=StandardEncryption("", ownerPassword="owner"))
    page.setFont("Helvetica", 12)
    page.drawString(72, 700, "Q: Hello?")
    page.save()
    assert load_source(write_source("open.pdf", buffer.getvalue())).text == "Q: Hello?"


def test_damaged_pdf(write_source) -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8
    with pytest.raises(CorruptDocumentError) as caught:
        load_source(write_source("broken.pdf", data))
    assert caught.value.params["kind"] == "PDF"
    assert "\n" not in str(caught.value)


def hand_made_pdf(objects: list[bytes]) -> bytes:
    """A PDF file around ``objects`` (numbered from 1, the first is the catalog)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def test_fonts_without_unicode_mapping(write_source) -> None:
    content = b"BT /F1 12 Tf 72 700 Td <0001000200030004000500060007> Tj ET"
    data = hand_made_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Mystery /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mystery /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/FontDescriptor 7 0 R /DW 1000 >>",
            b"<< /Type /FontDescriptor /FontName /Mystery /Flags 4 /FontBBox [0 0 1000 1000] "
            b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        ]
    )
    with pytest.raises(UnmappedPdfTextError):
        load_source(write_source("cid.pdf", data))


def test_kangxi_radicals_become_ideographs() -> None:
    from app.importing.formats.pdf import _Line, _tidy

    line = _tidy(_Line(0, 0, 0, 100, 12, "⼈⺠代表⼤会"))
    assert line.text == "人⺠代表大会"  # ⺠ (a radical supplement form) has no mapping
