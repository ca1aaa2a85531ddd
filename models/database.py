"""Engines for project files: foreign keys on, WAL journal, durable commits.

The sqlite3 driver normally starts transactions only before data changes and runs
schema changes outside any transaction. Here it is told not to manage transactions
at all, and SQLAlchemy emits BEGIN itself (the recipe in SQLAlchemy's pysqlite
documentation), so a schema migration is one atomic transaction like everything else.
"""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event

# Written into every project file (PRAGMA application_id) so a Fangtan project
# can be told apart from any other SQLite database. ASCII "FTAN".
APPLICATION_ID = 0x4654414E
SQLITE_HEADER = b"SQLite format 3\x00"
# Execution option marking connections used for writing (see _on_begin).
WRITE_OPTION = "fangtan_write"


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN (see _on_begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 5000")
    finally:
        cursor.close()


def _on_read_only_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only = ON")
        cursor.execute("PRAGMA busy_timeout = 5000")
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    # A transaction that will write takes the write lock at once (BEGIN IMMEDIATE), so
    # that another program's commit can only make it wait (busy_timeout), never fail
    # half-way when it turns from reading to writing.
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_project_engine(path: Path, read_only: bool = False) -> Engine:
    """An engine on the SQLite project file at ``path`` (created when missing).

    Read-only engines open the file with ``mode=ro`` (``immutable`` when there is no
    write-ahead log to read) and refuse every write.
    """
    if read_only:
        query = {"mode": "ro", "uri": "true"}
        if not Path(f"{path}-wal").exists():
            query["immutable"] = "1"
        engine = create_engine(URL.create("sqlite", database=path.resolve().as_uri(), query=query))
        event.listen(engine, "connect", _on_read_only_connect)
    else:
        engine = create_engine(sqlite_url(path))
        event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def copy_database(source: Path, target: Path) -> None:
    """Copy the SQLite database ``source`` to ``target`` with SQLite's online backup API.

    The copy is consistent even while another connection writes to ``source``, which is
    only read. It stands alone: its journal is a rollback journal, so no ``-wal`` file
    appears beside it when it is opened. Raises sqlite3.Error or OSError.
    """
    reading = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        writing = sqlite3.connect(target)
        try:
            reading.backup(writing)
            writing.execute("PRAGMA journal_mode = DELETE")
        finally:
            writing.close()
    finally:
        reading.close()
