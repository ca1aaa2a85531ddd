"""Which reader reads an annotation file, within the size limit of every imported file.

Nothing here touches a project; a file that cannot be read raises a FangtanError with a
one-line message (a file over the limit: SourceTooLargeError, as for interviews).
"""

from pathlib import Path

from app.errors import AnnotationFormatUnknownError
from app.exchange.incoming import FORMAT_NAMES, IMPORT_FORMATS, IncomingFile
from app.exchange.readers.base import FileReader
from app.exchange.readers.qdpx import read_qdpx
from app.exchange.readers.spans import read_jsonl, read_label_studio
from app.importing.errors import SourceMissingError
from app.importing.reading import MAX_SOURCE_BYTES, read_capped


def detect_format(path: Path, override: str | None = None) -> str:
    """The annotation format of ``path``: ``override``, or by extension."""
    if override is not None:
        if override not in FORMAT_NAMES:
            raise AnnotationFormatUnknownError(path=str(path))
        return override
    found = IMPORT_FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise AnnotationFormatUnknownError(path=str(path))
    return found


def read_annotation_file(
    path: Path, format: str | None = None, max_bytes: int = MAX_SOURCE_BYTES
) -> IncomingFile:
    """The documents, annotations (and codebook) of ``path``, every offset checked.

    A file over ``max_bytes`` is refused before it is read; so is a .qdpx member that
    unpacks to more (DocumentTooLargeError).
    """
    path = Path(path)
    chosen = detect_format(path, format)
    if not path.is_file():
        raise SourceMissingError(path=str(path))
    raw = read_capped(path, max_bytes)
    reader = FileReader(path, chosen)
    if chosen == "jsonl":
        incoming = read_jsonl(reader, raw)
    elif chosen == "label-studio":
        incoming = read_label_studio(reader, raw)
    else:
        incoming = read_qdpx(reader, raw, max_bytes)
    for document in incoming.documents:
        reader.check(document)
    return incoming
