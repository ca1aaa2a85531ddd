"""Read REFI-QDA project archives (.qdpx, QDA-XML 1.0) into the plain values of
app/exchange/incoming.py: codes with their colours and hierarchy, text sources with
their variables, and the codings of their selections.

No member of the archive is unpacked beyond the size limit of an imported file, and
all the members read together unpack to at most ``UNPACKED_FACTOR`` times that: a ZIP
bomb is refused before it fills the memory."""

import io
import json
import struct
import zipfile
import zlib
from typing import Any
from xml.etree import ElementTree

from app.dto import DOCUMENT_FIELDS
from app.exchange.incoming import IncomingAnnotation, IncomingCode, IncomingDocument, IncomingFile
from app.exchange.readers.base import FileReader, fields_from_meta, parse_timestamp
from app.importing.errors import DocumentTooLargeError
from app.importing.formats.base import UNPACKED_FACTOR
from app.importing.reading import MAX_SOURCE_BYTES
from models.annotations import ANNOTATION_SOURCES

_QDA = "{urn:QDA-XML:project:1.0}"


def read_qdpx(reader: FileReader, raw: bytes, max_bytes: int = MAX_SOURCE_BYTES) -> IncomingFile:
    """A REFI-QDA project archive (.qdpx): its codes, text sources and codings.

    ``max_bytes`` limits what each member unpacks to (times ``UNPACKED_FACTOR`` for all
    of them); beyond it the file is refused with DocumentTooLargeError.
    """
    incoming = IncomingFile(reader.path, reader.format)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except _ZIP_DAMAGE as error:
        raise reader.fail("not a zip archive") from error
    try:
        with archive:
            _read_archive(_Members(reader, archive, max_bytes), incoming)
    except _ZIP_DAMAGE as error:
        raise reader.fail(f"damaged archive: {error}") from error
    return incoming


class _Members:
    """The archive's members, each read whole only within the limits."""

    def __init__(self, reader: FileReader, archive: zipfile.ZipFile, max_bytes: int) -> None:
        self.reader = reader
        self.archive = archive
        self.names = archive.namelist()
        self.max_bytes = max_bytes
        self.unpacked = 0  # bytes of every member read so far (one read twice counts twice)

    def read(self, name: str) -> bytes:
        declared = self.archive.getinfo(name).file_size
        self._allow(declared, self.max_bytes)
        with self.archive.open(name) as stream:
            data = stream.read(self.max_bytes + 1)
        self._allow(len(data), self.max_bytes)
        self.unpacked += len(data)
        self._allow(self.unpacked, self.max_bytes * UNPACKED_FACTOR)
        return data

    def _allow(self, size: int, limit: int) -> None:
        if size > limit:
            raise DocumentTooLargeError(
                path=str(self.reader.path),
                size_mb=round(size / 1_048_576, 1),
                limit_mb=limit // 1_048_576,
            )


def _read_archive(members: _Members, incoming: IncomingFile) -> None:
    reader = members.reader
    names = members.names
    qde = "project.qde" if "project.qde" in names else None
    if qde is None:
        candidates = [n for n in names if n.lower().endswith(".qde") and "/" not in n]
        if not candidates:
            raise reader.fail("no project.qde inside")
        qde = candidates[0]
    try:
        root = ElementTree.fromstring(members.read(qde))
    except ElementTree.ParseError as error:
        raise reader.fail(f"project.qde: {error}") from error
    if root.tag != f"{_QDA}Project":
        raise reader.fail("project.qde is not a QDA-XML project")
    incoming.from_fangtan = (root.get("origin") or "").startswith("Fangtan")
    _QdeReader(members, incoming).read(root)


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


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


class _QdeReader:
    def __init__(self, members: _Members, incoming: IncomingFile) -> None:
        self.reader = members.reader
        self.members = members
        self.names = {name.lower(): name for name in members.names}
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
                return self.reader.decode(self.members.read(found), found)
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
            meta.update(dict.fromkeys(DOCUMENT_FIELDS, ""))
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
        created = parse_timestamp(element.get("creationDateTime"))
        modified = parse_timestamp(element.get("modifiedDateTime")) or created
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
