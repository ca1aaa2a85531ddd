"""Plain text: ``.txt``, ``.md`` and ``.text`` files, in any encoding charsets reads.

Markdown is read as it stands: its markup stays in the text.
"""

from app.importing.formats.base import Extracted, finish_text
from app.importing.formats.charsets import decode_text


def read_text(data: bytes, shown: str, encoding: str | None = None) -> Extracted:
    decoded = decode_text(data, shown, encoding)
    return Extracted(
        text=finish_text(decoded.text, shown),
        encoding=decoded.encoding,
        warnings=decoded.warnings,
    )
