"""Tell formats apart by their first bytes, whatever the file is called."""

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

PDF = "pdf"
DOCX = "docx"
HTML = "html"
TEXT = "text"
BINARY = "binary"
# Kinds of BINARY that a reader of Word documents words differently.
DAMAGED_ZIP = "damaged ZIP archive"
ENCRYPTED_OFFICE = "password-protected Office document"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# Office encrypts a .docx or .xlsx by wrapping it in an OLE file with this stream.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# Signatures of files people mistake for text. Formats whose first bytes could
# begin a real text ("BM", "MZ", "ID3") are caught by the NUL-byte check instead.
_MAGIC = (
    (b"\x89PNG\r\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (_OLE_MAGIC, "old Office document (.doc or .xls); save it as .docx"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "program"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"{\\rtf", "RTF document; save it as .docx"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# A PDF's header may follow a little junk; readers look in the first kilobyte.
_PDF_MARK = b"%PDF-"
_PDF_WINDOW = 1024
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


@dataclass(frozen=True)
class Sniffed:
    kind: str  # PDF, DOCX, HTML, TEXT or BINARY
    detail: str = ""  # for BINARY: what the file is, in a few words


def sniff(data: bytes) -> Sniffed:
    if _is_pdf(data):
        return Sniffed(PDF)
    if data.startswith(_ZIP_MAGIC):
        return _sniff_zip(data)
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data:
        return Sniffed(BINARY, ENCRYPTED_OFFICE)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return Sniffed(BINARY, kind)
    if _HTML_START.match(data.lstrip(b"\xef\xbb\xbf")[:4096]):
        return Sniffed(HTML)
    return Sniffed(TEXT)


def _is_pdf(data: bytes) -> bool:
    """``%PDF-`` at the start, or after a little binary junk (not after text)."""
    start = data.find(_PDF_MARK, 0, _PDF_WINDOW)
    if start <= 0:
        return start == 0
    return b"\x00" in data[:start] or not data[:start].isascii()


# What reading a damaged ZIP archive can raise.
ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
)


def _sniff_zip(data: bytes) -> Sniffed:
    """A Word document, or what else the ZIP archive holds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype")[:100].decode("ascii", "replace")
                if "mimetype" in names
                else ""
            )
    except ZIP_DAMAGE:
        return Sniffed(BINARY, DAMAGED_ZIP)
    if "word/document.xml" in names or (
        "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
    ):
        return Sniffed(DOCX)
    return Sniffed(BINARY, zip_contents(names, mimetype))


def zip_contents(names: set[str], mimetype: str = "") -> str:
    """What a ZIP archive that is not a Word document holds, in a few words."""
    if any(name.startswith("xl/") for name in names):
        return "Excel workbook"
    if any(name.startswith("ppt/") for name in names):
        return "PowerPoint presentation"
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        return "OpenDocument text (.odt); save it as .docx"
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        return "OpenDocument file"
    if mimetype.startswith("application/epub"):
        return "EPUB e-book"
    return "ZIP archive"


def with_article(kind: str) -> str:
    """ "ZIP archive" -> "a ZIP archive", "Excel workbook" -> "an Excel workbook"."""
    return ("an " if kind[:1].lower() in "aeiou" else "a ") + kind
