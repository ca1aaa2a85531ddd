"""Classifying files before opening them, refusing the wrong ones untouched, and backups."""

import hashlib
import random
import sqlite3
from pathlib import Path

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.errors import (
    CorruptProjectError,
    FangtanError,
    ForeignDatabaseError,
    NewerProjectError,
    NotAProjectError,
    ProjectClosedError,
    ProjectMissingError,
)
from app.importing.importer import import_paths
from app.project import Project
from app.seeds import sample_interviews_path
from models.database import APPLICATION_ID
from models.schema import (
    HEAD_REVISION,
    FileKind,
    Inspection,
    backup_copy,
    inspect_file,
    needs_upgrade,
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def all_rows(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        connection.close()


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    """A closed project with the sample interviews and one annotation."""
    path = tmp_path / "p.fangtan"
    project = Project.open(path, annotator="tester")
    try:
        assert import_paths(project, [sample_interviews_path()]).ok
        tag = project.tags()[0]
        project.execute(CreateAnnotations((AnnotationSpec(1, tag.id, 46, 52, note="n"),)))
    finally:
        project.close()
    return path


@pytest.fixture
def foreign_db(tmp_path: Path) -> Path:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO customers (name) VALUES ('王五')")
    connection.commit()
    connection.close()
    return path


def stamp_revision(path: Path, revision: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        connection.commit()
    finally:
        connection.close()


# inspect_file --------------------------------------------------------------------------


def test_missing_file_is_new(tmp_path: Path) -> None:
    missing = tmp_path / "p.fangtan"
    assert inspect_file(missing).kind is FileKind.NEW
    assert not missing.exists()


def test_empty_file_is_new(tmp_path: Path) -> None:
    empty = tmp_path / "p.fangtan"
    empty.write_bytes(b"")
    assert inspect_file(empty).kind is FileKind.NEW
    assert empty.read_bytes() == b""


def test_sqlite_file_without_tables_is_new(tmp_path: Path) -> None:
    path = tmp_path / "blank.fangtan"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 7")  # forces a header onto disk
    connection.close()
    assert path.stat().st_size > 0
    assert inspect_file(path).kind is FileKind.NEW


def test_random_bytes_are_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "noise.fangtan"
    path.write_bytes(random.Random(1).randbytes(8192))
    assert inspect_file(path).kind is FileKind.NOT_SQLITE


def test_text_file_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.fangtan"
    path.write_text("记者：你好\n", encoding="utf-8")
    assert inspect_file(path).kind is FileKind.NOT_SQLITE


def test_database_of_another_program_is_foreign(foreign_db: Path) -> None:
    assert inspect_file(foreign_db).kind is FileKind.FOREIGN


def test_another_alembic_database_is_foreign(tmp_path: Path) -> None:
    path = tmp_path / "alembic-app.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    connection.commit()
    connection.close()
    assert inspect_file(path).kind is FileKind.FOREIGN


def test_project_is_recognised_at_its_revision(project_file: Path) -> None:
    assert inspect_file(project_file) == Inspection(FileKind.PROJECT, revision=HEAD_REVISION)


def test_project_with_unknown_revision_is_newer(project_file: Path) -> None:
    stamp_revision(project_file, "9999")
    assert inspect_file(project_file) == Inspection(FileKind.NEWER, revision="9999")


@pytest.mark.parametrize("size", [50, 99, 100, 200, 1024, 4096])
def test_truncated_project_is_corrupt(project_file: Path, tmp_path: Path, size: int) -> None:
    truncated = tmp_path / f"cut-{size}.fangtan"
    truncated.write_bytes(project_file.read_bytes()[:size])
    assert inspect_file(truncated).kind in (FileKind.CORRUPT, FileKind.NOT_SQLITE)


def test_inspection_never_writes(project_file: Path, foreign_db: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "cut.fangtan"
    truncated.write_bytes(project_file.read_bytes()[:200])
    for path in (project_file, foreign_db, truncated):
        before = sha256(path)
        inspect_file(path)
        assert sha256(path) == before


def test_needs_upgrade_only_for_an_older_known_project() -> None:
    assert not needs_upgrade(Inspection(FileKind.PROJECT, revision=HEAD_REVISION))
    assert needs_upgrade(Inspection(FileKind.PROJECT, revision="0000"))
    assert not needs_upgrade(Inspection(FileKind.NEWER, revision="9999"))
    assert not needs_upgrade(Inspection(FileKind.NEW))


# Project.open refuses, and leaves the file as it was -------------------------------------


def _random_file(path: Path) -> Path:
    path.write_bytes(random.Random(2).randbytes(5000))
    return path


def _truncated(project_file: Path) -> Path:
    path = project_file.with_name("cut.fangtan")
    path.write_bytes(project_file.read_bytes()[:200])
    return path


def _newer(project_file: Path) -> Path:
    stamp_revision(project_file, "9999")
    return project_file


def _header_only(project_file: Path) -> Path:
    path = project_file.with_name("short.fangtan")
    path.write_bytes(project_file.read_bytes()[:60])
    return path


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda project, foreign: _random_file(project.with_name("r.fangtan")), NotAProjectError),
        (lambda project, foreign: foreign, ForeignDatabaseError),
        (lambda project, foreign: _newer(project), NewerProjectError),
        (lambda project, foreign: _header_only(project), CorruptProjectError),
        (
            lambda project, foreign: _truncated(project),
            (CorruptProjectError, NotAProjectError),
        ),
    ],
    ids=["random-bytes", "foreign", "newer", "header-only", "truncated"],
)
def test_refused_files_are_left_unchanged(project_file, foreign_db, make, error) -> None:
    path = make(project_file, foreign_db)
    before = sha256(path)
    with pytest.raises(error) as caught:
        Project.open(path)
    assert str(path) in str(caught.value)
    assert sha256(path) == before
    with pytest.raises(error):
        Project.open(path, create=False)
    assert sha256(path) == before


def test_newer_project_error_names_the_revision(project_file: Path) -> None:
    stamp_revision(project_file, "9999")
    with pytest.raises(NewerProjectError) as caught:
        Project.open(project_file)
    assert caught.value.params["revision"] == "9999"
    assert "9999" in str(caught.value)


def test_missing_project_without_create_is_refused_and_not_made(tmp_path: Path) -> None:
    path = tmp_path / "absent.fangtan"
    with pytest.raises(ProjectMissingError):
        Project.open(path, create=False)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_refused_with_a_user_error(tmp_path: Path) -> None:
    folder = tmp_path / "looks like a project.fangtan"
    folder.mkdir()
    with pytest.raises(FangtanError) as caught:
        Project.open(folder)
    assert str(folder) in str(caught.value)
    assert list(folder.iterdir()) == []


def test_project_in_a_missing_folder_is_a_storage_error(tmp_path: Path) -> None:
    from app.errors import ProjectStorageError

    path = tmp_path / "no such folder" / "p.fangtan"
    with pytest.raises(ProjectStorageError):
        Project.open(path)
    assert not path.parent.exists()


def test_new_project_is_stamped_and_uses_project_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "新 项目.fangtan"
    project = Project.open(path)
    try:
        with project.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
    finally:
        project.close()
    assert inspect_file(path) == Inspection(FileKind.PROJECT, revision=HEAD_REVISION)


def test_opening_a_current_project_makes_no_backup(project_file: Path) -> None:
    project = Project.open(project_file, create=False)
    project.close()
    assert not [p for p in project_file.parent.iterdir() if p.name.endswith(".bak")]


# backup_copy -------------------------------------------------------------------------------


def test_backup_copy_is_a_readable_copy_with_the_same_rows(project_file: Path) -> None:
    before = sha256(project_file)
    copy = backup_copy(project_file, "before-upgrade-from-0000")
    assert copy.parent == project_file.parent
    assert copy.name.startswith("p.fangtan.before-upgrade-from-0000-")
    assert copy.name.endswith(".bak")
    assert sha256(project_file) == before
    assert all_rows(copy) == all_rows(project_file)
    assert len(all_rows(copy)["annotations"]) == 1
    assert inspect_file(copy) == Inspection(FileKind.PROJECT, revision=HEAD_REVISION)


def test_backup_of_a_live_project_includes_uncheckpointed_writes(tmp_path: Path) -> None:
    path = tmp_path / "live.fangtan"
    project = Project.open(path, annotator="tester")
    try:
        assert import_paths(project, [sample_interviews_path()]).ok
        tag = project.tags()[0]
        project.execute(CreateAnnotations((AnnotationSpec(2, tag.id, 0, 8, note="活"),)))
        copy = backup_copy(path, "snapshot")
        annotations = all_rows(copy)["annotations"]
        assert [(row[1], row[3], row[4], row[6]) for row in annotations] == [(2, 0, 8, "活")]
    finally:
        project.close()
    assert all_rows(copy) == all_rows(path)
    reopened = Project.open(copy, create=False)
    try:
        assert [d.title for d in reopened.documents()] == [
            "奋力打造实力之城品质之城幸福之城",
            "加快建设宜居宜业宜游的高品质街道",
        ]
    finally:
        reopened.close()


def test_inspecting_a_foreign_wal_database_leaves_no_files_beside_it(tmp_path):
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('x')")
    connection.commit()
    connection.close()
    before = sorted(path.name for path in tmp_path.iterdir())
    assert inspect_file(other).kind is FileKind.FOREIGN
    assert sorted(path.name for path in tmp_path.iterdir()) == before == ["other.db"]


def test_a_closed_project_refuses_instead_of_reopening_its_path(tmp_path: Path) -> None:
    path = tmp_path / "closed.fangtan"
    project = Project.open(path, annotator="t")
    assert project.documents() == []
    project.close()
    path.rename(tmp_path / "moved.fangtan")
    with pytest.raises(ProjectClosedError, match="closed"):
        project.documents()
    with pytest.raises(ProjectClosedError):
        project.data_version()
    with pytest.raises(ProjectClosedError):
        project.execute(CreateAnnotations(()))
    assert not path.exists()  # no empty database made where the project used to be
    project.close()  # closing twice is harmless
