"""Importing doccano, Label Studio and REFI-QDA files: exact texts, tags, duplicates, refusals."""

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.errors import (
    AnnotationFileError,
    AnnotationFormatUnknownError,
    AnnotationOffsetError,
    AnnotationTagNameError,
    FangtanError,
    MixedImportError,
    UnknownTagError,
)
from app.exchange import annotation_files, detect_format, file_tags, import_annotations
from app.importing.errors import SourceMissingError
from app.importing.importer import content_hash
from app.importing.in_place import turns_in_place
from tests.support.progress import Recorder


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records),
        encoding="utf-8",
    )
    return path


def rows(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def tag_ids(project) -> dict[str, int]:
    return {tag.name: tag.id for tag in project.tags()}


def test_doccano_file_without_meta(project, project_path: Path, tmp_path: Path, reopen) -> None:
    text = "记者:乡村振兴怎么做？\r\n刘在军:发展𠮷祥产业😀，e\u0301。\r\n"
    start = text.index("发展")
    source = write_jsonl(
        tmp_path / "doccano.jsonl",
        [{"id": 99, "text": text, "label": [[start, start + 4, "Economy"], [0, 2, "民生"]]}],
    )
    report = import_annotations(project, source)
    assert report.format == "jsonl"
    [created] = report.created
    assert (report.annotations_added, report.tags_created) == (2, ["Economy"])
    assert created.id == 1  # ids are kept only for Fangtan's own files
    project = reopen(project)
    document = project.document(created.id)
    assert document.text == text
    assert document.meta.sha256 == content_hash(text)
    assert document.meta.title == "记者:乡村振兴怎么做？"
    assert document.meta.source_name == "doccano.jsonl"
    expected = [(t.speaker, t.kind, t.start, t.content_start, t.end) for t in turns_in_place(text)]
    assert [(t.speaker, t.kind, t.start, t.content_start, t.end) for t in document.turns] == (
        expected
    )
    stored = rows(
        project_path,
        'SELECT a.start, a."end", a.text, t.name, a.source, n.name FROM annotations a '
        "JOIN tags t ON t.id = a.tag_id JOIN annotators n ON n.id = a.annotator_id "
        "ORDER BY a.start",
    )
    assert stored == [
        (0, 2, "记者", "民生", "imported", "tester"),
        (start, start + 4, "发展𠮷祥", "Economy", "imported", "tester"),
    ]
    color = next(tag.color for tag in project.tags() if tag.name == "Economy")
    assert color.startswith("#") and color not in {
        tag.color for tag in project.tags() if tag.name != "Economy"
    }


def test_doccano_entities_format(project, tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "entities.jsonl",
        [
            {
                "text": "城市更新",
                "entities": [{"id": 1, "label": "城市更新", "start_offset": 0, "end_offset": 4}],
            }
        ],
    )
    report = import_annotations(project, source)
    assert report.annotations_added == 1
    assert report.tags_created == []
    [annotation] = project.annotations(report.created[0].id)
    assert (annotation.tag_id, annotation.text) == (tag_ids(project)["城市更新"], "城市更新")


def test_label_studio_file_from_label_studio(project, tmp_path: Path) -> None:
    text = "问：怎么办？答：👍🏽继续干。"
    tasks = [
        {
            "id": 5,
            "data": {"ner": text},
            "annotations": [
                {
                    "completed_by": {"id": 3, "email": "editor@example.org"},
                    "result": [
                        {
                            "id": "a",
                            "from_name": "label",
                            "to_name": "text",
                            "type": "labels",
                            "value": {"start": 8, "end": 13, "labels": ["民生", "党建"]},
                            "meta": {"text": ["第一行", "第二行"]},
                        },
                        {"type": "choices", "value": {"choices": ["好"]}},
                    ],
                },
                {"was_cancelled": True, "result": [{"type": "labels", "value": {}}]},
            ],
        }
    ]
    source = tmp_path / "ls.json"
    source.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = import_annotations(project, source)
    assert (report.annotations_added, report.skipped) == (2, 1)
    annotations = project.annotations(report.created[0].id)
    assert {(a.start, a.end, a.text, a.note, a.annotator) for a in annotations} == {
        (8, 13, "👍🏽继续干", "第一行\n第二行", "editor@example.org")
    }
    assert {a.tag_id for a in annotations} == {tag_ids(project)[n] for n in ("民生", "党建")}


GUIDS = {
    "user": "{0A1B2C3D-0000-4000-8000-000000000001}",
    "parent": "0A1B2C3D-0000-4000-8000-000000000002",
    "child": "0A1B2C3D-0000-4000-8000-000000000003",
    "source": "0A1B2C3D-0000-4000-8000-000000000004",
    "note": "0A1B2C3D-0000-4000-8000-000000000005",
}


def foreign_qdpx(path: Path, text: str) -> Path:
    """A small project as another QDA program might write it (capital Sources, braces)."""
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="Other QDA 2.0">
  <Users><User guid="{GUIDS["user"]}" name="Mei"/></Users>
  <CodeBook><Codes>
    <Code guid="{GUIDS["parent"]}" name="Topics" isCodable="false">
      <Code guid="{GUIDS["child"]}" name="Economy" isCodable="true" color="#F0A">
        <Description>money</Description>
      </Code>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{GUIDS["source"]}" name="Interview A"
                plainTextPath="internal://{GUIDS["source"].lower()}.txt">
      <PlainTextSelection guid="0A1B2C3D-0000-4000-8000-000000000006" startPosition="2"
          endPosition="5" creatingUser="{GUIDS["user"].strip("{}").lower()}"
          creationDateTime="2024-03-01T10:00:00Z">
        <Coding guid="0A1B2C3D-0000-4000-8000-000000000007">
          <CodeRef targetGUID="{{{GUIDS["child"]}}}"/>
        </Coding>
        <NoteRef targetGUID="{GUIDS["note"]}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="0A1B2C3D-0000-4000-8000-000000000008" startPosition="0"
          endPosition="1"><Description>an uncoded memo</Description></PlainTextSelection>
    </TextSource>
    <PictureSource guid="0A1B2C3D-0000-4000-8000-000000000009" path="internal://p.png"/>
  </Sources>
  <Notes>
    <Note guid="{GUIDS["note"]}"><PlainTextContent>a note</PlainTextContent></Note>
  </Notes>
</Project>
"""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde.encode("utf-8"))
        archive.writestr(f"Sources/{GUIDS['source'].lower()}.txt", text.encode("utf-8"))
    return path


def test_qdpx_from_another_program(project, tmp_path: Path) -> None:
    text = "甲乙丙丁\r\n戊己"
    source = foreign_qdpx(tmp_path / "other.qdpx", text)
    assert [(t.name, t.uses, t.tag_id) for t in file_tags(project, source)] == [
        ("Topics", 0, None),
        ("Economy", 1, None),
    ]
    report = import_annotations(project, source)
    assert report.tags_created == ["Topics", "Economy"]
    assert report.skipped == 2  # the uncoded selection and the picture
    tags = {tag.name: tag for tag in project.tags()}
    assert tags["Economy"].parent_id == tags["Topics"].id
    assert (tags["Economy"].color, tags["Economy"].description) == ("#ff00aa", "money")
    document = project.document(report.created[0].id)
    assert (document.text, document.meta.title) == (text, "Interview A")
    [annotation] = project.annotations(document.meta.id)
    assert (annotation.start, annotation.end, annotation.text) == (2, 5, "丙丁\r")
    assert (annotation.note, annotation.annotator) == ("a note", "Mei")
    assert annotation.created_at.isoformat() == "2024-03-01T10:00:00+00:00"


def test_mapping_chooses_existing_tags_or_creates(project, tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "m.jsonl",
        [{"text": "一二三四五", "label": [[0, 1, "econ"], [1, 2, "new one"], [2, 3, "民生"]]}],
    )
    listed = file_tags(project, source)
    existing = tag_ids(project)
    assert [(t.name, t.uses, t.tag_id) for t in listed] == [
        ("econ", 1, None),
        ("new one", 1, None),
        ("民生", 1, existing["民生"]),
    ]
    report = import_annotations(
        project, source, tag_mapping={"econ": existing["产业发展"], "new one": None}
    )
    assert report.tags_created == ["new one"]
    by_start = {a.start: a.tag_id for a in project.annotations(report.created[0].id)}
    assert by_start == {
        0: existing["产业发展"],
        1: tag_ids(project)["new one"],
        2: existing["民生"],
    }


def test_unknown_tag_in_mapping_writes_nothing(project, project_path: Path, tmp_path) -> None:
    source = write_jsonl(tmp_path / "m.jsonl", [{"text": "一二", "label": [[0, 1, "x"]]}])
    before = rows(project_path, "SELECT count(*) FROM documents")
    with pytest.raises(UnknownTagError):
        import_annotations(project, source, tag_mapping={"x": 999})
    assert rows(project_path, "SELECT count(*) FROM documents") == before


def test_known_text_gets_the_new_annotations_without_duplicates(
    sample_project, project_path: Path, tmp_path: Path
) -> None:
    text = sample_project.document(2).text
    tags = tag_ids(sample_project)
    sample_project.execute(CreateAnnotations((AnnotationSpec(2, tags["民生"], 10, 20),)))
    source = write_jsonl(
        tmp_path / "again.jsonl",
        [
            {
                "text": text,
                "label": [[10, 20, "民生"], [10, 20, "党建"], [30, 40, "民生"]],
                "meta": {"title": "另一个标题"},
            },
            {"text": text, "label": [[30, 40, "民生"], [50, 60, "民生"]]},
        ],
    )
    report = import_annotations(sample_project, source)
    assert report.created == []
    assert report.matched == [2]
    assert (report.annotations_added, report.duplicates_skipped) == (3, 2)
    assert sample_project.document(2).meta.title != "另一个标题"
    stored = rows(
        project_path,
        'SELECT start, "end", tag_id, source FROM annotations WHERE document_id = 2 '
        "ORDER BY start, tag_id",
    )
    assert stored == [
        (10, 20, tags["民生"], "manual"),
        (10, 20, tags["党建"], "imported"),
        (30, 40, tags["民生"], "imported"),
        (50, 60, tags["民生"], "imported"),
    ]
    assert report.changes.documents == frozenset({2})
    assert len(report.changes.added) == 3
    again = import_annotations(sample_project, source)
    assert (again.annotations_added, again.duplicates_skipped) == (0, 5)


def test_fangtan_ids_are_kept_when_free(project, tmp_path: Path) -> None:
    meta = {"fangtan": 1, "title": "七"}
    source = write_jsonl(
        tmp_path / "ids.jsonl",
        [
            {"id": 7, "text": "第七篇", "label": [], "meta": meta},
            {"id": 7, "text": "另一篇", "label": [], "meta": meta},
        ],
    )
    report = import_annotations(project, source)
    assert [d.id for d in report.created] == [7, 8]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("bad.jsonl", '{"text": "一二", "label": [[0, 3, "民生"]]}\n', AnnotationOffsetError),
        ("bad.jsonl", '{"text": "一二", "label": [[1, 1, "民生"]]}\n', AnnotationOffsetError),
        ("bad.jsonl", '{"text": "一二", "label": [[-1, 1, "民生"]]}\n', AnnotationOffsetError),
        ("bad.jsonl", '{"text": "一二", "label": [[0, 1.5, "民生"]]}\n', AnnotationFileError),
        ("bad.jsonl", '{"text": "一二", "label": [[0, true, "民生"]]}\n', AnnotationFileError),
        ("bad.jsonl", '{"text": "一二", "label": [[0, 1, " "]]}\n', AnnotationTagNameError),
        ("bad.jsonl", '{"text": "一二", "label": [[0, 1]]}\n', AnnotationFileError),
        ("bad.jsonl", '{"text": "ok"}\n{"text": \n', AnnotationFileError),
        ("bad.jsonl", '{"label": []}\n', AnnotationFileError),
        ("bad.jsonl", b'{"text": "\xff"}\n', AnnotationFileError),
        (
            "bad.jsonl",
            '{"text": "一二", "label": [], "meta": {"fangtan": 1, "turns": [["", "answer", 0, 1, 3]]}}\n',
            AnnotationFileError,
        ),
        ("bad.json", '{"data": {"a": "x", "b": "y"}}', AnnotationFileError),
        ("bad.json", "[1, 2]", AnnotationFileError),
        (
            "bad.json",
            '[{"data": {"text": "一二"}, "annotations": [{"result": [{"type": "labels",'
            ' "value": {"start": 0, "end": 9, "labels": ["民生"]}}]}]}]',
            AnnotationOffsetError,
        ),
        ("bad.qdpx", b"PK not really a zip", AnnotationFileError),
        ("bad.txt", "{}", AnnotationFormatUnknownError),
    ],
)
def test_bad_files_are_refused_in_one_line_and_change_nothing(
    sample_project, project_path: Path, tmp_path: Path, name, content, error
) -> None:
    source = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    source.write_bytes(content)
    tables = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tags), " "(SELECT count(*) FROM annotations), (SELECT count(*) FROM turns)"  # fmt: skip
    before = rows(project_path, tables)
    with pytest.raises(error) as caught:
        import_annotations(sample_project, source)
    assert isinstance(caught.value, FangtanError)
    message = str(caught.value)
    assert "\n" not in message and str(source) in message
    assert rows(project_path, tables) == before


def test_qdpx_with_a_missing_source_or_unknown_code_is_refused(project, tmp_path: Path) -> None:
    good = foreign_qdpx(tmp_path / "good.qdpx", "甲乙丙丁戊")
    with zipfile.ZipFile(good) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    missing = tmp_path / "missing.qdpx"
    with zipfile.ZipFile(missing, "w") as archive:
        archive.writestr("project.qde", qde)
    with pytest.raises(AnnotationFileError, match="missing"):
        import_annotations(project, missing)
    unknown = tmp_path / "unknown.qdpx"
    with zipfile.ZipFile(unknown, "w") as archive:
        archive.writestr("project.qde", qde.replace(f"{{{GUIDS['child']}}}", GUIDS["note"]))
        archive.writestr(f"sources/{GUIDS['source'].lower()}.txt", "甲乙丙丁戊")
    with pytest.raises(AnnotationFileError, match="unknown code"):
        import_annotations(project, unknown)
    assert project.documents() == []


def test_missing_file_and_format_detection(project, tmp_path: Path) -> None:
    with pytest.raises(SourceMissingError):
        import_annotations(project, tmp_path / "nothing.jsonl")
    assert detect_format(Path("a.JSONL")) == "jsonl"
    assert detect_format(Path("a.json")) == "label-studio"
    assert detect_format(Path("a.qdpx")) == "qdpx"
    assert detect_format(Path("a.txt"), "jsonl") == "jsonl"
    with pytest.raises(AnnotationFormatUnknownError):
        detect_format(Path("a.jsonl"), "docx")


def test_a_cancelled_import_writes_nothing(project, project_path: Path, tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "many.jsonl",
        [{"text": f"第{n}篇", "label": [[0, 1, "新标签"]]} for n in range(5)],
    )
    calls: list[int] = []

    def cancel_on_third() -> bool:
        calls.append(1)
        return len(calls) >= 3

    report = import_annotations(project, source, progress=Recorder(cancel=cancel_on_third))
    assert report.cancelled and report.created == []
    assert rows(project_path, "SELECT count(*) FROM documents") == [(0,)]
    assert "新标签" not in tag_ids(project)
    recorder = Recorder()
    report = import_annotations(project, source, progress=recorder)
    assert len(report.created) == 5
    assert recorder.seen[-1] == (5, 5)


def test_annotation_files_are_told_from_interviews_and_never_mixed(tmp_path):
    folder = tmp_path / "named.json"
    folder.mkdir()
    interview, corpus = tmp_path / "a.txt", tmp_path / "b.JSONL"
    assert annotation_files([interview, folder]) == []
    assert annotation_files([corpus, tmp_path / "c.qdpx"]) == [corpus, tmp_path / "c.qdpx"]
    assert annotation_files([interview], any_name=True) == [interview]
    with pytest.raises(MixedImportError):
        annotation_files([interview, corpus])
