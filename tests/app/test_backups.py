"""Rotating backups with SQLite's online backup API, listed with what they hold, restorable."""

import sqlite3

import pytest

from app.backups import (
    backup_folder,
    keep_count,
    list_backups,
    restore_backup,
    set_keep_count,
    take_backup,
)
from app.commands import AnnotationSpec, CreateAnnotations
from app.errors import BackupError
from app.importing.importer import import_text
from app.project import Project

TEXT = "标题\n\n记者：今年的重点？\n\n张三：产业。\n"


def project_with_annotations(path, count):
    project = Project.open(path)
    if not project.documents():
        import_text(project, TEXT, "a.txt")
    document = project.documents()[0]
    tag = project.tags()[0]
    specs = tuple(AnnotationSpec(document.id, tag.id, i, i + 1) for i in range(count))
    if specs:
        project.execute(CreateAnnotations(specs))
    return project


def test_backup_of_a_live_project_is_a_complete_database(tmp_path):
    path = tmp_path / "p.fangtan"
    project = project_with_annotations(path, 3)  # still open, with a write-ahead log
    copy = take_backup(path)
    assert copy.parent == backup_folder(path)
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM annotations").fetchone() == (3,)
    [listed] = list_backups(path)
    assert (listed.documents, listed.annotations, listed.label) == (1, 3, "")
    project.close()


def test_only_the_newest_copies_are_kept(tmp_path):
    path = tmp_path / "p.fangtan"
    project = project_with_annotations(path, 0)
    set_keep_count(project, 3)
    assert keep_count(project) == 3
    for _ in range(5):
        take_backup(path, keep_count(project))
    assert len(list_backups(path)) == 3
    project.close()


def test_restore_puts_the_copy_back_and_keeps_the_current_file(tmp_path):
    path = tmp_path / "p.fangtan"
    project = project_with_annotations(path, 2)
    take_backup(path)
    project.execute(
        CreateAnnotations(
            tuple(
                AnnotationSpec(project.documents()[0].id, project.tags()[1].id, i, i + 2)
                for i in range(5)
            )
        )
    )
    project.close()
    older = next(b for b in list_backups(path) if b.annotations == 2)
    kept = restore_backup(path, older.path)
    reopened = Project.open(path, create=False)
    assert reopened.documents()[0].annotation_count == 2
    reopened.close()
    labels = {b.label: b.annotations for b in list_backups(path)}
    assert labels["before-restore"] == 7
    assert kept.exists()


def test_a_backup_that_cannot_be_written_is_a_clear_error(tmp_path):
    path = tmp_path / "p.fangtan"
    project = project_with_annotations(path, 0)
    backup_folder(path).write_text("a file where the folder should be")
    with pytest.raises(BackupError):
        take_backup(path)
    project.close()
