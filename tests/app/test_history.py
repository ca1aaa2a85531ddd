"""Undo history kept in the project: it survives closing, and stays exact through many rounds."""

import pytest

from app.editing import history as history_module
from app.editing.commands import AnnotationSpec, CreateAnnotations, DeleteAnnotations, SetNote
from app.editing.history import History
from app.errors import UnknownAnnotationError
from app.importing.importer import import_text
from app.project import Project

pytestmark = pytest.mark.both_backends

TEXT = "访谈标题\n\n——访某镇镇长李四\n\n记者：今年重点是什么？\n\n李四：重点是产业𠮷升级。\n"


def make_project(path, annotator="甲"):
    project = Project.open(path, annotator=annotator)
    if not project.documents():
        import_text(project, TEXT, "a.txt")
    return project


def rows(project):
    document = project.documents()[0]
    return [(a.id, a.start, a.end, a.note, a.created_at) for a in project.annotations(document.id)]


def test_undo_after_closing_and_reopening(tmp_path):
    path = tmp_path / "p.fangtan"
    project = make_project(path)
    document = project.documents()[0]
    tag = project.tags()[0]
    History(project).do(CreateAnnotations((AnnotationSpec(document.id, tag.id, 20, 24),)), "标注")
    project.close()

    project = make_project(path)
    history = History(project)
    assert history.state().undo_text == "标注"
    changes = history.undo()
    assert changes is not None and changes.removed
    assert rows(project) == []
    assert history.state().undo_text is None
    assert history.state().redo_text == "标注"
    project.close()

    project = make_project(path)
    history = History(project)
    assert history.redo() is not None
    assert [(start, end) for _, start, end, _, _ in rows(project)] == [(20, 24)]
    project.close()


def test_many_rounds_keep_ids_notes_and_times(tmp_path):
    project = make_project(tmp_path / "p.fangtan")
    history = History(project)
    document = project.documents()[0]
    tag = project.tags()[1]
    history.do(CreateAnnotations((AnnotationSpec(document.id, tag.id, 30, 36),)), "标注")
    annotation_id = rows(project)[0][0]
    history.do(SetNote(annotation_id, "要点"), "备注")
    history.do(DeleteAnnotations((annotation_id,)), "删除")
    assert rows(project) == []
    history.undo()
    reference = rows(project)
    assert reference[0][3] == "要点"
    for _ in range(3):
        history.undo()
        history.undo()
        assert rows(project) == []
        history.redo()
        history.redo()
        assert rows(project) == reference
    project.close()


def test_new_action_discards_redo_and_histories_are_per_annotator(tmp_path):
    path = tmp_path / "p.fangtan"
    first = make_project(path, annotator="甲")
    document = first.documents()[0]
    tag = first.tags()[0]
    History(first).do(CreateAnnotations((AnnotationSpec(document.id, tag.id, 20, 22),)), "一")
    History(first).undo()
    History(first).do(CreateAnnotations((AnnotationSpec(document.id, tag.id, 23, 25),)), "二")
    assert History(first).state().redo_text is None
    first.close()
    second = make_project(path, annotator="乙")
    assert History(second).state().undo_text is None
    second.close()


def test_a_step_that_can_no_longer_be_undone_is_dropped(tmp_path):
    project = make_project(tmp_path / "p.fangtan")
    history = History(project)
    document = project.documents()[0]
    tag = project.tags()[0]
    history.do(CreateAnnotations((AnnotationSpec(document.id, tag.id, 20, 22),)), "标注")
    annotation_id = rows(project)[0][0]
    project.execute(DeleteAnnotations((annotation_id,)))  # changed outside this history
    try:
        history.undo()
    except UnknownAnnotationError:
        history.drop_next(undone=False)
    else:
        raise AssertionError("undo of a vanished annotation must fail")
    assert history.state().undo_text is None
    project.close()


def test_history_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(history_module, "MAX_STEPS", 5)
    monkeypatch.setattr(history_module, "TRIM_EVERY", 1)
    project = make_project(tmp_path / "p.fangtan")
    history = History(project)
    document = project.documents()[0]
    tag = project.tags()[0]
    for offset in range(8):
        spec = AnnotationSpec(document.id, tag.id, 20 + offset, 21 + offset)
        history.do(CreateAnnotations((spec,)), f"第{offset}步")
    undone = 0
    while history.undo() is not None:
        undone += 1
    assert undone == 5
    assert len(rows(project)) == 3
    project.close()


def test_only_steps_whose_target_vanished_are_stale(tmp_path):
    from app.errors import DuplicateTagNameError, ProjectStorageError

    assert History.is_stale(UnknownAnnotationError())
    assert not History.is_stale(ProjectStorageError(path="p", detail="database is locked"))
    assert not History.is_stale(DuplicateTagNameError(name="民生"))
