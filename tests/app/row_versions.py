"""Row versions are bookkeeping that undo does not take back: each change counts a row's
``version`` up and names who made it in ``changed_by``. Tests that check an undo restores
exactly what was there compare everything else. So is a server project's change log,
which only grows: one row per action, undo included.

``version`` and ``changed_by`` are the last two columns of the versioned tables (schema
0008 added them; tests/app/test_stale_edits.py checks that they still are).
"""

from dataclasses import replace
from typing import TypeVar

from app.dto import AnnotationInfo, TagInfo

VERSIONED_TABLES = ("annotations", "documents", "tags")
BOOKKEEPING_COLUMNS = ("version", "changed_by")
LOGS = ("change_log",)

Info = TypeVar("Info", AnnotationInfo, TagInfo)


def without_versions(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Every table's rows as ``persisted_rows`` reads them, less the bookkeeping columns."""
    kept = len(BOOKKEEPING_COLUMNS)
    return {
        table: sorted((row[:-kept] for row in found), key=repr)
        if table in VERSIONED_TABLES
        else found
        for table, found in rows.items()
        if table not in LOGS
    }


def unversioned(infos: list[Info]) -> list[Info]:
    """What the window shows of each row, less the version it was read at."""
    return [replace(info, version=0) for info in infos]
