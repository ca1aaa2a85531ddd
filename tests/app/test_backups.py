"""Rotating backups with SQLite's online backup API, listed with what they hold, restorable."""

import sqlite3

import pytest

from app.backups import (
    DEFAULT_KEEP,
    KEEP_SETTING,
    MAX_KEEP,
    MIN_KEEP,
    backup_folder,
    keep_count,
    list_backups,
    restore_backup,
    set_keep_count,
    take_backup,
)
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.errors import BackupError, BackupKeepError, ProjectReadOnlyError
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


def test_the_number_to_keep_is_stored_in_the_project(tmp_path):
    path = tmp_path / "p.fangtan"
    project = project_with_annotations(path, 0)
    assert keep_count(project) == DEFAULT_KEEP
    set_keep_count(project, 25)
    project.close()
    reopened = Project.open(path, create=False)
    assert keep_count(reopened) == 25
    for wrong in (MIN_KEEP - 1, MAX_KEEP + 1, -3, True, "7"):
        with pytest.raises(BackupKeepError):
            set_keep_count(reopened, wrong)
    assert keep_count(reopened) == 25
    set_keep_count(reopened, MAX_KEEP)
    assert keep_count(reopened) == MAX_KEEP
    reopened.close()


def test_a_stored_number_out_of_bounds_or_unreadable_is_read_safely(tmp_path):
    path = tmp_path / "p.fangtan"
    project_with_annotations(path, 0).close()
    for stored, read in (("0", MIN_KEEP), ("100000", MAX_KEEP), ("many", DEFAULT_KEEP)):
        with sqlite3.connect(path) as connection:
            connection.execute(
                "INSERT OR REPLACE INTO project_settings (key, value) VALUES (?, ?)",
                (KEEP_SETTING, stored),
            )
        connection.close()
        project = Project.open(path, create=False)
        assert keep_count(project) == read
        project.close()


def test_rotation_follows_a_changed_number_to_keep(tmp_path):
    path = tmp_path / "p.fangtan"
    project = project_with_annotations(path, 0)
    for _ in range(5):
        take_backup(path, keep_count(project))
    assert len(list_backups(path)) == 5
    set_keep_count(project, 2)
    assert len(list_backups(path)) == 5  # fewer are kept from the next backup on
    newest = take_backup(path, keep_count(project))
    kept = list_backups(path)
    assert len(kept) == 2 and kept[0].path == newest
    set_keep_count(project, 4)
    for _ in range(3):
        take_backup(path, keep_count(project))
    assert len(list_backups(path)) == 4
    project.close()


def test_a_read_only_project_keeps_its_number(tmp_path):
    path = tmp_path / "p.fangtan"
    writable = project_with_annotations(path, 0)
    set_keep_count(writable, 5)
    writable.close()
    project = Project.open(path, read_only=True)
    with pytest.raises(ProjectReadOnlyError):
        set_keep_count(project, 7)
    assert keep_count(project) == 5
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
