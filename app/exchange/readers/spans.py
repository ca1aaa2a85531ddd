"""doccano JSONL and Label Studio JSON files, read into plain values (app/exchange/incoming.py).

Fangtan's own exports carry a ``meta`` object (app/exchange/writers/spans.py) with the
document's metadata, turns and each annotation's details: they come back unchanged.
"""

import json

from app.exchange.incoming import IncomingDocument, IncomingFile
from app.exchange.readers.base import FileReader, fields_from_meta, fill, integer

# doccano ------------------------------------------------------------------------------


def read_jsonl(reader: FileReader, raw: bytes) -> IncomingFile:
    """One document per line: ``text``, ``label`` (or ``labels``, or ``entities``), ``meta``."""
    incoming = IncomingFile(reader.path, reader.format)
    text = reader.decode(raw.removeprefix(b"\xef\xbb\xbf"), "the file")
    fangtan = True
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise reader.fail(f"line {number}: {error.msg}") from error
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise reader.fail(f"line {number}: no text")
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
                raise reader.fail(f"line {number}: labels must be [start, end, tag]")
            start, end, name = label
            document.annotations.append(reader.span(start, end, name, number))
        meta = record.get("meta")
        if isinstance(meta, dict) and meta.get("fangtan") is not None:
            document.fields = fields_from_meta(meta)
            document.turns = reader.turns(meta, document.text, number)
            reader.apply_details(document.annotations, meta.get("annotations"), True)
            if integer(record.get("id")) and record["id"] > 0:
                document.preferred_id = record["id"]
        else:
            fangtan = False
            if isinstance(meta, dict):
                document.fields = fields_from_meta(meta)
        incoming.documents.append(document)
    incoming.from_fangtan = fangtan and bool(incoming.documents)
    return incoming


# Label Studio -------------------------------------------------------------------------


def read_label_studio(reader: FileReader, raw: bytes) -> IncomingFile:
    """A list of tasks (or one): ``data.text`` and the ``labels`` results of each annotation."""
    incoming = IncomingFile(reader.path, reader.format)
    try:
        tasks = json.loads(reader.decode(raw.removeprefix(b"\xef\xbb\xbf"), "the file"))
    except json.JSONDecodeError as error:
        raise reader.fail(f"line {error.lineno}: {error.msg}") from error
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise reader.fail("not a list of tasks")
    fangtan = True
    for number, task in enumerate(tasks, start=1):
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict):
            raise reader.fail(f"task {number}: no data")
        text = data.get("text")
        if not isinstance(text, str):
            strings = [value for value in data.values() if isinstance(value, str)]
            if len(strings) != 1:
                raise reader.fail(f"task {number}: no text")
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
                _result(reader, document, result, who, details, incoming)
        if ours and isinstance(meta, dict):
            document.fields = fields_from_meta(meta)
            document.turns = reader.turns(meta, text, number)
            if integer(task.get("id")) and task["id"] > 0:
                document.preferred_id = task["id"]
        else:
            fangtan = False
        incoming.documents.append(document)
    incoming.from_fangtan = fangtan and bool(incoming.documents)
    return incoming


def _result(
    reader: FileReader,
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
        raise reader.fail(f"task {document.number}: a labels result without labels")
    note = ""
    region_meta = result.get("meta")
    if isinstance(region_meta, dict) and isinstance(region_meta.get("text"), list):
        note = "\n".join(str(line) for line in region_meta["text"])
    detail = details.get(result.get("id")) if isinstance(details, dict) else None
    for label in value["labels"]:
        annotation = reader.span(value.get("start"), value.get("end"), label, document.number)
        annotation.note = note
        annotation.annotator = who
        if isinstance(detail, dict):
            fill(annotation, detail, with_note=False)
        document.annotations.append(annotation)


def _label_studio_user(value: object) -> str | None:
    if isinstance(value, dict):
        for key in ("email", "username", "first_name"):
            if isinstance(value.get(key), str) and value[key]:
                return str(value[key])
    if isinstance(value, str) and value:
        return value
    return None
