"""Bring a project file to the current schema, or refuse it with a reason.

The file is first inspected through a read-only connection, so a database from
another program, a damaged file or a project written by a newer schema is never
modified. A brand-new file is created by running every migration; an older
project is copied aside (SQLite's online backup) before it is upgraded.
"""

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine

from models.database import APPLICATION_ID, SQLITE_HEADER, copy_database

# Revisions in order. The last one must be the newest migration's revision
# (checked by tests/models/test_migrations.py).
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
HEAD_REVISION = KNOWN_REVISIONS[-1]


class FileKind(Enum):
    NEW = "new"  # missing, empty, or an SQLite database without any table
    PROJECT = "project"  # a Fangtan project at a known revision
    NEWER = "newer"  # a Fangtan project written by a newer schema
    FOREIGN = "foreign"  # an SQLite database from another program
    NOT_SQLITE = "not_sqlite"
    CORRUPT = "corrupt"
    FOLDER = "folder"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Inspection:
    kind: FileKind
    revision: str | None = None
    detail: str = ""


def inspect_file(path: Path) -> Inspection:
    """Classify ``path`` without writing to it."""
    if path.is_dir():
        return Inspection(FileKind.FOLDER)
    try:
        if not path.exists() or path.stat().st_size == 0:
            return Inspection(FileKind.NEW)
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        return Inspection(FileKind.UNREADABLE, detail=error.strerror or str(error))
    if not header.startswith(SQLITE_HEADER):
        return Inspection(FileKind.NOT_SQLITE)
    if len(header) < 100:
        return Inspection(FileKind.CORRUPT, detail="file is shorter than an SQLite header")
    # With no write-ahead log beside the file there is nothing but the file to read:
    # open it immutable, which creates no -wal/-shm files next to it.
    has_log = Path(f"{path}-wal").exists()
    return _inspect_database(path, immutable=not has_log)


def _inspect_database(path: Path, immutable: bool) -> Inspection:
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
    except sqlite3.Error as error:
        return Inspection(FileKind.CORRUPT, detail=str(error))
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.Error as error:
        return Inspection(FileKind.CORRUPT, detail=str(error))
    finally:
        connection.close()
    user_tables = {name for name in tables if not name.startswith("sqlite_")}
    if not user_tables and app_id == 0:
        return Inspection(FileKind.NEW)
    if app_id != APPLICATION_ID or revision is None:
        return Inspection(FileKind.FOREIGN)
    if revision not in KNOWN_REVISIONS:
        return Inspection(FileKind.NEWER, revision=revision)
    return Inspection(FileKind.PROJECT, revision=revision)


def needs_upgrade(inspection: Inspection) -> bool:
    return inspection.kind is FileKind.PROJECT and inspection.revision != HEAD_REVISION


def backup_copy(path: Path, label: str) -> Path:
    """Copy a live project with SQLite's online backup API; returns the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    copy_database(path, target)
    return target


class MigrationError(Exception):
    """A migration could not be applied; the transaction was rolled back."""


def upgrade_to_head(engine: Engine) -> None:
    """Run every pending migration in one transaction: all of them or none.

    On SQLite, foreign keys are off while tables are rebuilt (SQLite rebuilds a table to
    alter it, and dropping the old copy would otherwise cascade into dependent rows); they
    are checked before the transaction commits. PostgreSQL alters tables in place and
    checks references as it goes.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("models") / "migrations"))
    if engine.dialect.name != "sqlite":
        try:
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except Exception as error:
            raise MigrationError(str(error)) from error
        return
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        if raw is None:  # only a connection already closed has none
            raise MigrationError("the project's connection is closed")
        raw.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it is ignored
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"broken references after upgrade: {broken[:3]}")
        except MigrationError:
            raise
        except Exception as error:
            raise MigrationError(str(error)) from error
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
