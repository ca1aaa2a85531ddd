"""An open project file: the one place that turns a path into sessions."""

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import queries
from app.dto import AnnotationInfo, DocumentContent, DocumentSummary, TagInfo
from app.editing.versions import ACTING_ANNOTATOR, stale_edit, stamp_changed_by
from app.errors import (
    CorruptProjectError,
    FangtanError,
    ForeignDatabaseError,
    NewerProjectError,
    NotAProjectError,
    ProjectClosedError,
    ProjectFolderIsFileError,
    ProjectFolderMissingError,
    ProjectIsFolderError,
    ProjectMissingError,
    ProjectReadOnlyError,
    ProjectStorageError,
    ProjectUnreadableError,
    ProjectUpgradeError,
)
from app.local_user import default_annotator
from app.locations import PROJECT_SUFFIX
from app.logs import log_failure
from app.server.changes import CHANGED_DOCUMENTS, log_version, record_change
from app.server.errors import (
    ServerAddressError,
    ServerPasswordNeededError,
    ServerRefusedError,
    ServerUnreachableError,
)
from app.text_cache import DocumentTexts
from models.database import WRITE_OPTION, create_project_engine
from models.schema import (
    FileKind,
    MigrationError,
    backup_copy,
    inspect_file,
    needs_upgrade,
    upgrade_to_head,
)
from models.server import ServerAddress, is_server_location

if TYPE_CHECKING:
    from app.editing.commands import Applied, Command

# Why an empty file that cannot be written cannot be opened (it would need setting up).
EMPTY_READ_ONLY = "it is empty and has to be set up as a project first"
INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for a refused permission


class Project:
    """A project file opened for reading and writing.

    Every mutation runs in its own transaction and is on disk when it returns.
    """

    def __init__(
        self,
        path: Path | None,
        engine: Engine,
        annotator: str,
        read_only: bool = False,
        server: "ServerAddress | None" = None,
    ) -> None:
        self.path = path  # None for a server project
        self.server = server
        self.engine = engine
        self.annotator = annotator
        self.read_only = read_only
        self._watcher: Connection | None = None
        # Document text never changes after import, so it can be kept between actions.
        self._texts = DocumentTexts()

    @property
    def location(self) -> str:
        """The file's path, or the server's address (never its password), for messages."""
        if self.server is not None:
            return self.server.shown()
        return str(self.path)

    @property
    def name(self) -> str:
        """A short name for titles: the file's name, or the database's."""
        if self.server is not None:
            return self.server.database
        return self.path.name if self.path is not None else ""

    @property
    def folder(self) -> Path:
        """Where files made from the project are offered to be saved by default."""
        return self.path.parent if self.path is not None else Path.home()

    @property
    def naming_path(self) -> Path:
        """A path to name files made from the project after (``NAME-codebook.qdc``): the
        project file, or one in the home folder named after a server's database."""
        if self.path is not None:
            return self.path
        return Path.home() / f"{self.name}{PROJECT_SUFFIX}"

    @classmethod
    def open(
        cls,
        path: "Path | str | ServerAddress",
        *,
        create: bool = True,
        annotator: str | None = None,
        read_only: bool | None = None,
    ) -> "Project":
        """Open ``path``, creating it with the default codebook when it does not exist.

        A file (or folder) that cannot be written is opened read-only: everything can
        be read, and each attempt to change something says why it cannot.
        ``read_only=True`` asks for that even on a writable file. Raises a FangtanError
        naming the problem; a refused file is never modified.

        An existing file that is empty (0 bytes, or an SQLite database without any
        table) is a project with nothing in it yet, whatever the command: it is set up
        with the default codebook, as if it had just been created. Such a file is one
        made with ``touch`` or by a create that was interrupted before its first
        commit (creating is one transaction), so it holds no work that could be lost,
        and SQLite itself takes an empty file for an empty database. ``create=False``
        refuses only a path where there is no file at all.
        """
        if isinstance(path, ServerAddress) or (isinstance(path, str) and is_server_location(path)):
            from app.server.opening import open_server

            address = path if isinstance(path, ServerAddress) else parse_address(path)
            return open_server(cls, address, annotator=annotator, read_only=bool(read_only))
        path = Path(path)
        shown = str(path)
        check_folder(path)
        inspection = inspect_file(path)
        kind = inspection.kind
        if kind is FileKind.FOLDER:
            raise ProjectIsFolderError(path=shown)
        if kind is FileKind.UNREADABLE:
            raise ProjectUnreadableError(path=shown, detail=inspection.detail)
        if kind is FileKind.NOT_SQLITE:
            raise NotAProjectError(path=shown)
        if kind is FileKind.FOREIGN:
            raise ForeignDatabaseError(path=shown)
        if kind is FileKind.NEWER:
            raise NewerProjectError(path=shown, revision=inspection.revision)
        if kind is FileKind.CORRUPT:
            raise CorruptProjectError(path=shown, detail=inspection.detail)
        empty_file = kind is FileKind.NEW and path.is_file()
        if kind is FileKind.NEW and not create and not empty_file:
            raise ProjectMissingError(path=shown)
        if empty_file and (read_only or not _writable(path)):
            raise ProjectReadOnlyError(path=shown, detail=EMPTY_READ_ONLY)
        if read_only is None:
            read_only = kind is not FileKind.NEW and not _writable(path)
        if read_only:
            if kind is FileKind.NEW:
                raise ProjectMissingError(path=shown)
            if needs_upgrade(inspection):
                raise ProjectReadOnlyError(path=shown, detail="it needs an upgrade")
            return cls(
                path,
                create_project_engine(path, read_only=True),
                annotator or default_annotator(),
                read_only=True,
            )
        project = cls(path, create_project_engine(path), annotator or default_annotator())
        try:
            if kind is FileKind.NEW:
                upgrade_to_head(project.engine)
                from app.editing.codebook import seed_default_codebook

                seed_default_codebook(project)
            elif needs_upgrade(inspection):
                backup_copy(path, f"before-upgrade-from-{inspection.revision}")
                upgrade_to_head(project.engine)
        except DBAPIError as error:
            project.close()
            log_failure(error)
            raise ProjectStorageError(path=shown, detail=_reason(error)) from error
        except MigrationError as error:
            project.close()
            log_failure(error)
            raise ProjectUpgradeError(path=shown, detail=" ".join(str(error).split())) from error
        except OSError as error:
            project.close()
            log_failure(error)
            raise ProjectStorageError(path=shown, detail=error.strerror or str(error)) from error
        return project

    def close(self) -> None:
        """Close the file for good: whatever still asks this project for data afterwards is
        refused, instead of reconnecting (and creating an empty file where it had gone)."""
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        self.engine.dispose()
        if not event.contains(self.engine, "do_connect", self._refuse):
            event.listen(self.engine, "do_connect", self._refuse)

    def _refuse(self, *_connecting: object) -> None:
        raise ProjectClosedError(path=self.location)

    def data_version(self) -> int:
        """A number that changes whenever any connection, here or in another program,
        commits to the project, read on a connection kept for that purpose: SQLite's
        ``PRAGMA data_version``; on a server, the size of the change log and its newest
        row (app/server/changes.py)."""
        try:
            if self._watcher is None:
                self._watcher = self.engine.connect()
            version = _data_version(self._watcher)
            self._watcher.commit()
        except DBAPIError as error:
            if self.server is not None:
                raise server_error(self.location, error) from error
            raise ProjectStorageError(path=self.location, detail=_reason(error)) from error
        return version

    def _session(self, write: bool = False) -> Session:
        bind = self.engine.execution_options(**{WRITE_OPTION: True}) if write else self.engine
        session = Session(bind)
        session.info[DocumentTexts.KEY] = self._texts
        session.info[ACTING_ANNOTATOR] = self.annotator
        event.listen(session, "before_flush", stamp_changed_by)
        return session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._session() as session:
            try:
                yield session
            except DBAPIError as error:
                if self.server is not None:
                    raise server_error(self.location, error) from error
                raise CorruptProjectError(path=self.location, detail=_reason(error)) from error

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A transaction committed on success; on any failure nothing is written."""
        if self.read_only:
            raise ProjectReadOnlyError(path=self.location, detail="it was opened read-only")
        with self._session(write=True) as session:
            try:
                yield session
                if self.server is not None:
                    record_change(
                        session, self.annotator, session.info.pop(CHANGED_DOCUMENTS, None)
                    )
                session.commit()
            except FangtanError:
                session.rollback()
                raise
            except StaleDataError as error:  # a row changed since this transaction read it
                session.rollback()
                raise stale_edit("") from error
            except DBAPIError as error:
                session.rollback()
                if self.server is not None:
                    raise server_error(self.location, error) from error
                raise ProjectStorageError(path=self.location, detail=_reason(error)) from error

    def execute(self, command: "Command") -> "Applied":
        """Apply one user action in one transaction; returns its inverse and what changed."""
        with self.writing() as session:
            applied = command.apply(session, self.annotator)
            changes = applied.changes
            session.info[CHANGED_DOCUMENTS] = changes.documents | changes.metadata | changes.turns
            return applied

    # Read-only questions, each in its own short session.

    def documents(self) -> list[DocumentSummary]:
        with self.reading() as session:
            return queries.list_documents(session)

    def document(self, document_id: int) -> DocumentContent:
        with self.reading() as session:
            return queries.load_document(session, document_id)

    def annotations(self, document_id: int) -> list[AnnotationInfo]:
        with self.reading() as session:
            return queries.document_annotations(session, document_id)

    def annotations_by_id(self, ids: Iterable[int]) -> list[AnnotationInfo]:
        with self.reading() as session:
            return queries.annotations_by_id(session, ids)

    def tags(self) -> list[TagInfo]:
        with self.reading() as session:
            return queries.list_tags(session)

    def annotation_counts(self, document_ids: Iterable[int]) -> dict[int, int]:
        with self.reading() as session:
            return queries.annotation_counts(session, document_ids)

    def tag_usage(self, tag_ids: Iterable[int]) -> dict[int, int]:
        with self.reading() as session:
            return queries.tag_usage(session, tag_ids)


def parse_address(location: str) -> ServerAddress:
    try:
        return ServerAddress.parse(location)
    except ValueError as error:
        raise ServerAddressError(path=location, detail=str(error)) from error


def check_folder(path: Path) -> None:
    """Refuse a project path whose folder is missing (or is a file) before SQLite tries it,
    which would only say that it is "unable to open database file"."""
    folder = path.parent
    try:
        if path.exists() or folder.is_dir():
            return
        folder_is_file = folder.exists()
    except OSError:  # cannot even look: inspect_file says what is wrong
        return
    if folder_is_file:
        raise ProjectFolderIsFileError(path=str(path), folder=str(folder))
    raise ProjectFolderMissingError(path=str(path), folder=str(folder))


def _writable(path: Path) -> bool:
    """Whether the project and the journal files SQLite keeps beside it can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def server_error(location: str, error: DBAPIError) -> FangtanError:
    """The user's one line for a failure on a server: refused by the server's rules, or
    the connection lost or refused."""
    detail = _reason(error).strip().splitlines()[0] if _reason(error).strip() else ""
    if getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE or (
        "row-level security" in detail
    ):
        return ServerRefusedError(path=location, detail=detail)
    if isinstance(error, OperationalError):
        if "no password supplied" in detail:
            return ServerPasswordNeededError(path=location)
        return ServerUnreachableError(path=location, detail=detail)
    return ProjectStorageError(path=location, detail=detail)


def _data_version(connection: Connection) -> int:
    if connection.dialect.name == "sqlite":
        return int(connection.exec_driver_sql("PRAGMA data_version").scalar() or 0)
    with Session(connection) as session:
        count, newest = log_version(session)
    return count * 2**32 + newest


def _reason(error: DBAPIError) -> str:
    return str(error.orig) if error.orig is not None else str(error)
