"""Corpus export in the formats annotators and other tools read, and import back.

Export: ``export(project, format, target, options, progress, cancelled)`` with a format
from ``FORMATS`` (csv, turns-csv, docs-csv, xlsx, jsonl, label-studio, brat, conll, qdpx),
or the matching ``export_<format>`` function. Import: ``import_annotations`` for
doccano JSONL, Label Studio JSON and REFI-QDA files, with ``file_tags`` to ask the user
how the file's tag names map to the project's tags first. No Qt here: progress and
cancellation are callbacks, and everything returns plain values.
"""

from app.exchange.formats import (
    FORMATS,
    ExportFormat,
    export,
    export_brat,
    export_conll,
    export_csv,
    export_docs_csv,
    export_jsonl,
    export_label_studio,
    export_qdpx,
    export_turns_csv,
    export_xlsx,
)
from app.exchange.intake import (
    AnnotationImportReport,
    FileTag,
    annotation_files,
    file_tags,
    import_annotations,
)
from app.exchange.options import (
    SPLIT_NAMES,
    ExportOptions,
    ExportSummary,
    ExportWarning,
    SplitOptions,
)
from app.exchange.reading import IMPORT_FORMATS, detect_format

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
    "export_brat",
    "export_conll",
    "export_csv",
    "export_docs_csv",
    "export_jsonl",
    "export_label_studio",
    "export_qdpx",
    "export_turns_csv",
    "export_xlsx",
    "file_tags",
    "import_annotations",
]
