"""The Alembic migrations build exactly the ORM schema, with the pragmas a project needs."""

import sqlite3
from importlib import resources
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from models import Base
from models.assistance import SEARCH_INDEX, is_search_table, schema_comparison_options
from models.database import APPLICATION_ID, create_project_engine
from models.schema import HEAD_REVISION, KNOWN_REVISIONS, upgrade_to_head


def script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(resources.files("models") / "migrations"))
    return ScriptDirectory.from_config(config)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "p.fangtan"


@pytest.fixture
def engine(db_path: Path):
    engine = create_project_engine(db_path)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


def test_migrations_create_exactly_the_orm_metadata(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts=schema_comparison_options())
        assert compare_metadata(context, Base.metadata) == []


def test_migrations_create_every_table_and_the_version_table(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    ordinary = {name for name in tables if not is_search_table(name)}
    assert ordinary == set(Base.metadata.tables) | {"alembic_version"}
    assert SEARCH_INDEX in tables


def test_head_revision_is_the_newest_migration() -> None:
    scripts = script_directory()
    assert scripts.get_heads() == [HEAD_REVISION]
    oldest_first = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    assert tuple(oldest_first) == KNOWN_REVISIONS


def test_upgraded_file_is_stamped_with_the_head_revision(engine: Engine, db_path: Path) -> None:
    engine.dispose()
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        connection.close()


def test_upgrading_twice_changes_nothing(engine: Engine, db_path: Path) -> None:
    engine.dispose()
    before = db_path.read_bytes()
    again = create_project_engine(db_path)
    try:
        upgrade_to_head(again)
    finally:
        again.dispose()
    assert db_path.read_bytes() == before


def test_project_connections_enforce_foreign_keys_and_use_wal(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_foreign_keys_are_actually_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                'INSERT INTO turns (document_id, "index", speaker, kind, start, '
                "content_start, \"end\") VALUES (42, 0, '', 'heading', 0, 0, 1)"
            )
        )


def test_check_constraints_guard_offsets(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO documents (title, subtitle, interviewee, interviewee_role, reporter,"
                " series, source_name, sha256, text, status, imported_at) VALUES"
                " ('t', '', '', '', '', '', '', 'h', 'abc', 'new', '2024-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO tags (name, color, shortcut, description, position)"
                " VALUES ('t', '#000000', '', '', 0)"
            )
        )
    bad_rows = [
        'INSERT INTO annotations (document_id, tag_id, start, "end", text, note, created_at,'
        " updated_at) VALUES (1, 1, 2, 2, '', '', '2024-01-01', '2024-01-01')",
        'INSERT INTO turns (document_id, "index", speaker, kind, start, content_start, "end")'
        " VALUES (1, 0, '', 'heading', 2, 1, 3)",
        'INSERT INTO turns (document_id, "index", speaker, kind, start, content_start, "end")'
        " VALUES (1, 0, '', 'chorus', 0, 0, 3)",
        "UPDATE documents SET status = 'lost'",
    ]
    for statement in bad_rows:
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(text(statement))


def test_annotations_are_indexed_by_document_and_start(engine: Engine) -> None:
    indexes = inspect(engine).get_indexes("annotations")
    columns = [tuple(index["column_names"]) for index in indexes]
    assert ("document_id", "start") in columns
    assert ("tag_id",) in columns
    turn_columns = [tuple(i["column_names"]) for i in inspect(engine).get_indexes("turns")]
    assert ("document_id", "start") in turn_columns


def test_application_id_is_ascii_ftan() -> None:
    assert APPLICATION_ID.to_bytes(4, "big") == b"FTAN"
