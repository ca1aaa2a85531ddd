"""Annotation commands run through Project.execute: what they persist and how they undo."""

import sqlite3
from dataclasses import replace

import pytest

from app.editing.commands import (
    AnnotationSpec,
    Command,
    CreateAnnotations,
    DeleteAnnotations,
    Macro,
    SetNote,
)
from app.editing.tag_commands import CreateTag, DeleteTag, MoveTag, TagSpec, UpdateTag
from app.errors import (
    EmptySpanError,
    InvalidSpanError,
    UnknownAnnotationError,
    UnknownDocumentError,
    UnknownTagError,
)
from tests.app.row_versions import unversioned, without_versions

pytestmark = pytest.mark.both_backends

# Astral characters (surrogate pairs in UTF-16), emoji with skin tone and ZWJ
# sequences, and combining marks: every one of them must keep code-point offsets.
TRICKY = (
    "𠮷野家访谈\n\n"
    "——访店长张三\n\n"
    "记者：𠮷野家的牛丼好吃吗😀？\n\n"
    "张三：好吃！cafe\u0301 和 naïve 都有，👍🏽 👨\u200d👩\u200d👧 𝄞 e\u0301\u0301。\n"
)


@pytest.fixture
def tricky_document(project, import_source) -> int:
    report = import_source(project, TRICKY, name="tricky.txt")
    [document] = report.imported
    return document.id


@pytest.fixture
def tag_id(project) -> int:
    return project.tags()[0].id


def annotation_count(path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    finally:
        connection.close()


def every_span(text: str) -> list[tuple[int, int]]:
    """Spans starting and ending at every interesting place of ``text``."""
    cuts = sorted(
        {0, len(text)}
        | {i for i, ch in enumerate(text) if ord(ch) > 0xFFFF or ch in "\u0301\u200d🏽"}
        | {i + 1 for i, ch in enumerate(text) if ord(ch) > 0xFFFF or ch in "\u0301\u200d🏽"}
    )
    return [(a, b) for a in cuts for b in cuts if a < b]


# CreateAnnotations -------------------------------------------------------------------


def test_new_annotations_are_reported_as_they_are_stored(
    project, tricky_document, tag_id, reopen
) -> None:
    """The window shows a new tag from what the action reports, without reading it back:
    that report must be what a later read finds, to the microsecond and the code point."""
    specs = (
        AnnotationSpec(tricky_document, tag_id, 0, 3, note="首句"),
        AnnotationSpec(tricky_document, tag_id, 5, 9, annotator="另一位"),
        AnnotationSpec(tricky_document, tag_id, 2, 6, source="suggested"),
    )
    changes = project.execute(CreateAnnotations(specs)).changes
    assert {a.id for a in changes.written} == changes.added
    project = reopen(project)
    stored = project.annotations_by_id(changes.added)
    assert sorted(changes.written, key=lambda a: a.id) == sorted(stored, key=lambda a: a.id)


def test_restored_annotations_are_read_back_not_reported(project, tricky_document, tag_id) -> None:
    """An annotation brought back with its old version or dates is left to be read."""
    created = project.execute(
        CreateAnnotations((AnnotationSpec(tricky_document, tag_id, 0, 3),))
    ).changes
    [annotation] = project.annotations_by_id(created.added)
    project.execute(DeleteAnnotations(tuple(created.added)))
    restored = AnnotationSpec(
        tricky_document,
        tag_id,
        0,
        3,
        id=annotation.id,
        created_at=annotation.created_at,
        updated_at=annotation.updated_at,
        version=3,
    )
    changes = project.execute(CreateAnnotations((restored,))).changes
    assert changes.added == {annotation.id}
    assert changes.written == ()


@pytest.mark.parametrize("batch", [1, 40], ids=["one-by-one", "bulk"])
def test_snapshot_is_exactly_the_covered_code_points(
    project, tricky_document, tag_id, reopen, batch
) -> None:
    text = project.document(tricky_document).text
    assert "𠮷" in text and "\u0301" in text
    spans = every_span(text)
    assert len(spans) > batch
    for first in range(0, len(spans), batch):
        chunk = spans[first : first + batch]
        project.execute(
            CreateAnnotations(
                tuple(AnnotationSpec(tricky_document, tag_id, a, b) for a, b in chunk)
            )
        )
    project = reopen(project)
    stored = project.annotations(tricky_document)
    assert sorted((a.start, a.end) for a in stored) == sorted(spans)
    for annotation in stored:
        assert annotation.text == text[annotation.start : annotation.end]


def test_create_annotation_persists_tag_note_and_annotator(sample_project, tag_id, reopen) -> None:
    applied = sample_project.execute(
        CreateAnnotations((AnnotationSpec(1, tag_id, 46, 52, note="要点，备注\n第二行"),))
    )
    [new_id] = applied.changes.added
    assert applied.changes.documents == {1}
    project = reopen(sample_project)
    [annotation] = project.annotations(1)
    assert annotation.id == new_id
    assert (annotation.tag_id, annotation.start, annotation.end) == (tag_id, 46, 52)
    assert annotation.text == project.document(1).text[46:52] == "2023年是"
    assert annotation.note == "要点，备注\n第二行"
    assert annotation.annotator == "tester"
    assert annotation.created_at.tzinfo is not None
    assert annotation.created_at == annotation.updated_at
    assert project.documents()[0].annotation_count == 1
    assert [tag.usage for tag in project.tags() if tag.id == tag_id] == [1]


@pytest.mark.parametrize(
    ("start", "end", "error"),
    [
        (10, 10, EmptySpanError),
        (0, 0, EmptySpanError),
        (-1, 3, InvalidSpanError),
        (5, 3, InvalidSpanError),
        (0, 10_000, InvalidSpanError),
        (10_000, 10_001, InvalidSpanError),
    ],
)
def test_bad_spans_are_refused_and_nothing_is_written(
    sample_project, tag_id, persisted_rows, open_project, start, end, error
) -> None:
    before = persisted_rows(sample_project)
    project = open_project(create=False)
    good = AnnotationSpec(1, tag_id, 0, 4)
    with pytest.raises(error):
        project.execute(CreateAnnotations((good, AnnotationSpec(1, tag_id, start, end))))
    after = persisted_rows(project)
    assert after == before
    assert after["annotations"] == [] and after["annotators"] == []


def test_span_ending_exactly_at_the_end_of_the_text_is_accepted(
    sample_project, tag_id, reopen
) -> None:
    length = len(sample_project.document(2).text)
    sample_project.execute(CreateAnnotations((AnnotationSpec(2, tag_id, length - 5, length),)))
    project = reopen(sample_project)
    [annotation] = project.annotations(2)
    assert annotation.text == "更大力量。"


def test_unknown_tag_is_refused_and_nothing_is_written(
    sample_project, tag_id, persisted_rows, open_project
) -> None:
    before = persisted_rows(sample_project)
    project = open_project(create=False)
    specs = (AnnotationSpec(1, tag_id, 0, 4), AnnotationSpec(1, 999, 5, 9))
    with pytest.raises(UnknownTagError):
        project.execute(CreateAnnotations(specs))
    assert persisted_rows(project) == before


def test_unknown_document_is_refused_and_nothing_is_written(
    sample_project, tag_id, persisted_rows, open_project
) -> None:
    sample_project.close()
    project = open_project(create=False)
    with pytest.raises(UnknownDocumentError):
        project.execute(CreateAnnotations((AnnotationSpec(99, tag_id, 0, 4),)))
    assert persisted_rows(project)["annotations"] == []


# DeleteAnnotations and its inverse ----------------------------------------------------


def test_delete_removes_and_undo_recreates_the_same_annotation(
    sample_project, tag_id, open_project, reopen
) -> None:
    applied = sample_project.execute(
        CreateAnnotations(
            (
                AnnotationSpec(1, tag_id, 46, 52, note="第一条"),
                AnnotationSpec(2, tag_id, 100, 120, note="第二条"),
            )
        )
    )
    ids = tuple(sorted(applied.changes.added))
    project = reopen(sample_project, annotator="alice")
    original = project.annotations_by_id(ids)
    assert {a.annotator for a in original} == {"tester"}

    deleted = project.execute(DeleteAnnotations(ids))
    assert deleted.changes.removed == set(ids)
    project = reopen(project, annotator="bob")
    assert project.annotations_by_id(ids) == []
    assert project.annotations(1) == [] and project.annotations(2) == []

    restored = project.execute(deleted.inverse)
    assert restored.changes.added == set(ids)
    project = reopen(project, annotator="carol")
    assert project.annotations_by_id(ids) == original


def test_deleting_an_unknown_annotation_changes_nothing(
    sample_project, tag_id, persisted_rows, open_project
) -> None:
    applied = sample_project.execute(CreateAnnotations((AnnotationSpec(1, tag_id, 46, 52),)))
    [known] = applied.changes.added
    before = persisted_rows(sample_project)
    project = open_project(create=False)
    with pytest.raises(UnknownAnnotationError):
        project.execute(DeleteAnnotations((known, known + 100)))
    assert persisted_rows(project) == before


# SetNote -------------------------------------------------------------------------------


def test_set_note_and_its_inverse(sample_project, tag_id, reopen) -> None:
    applied = sample_project.execute(
        CreateAnnotations((AnnotationSpec(1, tag_id, 46, 52, note="旧备注"),))
    )
    [annotation_id] = applied.changes.added
    project = reopen(sample_project)
    [before] = project.annotations(1)

    changed = project.execute(SetNote(annotation_id, "新备注，含逗号\n和换行"))
    assert changed.changes.updated == {annotation_id}
    project = reopen(project)
    [after] = project.annotations(1)
    assert after.note == "新备注，含逗号\n和换行"
    assert after.created_at == before.created_at

    project.execute(changed.inverse)
    project = reopen(project)
    assert unversioned(project.annotations(1)) == unversioned([before])


def test_set_note_on_an_unknown_annotation(sample_project) -> None:
    with pytest.raises(UnknownAnnotationError):
        sample_project.execute(SetNote(12345, "x"))


# Macro -----------------------------------------------------------------------------------


def test_macro_inverse_undoes_every_step(
    sample_project, tag_id, persisted_rows, open_project
) -> None:
    applied = sample_project.execute(
        CreateAnnotations(
            (AnnotationSpec(1, tag_id, 46, 52, note="a"), AnnotationSpec(1, tag_id, 60, 70))
        )
    )
    first, second = sorted(applied.changes.added)
    before = without_versions(persisted_rows(sample_project))
    project = open_project(create=False)
    tags = project.tags()
    macro = Macro(
        (
            CreateAnnotations((AnnotationSpec(2, tags[1].id, 10, 20, note="新"),)),
            SetNote(first, "改过"),
            DeleteAnnotations((second,)),
            UpdateTag(tags[2].id, {"name": "党的建设", "color": "#000"}),
            CreateTag(TagSpec(name="新标签", color="#123456", shortcut="9")),
            MoveTag(tags[0].id, 3),
            DeleteTag(tags[3].id),
        )
    )
    done = project.execute(macro)
    assert done.changes.tags and done.changes.documents == {1, 2}
    middle = persisted_rows(project)
    assert middle != before
    assert "新标签" in {row[1] for row in middle["tags"]}
    assert len(middle["annotations"]) == 2

    project = open_project(create=False)
    project.execute(done.inverse)
    assert without_versions(persisted_rows(project)) == before


# Undo and redo, repeated -------------------------------------------------------------------


def _commands(tag_ids: list[int], annotation_ids: list[int]) -> dict[str, Command]:
    return {
        "create-annotations": CreateAnnotations(
            (
                AnnotationSpec(1, tag_ids[0], 200, 230, note="x"),
                AnnotationSpec(2, tag_ids[1], 5, 9),
            )
        ),
        "delete-annotations": DeleteAnnotations(tuple(annotation_ids)),
        "set-note": SetNote(annotation_ids[0], "新的备注"),
        "create-tag": CreateTag(TagSpec(name="生态", color="#ABC", shortcut="5", parent_id=None)),
        "update-tag": UpdateTag(tag_ids[1], {"name": "民生保障", "shortcut": "m"}),
        "delete-tag": DeleteTag(tag_ids[0]),
        "move-tag": MoveTag(tag_ids[3], 0),
        "macro": Macro(
            (
                SetNote(annotation_ids[1], "宏"),
                DeleteTag(tag_ids[2]),
                CreateAnnotations((AnnotationSpec(2, tag_ids[1], 30, 40),)),
            )
        ),
    }


COMMAND_NAMES = list(_commands([1, 2, 3, 4], [1, 2]))


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_undo_redo_three_times_gives_the_same_persisted_state(
    sample_project, persisted_rows, open_project, name
) -> None:
    tag_ids = [tag.id for tag in sample_project.tags()]
    # Give the codebook a hierarchy and the project some annotations by two people.
    sample_project.execute(UpdateTag(tag_ids[1], {"parent_id": tag_ids[0]}))
    seeded = sample_project.execute(
        CreateAnnotations(
            (
                AnnotationSpec(1, tag_ids[0], 46, 52, note="一"),
                AnnotationSpec(1, tag_ids[2], 125, 140, note="二", annotator="alice"),
                AnnotationSpec(2, tag_ids[0], 49, 60),
            )
        )
    )
    annotation_ids = sorted(seeded.changes.added)
    command = _commands(tag_ids, annotation_ids)[name]

    people: list[list[tuple]] = []

    def state(project) -> dict[str, list[tuple]]:
        rows = without_versions(persisted_rows(project))
        # A person who once annotated stays known to the project: undo does not forget
        # them, so the annotators table is compared separately.
        people.append(rows.pop("annotators"))
        return rows

    before = state(sample_project)
    project = open_project(create=False, annotator="bob")
    undo = project.execute(command).inverse
    after = state(project)
    assert after != before

    for _ in range(3):
        project = open_project(create=False, annotator="bob")
        redo = project.execute(undo).inverse
        assert state(project) == before
        project = open_project(create=False, annotator="bob")
        undo = project.execute(redo).inverse
        assert state(project) == after
    assert set(people[0]) <= set(people[1])
    assert all(later == people[1] for later in people[1:])


def test_commands_are_plain_values_that_can_be_replayed(sample_project, tag_id, reopen) -> None:
    """The same command object, applied again after undo, creates an equal annotation."""
    command = CreateAnnotations((AnnotationSpec(1, tag_id, 46, 52, note="n"),))
    first = sample_project.execute(command)
    sample_project.execute(first.inverse)
    second = sample_project.execute(replace(command))
    project = reopen(sample_project)
    [annotation] = project.annotations(1)
    assert annotation.id in second.changes.added
    assert (annotation.start, annotation.end, annotation.note) == (46, 52, "n")


def test_undoing_a_delete_keeps_the_annotations_source(tmp_path):
    from app.editing.commands import AnnotationSpec, CreateAnnotations, DeleteAnnotations
    from app.importing.importer import import_text
    from app.project import Project
    from models import Annotation

    project = Project.open(tmp_path / "p.fangtan")
    import_text(project, "标题\n\n记者：问？\n\n张三：答。\n", "a.txt")
    document = project.documents()[0]
    tag = project.tags()[0]
    spec = AnnotationSpec(document.id, tag.id, 0, 2, source="imported")
    created = project.execute(CreateAnnotations((spec,)))
    deleted = project.execute(DeleteAnnotations(tuple(created.changes.added)))
    project.execute(deleted.inverse)
    with project.reading() as session:
        assert [row.source for row in session.query(Annotation)] == ["imported"]
    project.close()
