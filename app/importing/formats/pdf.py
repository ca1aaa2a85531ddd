"""PDF files with a text layer, read with pdfminer.six.

A PDF holds positioned lines, not paragraphs. This module rebuilds the paragraphs:

- Lines come in the order pdfminer's layout analysis gives (text boxes, top to bottom,
  columns left to right).
- Running headers and footers go: a line among the top or bottom three of a page whose
  text (digits aside) comes back at the same height on at least half of the pages
  (and at least two). Page numbers go too, on any page, when they are the top or
  bottom line: "3", "- 3 -", "·3·", "第3页", "第 3 页 共 10 页", "3/10", "Page 3 of 10".
- Lines of one paragraph are joined: Chinese lines without a space, Latin words with
  one. A Latin word broken by a hyphen at the end of a line ("inter-" + "view") is
  rejoined; a hyphen before a capital or a digit ("COVID-" + "19") stays; Chinese text
  is never touched.
- A paragraph ends where the gap to the next line is clearly larger than the page's
  line spacing (the smaller of the usual distances between lines), which is written
  as a blank line; and where the next line is indented (a first-line indent), where a
  line stops well short of the right margin, where the text moves to another column,
  or where a sentence ends and the next line opens with a speaker label ("记者："),
  which are written as a line break. A paragraph running on from the bottom of one
  page to the top of the next is joined.
- Spaces pdfminer infers between two Chinese characters (from letter-spacing in
  justified text) are left out; spaces in the text itself stay. Kangxi radicals that
  some PDF makers emit instead of ideographs ("⼈" for "人") are mapped back.

The title is the document's Title property, unless it is a placeholder ("untitled",
"Microsoft Word - x.docx").

Not handled: scanned pages (refused as having no text layer: run OCR first), text set
vertically, tables (their cells come out as lines), and reading order beyond what
pdfminer's layout analysis finds.
"""

import io
import re
import struct
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTContainer,
    LTPage,
    LTText,
    LTTextLineHorizontal,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException, PSException
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from app.importing.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    UnmappedPdfTextError,
)
from app.importing.formats.base import Extracted, finish_text
from app.importing.lines import ends_sentence, find_label
from app.importing.notes import ImportNote

KIND = "PDF"
# Edge lines of a page looked at for running headers, footers and page numbers.
EDGE_LINES = 3
# Share of pages (at least two) a line must repeat on to be a running header or footer.
RUNNING_SHARE = 0.5
# Heights, in points, that count as "the same position".
POSITION_TOLERANCE = 2.0
# Above this share of unmapped glyphs, the text is not worth importing.
UNMAPPED_LIMIT = 0.1

_CID = re.compile(r"\(cid:\d+\)")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—·•\s]*\d{1,4}[-–—·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_WIDE = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]"
)
_HYPHENS = ("-", "\u2010")
_SOFT_HYPHEN = "\u00ad"
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
_RADICALS = {
    code: unicodedata.normalize("NFKC", chr(code))
    for code in range(0x2F00, 0x2FD6)
    if unicodedata.normalize("NFKC", chr(code)) != chr(code)
}
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PLACEHOLDER_TITLES = frozenset(
    {
        "untitled",
        "untitled document",
        "(anonymous)",
        "anonymous",
        "title",
        "document",
        "无标题",
        "无标题文档",
        "未命名",
        "文档",
    }
)
_WORD_PREFIX = re.compile(r"^Microsoft (?:Word|PowerPoint) - ")
_FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|txt|wps|rtf)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return max(1.0, self.y1 - self.y0)


@dataclass(frozen=True)
class _Page:
    number: int
    height: float
    lines: list[_Line]


def read_pdf(data: bytes, shown: str) -> Extracted:
    pages, title = _parse(data, shown)
    lines = [line for page in pages for line in page.lines]
    if not any(line.text.strip() for line in lines):
        raise NoTextLayerError(path=shown)
    warnings: list[ImportNote] = []
    unmapped = sum(len(_CID.findall(line.text)) for line in lines)
    if unmapped:
        total = sum(len(_CID.sub("x", line.text)) for line in lines)
        if unmapped > total * UNMAPPED_LIMIT:
            raise UnmappedPdfTextError(path=shown)
        warnings.append(ImportNote.of("pdf_unmapped", count=unmapped))
    pages = [_Page(p.number, p.height, [_tidy(line) for line in p.lines]) for p in pages]
    pages, removed = _without_running_lines(pages)
    if removed:
        warnings.append(ImportNote.of("pdf_running_lines", count=removed))
    text = finish_text(_paragraphs(pages), shown)
    return Extracted(text=text, title=title, warnings=tuple(warnings))


# Reading the file ----------------------------------------------------------------


def _parse(data: bytes, shown: str) -> tuple[list[_Page], str]:
    """Every page's text lines, and the document's title."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        title = _title(document)
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True))
        interpreter = PDFPageInterpreter(manager, device)
        pages = []
        for number, page in enumerate(PDFPage.create_pages(document)):
            interpreter.process_page(page)
            layout = device.get_result()
            pages.append(_Page(number, layout.height, list(_lines(layout, number))))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise EncryptedDocumentError(path=shown, kind=KIND) from error
    except (
        PDFException,
        PSException,
        ValueError,
        KeyError,
        TypeError,
        IndexError,
        AttributeError,
        AssertionError,
        ArithmeticError,
        EOFError,
        RecursionError,
        struct.error,
        zlib.error,
    ) as error:  # a damaged PDF can break pdfminer anywhere
        detail = " ".join(str(error).split())[:160] or type(error).__name__
        raise CorruptDocumentError(path=shown, kind=KIND, detail=detail) from error
    if not pages:
        raise CorruptDocumentError(path=shown, kind=KIND, detail="no pages")
    return pages, title


def _lines(layout: LTPage, number: int) -> Iterator[_Line]:
    stack: list[Iterator[object]] = [iter(layout)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, LTTextLineHorizontal):
            text = _line_text(item)
            if text.strip():
                yield _Line(number, item.x0, item.y0, item.x1, item.y1, text)
        elif isinstance(item, LTContainer):
            stack.append(iter(item))


def _line_text(line: LTTextLineHorizontal) -> str:
    """The line's characters. A space pdfminer inferred from a gap is left out between two
    Chinese characters (letter-spacing in justified text) and next to a real space."""
    pieces = [
        (item.get_text(), isinstance(item, LTAnno)) for item in line if isinstance(item, LTText)
    ]
    text = []
    for index, (piece, inferred) in enumerate(pieces):
        if piece == "\n":
            continue
        if inferred and piece == " ":
            before = pieces[index - 1][0] if index else ""
            after = pieces[index + 1][0] if index + 1 < len(pieces) else ""
            if _WIDE.fullmatch(before) and _WIDE.fullmatch(after):
                continue
            if before.isspace() or after.isspace():  # stretched word spacing
                continue
        text.append(piece)
    return "".join(text)


def _title(document: PDFDocument) -> str:
    for info in document.info:
        value = resolve1(info.get("Title"))
        if isinstance(value, bytes):
            value = decode_text(value)
        if not isinstance(value, str):
            continue
        title = _FILE_SUFFIX.sub("", _WORD_PREFIX.sub("", " ".join(value.split())))
        if title and title.lower() not in _PLACEHOLDER_TITLES:
            return title
    return ""


def _tidy(line: _Line) -> _Line:
    text = _CID.sub("", line.text).translate(_LIGATURES).translate(_RADICALS)
    text = _CONTROLS.sub("", text)
    text = text.strip()
    return _Line(line.page, line.x0, line.y0, line.x1, line.y1, text)


# Running headers, footers and page numbers -----------------------------------------------


def _edge_lines(page: _Page) -> list[_Line]:
    by_height = sorted((line for line in page.lines if line.text), key=lambda ln: -ln.y1)
    if len(by_height) <= 2 * EDGE_LINES:
        return by_height
    return by_height[:EDGE_LINES] + by_height[-EDGE_LINES:]


def _running_key(line: _Line) -> str:
    return _DIGITS.sub("#", line.text.replace(" ", ""))


def _without_running_lines(pages: list[_Page]) -> tuple[list[_Page], int]:
    """Pages without running headers, footers and page numbers; and how many lines went."""
    edges = {page.number: _edge_lines(page) for page in pages}
    places: dict[str, list[tuple[int, float]]] = {}
    for page in pages:
        for line in edges[page.number]:
            places.setdefault(_running_key(line), []).append((page.number, line.y0))
    needed = max(2, RUNNING_SHARE * len(pages))
    result = []
    removed = 0
    for page in pages:
        edge = edges[page.number]
        outermost = {id(edge[0]), id(edge[-1])} if edge else set()
        drop = set()
        for line in edge:
            same_place = {
                number
                for number, y in places[_running_key(line)]
                if abs(y - line.y0) <= POSITION_TOLERANCE
            }
            page_number = id(line) in outermost and _PAGE_NUMBER.match(line.text)
            if len(same_place) >= needed or page_number:
                drop.add(id(line))
        kept = [line for line in page.lines if line.text and id(line) not in drop]
        removed += len(drop)
        result.append(_Page(page.number, page.height, kept))
    return result, removed


# Paragraphs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    left: float
    right: float
    pitch: float  # usual distance between the baselines of consecutive lines


def _same_column(previous: _Line, line: _Line) -> bool:
    overlaps = line.x0 < previous.x1 and previous.x0 < line.x1
    below = line.y1 <= previous.y0 + POSITION_TOLERANCE + 0.5 * previous.height
    return overlaps and below


def _columns(page: _Page) -> dict[int, _Column]:
    """For each line, the margins and line spacing of the run of lines it belongs to."""
    runs: list[list[_Line]] = []
    for line in page.lines:
        if runs and _same_column(runs[-1][-1], line):
            runs[-1].append(line)
        else:
            runs.append([line])
    pitches = [
        previous.y0 - line.y0
        for run in runs
        for previous, line in pairwise(run)
        if 0 < previous.y0 - line.y0 < 3 * line.height
    ]
    # The line spacing inside paragraphs is the smaller of the usual distances: take a low
    # quantile, not the median, which paragraph gaps outnumber when paragraphs are short.
    page_pitch = sorted(pitches)[len(pitches) // 5] if pitches else 0.0
    result = {}
    for run in runs:
        left = min(line.x0 for line in run)
        right = max(line.x1 for line in run)
        for line in run:
            result[id(line)] = _Column(left, right, page_pitch)
    return result


def _is_indented(line: _Line, column: _Column) -> bool:
    return line.x0 - column.left > 0.8 * line.height


def _stops_short(line: _Line, following: _Line, column: _Column) -> bool:
    """Whether ``line`` ends early enough that the next line's first word would have fit."""
    first = following.text.split(" ", 1)[0]
    if first and _WIDE.match(first[0]):
        room = following.height  # one Chinese character
    else:
        room = 0.5 * following.height * (len(first) + 1)
    return column.right - line.x1 > room + POSITION_TOLERANCE


def _break(previous: _Line, line: _Line, columns: dict[int, _Column]) -> str:
    """What separates two consecutive lines of a page: "" (same paragraph), "\\n" or "\\n\\n"."""
    column = columns[id(line)]
    if not _same_column(previous, line) or columns[id(previous)] != column:
        return "\n"
    pitch = previous.y0 - line.y0
    if column.pitch and pitch > column.pitch * 1.35 + POSITION_TOLERANCE:
        return "\n\n"
    if _is_indented(line, column) or _stops_short(previous, line, column):
        return "\n"
    if ends_sentence(previous.text) and find_label(line.text):
        return "\n"
    return ""


def _continues_on_next_page(last: _Line, first: _Line, last_columns: dict[int, _Column]) -> bool:
    column = last_columns[id(last)]
    full = column.right - last.x1 <= last.height + POSITION_TOLERANCE
    return full and not ends_sentence(last.text) and not find_label(first.text)


def _join(paragraph: str, line: str) -> str:
    if paragraph.endswith(_SOFT_HYPHEN):
        return paragraph[:-1] + line
    last, first = paragraph[-1], line[0]
    if (
        paragraph.endswith(_HYPHENS)
        and len(paragraph) > 1
        and paragraph[-2].isascii()
        and paragraph[-2].isalpha()
        and first.isascii()
        and first.islower()
    ):
        return paragraph[:-1] + line
    if _WIDE.match(last) or _WIDE.match(first) or paragraph.endswith(_HYPHENS):
        return paragraph + line
    return paragraph + " " + line


def _paragraphs(pages: list[_Page]) -> str:
    parts: list[str] = []  # paragraph texts and the breaks between them
    previous: _Line | None = None
    previous_columns: dict[int, _Column] = {}
    for page in pages:
        columns = _columns(page)
        for index, line in enumerate(page.lines):
            if previous is None:
                parts.append(line.text)
            else:
                if index == 0:
                    joined = _continues_on_next_page(previous, line, previous_columns)
                    separator = (
                        "" if joined and not _is_indented(line, columns[id(line)]) else "\n\n"
                    )
                else:
                    separator = _break(previous, line, columns)
                if separator:
                    parts.extend((separator, line.text))
                else:
                    parts[-1] = _join(parts[-1], line.text)
            previous = line
        previous_columns = columns
    return "".join(parts)
