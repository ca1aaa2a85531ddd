"""What an annotation file from another tool (doccano, Label Studio, REFI-QDA) holds, as
plain values: the readers (app/exchange/readers) make them, the intake stores them."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.importing.layout import ParsedTurn

IMPORT_FORMATS = {".jsonl": "jsonl", ".json": "label-studio", ".qdpx": "qdpx"}
FORMAT_NAMES = {"jsonl": "doccano JSONL", "label-studio": "Label Studio JSON", "qdpx": "REFI-QDA"}


@dataclass
class IncomingAnnotation:
    start: int
    end: int
    label: str
    note: str = ""
    annotator: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    source: str | None = None  # where Fangtan's own export says it came from


@dataclass
class IncomingDocument:
    number: int  # where it is in the file: line (jsonl), task or source (1-based)
    text: str
    preferred_id: int | None = None  # the document's id in Fangtan's own exports
    fields: dict[str, Any] = field(default_factory=dict)
    turns: list[ParsedTurn] | None = None
    annotations: list[IncomingAnnotation] = field(default_factory=list)


@dataclass(frozen=True)
class IncomingCode:
    name: str
    color: str | None = None
    description: str = ""
    parent: str | None = None


@dataclass
class IncomingFile:
    path: Path
    format: str
    documents: list[IncomingDocument] = field(default_factory=list)
    codes: list[IncomingCode] = field(default_factory=list)  # REFI-QDA codebook
    from_fangtan: bool = False  # every document comes from a Fangtan export
    skipped: int = 0  # selections or results that are not coded text spans

    def label_names(self) -> list[str]:
        """Every tag name in the file, codebook first, in order of appearance."""
        names = dict.fromkeys(code.name for code in self.codes)
        for document in self.documents:
            names.update(dict.fromkeys(a.label for a in document.annotations))
        return list(names)
