"""Read a text file into a Python string, or say in one line why it cannot be."""

import re
from pathlib import Path

from app.errors import (
    BinarySourceError,
    EmptySourceError,
    NoTextError,
    SourceEncodingError,
    SourceMissingError,
    SourceTooLargeError,
    SourceUnreadableError,
)

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
    shown = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise SourceMissingError(path=shown) from error
    except OSError as error:
        raise SourceUnreadableError(path=shown, detail=error.strerror or str(error)) from error
    if not path.is_file():
        raise SourceUnreadableError(path=shown, detail="not a file")
    if size > max_bytes:
        raise SourceTooLargeError(
            path=shown, size_mb=round(size / 1_048_576, 1), limit_mb=max_bytes // 1_048_576
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise SourceMissingError(path=shown) from error
    except OSError as error:
        raise SourceUnreadableError(path=shown, detail=error.strerror or str(error)) from error
    return decode_source(data, shown)


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
