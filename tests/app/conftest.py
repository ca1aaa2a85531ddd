"""Fixtures for the headless tests of app/: real project files in tmp_path, no mocks."""

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import app.logs
from app.chinese.dictionary import add_sample_terms
from app.dto import ImportReport
from app.importing.importer import import_paths
from app.project import Project
from app.seeds import sample_interviews_path

ANNOTATOR = "tester"


@pytest.fixture(autouse=True)
def bug_log_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep any bug report out of the user's folders, and let tests check none was written."""
    folder = tmp_path / "logs"
    monkeypatch.setattr(app.logs, "log_dir", lambda: folder)
    return folder


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "p.fangtan"


@pytest.fixture
def open_project(project_path: Path) -> Iterator[Callable[..., Project]]:
    """Open (or create) the project at ``project_path``; every opened project is closed after."""
    opened: list[Project] = []

    def _open(*, create: bool = True, annotator: str = ANNOTATOR) -> Project:
        project = Project.open(project_path, create=create, annotator=annotator)
        opened.append(project)
        return project

    yield _open
    for project in opened:
        project.close()


@pytest.fixture
def project(open_project: Callable[..., Project]) -> Project:
    return open_project()


@pytest.fixture
def reopen(open_project: Callable[..., Project]) -> Callable[..., Project]:
    """Close ``project`` and open its file again, so reads come from what was persisted."""

    def _reopen(project: Project, *, annotator: str = ANNOTATOR) -> Project:
        project.close()
        return open_project(create=False, annotator=annotator)

    return _reopen


@pytest.fixture
def write_source(tmp_path: Path) -> Callable[..., Path]:
    """Write interview text (or raw bytes) to a file under tmp_path/sources."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        folder = tmp_path / "sources"
        folder.mkdir(exist_ok=True)
        path = folder / name
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def import_source(
    write_source: Callable[..., Path],
) -> Callable[..., ImportReport]:
    """Write ``content`` to a file and import it into ``project``; the report must be clean."""

    def _import(
        project: Project, content: str | bytes, name: str = "interview.txt"
    ) -> ImportReport:
        report = import_paths(project, [write_source(name, content)])
        assert report.failures == [], report.failures
        return report

    return _import


@pytest.fixture
def sample_path() -> Path:
    return sample_interviews_path()


@pytest.fixture
def sample_project(project: Project, sample_path: Path) -> Project:
    """The sample project: the two sample interviews (documents 1 and 2) and their names."""
    report = import_paths(project, [sample_path])
    assert report.failures == []
    assert len(report.imported) == 2
    add_sample_terms(project)
    return project


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def digest() -> Callable[[Path], str]:
    return file_digest


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table in the (closed) project file, ordered by all columns."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            table: sorted(
                connection.execute(f'SELECT * FROM "{table}"').fetchall(),
                key=repr,
            )
            for table in tables
        }
    finally:
        connection.close()


@pytest.fixture
def persisted_rows(project_path: Path) -> Callable[[Project], dict[str, list[tuple]]]:
    """Close ``project`` and read every row straight from its file with sqlite3."""

    def _rows(project: Project) -> dict[str, list[tuple]]:
        project.close()
        return table_rows(project_path)

    return _rows
