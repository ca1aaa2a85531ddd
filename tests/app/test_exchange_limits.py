"""Annotation files are read within the size limit of every imported file: a file too large,
or a .qdpx whose members unpack to too much (a ZIP bomb), is refused in one line and the
project is left as it was. Progress goes through the same Progress as interview import."""

import json
import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest

from app.errors import AnnotationFileError, FangtanError
from app.exchange import export, import_annotations
from app.exchange.readers.files import read_annotation_file
from app.importing.errors import DocumentTooLargeError, SourceTooLargeError
from app.importing.formats.base import UNPACKED_FACTOR
from app.importing.reading import MAX_SOURCE_BYTES
from tests.support.progress import Recorder

TABLES = (
    "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tags), "
    "(SELECT count(*) FROM annotations), (SELECT count(*) FROM turns)"
)
QDE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="Other QDA 2.0">
  <CodeBook><Codes><Code guid="c1" name="Economy" isCodable="true"/></Codes></CodeBook>
  <Sources>{sources}</Sources>
</Project>
"""
SOURCE = """
    <TextSource guid="s{number}" name="Interview {number}" plainTextPath="internal://{name}">
      <PlainTextSelection guid="p{number}" startPosition="0" endPosition="1">
        <Coding guid="k{number}"><CodeRef targetGUID="c1"/></Coding>
      </PlainTextSelection>
    </TextSource>"""


def counts(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(TABLES).fetchall()
    finally:
        connection.close()


def qdpx(path: Path, members: dict[str, bytes], sources: list[str] | None = None) -> Path:
    """A REFI-QDA archive whose sources are the given members (all of them unless named)."""
    names = list(members) if sources is None else sources
    listed = "".join(
        SOURCE.format(number=number, name=name.removeprefix("sources/"))
        for number, name in enumerate(names, start=1)
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", QDE.format(sources=listed).encode("utf-8"))
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def refused(project, project_path: Path, source: Path, error: type[FangtanError]) -> str:
    before = counts(project_path)
    with pytest.raises(error) as caught:
        import_annotations(project, source)
    message = str(caught.value)
    assert "\n" not in message and str(source) in message
    assert counts(project_path) == before
    return message


def test_an_annotation_file_over_the_limit_is_refused_before_it_is_read(
    sample_project, project_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "huge.jsonl"
    with source.open("wb") as stream:  # sparse: its size is all that is looked at
        stream.truncate(MAX_SOURCE_BYTES + 1)
    message = refused(sample_project, project_path, source, SourceTooLargeError)
    assert f"files over {MAX_SOURCE_BYTES // 1_048_576} MB" in message


def test_a_zip_bomb_is_refused_and_changes_nothing(
    sample_project, project_path: Path, tmp_path: Path
) -> None:
    bomb = qdpx(tmp_path / "bomb.qdpx", {"sources/a.txt": b"0" * (MAX_SOURCE_BYTES + 1)})
    assert bomb.stat().st_size < 1_048_576  # what it unpacks to is the danger, not its size
    message = refused(sample_project, project_path, bomb, DocumentTooLargeError)
    assert "unpacks to 50.0 MB" in message


def test_a_member_unpacking_to_more_than_it_declares_is_never_read_past_it(
    project, tmp_path: Path
) -> None:
    liar = qdpx(tmp_path / "liar.qdpx", {"sources/a.txt": "甲".encode() * 400})
    with zipfile.ZipFile(liar) as archive:
        info = archive.getinfo("sources/a.txt")
    data = bytearray(liar.read_bytes())
    # Make it declare 10 bytes where it holds 1,200: in its local header and in the
    # central directory.
    data[info.header_offset + 22 : info.header_offset + 26] = struct.pack("<I", 10)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(info.filename)] != info.filename.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = struct.pack("<I", 10)
    liar.write_bytes(bytes(data))
    with zipfile.ZipFile(liar) as archive:
        assert archive.getinfo("sources/a.txt").file_size == 10
    with pytest.raises(AnnotationFileError, match="damaged archive") as caught:
        import_annotations(project, liar)
    assert "\n" not in str(caught.value)
    assert project.documents() == []


def test_all_members_together_have_a_limit_too(tmp_path: Path) -> None:
    size, limit = 4000, 10_000  # each member 4,000 bytes; all together up to 100,000
    members = {f"sources/{n}.txt": b"x" * size for n in range(UNPACKED_FACTOR)}
    read = read_annotation_file(qdpx(tmp_path / "fits.qdpx", members), max_bytes=limit)
    assert len(read.documents) == UNPACKED_FACTOR
    # The same member named by every source: each reading counts.
    again = qdpx(tmp_path / "again.qdpx", members, sources=["sources/0.txt"] * 3 * UNPACKED_FACTOR)
    with pytest.raises(DocumentTooLargeError):
        read_annotation_file(again, max_bytes=limit)
    with pytest.raises(DocumentTooLargeError):
        read_annotation_file(qdpx(tmp_path / "big.qdpx", members), max_bytes=size - 1)


def test_export_and_annotation_import_report_to_a_progress(
    project, project_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "five.jsonl"
    records = [{"text": f"第{n}篇", "label": [[0, 1, "新标签"]]} for n in range(5)]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    stopping = Recorder(stop_after=1)
    assert import_annotations(project, source, progress=stopping).cancelled
    assert counts(project_path)[0][0] == 0
    recorder = Recorder()
    assert len(import_annotations(project, source, progress=recorder).created) == 5
    assert recorder.reports[-1] == (5, 5, "five.jsonl")
    recorder = Recorder()
    summary = export(project, "jsonl", tmp_path / "out.jsonl", progress=recorder)
    assert summary.documents == 5 and not summary.cancelled
    assert recorder.reports[-1] == (5, 5, "jsonl")
    cancelled = export(project, "jsonl", tmp_path / "no.jsonl", progress=Recorder(stop_after=0))
    assert cancelled.cancelled and not (tmp_path / "no.jsonl").exists()
