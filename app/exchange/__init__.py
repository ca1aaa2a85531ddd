"""Corpus export in the formats annotators and other tools read, and import back.

Export (app/exchange/writers): ``export(project, format, target, options, progress)``
with a format from ``FORMATS`` (csv, turns-csv, docs-csv, xlsx, jsonl, label-studio,
brat, conll, qdpx). Import (app/exchange/readers): ``import_annotations`` for doccano
JSONL, Label Studio JSON and REFI-QDA files, with ``file_tags`` to ask the user how the
file's tag names map to the project's tags first. No Qt here: progress and cancellation
go through a ``Progress`` (app.dto), and everything returns plain values.
"""

from app.exchange.incoming import IMPORT_FORMATS
from app.exchange.readers.files import detect_format
from app.exchange.readers.intake import (
    AnnotationImportReport,
    FileTag,
    annotation_files,
    file_tags,
    import_annotations,
)
from app.exchange.writers.formats import (
    FORMATS,
    ExportFormat,
    export,
    extension_refusal,
    format_for_name,
)
from app.exchange.writers.options import (
    SPLIT_NAMES,
    ExportOptions,
    ExportSummary,
    ExportWarning,
    SplitOptions,
)

__all__ = [
    "FORMATS",
    "IMPORT_FORMATS",
    "SPLIT_NAMES",
    "AnnotationImportReport",
    "ExportFormat",
    "ExportOptions",
    "ExportSummary",
    "ExportWarning",
    "FileTag",
    "SplitOptions",
    "annotation_files",
    "detect_format",
    "export",
    "extension_refusal",
    "file_tags",
    "format_for_name",
    "import_annotations",
]
