"""Span formats for annotation tools: doccano JSONL and Label Studio JSON.

Offsets are code points (Python string indices), end exclusive. Both carry Fangtan's
own fields in a ``meta`` object (doccano: the line's ``meta``; Label Studio: the task's
``data.meta``) so that Fangtan's exports import back unchanged: the document's metadata,
its turns as ``[speaker, kind, start, content_start, end, timestamp]``, and each
annotation's annotator and times (and note, in doccano; Label Studio keeps the note in the
region's own ``meta.text``).
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from app.dto import DOCUMENT_FIELDS
from app.exchange.progress import Reporter
from app.exchange.writers.corpus import AnnotationRecord, Corpus, DocumentData
from app.exchange.writers.options import ExportSummary

META_VERSION = 1
# Characters that some line readers (str.splitlines, JavaScript) take as line breaks and
# that json.dumps leaves unescaped; escaping them keeps one document per line.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    for character, escape in _LINE_BREAKS.items():
        if character in text:
            text = text.replace(character, escape)
    return text


def document_meta(data: DocumentData, split_column: bool) -> dict[str, Any]:
    record = data.record
    meta: dict[str, Any] = {"fangtan": META_VERSION}
    for name in DOCUMENT_FIELDS:
        value = getattr(record, name)
        if name == "published_on":
            value = value.isoformat() if value is not None else None
        meta[name] = value
    meta["sha256"] = record.sha256
    if split_column:
        meta["split"] = record.split
    meta["turns"] = [
        [turn.speaker, turn.kind, turn.start, turn.content_start, turn.end, turn.timestamp]
        for turn in data.turns
    ]
    return meta


def annotation_details(annotation: AnnotationRecord) -> dict[str, Any]:
    return {
        "annotator": annotation.annotator,
        "created_at": annotation.created_at.isoformat(),
        "updated_at": annotation.updated_at.isoformat(),
        "source": annotation.source,
    }


def _count(summary: ExportSummary, data: DocumentData) -> None:
    summary.documents += 1
    summary.rows += 1
    summary.annotations += len(data.annotations)


# doccano ---------------------------------------------------------------------------


def jsonl_record(data: DocumentData, corpus: Corpus) -> dict[str, Any]:
    include_notes = corpus.options.include_notes
    meta = document_meta(data, corpus.options.split_column)
    details = []
    for annotation in data.annotations:
        detail: dict[str, Any] = {
            "start": annotation.start,
            "end": annotation.end,
            "label": annotation.tag,
            **annotation_details(annotation),
        }
        if include_notes:
            detail["note"] = annotation.note
        details.append(detail)
    meta["annotations"] = details
    return {
        "id": data.record.id,
        "text": data.text,
        "label": [[a.start, a.end, a.tag] for a in data.annotations],
        "meta": meta,
    }


def write_jsonl(corpus: Corpus, path: Path, reporter: Reporter, summary: ExportSummary) -> None:
    """One document per line: ``{"id", "text", "label": [[start, end, tag], …], "meta"}``."""
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for data in corpus:
            stream.write(dumps(jsonl_record(data, corpus)))
            stream.write("\n")
            _count(summary, data)
            reporter.advance()


# Label Studio ----------------------------------------------------------------------


def label_studio_task(data: DocumentData, corpus: Corpus) -> dict[str, Any]:
    include_notes = corpus.options.include_notes
    meta = document_meta(data, corpus.options.split_column)
    results = []
    details: dict[str, Any] = {}
    for number, annotation in enumerate(data.annotations, start=1):
        region = f"r{number}"
        result: dict[str, Any] = {
            "id": region,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": annotation.start,
                "end": annotation.end,
                "text": data.text[annotation.start : annotation.end],
                "labels": [annotation.tag],
            },
        }
        if include_notes and annotation.note:
            result["meta"] = {"text": [annotation.note]}
        results.append(result)
        details[region] = annotation_details(annotation)
    meta["annotations"] = details
    return {
        "id": data.record.id,
        "data": {"text": data.text, "meta": meta},
        "annotations": [{"result": results}] if results else [],
    }


def _tasks(corpus: Corpus, reporter: Reporter, summary: ExportSummary) -> Iterator[str]:
    for data in corpus:
        yield dumps(label_studio_task(data, corpus))
        _count(summary, data)
        reporter.advance()


def _write_array(stream: IO[str], items: Iterator[str]) -> None:
    first = True
    for item in items:
        stream.write("[\n" if first else ",\n")
        stream.write(item)
        first = False
    stream.write("[]\n" if first else "\n]\n")


def write_label_studio(
    corpus: Corpus, path: Path, reporter: Reporter, summary: ExportSummary
) -> None:
    """A JSON list of Label Studio tasks, one per document, written as it is read."""
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        _write_array(stream, _tasks(corpus, reporter, summary))
