"""REFI-QDA project exchange (.qdpx), read by QualCoder, NVivo, ATLAS.ti and MAXQDA.

A zip holding ``sources/<guid>.txt`` (each document's text, UTF-8, exactly as stored) and
``project.qde`` (QDA-XML 1.0, valid against the REFI-QDA schema):

- ``Users``: everyone who made an exported annotation;
- ``CodeBook``: the tags with their colours, descriptions and hierarchy;
- ``Variables`` and each source's ``VariableValue``s: the document's metadata, its
  Fangtan id and its turns (JSON, in ``fangtan_turns``);
- ``Sources``: one ``TextSource`` per document, named by its title, with one
  ``PlainTextSelection`` per annotation (code point offsets, end exclusive, as
  QualCoder writes them) holding one ``Coding``; the note is the selection's
  ``Description`` (what QualCoder and MAXQDA read) and also a ``Note`` it refers to;
- ``Sets``: ``train``, ``dev`` and ``test`` when the split is written as a column.

Every GUID is derived from content (tag names, annotator names, document hashes,
positions), never from database ids, so the same project always gives the same file.
"""

import json
import re
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from app import __version__
from app.dto import DOCUMENT_FIELDS
from app.exchange.progress import Reporter
from app.exchange.writers.corpus import Corpus, DocumentRecord, TagRecord
from app.exchange.writers.options import SPLIT_NAMES, ExportSummary

NAMESPACE = "urn:QDA-XML:project:1.0"
ORIGIN = f"Fangtan {__version__}"
GUIDS = uuid.UUID("6f0c2d1e-5a8b-4c7d-9e3f-2b1a0c9d8e7f")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Metadata carried as REFI-QDA variables, in this order (the title names the source).
VARIABLES = (
    *(name for name in DOCUMENT_FIELDS if name != "title"),
    "fangtan_document_id",
    "fangtan_turns",
)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPED = re.compile(f'[&<>"\t\n\r]|{_NOT_XML.pattern}')  # anything an attribute must change


def guid(kind: str, *parts: object) -> str:
    return str(uuid.uuid5(GUIDS, "\x00".join([kind, *(str(part) for part in parts)])))


def xml_time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


class _Xml:
    """Escaping for text and attribute values; characters XML 1.0 forbids become U+FFFD."""

    def __init__(self, summary: ExportSummary) -> None:
        self.summary = summary

    def _clean(self, value: str) -> str:
        value, replaced = _NOT_XML.subn("\ufffd", value)
        if replaced:
            self.summary.warn("xml_characters")
        return value

    def text(self, value: str) -> str:
        value = self._clean(value)
        return (
            value.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\r", "&#13;")
        )

    def attribute(self, value: str) -> str:
        if not _ESCAPED.search(value):
            return value
        return self.text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")

    def attributes(self, **values: str | None) -> str:
        return "".join(
            f' {name}="{self.attribute(value)}"' for name, value in values.items() if value
        )


def _codebook(tags: list[TagRecord], xml: _Xml) -> str:
    chosen = {tag.id for tag in tags}
    children: dict[int | None, list[TagRecord]] = {}
    for tag in tags:
        parent = tag.parent_id if tag.parent_id in chosen else None
        children.setdefault(parent, []).append(tag)

    def code(tag: TagRecord, depth: int) -> str:
        indent = "  " * depth
        attributes = xml.attributes(
            guid=guid("code", tag.name), name=tag.name, isCodable="true", color=tag.color
        )
        inner = ""
        if tag.description:
            inner += f"{indent}  <Description>{xml.text(tag.description)}</Description>\n"
        inner += "".join(code(child, depth + 1) for child in children.get(tag.id, []))
        if not inner:
            return f"{indent}<Code{attributes}/>\n"
        return f"{indent}<Code{attributes}>\n{inner}{indent}</Code>\n"

    codes = "".join(code(tag, 3) for tag in children.get(None, []))
    return f"  <CodeBook>\n    <Codes>\n{codes}    </Codes>\n  </CodeBook>\n"


def _variable_values(record: DocumentRecord, turns: str, xml: _Xml) -> str:
    values = {
        name: getattr(record, name)
        for name in VARIABLES
        if name not in ("fangtan_document_id", "fangtan_turns", "published_on")
    }
    values["published_on"] = record.published_on.isoformat() if record.published_on else ""
    lines = []
    for name in VARIABLES:
        if name == "fangtan_document_id":
            value = f"<IntegerValue>{record.id}</IntegerValue>"
        elif name == "fangtan_turns":
            value = f"<TextValue>{xml.text(turns)}</TextValue>"
        elif values[name]:
            value = f"<TextValue>{xml.text(values[name])}</TextValue>"
        else:
            continue
        lines.append(
            f'      <VariableValue><VariableRef targetGUID="{guid("variable", name)}"/>'
            f"{value}</VariableValue>\n"
        )
    return "".join(lines)


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def write_qdpx(
    corpus: Corpus,
    path: Path,
    reporter: Reporter,
    summary: ExportSummary,
    project_name: str,
) -> None:
    xml = _Xml(summary)
    users = {name: guid("user", name) for name in corpus.annotators()}
    tag_guids = {tag.id: guid("code", tag.name) for tag in corpus.all_tags}
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as sources,
        tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as notes,
    ):
        for data in corpus:
            record = data.record
            source_guid = guid("source", record.sha256)
            with archive.open(_zip_info(f"sources/{source_guid}.txt"), "w") as stream:
                stream.write(data.text.encode("utf-8"))
            if "\r" in data.text:
                summary.warn("carriage_returns")
            attributes = xml.attributes(
                guid=source_guid,
                name=record.title,
                plainTextPath=f"internal://{source_guid}.txt",
            )
            sources.write(f"    <TextSource{attributes}>\n")
            for number, annotation in enumerate(data.annotations):
                user = users.get(annotation.annotator)
                created, modified = xml_time(annotation.created_at), xml_time(annotation.updated_at)
                selection = xml.attributes(
                    guid=guid("selection", record.sha256, number),
                    # where the annotation came from, when not made by hand: suggested, imported
                    name=annotation.source if annotation.source != "manual" else None,
                    startPosition=str(annotation.start),
                    endPosition=str(annotation.end),
                    creatingUser=user,
                    creationDateTime=created,
                    modifyingUser=user,
                    modifiedDateTime=modified,
                )
                sources.write(f"      <PlainTextSelection{selection}>\n")
                if annotation.note:
                    sources.write(
                        f"        <Description>{xml.text(annotation.note)}</Description>\n"
                    )
                coding = xml.attributes(
                    guid=guid("coding", record.sha256, number),
                    creatingUser=user,
                    creationDateTime=created,
                )
                sources.write(
                    f"        <Coding{coding}>"
                    f'<CodeRef targetGUID="{tag_guids[annotation.tag_id]}"/></Coding>\n'
                )
                if annotation.note:
                    note_guid = guid("note", record.sha256, number)
                    sources.write(f'        <NoteRef targetGUID="{note_guid}"/>\n')
                    note = xml.attributes(
                        guid=note_guid,
                        creatingUser=user,
                        creationDateTime=created,
                        modifyingUser=user,
                        modifiedDateTime=modified,
                    )
                    notes.write(
                        f"    <Note{note}>"
                        f"<PlainTextContent>{xml.text(annotation.note)}</PlainTextContent>"
                        "</Note>\n"
                    )
                sources.write("      </PlainTextSelection>\n")
            turns = json.dumps(
                [
                    [turn.speaker, turn.kind, turn.start, turn.content_start, turn.end]
                    + ([turn.timestamp] if turn.timestamp else [])
                    for turn in data.turns
                ],
                ensure_ascii=False,
                separators=(",", ":"),
            )
            sources.write(_variable_values(record, turns, xml))
            sources.write("    </TextSource>\n")
            summary.documents += 1
            summary.rows += 1
            summary.annotations += len(data.annotations)
            reporter.advance()

        with archive.open(_zip_info("project.qde"), "w") as stream:
            write = _encoder(stream)
            write('<?xml version="1.0" encoding="UTF-8"?>\n')
            project = xml.attributes(name=project_name, origin=ORIGIN)
            write(f'<Project xmlns="{NAMESPACE}"{project}>\n')
            if users:
                write("  <Users>\n")
                for name, user_guid in users.items():
                    write(f"    <User{xml.attributes(guid=user_guid, name=name or None)}/>\n")
                write("  </Users>\n")
            if corpus.tags:
                write(_codebook(corpus.tags, xml))
            write("  <Variables>\n")
            for name in VARIABLES:
                kind = "Integer" if name == "fangtan_document_id" else "Text"
                variable = xml.attributes(
                    guid=guid("variable", name), name=name, typeOfVariable=kind
                )
                write(f"    <Variable{variable}/>\n")
            write("  </Variables>\n")
            if corpus.documents:
                write("  <Sources>\n")
                _copy(sources, write)
                write("  </Sources>\n")
            if notes.tell():
                write("  <Notes>\n")
                _copy(notes, write)
                write("  </Notes>\n")
            if corpus.options.split_column and corpus.documents:
                write("  <Sets>\n")
                for part in SPLIT_NAMES:
                    write(f"    <Set{xml.attributes(guid=guid('set', part), name=part)}>\n")
                    for record in corpus.documents:
                        if record.split == part:
                            member = guid("source", record.sha256)
                            write(f'      <MemberSource targetGUID="{member}"/>\n')
                    write("    </Set>\n")
                write("  </Sets>\n")
            write("</Project>\n")


def _encoder(stream: IO[bytes]) -> Callable[[str], None]:
    def write(text: str) -> None:
        stream.write(text.encode("utf-8"))

    return write


def _copy(source: IO[str], write: Callable[[str], None]) -> None:
    source.seek(0)
    while chunk := source.read(1 << 16):
        write(chunk)
