"""Read annotation files from other tools (doccano, Label Studio, REFI-QDA) into plain values.

Nothing here touches a project. Texts are kept exactly as in the file (offsets depend
on it); every offset is checked against its text, and a file that cannot be read
raises a FangtanError with a one-line message.
"""

import contextlib
import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.errors import (
    AnnotationFileError,
    AnnotationFormatUnknownError,
    AnnotationOffsetError,
    AnnotationTagNameError,
    SourceMissingError,
    SourceUnreadableError,
)
from app.exchange.spans import META_FIELDS
from app.importing.layout import ParsedTurn
from models.annotations import ANNOTATION_SOURCES
from models.documents import DOCUMENT_STATUSES, TURN_KINDS

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


def read_annotation_file(path: Path, format: str | None = None) -> IncomingFile:
    path = Path(path)
    chosen = detect_format(path, format)
    if not path.is_file():
        raise SourceMissingError(path=str(path))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceUnreadableError(path=str(path), detail=error.strerror or str(error)) from error
    reader = FileReader(path, chosen)
    if chosen == "jsonl":
        incoming = reader.jsonl(raw)
    elif chosen == "label-studio":
        incoming = reader.label_studio(raw)
    else:
        from app.exchange.qde_reading import read_qdpx  # it reads this module's types

        incoming = read_qdpx(reader, raw)
    for document in incoming.documents:
        reader.check(document)
    return incoming


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def fields_from_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Document metadata Fangtan knows, from a ``meta`` object; anything odd is left out."""
    fields: dict[str, Any] = {}
    for name in META_FIELDS:
        value = meta.get(name)
        if name == "published_on":
            if isinstance(value, str):
                with contextlib.suppress(ValueError):
                    fields[name] = date.fromisoformat(value)
        elif name == "status":
            if value in DOCUMENT_STATUSES:
                fields[name] = value
        elif isinstance(value, str):
            fields[name] = value
    return fields


class FileReader:
    def __init__(self, path: Path, format: str) -> None:
        self.path = path
        self.format = format

    def fail(self, detail: str) -> AnnotationFileError:
        return AnnotationFileError(
            path=str(self.path), format=FORMAT_NAMES[self.format], detail=detail
        )

    def decode(self, raw: bytes, what: str) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise self.fail(f"{what} is not UTF-8 (byte {error.start})") from error

    def check(self, document: IncomingDocument) -> None:
        length = len(document.text)
        for annotation in document.annotations:
            if not annotation.label.strip():
                raise AnnotationTagNameError(path=str(self.path), number=document.number)
            if not (0 <= annotation.start < annotation.end <= length):
                raise AnnotationOffsetError(
                    path=str(self.path),
                    number=document.number,
                    start=annotation.start,
                    end=annotation.end,
                    length=length,
                )

    def span(self, start: object, end: object, label: object, number: int) -> IncomingAnnotation:
        if not (_integer(start) and _integer(end)):
            raise self.fail(f"document {number}: offsets must be whole numbers")
        if not isinstance(label, str):
            raise AnnotationTagNameError(path=str(self.path), number=number)
        assert isinstance(start, int) and isinstance(end, int)
        return IncomingAnnotation(start, end, label)

    def turns(self, meta: dict[str, Any], text: str, number: int) -> list[ParsedTurn] | None:
        found = meta.get("turns")
        if found is None:
            return None
        if not isinstance(found, list):
            raise self.fail(f"document {number}: turns must be a list")
        turns = []
        for index, turn in enumerate(found):
            valid = (
                isinstance(turn, list)
                and len(turn) in (5, 6)
                and isinstance(turn[0], str)
                and turn[1] in TURN_KINDS
                and all(_integer(offset) for offset in turn[2:5])
                and (len(turn) == 5 or isinstance(turn[5], str))
            )
            if not valid or not 0 <= turn[2] <= turn[3] <= turn[4] <= len(text):
                raise self.fail(f"document {number}: turn {index} does not fit its text")
            turns.append(ParsedTurn(*turn))
        return turns

    @staticmethod
    def apply_details(
        annotations: list[IncomingAnnotation], details: object, with_note: bool
    ) -> None:
        """Annotator, times (and note) from Fangtan's ``meta.annotations`` list."""
        if not isinstance(details, list):
            return
        waiting: dict[tuple[object, object, object], deque[dict[str, Any]]] = defaultdict(deque)
        for detail in details:
            if isinstance(detail, dict):
                key = (detail.get("start"), detail.get("end"), detail.get("label"))
                waiting[key].append(detail)
        for annotation in annotations:
            queue = waiting.get((annotation.start, annotation.end, annotation.label))
            if queue:
                _fill(annotation, queue.popleft(), with_note)

    # doccano ---------------------------------------------------------------------

    def jsonl(self, raw: bytes) -> IncomingFile:
        incoming = IncomingFile(self.path, self.format)
        text = self.decode(raw.removeprefix(b"\xef\xbb\xbf"), "the file")
        fangtan = True
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise self.fail(f"line {number}: {error.msg}") from error
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise self.fail(f"line {number}: no text")
            document = IncomingDocument(number, record["text"])
            labels = record.get("label", record.get("labels"))
            if labels is None and isinstance(record.get("entities"), list):
                labels = [
                    [e.get("start_offset"), e.get("end_offset"), e.get("label")]
                    for e in record["entities"]
                    if isinstance(e, dict)
                ]
            for label in labels or []:
                if not isinstance(label, list | tuple) or len(label) != 3:
                    raise self.fail(f"line {number}: labels must be [start, end, tag]")
                document.annotations.append(self.span(*label, number))
            meta = record.get("meta")
            if isinstance(meta, dict) and meta.get("fangtan") is not None:
                document.fields = fields_from_meta(meta)
                document.turns = self.turns(meta, document.text, number)
                self.apply_details(document.annotations, meta.get("annotations"), True)
                if _integer(record.get("id")) and record["id"] > 0:
                    document.preferred_id = record["id"]
            else:
                fangtan = False
                if isinstance(meta, dict):
                    document.fields = fields_from_meta(meta)
            incoming.documents.append(document)
        incoming.from_fangtan = fangtan and bool(incoming.documents)
        return incoming

    # Label Studio ----------------------------------------------------------------

    def label_studio(self, raw: bytes) -> IncomingFile:
        incoming = IncomingFile(self.path, self.format)
        try:
            tasks = json.loads(self.decode(raw.removeprefix(b"\xef\xbb\xbf"), "the file"))
        except json.JSONDecodeError as error:
            raise self.fail(f"line {error.lineno}: {error.msg}") from error
        if isinstance(tasks, dict):
            tasks = [tasks]
        if not isinstance(tasks, list):
            raise self.fail("not a list of tasks")
        fangtan = True
        for number, task in enumerate(tasks, start=1):
            data = task.get("data") if isinstance(task, dict) else None
            if not isinstance(data, dict):
                raise self.fail(f"task {number}: no data")
            text = data.get("text")
            if not isinstance(text, str):
                strings = [value for value in data.values() if isinstance(value, str)]
                if len(strings) != 1:
                    raise self.fail(f"task {number}: no text")
                text = strings[0]
            document = IncomingDocument(number, text)
            meta = data.get("meta")
            ours = isinstance(meta, dict) and meta.get("fangtan") is not None
            details = meta.get("annotations") if ours and isinstance(meta, dict) else None
            for annotation in task.get("annotations") or task.get("completions") or []:
                if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
                    continue
                who = _label_studio_user(annotation.get("completed_by"))
                for result in annotation.get("result") or []:
                    self._result(document, result, who, details, incoming)
            if ours and isinstance(meta, dict):
                document.fields = fields_from_meta(meta)
                document.turns = self.turns(meta, text, number)
                if _integer(task.get("id")) and task["id"] > 0:
                    document.preferred_id = task["id"]
            else:
                fangtan = False
            incoming.documents.append(document)
        incoming.from_fangtan = fangtan and bool(incoming.documents)
        return incoming

    def _result(
        self,
        document: IncomingDocument,
        result: object,
        who: str | None,
        details: object,
        incoming: IncomingFile,
    ) -> None:
        if not isinstance(result, dict) or result.get("type") != "labels":
            incoming.skipped += 1
            return
        value = result.get("value")
        if not isinstance(value, dict) or not isinstance(value.get("labels"), list):
            raise self.fail(f"task {document.number}: a labels result without labels")
        note = ""
        region_meta = result.get("meta")
        if isinstance(region_meta, dict) and isinstance(region_meta.get("text"), list):
            note = "\n".join(str(line) for line in region_meta["text"])
        detail = details.get(result.get("id")) if isinstance(details, dict) else None
        for label in value["labels"]:
            annotation = self.span(value.get("start"), value.get("end"), label, document.number)
            annotation.note = note
            annotation.annotator = who
            if isinstance(detail, dict):
                _fill(annotation, detail, with_note=False)
            document.annotations.append(annotation)


def _fill(annotation: IncomingAnnotation, detail: dict[str, Any], with_note: bool) -> None:
    if isinstance(detail.get("annotator"), str):
        annotation.annotator = detail["annotator"]
    annotation.created_at = parse_timestamp(detail.get("created_at")) or annotation.created_at
    annotation.updated_at = parse_timestamp(detail.get("updated_at")) or annotation.updated_at
    if detail.get("source") in ANNOTATION_SOURCES:
        annotation.source = detail["source"]
    if with_note and isinstance(detail.get("note"), str):
        annotation.note = detail["note"]


def _label_studio_user(value: object) -> str | None:
    if isinstance(value, dict):
        for key in ("email", "username", "first_name"):
            if isinstance(value.get(key), str) and value[key]:
                return str(value[key])
    if isinstance(value, str) and value:
        return value
    return None
