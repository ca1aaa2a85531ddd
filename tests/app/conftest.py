"""Fixtures for the headless tests of app/: real project files in tmp_path, no mocks."""

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

import app.logs
from app.chinese.dictionary import add_sample_terms
from app.dto import ImportReport
from app.importing.importer import import_paths
from app.project import Project
from app.seeds import sample_interviews_path
from app.server.admin import init_server
from models.server import ServerAddress
from tests.support.postgres import Cluster

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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Modules marked ``both_backends`` run each project test twice: on a project file and
    on a server database (PostgreSQL), through the same fixtures."""
    chosen = any(
        "backend" in str(mark.args[0]) for mark in metafunc.definition.iter_markers("parametrize")
    )  # a test that needs one backend names it itself
    if (
        metafunc.definition.get_closest_marker("both_backends")
        and "backend" in metafunc.fixturenames
        and not chosen
    ):
        metafunc.parametrize("backend", ["file", "server"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "file"))


@pytest.fixture(scope="session")
def server_template(postgres_cluster: "Cluster") -> Iterator[str]:
    """A server project set up once (fangtan server init), copied for each test."""
    with postgres_cluster.database() as database:
        init_server(ServerAddress.parse(database.url))
        yield database.name


@pytest.fixture
def project_location(
    backend: str, project_path: Path, request: pytest.FixtureRequest
) -> Iterator[Path | str]:
    """Where the test's project lives: ``project_path``, or a fresh server project."""
    if backend == "file":
        yield project_path
        return
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    template: str = request.getfixturevalue("server_template")
    with cluster.database(template=template) as database:
        yield database.url


@pytest.fixture
def open_project(project_location: Path | str) -> Iterator[Callable[..., Project]]:
    """Open (or create) the test's project; every opened project is closed after."""
    opened: list[Project] = []

    def _open(*, create: bool = True, annotator: str = ANNOTATOR) -> Project:
        project = Project.open(project_location, create=create, annotator=annotator)
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


def server_table_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table of a server project, ordered by all columns."""
    with psycopg.connect(url) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' ORDER BY table_name"
            )
        ]
        return {
            table: sorted(
                connection.execute(
                    sql.SQL("SELECT * FROM {}").format(sql.Identifier(table))
                ).fetchall(),
                key=repr,
            )
            for table in tables
        }


@pytest.fixture
def persisted_rows(project_location: Path | str) -> Callable[[Project], dict[str, list[tuple]]]:
    """Close ``project`` and read every row straight from its file (with sqlite3) or from
    its server database (with psycopg)."""

    def _rows(project: Project) -> dict[str, list[tuple]]:
        project.close()
        if isinstance(project_location, str):
            return server_table_rows(project_location)
        return table_rows(project_location)

    return _rows
