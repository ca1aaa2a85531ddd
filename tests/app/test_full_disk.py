"""A full disk during a write: the action fails with a message and nothing is half-written."""

import sqlite3

import pytest
from sqlalchemy import event

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.errors import ProjectStorageError
from app.project import Project
from app.workspace import import_sample


def cap_pages(project: Project, extra_pages: int) -> None:
    """Let the file grow by ``extra_pages`` pages at most, as a nearly full disk would."""
    with sqlite3.connect(project.path) as probe:
        pages = probe.execute("PRAGMA page_count").fetchone()[0]

    def limit(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    event.listen(project.engine, "connect", limit)
    project.engine.dispose()  # new connections come with the limit


def test_full_disk_fails_one_action_cleanly(tmp_path):
    project = Project.open(tmp_path / "p.fangtan", annotator="编辑")
    import_sample(project)
    document = project.documents()[0]
    tags = project.tags()
    history = History(project)
    cap_pages(project, extra_pages=3)
    done = 0
    with pytest.raises(ProjectStorageError, match="full"):
        for number in range(10_000):
            note = "很长的备注" * 200  # each action needs room
            spec = AnnotationSpec(document.id, tags[number % 4].id, 10, 20 + number % 50, note=note)
            history.do(CreateAnnotations((spec,)), f"第{number}步")
            done += 1
    assert done > 0
    annotations = project.annotations(document.id)
    assert len(annotations) == done  # the failed action left nothing behind
    assert History(project).state().undo_text == f"第{done - 1}步"
    project.close()
    with sqlite3.connect(tmp_path / "p.fangtan") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    reopened = Project.open(tmp_path / "p.fangtan", annotator="编辑")
    assert len(reopened.annotations(document.id)) == done
    History(reopened).do(
        CreateAnnotations((AnnotationSpec(document.id, tags[0].id, 30, 40),)), "after"
    )  # with room again, work goes on
    assert len(reopened.annotations(document.id)) == done + 1
    reopened.close()
