"""Rotating backups of a project, made with SQLite's online backup API.

A copy is taken when a project is opened (in the background: the window does not
wait), into a folder beside the project: ``NAME.fangtan-backups/``. The newest
``keep`` copies are kept (a project setting, 10 by default, changed in Preferences or
with ``fangtan backups PROJECT --keep N``; a lower number deletes the extra copies at
the next backup, not at once). Restoring puts a backup in the project's place after
keeping the current file as one more backup.
"""

import os
import re
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from app.errors import BackupError, BackupKeepError
from app.project import Project
from models import ProjectSetting
from models.database import copy_database

KEEP_SETTING = "backups.keep"
DEFAULT_KEEP = 10
MIN_KEEP = 1
MAX_KEEP = 100
_NAME = re.compile(r"^(?P<stamp>\d{8}T\d{6}\d{6}Z)(?:-(?P<label>[a-z-]+))?\.fangtan$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    label: str  # "" for a copy taken on opening, "before-restore", …
    documents: int
    annotations: int
    size: int


def backup_folder(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + "-backups")


def keep_count(project: Project) -> int:
    """How many backups the project keeps (the default when not set or not readable)."""
    with project.reading() as session:
        value = session.scalar(
            select(ProjectSetting.value).where(ProjectSetting.key == KEEP_SETTING)
        )
    try:
        count = int(value) if value is not None else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP
    return min(MAX_KEEP, max(MIN_KEEP, count))


def set_keep_count(project: Project, count: int) -> None:
    """Keep ``count`` backups of the project from its next one on (a preference: not an
    undoable step). Raises BackupKeepError outside MIN_KEEP..MAX_KEEP."""
    if isinstance(count, bool) or not isinstance(count, int) or not MIN_KEEP <= count <= MAX_KEEP:
        raise BackupKeepError(low=MIN_KEEP, high=MAX_KEEP, value=count)
    with project.writing() as session:
        setting = session.get(ProjectSetting, KEEP_SETTING) or ProjectSetting(key=KEEP_SETTING)
        setting.value = str(count)
        session.add(setting)


def take_backup(project_path: Path, keep: int = DEFAULT_KEEP, label: str = "") -> Path:
    """Copy the live project with the online backup API, then drop the oldest copies."""
    folder = backup_folder(project_path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / (f"{stamp}-{label}.fangtan" if label else f"{stamp}.fangtan")
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(exist_ok=True)
        copy_database(project_path, partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupError(path=str(project_path), detail=str(error)) from error
    _rotate(folder, keep)
    return target


def _rotate(folder: Path, keep: int) -> None:
    copies = sorted(path for path in folder.iterdir() if _NAME.match(path.name))
    for old in copies[: max(0, len(copies) - keep)]:
        old.unlink(missing_ok=True)


def list_backups(project_path: Path) -> list[Backup]:
    """Backups of the project, newest first, with what each one holds."""
    folder = backup_folder(project_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        taken = datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        documents = annotations = -1
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
                annotations = connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
            finally:
                connection.close()
        except sqlite3.Error:
            pass  # listed with unknown counts: the user can still see it is there
        found.append(
            Backup(
                path, taken, match.group("label") or "", documents, annotations, path.stat().st_size
            )
        )
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def restore_backup(project_path: Path, backup: Path) -> Path:
    """Put ``backup`` in the project's place; the current file is kept as a backup first.

    The project must be closed. Returns the path of the copy of the file replaced.
    """
    kept = take_backup(project_path, keep=10_000, label="before-restore")
    partial = project_path.with_name(project_path.name + ".restoring")
    try:
        copy_database(backup, partial)
        for side in ("-wal", "-shm"):
            Path(f"{project_path}{side}").unlink(missing_ok=True)
        os.replace(partial, project_path)
    except (OSError, sqlite3.Error) as error:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupError(path=str(project_path), detail=str(error)) from error
    return kept
