"""Word documents (``.docx``), read with python-docx.

What is read, in document order: the body's paragraphs, tables (row by row, cell by
cell, nested tables included) and content controls. Each paragraph becomes one
paragraph of the output, and paragraphs are separated by a blank line. A line break
inside a paragraph (Shift+Enter) stays a line break. Text inserted with tracked
changes is kept; deleted text is not. The title is the one in the document's
properties (File ▸ Info), if set.

Speaker labels set in bold. Transcripts often mark the speaker by bold type alone,
as in "**记者** 今年有什么计划？". When a paragraph starts with bold text of at most
10 characters, followed by text that is not bold, a full-width colon "：" is inserted
after the bold text, so that the layout parser sees a label: "记者：今年有什么计划？".
Nothing is inserted when the bold text already ends with a colon (":" or "："), when
the text after it starts with one, when it is a bracketed label ("【记者】"), when it
holds clause punctuation (，。、；！？ — a bold phrase, not a name) or when it holds no
letter at all ("1."). A paragraph that is bold throughout is left alone (a heading).

A table row of exactly two non-empty cells whose first cell is such a short label
becomes one "label：text" paragraph, so two-column transcripts read as turns.

Not read: headers and footers, footnotes and endnotes, comments, text boxes and
shapes, images, and the numbers of automatically numbered lists.
"""

import io
import re
import zipfile
from collections.abc import Iterator

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle, CharacterStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from app.importing.errors import CorruptDocumentError, DocumentTooLargeError, NotAWordDocumentError
from app.importing.formats.base import (
    UNPACKED_FACTOR,
    Extracted,
    finish_text,
    join_paragraphs,
)
from app.importing.formats.sniff import ZIP_DAMAGE, with_article, zip_contents

KIND = "Word document"
MAX_LABEL_CHARS = 10

_COLONS = (":", "：")
_CLAUSE_PUNCTUATION = re.compile(r"[，。、；！？,;!?]")
_P = qn("w:p")
_R = qn("w:r")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_CUSTOM_XML = qn("w:customXml")


def read_docx(data: bytes, shown: str, max_bytes: int) -> Extracted:
    _check_package(data, shown, max_bytes)
    try:
        document = Document(io.BytesIO(data))
        paragraphs = list(_blocks(document.element.body, document, _Styles(document)))
        title = (document.core_properties.title or "").strip()
    except (
        *ZIP_DAMAGE,
        PackageNotFoundError,
        etree.XMLSyntaxError,
        KeyError,
        AttributeError,
        TypeError,
    ) as error:  # a damaged package can break python-docx anywhere
        raise CorruptDocumentError(path=shown, kind=KIND, detail=_one_line(error)) from error
    text = finish_text(join_paragraphs(paragraphs), shown)
    return Extracted(text=text, title=title)


def _check_package(data: bytes, shown: str, max_bytes: int) -> None:
    """Refuse a ZIP that is no Word document, is damaged, or unpacks to far too much."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            mimetype = (
                archive.read("mimetype")[:100].decode("ascii", "replace")
                if "mimetype" in names
                else ""
            )
    except ZIP_DAMAGE as error:
        raise CorruptDocumentError(path=shown, kind=KIND, detail=_one_line(error)) from error
    if "word/document.xml" not in names and not (
        "[Content_Types].xml" in names and any(name.startswith("word/") for name in names)
    ):
        raise NotAWordDocumentError(path=shown, kind=with_article(zip_contents(names, mimetype)))
    limit = max_bytes * UNPACKED_FACTOR
    unpacked = sum(info.file_size for info in infos if info.filename.endswith(".xml"))
    if unpacked > limit:
        raise DocumentTooLargeError(
            path=shown, size_mb=round(unpacked / 1_048_576, 1), limit_mb=limit // 1_048_576
        )


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]


# Walking the body ------------------------------------------------------------------


def _blocks(
    container: etree._Element, document: DocumentObject, styles: "_Styles"
) -> Iterator[str]:
    """Paragraph texts under a body or a table cell, in document order."""
    for child in container.iterchildren():
        if child.tag == _P:
            yield _paragraph_text(child, document, styles)
        elif child.tag == _TBL:
            yield from _table(child, document, styles)
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _blocks(content, document, styles)
        elif child.tag == _CUSTOM_XML:
            yield from _blocks(child, document, styles)


def _table(table: etree._Element, document: DocumentObject, styles: "_Styles") -> Iterator[str]:
    for row in table.iter(_TR):
        if _nearest(row, _TBL) is not table:  # a row of a nested table
            continue
        cells = []
        for cell in row.iterchildren(_TC):
            text = "\n".join(p.strip() for p in _blocks(cell, document, styles) if p.strip())
            if text:
                cells.append(text)
        if len(cells) == 2 and _is_label(cells[0]) and "\n" not in cells[0]:
            label = cells[0].rstrip()
            yield label + ("" if label.endswith(_COLONS) else "：") + cells[1]
        else:
            yield from cells


def _nearest(element: etree._Element, tag: str) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _paragraph_text(p: etree._Element, document: DocumentObject, styles: "_Styles") -> str:
    paragraph = Paragraph(p, document)
    pieces: list[tuple[str, bool]] = []
    leading = True  # only the runs up to the first text that is not bold can make a label
    for r in p.iter(_R):
        if _nearest(r, _P) is not p:  # inside a text box anchored in this paragraph
            continue
        run = Run(r, paragraph)
        text = run.text
        if not text:
            continue
        bold = False
        if leading:
            bold = styles.is_bold(run, r, p)
            leading = bold or not text.strip()
        pieces.append((text, bold))
    return _with_bold_label(pieces)


def _with_bold_label(pieces: list[tuple[str, bool]]) -> str:
    """The paragraph's text, with "：" after a leading bold speaker label (module docs)."""
    text = "".join(piece for piece, _ in pieces)
    index = 0
    while index < len(pieces) and not pieces[index][0].strip():
        index += 1
    bold = ""
    while index < len(pieces) and pieces[index][1]:
        bold += pieces[index][0]
        index += 1
    rest = "".join(piece for piece, _ in pieces[index:])
    label = bold.strip()
    if not label or not rest.strip() or not _is_label(label):
        return text
    if label.endswith((*_COLONS, "】", "]")) or rest.lstrip().startswith(_COLONS):
        return text
    lead = text[: len(text) - len(bold) - len(rest)]
    trailing = bold[len(bold.rstrip()) :]
    return lead + bold.rstrip() + "：" + trailing + rest


def _is_label(text: str) -> bool:
    """Short text that can name a speaker: at most 10 characters, a letter, no clause marks."""
    label = text.strip()
    if label.endswith(_COLONS):
        label = label[:-1].rstrip()
    return (
        0 < len(label) <= MAX_LABEL_CHARS
        and any(char.isalpha() for char in label)
        and not _CLAUSE_PUNCTUATION.search(label)
    )


class _Styles:
    """Bold as Word shows it: a run's own setting, else its character style, else its
    paragraph's style (each with the styles it is based on). Looked up once per style."""

    def __init__(self, document: DocumentObject) -> None:
        self._by_id: dict[str, BaseStyle] = {}
        for style in document.styles:
            if style.style_id:
                self._by_id[style.style_id] = style
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._default_paragraph = default.style_id if default is not None else None
        self._cache: dict[str, bool | None] = {}

    def is_bold(self, run: Run, r: etree._Element, p: etree._Element) -> bool:
        if run.bold is not None:
            return run.bold
        r_style = getattr(r, "style", None)  # the w:rStyle and w:pStyle ids
        p_style = getattr(p, "style", None) or self._default_paragraph
        for style_id in (r_style, p_style):
            bold = self._style_bold(style_id)
            if bold is not None:
                return bold
        return False

    def _style_bold(self, style_id: str | None) -> bool | None:
        if style_id is None:
            return None
        if style_id not in self._cache:
            bold = None
            style = self._by_id.get(style_id)
            seen: set[str] = set()
            while (
                isinstance(style, CharacterStyle)  # paragraph styles are character styles too
                and bold is None
                and style.style_id not in seen
            ):
                seen.add(style.style_id)
                bold = style.font.bold
                style = style.base_style
            self._cache[style_id] = bold
        return self._cache[style_id]
