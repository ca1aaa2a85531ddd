"""Engines for project files: foreign keys on, WAL journal, durable commits."""

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

# Written into every project file (PRAGMA application_id) so a Fangtan project
# can be told apart from any other SQLite database. ASCII "FTAN".
APPLICATION_ID = 0x4654414E
SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 5000")
    finally:
        cursor.close()


def create_project_engine(path: Path) -> Engine:
    """An engine on the SQLite project file at ``path`` (created when missing)."""
    engine = create_engine(sqlite_url(path))
    event.listen(engine, "connect", _on_connect)
    return engine
