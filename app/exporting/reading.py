"""Read annotation files from other tools (doccano, Label Studio, REFI-QDA) into plain values.

Nothing here touches a project. Texts are kept exactly as in the file (offsets depend
on it); every offset is checked against its text, and a file that cannot be read
raises a FangtanError with a one-line message.
"""

import contextlib
import io
import json
import struct
import zipfile
import zlib
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from app.errors import (
    AnnotationFileError,
    AnnotationFormatUnknownError,
    AnnotationOffsetError,
    AnnotationTagNameError,
    SourceMissingError,
    SourceUnreadableError,
)
from app.exporting.spans import META_FIELDS
from app.importing.layout import ParsedTurn
from models.annotations import ANNOTATION_SOURCES
from models.documents import DOCUMENT_STATUSES, TURN_KINDS

IMPORT_FORMATS = {".jsonl": "jsonl", ".json": "label-studio", ".qdpx": "qdpx"}
FORMAT_NAMES = {"jsonl": "doccano JSONL", "label-studio": "Label Studio JSON", "qdpx": "REFI-QDA"}
_QDA = "{urn:QDA-XML:project:1.0}"


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
    reader = _Reader(path, chosen)
    if chosen == "jsonl":
        incoming = reader.jsonl(raw)
    elif chosen == "label-studio":
        incoming = reader.label_studio(raw)
    else:
        incoming = reader.qdpx(raw)
    for document in incoming.documents:
        reader.check(document)
    return incoming


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _timestamp(value: object) -> datetime | None:
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


class _Reader:
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

    # REFI-QDA --------------------------------------------------------------------

    def qdpx(self, raw: bytes) -> IncomingFile:
        incoming = IncomingFile(self.path, self.format)
        try:
            archive = zipfile.ZipFile(io.BytesIO(raw))
        except _ZIP_DAMAGE as error:
            raise self.fail("not a zip archive") from error
        try:
            with archive:
                self._qdpx_archive(archive, incoming)
        except _ZIP_DAMAGE as error:
            raise self.fail(f"damaged archive: {error}") from error
        return incoming

    def _qdpx_archive(self, archive: zipfile.ZipFile, incoming: IncomingFile) -> None:
        names = archive.namelist()
        qde = "project.qde" if "project.qde" in names else None
        if qde is None:
            candidates = [n for n in names if n.lower().endswith(".qde") and "/" not in n]
            if not candidates:
                raise self.fail("no project.qde inside")
            qde = candidates[0]
        try:
            root = ElementTree.fromstring(archive.read(qde))
        except ElementTree.ParseError as error:
            raise self.fail(f"project.qde: {error}") from error
        if root.tag != f"{_QDA}Project":
            raise self.fail("project.qde is not a QDA-XML project")
        incoming.from_fangtan = (root.get("origin") or "").startswith("Fangtan")
        _QdeReader(self, archive, names, incoming).read(root)


# What the zipfile module raises for a damaged archive, beyond BadZipFile.
_ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
    struct.error,
)


def _fill(annotation: IncomingAnnotation, detail: dict[str, Any], with_note: bool) -> None:
    if isinstance(detail.get("annotator"), str):
        annotation.annotator = detail["annotator"]
    annotation.created_at = _timestamp(detail.get("created_at")) or annotation.created_at
    annotation.updated_at = _timestamp(detail.get("updated_at")) or annotation.updated_at
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


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _reference(element: ElementTree.Element, tag: str) -> str:
    """The normalised targetGUID of ``element``'s child ``tag`` ("" when missing)."""
    child = element.find(f"{_QDA}{tag}")
    return _guid(child.get("targetGUID")) if child is not None else ""


class _QdeReader:
    def __init__(
        self,
        reader: _Reader,
        archive: zipfile.ZipFile,
        names: list[str],
        incoming: IncomingFile,
    ) -> None:
        self.reader = reader
        self.archive = archive
        self.names = {name.lower(): name for name in names}
        self.incoming = incoming
        self.users: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.variables: dict[str, str] = {}
        self.notes: dict[str, str] = {}

    def read(self, root: ElementTree.Element) -> None:
        for user in root.iterfind(f"{_QDA}Users/{_QDA}User"):
            self.users[_guid(user.get("guid"))] = user.get("name") or ""
        for code in root.iterfind(f"{_QDA}CodeBook/{_QDA}Codes/{_QDA}Code"):
            self.code(code, None)
        for variable in root.iterfind(f"{_QDA}Variables/{_QDA}Variable"):
            self.variables[_guid(variable.get("guid"))] = variable.get("name") or ""
        for note in root.iterfind(f"{_QDA}Notes/{_QDA}Note"):
            self.notes[_guid(note.get("guid"))] = self.plain_text(note, "a note") or ""
        sources = root.find(f"{_QDA}Sources")
        for number, source in enumerate(sources if sources is not None else [], start=1):
            if source.tag == f"{_QDA}TextSource":
                self.source(source, number)
            else:
                self.incoming.skipped += 1

    def code(self, element: ElementTree.Element, parent: str | None) -> None:
        name = element.get("name") or ""
        self.codes[_guid(element.get("guid"))] = name
        self.incoming.codes.append(
            IncomingCode(
                name=name,
                color=element.get("color"),
                description=element.findtext(f"{_QDA}Description") or "",
                parent=parent,
            )
        )
        for child in element.iterfind(f"{_QDA}Code"):
            self.code(child, name)

    def member(self, path: str, what: str) -> str:
        if not path.startswith("internal://"):
            raise self.reader.fail(f"{what} is outside the file ({path})")
        name = path[len("internal://") :].lstrip("/")
        for folder in ("sources/", "Sources/"):
            found = self.names.get((folder + name).lower())
            if found is not None:
                return self.reader.decode(self.archive.read(found), found)
        raise self.reader.fail(f"{what} is missing ({path})")

    def plain_text(self, element: ElementTree.Element, what: str) -> str | None:
        content = element.find(f"{_QDA}PlainTextContent")
        if content is not None:
            return content.text or ""
        path = element.get("plainTextPath")
        return self.member(path, what) if path else None

    def source(self, element: ElementTree.Element, number: int) -> None:
        text = self.plain_text(element, f"the text of source {number}")
        if text is None:
            raise self.reader.fail(f"source {number} has no text")
        document = IncomingDocument(number, text)
        title = element.get("name")
        values: dict[str, str] = {}
        for value in element.iterfind(f"{_QDA}VariableValue"):
            reference = value.find(f"{_QDA}VariableRef")
            name = self.variables.get(
                _guid(reference.get("targetGUID") if reference is not None else "")
            )
            found = [child.text or "" for child in value if child.tag != f"{_QDA}VariableRef"]
            if name and found:
                values[name] = found[0]
        meta: dict[str, Any] = {}
        if self.incoming.from_fangtan:  # Fangtan leaves out empty values
            meta.update(dict.fromkeys(META_FIELDS, ""))
            meta["published_on"] = None
        meta.update(values)
        if title is not None:
            meta["title"] = title
        document.fields = fields_from_meta(meta)
        if self.incoming.from_fangtan:
            identifier = values.get("fangtan_document_id", "")
            if identifier.isdigit() and int(identifier) > 0:
                document.preferred_id = int(identifier)
            if "fangtan_turns" in values:
                try:
                    turns = json.loads(values["fangtan_turns"])
                except json.JSONDecodeError as error:
                    raise self.reader.fail(f"source {number}: unreadable turns") from error
                document.turns = self.reader.turns({"turns": turns}, text, number)
        for selection in element.iterfind(f"{_QDA}PlainTextSelection"):
            self.selection(document, selection)
        self.incoming.documents.append(document)

    def selection(self, document: IncomingDocument, element: ElementTree.Element) -> None:
        try:
            start = int(element.get("startPosition", ""))
            end = int(element.get("endPosition", ""))
        except ValueError as error:
            raise self.reader.fail(
                f"source {document.number}: a selection without positions"
            ) from error
        note = element.findtext(f"{_QDA}Description")
        if note is None:
            referenced = [
                self.notes.get(_guid(ref.get("targetGUID")), "")
                for ref in element.iterfind(f"{_QDA}NoteRef")
            ]
            note = "\n".join(text for text in referenced if text)
        user = self.users.get(_guid(element.get("creatingUser") or element.get("modifyingUser")))
        created = _timestamp(element.get("creationDateTime"))
        modified = _timestamp(element.get("modifiedDateTime")) or created
        source = None
        if self.incoming.from_fangtan:  # Fangtan names a selection after its source
            named = element.get("name")
            source = named if named in ANNOTATION_SOURCES else "manual"
        codings = element.findall(f"{_QDA}Coding")
        if not codings:
            self.incoming.skipped += 1
            return
        for coding in codings:
            reference = coding.find(f"{_QDA}CodeRef")
            name = self.codes.get(
                _guid(reference.get("targetGUID") if reference is not None else "")
            )
            if name is None:
                raise self.reader.fail(f"source {document.number}: a coding with an unknown code")
            annotation = IncomingAnnotation(start, end, name, note, user, created, modified, source)
            document.annotations.append(annotation)
