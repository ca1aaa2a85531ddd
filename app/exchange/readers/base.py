"""What every reader of annotation files shares: one-line errors, UTF-8, checked offsets,
Fangtan's own metadata and turns, and times.

Nothing here touches a project. Texts are kept exactly as in the file (offsets depend
on it); every offset is checked against its text, and a file that cannot be read
raises a FangtanError with a one-line message.
"""

import contextlib
from collections import defaultdict, deque
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.dto import DOCUMENT_FIELDS
from app.errors import AnnotationFileError, AnnotationOffsetError, AnnotationTagNameError
from app.exchange.incoming import FORMAT_NAMES, IncomingAnnotation, IncomingDocument
from app.importing.layout import ParsedTurn
from models.annotations import ANNOTATION_SOURCES
from models.documents import DOCUMENT_STATUSES, TURN_KINDS


def integer(value: object) -> bool:
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
    for name in DOCUMENT_FIELDS:
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
        if not (integer(start) and integer(end)):
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
                and all(integer(offset) for offset in turn[2:5])
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
                fill(annotation, queue.popleft(), with_note)


def fill(annotation: IncomingAnnotation, detail: dict[str, Any], with_note: bool) -> None:
    if isinstance(detail.get("annotator"), str):
        annotation.annotator = detail["annotator"]
    annotation.created_at = parse_timestamp(detail.get("created_at")) or annotation.created_at
    annotation.updated_at = parse_timestamp(detail.get("updated_at")) or annotation.updated_at
    if detail.get("source") in ANNOTATION_SOURCES:
        annotation.source = detail["source"]
    if with_note and isinstance(detail.get("note"), str):
        annotation.note = detail["note"]
