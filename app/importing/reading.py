"""Read a source file into a Python string, or say in one line why it cannot be.

:func:`load_source` reads every supported format (text in UTF-8, UTF-16, GB18030 or
Big5; Word; HTML; PDF with a text layer) and says what it found. :func:`read_source`
is the older reader of UTF-8 and UTF-16 text only.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from app.importing.errors import (
    BinarySourceError,
    CorruptDocumentError,
    EmptySourceError,
    EncryptedDocumentError,
    NotAWordDocumentError,
    NoTextError,
    SourceEncodingError,
    SourceMissingError,
    SourceTooLargeError,
    SourceUnreadableError,
)
from app.importing.formats import sniff as sniffing
from app.importing.formats.base import Extracted
from app.importing.notes import ImportNote

MAX_SOURCE_BYTES = 50 * 1024 * 1024

# Signatures of files people mistake for text. Formats whose first bytes could
# begin a real text ("BM", "MZ", "ID3") are caught by the NUL-byte check instead.
_MAGIC = (
    (b"\x89PNG\r\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "program"),
    (b"\x1f\x8b", "gzip archive"),
    (b"{\\rtf", "RTF document"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# NUL, and noncharacters that Qt treats as block boundaries; never in real text.
_FORBIDDEN = re.compile("[\x00\ufdd0-\ufdef]")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")


def read_source(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> str:
    """Decoded text of ``path`` with ``\\n`` line endings and no BOM."""
    return decode_source(read_capped(path, max_bytes), str(path))


def decode_source(data: bytes, shown: str) -> str:
    if not data:
        raise EmptySourceError(path=shown)
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise SourceEncodingError(path=shown, position=error.start) from error
    else:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise BinarySourceError(path=shown, kind=kind)
        if b"\x00" in data[:8192]:
            raise BinarySourceError(path=shown, kind="contains NUL bytes")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SourceEncodingError(path=shown, position=error.start) from error
    if _FORBIDDEN.search(text):
        raise BinarySourceError(path=shown, kind="contains non-text characters")
    text = normalize_newlines(text)
    if not text.strip():
        raise NoTextError(path=shown)
    return text


# Every format ---------------------------------------------------------------------

TEXT = "text"
DOCX = "docx"
HTML = "html"
PDF = "pdf"
# The format a file's name promises; its first bytes may say otherwise (see load_source).
# These are the files a folder is searched for, too.
SOURCE_SUFFIXES: dict[str, str] = {
    ".txt": TEXT,
    ".md": TEXT,
    ".text": TEXT,
    ".docx": DOCX,
    ".html": HTML,
    ".htm": HTML,
    ".pdf": PDF,
}


@dataclass(frozen=True)
class LoadedSource:
    """The text of one source file, and what was found out while reading it."""

    text: str  # "\n" line endings, no BOM
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"…; "" for docx and pdf
    format: str  # TEXT, DOCX, HTML or PDF
    title: str = ""  # a title the format carries (HTML <title>/<h1>, document properties)
    warnings: tuple[ImportNote, ...] = ()


def load_source(
    path: Path, encoding: str | None = None, max_bytes: int = MAX_SOURCE_BYTES
) -> LoadedSource:
    """Read ``path`` in whatever supported format it is in.

    The format comes from the first bytes when they are a signature (PDF, a ZIP holding
    a Word document, an HTML start tag), else from the name: a ``.txt`` that is really a
    Word document is read as one, with a warning; a ``.docx`` or ``.pdf`` without its
    signature is refused. Images, archives and other binary files are refused whatever
    they are called. ``encoding`` forces the encoding of a text or HTML file; it does
    not apply to Word and PDF files. A file over ``max_bytes`` is refused before it is
    read.
    """
    shown = str(path)
    data = read_capped(path, max_bytes)
    if not data:
        raise EmptySourceError(path=shown)
    named = SOURCE_SUFFIXES.get(path.suffix.lower())
    kind = _format_of(data, named, shown)
    warnings: list[ImportNote] = []
    if named is not None and named != kind:
        warnings.append(ImportNote.of(f"misnamed_{kind}", suffix=path.suffix))
    extracted = _extract(kind, data, shown, encoding, max_bytes)
    if not extracted.text.strip():
        raise NoTextError(path=shown)
    return LoadedSource(
        text=extracted.text,
        encoding=extracted.encoding,
        format=kind,
        title=extracted.title,
        warnings=(*warnings, *extracted.warnings),
    )


def read_capped(path: Path, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of the file ``path``; one over ``max_bytes`` is refused (SourceTooLargeError)
    by its size, before anything is read. Every file Fangtan imports is read through here.
    """
    shown = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SourceUnreadableError(path=shown, detail="not a file")
        if size > max_bytes:
            raise SourceTooLargeError(
                path=shown, size_mb=round(size / 1_048_576, 1), limit_mb=max_bytes // 1_048_576
            )
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise SourceMissingError(path=shown) from error
    except IsADirectoryError as error:
        raise SourceUnreadableError(path=shown, detail="not a file") from error
    except OSError as error:
        raise SourceUnreadableError(path=shown, detail=error.strerror or str(error)) from error
    if len(data) > max_bytes:  # it grew after it was measured
        raise SourceTooLargeError(
            path=shown, size_mb=round(len(data) / 1_048_576, 1), limit_mb=max_bytes // 1_048_576
        )
    return data


def _format_of(data: bytes, named: str | None, shown: str) -> str:
    """The format to read ``data`` as, or the error saying why it cannot be read."""
    sniffed = sniffing.sniff(data)
    if sniffed.kind == sniffing.PDF:
        return PDF
    if sniffed.kind == sniffing.DOCX:
        return DOCX
    if sniffed.kind == sniffing.BINARY:
        if named == DOCX:
            if sniffed.detail == sniffing.ENCRYPTED_OFFICE:
                raise EncryptedDocumentError(path=shown, kind="Word document")
            if sniffed.detail == sniffing.DAMAGED_ZIP:
                raise CorruptDocumentError(
                    path=shown, kind="Word document", detail=sniffing.DAMAGED_ZIP
                )
            raise NotAWordDocumentError(path=shown, kind=sniffing.with_article(sniffed.detail))
        raise BinarySourceError(path=shown, kind=sniffed.detail)
    if sniffed.kind == sniffing.HTML:
        return HTML
    if named == DOCX:
        raise NotAWordDocumentError(path=shown, kind="a text file")
    if named == PDF:
        raise CorruptDocumentError(path=shown, kind="PDF", detail="it does not start like a PDF")
    return HTML if named == HTML else TEXT


def _extract(kind: str, data: bytes, shown: str, encoding: str | None, max_bytes: int) -> Extracted:
    # Imported here: the readers pull in python-docx, Beautiful Soup, pdfminer and
    # charset-normalizer, which the window does not need to start.
    if kind == DOCX:
        from app.importing.formats.word import read_docx

        return read_docx(data, shown, max_bytes)
    if kind == PDF:
        from app.importing.formats.pdf import read_pdf

        return read_pdf(data, shown)
    if kind == HTML:
        from app.importing.formats.webpage import read_html

        return read_html(data, shown, encoding)
    from app.importing.formats.plaintext import read_text

    return read_text(data, shown, encoding)
