"""Copying a whole project: from a file to a server, from a server to a file, or from one
file to another, checked by counting every table's rows and by a checksum of what the
project holds, on both sides.

The source is opened read-only and read in one transaction (a snapshot, on a server too).
The target is new: a file that does not exist yet, built under a temporary name beside
it and moved into place only once it is complete and checked, or an empty server
database, given the schema and the rights of a server project but not the default
codebook. Every row keeps its id, and each table's ids go on from where the source's
stood, so that no id is given twice. The rows, the search index (rebuilt for the target's
engine) and the rights are written in one transaction, checked before it commits. A copy
that fails, is cancelled or does not match its source leaves no target behind: no file,
and a server database as empty as it was.
"""

import hashlib
import json
import os
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, bindparam, func, inspect, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.dto import DOCUMENT_FIELDS, Progress
from app.errors import FangtanError
from app.exchange.progress import CancelledError, Reporter
from app.logs import log_failure
from app.project import Project, check_folder, parse_address, server_error
from app.search.engine import repair_index
from app.server.admin import make_setup_lead
from app.server.errors import (
    CopyFailedError,
    CopyMismatchError,
    CopyNeedsLeadError,
    CopySourceEmptyError,
    CopyTargetExistsError,
    CopyTargetNotEmptyError,
)
from app.server.policies import install_policies, lead_group
from models import Annotation, Annotator, Base, Document, Tag, Turn
from models.database import WRITE_OPTION, create_project_engine
from models.schema import FileKind, MigrationError, inspect_file, upgrade_to_head
from models.server import ServerAddress, create_server_engine, inspect_server, is_server_location

Location = Path | str | ServerAddress

# Every table of a project, parents before the tables that refer to them. The search index
# is not among them: it is the engine's own, and rebuilt on the target.
TABLES: tuple[Table, ...] = tuple(Base.metadata.sorted_tables)
# The tables whose rows are numbered by the engine (an integer id).
NUMBERED: tuple[Table, ...] = tuple(
    table for table in TABLES if "id" in table.c and table.c.id.primary_key
)
BATCH = 500  # rows read and written at a time
CHUNK = 100  # documents whose texts are read at a time for the checksum
PROGRESS_STEPS = 200  # reports over a whole copy

_IS_LEAD = text(
    "SELECT r.rolsuper OR r.rolbypassrls OR EXISTS ("
    " SELECT 1 FROM pg_roles g WHERE g.rolname = :group AND pg_has_role(r.oid, g.oid, 'MEMBER'))"
    " FROM pg_roles r WHERE r.rolname = current_user"
)
_SERVER_MARK = text("SELECT pg_sequence_last_value(pg_get_serial_sequence(:table, 'id'))")
_SERVER_CONTINUE = text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :top)")
_FILE_MARKS = "SELECT name, seq FROM sqlite_sequence"
_FILE_CONTINUE = text("UPDATE sqlite_sequence SET seq = :top WHERE name = :table")
_FILE_START = text("INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :top)")


@dataclass(frozen=True)
class TableCount:
    """How many rows a table has in the source and in the copy."""

    table: str
    source: int
    target: int


@dataclass(frozen=True)
class CopyReport:
    """What a copy did: each table's rows on both sides and both checksums (equal, or the
    copy would not have been kept). A cancelled copy has neither, and left no target."""

    source: str
    target: str
    tables: tuple[TableCount, ...] = ()
    source_checksum: str = ""
    target_checksum: str = ""
    seconds: float = 0.0
    cancelled: bool = False

    @property
    def rows(self) -> int:
        return sum(count.target for count in self.tables)


def copy_project(
    source: Location, target: Location, progress: Progress | None = None
) -> CopyReport:
    """Copy the project at ``source`` (a file, or a server's address) to ``target``: a file
    that does not exist yet, or an empty server database.

    ``progress`` hears how many rows have been copied, with the table being copied as the
    current item, and is asked as often whether to stop; a cancelled copy returns a report
    with ``cancelled`` set. Raises a FangtanError; on any failure nothing is left at
    ``target``, and the source is never changed.
    """
    started = time.monotonic()
    project = _open_source(source)
    try:
        destination = _target(target)
        try:
            report = _copy(project, destination, progress, started)
            destination.keep()
        except CancelledError:
            destination.discard()
            return CopyReport(project.location, destination.location, cancelled=True)
        except BaseException:
            destination.discard()
            raise
    finally:
        project.close()
    return report


def project_checksum(project: Project) -> str:
    """SHA-256 (hex) of what the project holds, whatever its ids and engine: every
    document's text, metadata and turns, and every annotation (the document's SHA-256,
    start, end, tag name, annotator name, note and source), in an order of their own."""
    with project.reading() as session:
        return _checksum(session.connection())


# The source -------------------------------------------------------------------------


def _open_source(source: Location) -> Project:
    if not isinstance(source, ServerAddress) and not (
        isinstance(source, str) and is_server_location(source)
    ):
        path = Path(source)
        if path.is_file() and inspect_file(path).kind is FileKind.NEW:
            raise CopySourceEmptyError(path=str(path))
    project = Project.open(source, create=False, read_only=True)
    if project.server is not None:
        try:
            _check_lead(project)
        except BaseException:
            project.close()
            raise
    return project


def _check_lead(project: Project) -> None:
    """Row-level security hides part of the work from annotators: only a lead (or a role
    that passes every policy) sees the whole project."""
    database = project.server.database if project.server is not None else ""
    with project.reading() as session:
        lead = session.execute(_IS_LEAD, {"group": lead_group(database)}).scalar()
    if not lead:
        raise CopyNeedsLeadError(path=project.location)


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One read-only transaction that sees the project as it was when it began."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with connection.begin():
            yield connection


# The target -------------------------------------------------------------------------


def _target(target: Location) -> "_FileTarget | _ServerTarget":
    if isinstance(target, ServerAddress):
        return _ServerTarget(target)
    if isinstance(target, str) and is_server_location(target):
        return _ServerTarget(parse_address(target))
    return _FileTarget(Path(target))


class _FileTarget:
    """A new project file, built under a hidden name in the same folder."""

    def __init__(self, path: Path) -> None:
        check_folder(path)
        if os.path.lexists(path):
            raise CopyTargetExistsError(path=str(path))
        self.path = path
        self.location = str(path)
        self.building = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.copying")
        self.engine: Engine | None = None

    def create(self) -> Engine:
        """Make the empty schema; returns the engine to write the copy with."""
        self.engine = create_project_engine(self.building)
        upgrade_to_head(self.engine)
        return self.engine.execution_options(**{WRITE_OPTION: True})

    def secure(self, connection: Connection) -> None:
        """Give the copy its rights, in the copy's transaction: a file has none."""

    def keep(self) -> None:
        """Make the committed copy the target."""
        if self.engine is not None:
            self.engine.dispose()  # the last connection to close writes the log back
        if Path(f"{self.building}-wal").exists():
            raise CopyFailedError(path=self.location, detail="its journal was not written back")
        try:
            os.link(self.building, self.path)  # never replaces a file made meanwhile
        except FileExistsError:
            raise CopyTargetExistsError(path=self.location) from None
        except OSError:  # a file system without hard links
            if os.path.lexists(self.path):
                raise CopyTargetExistsError(path=self.location) from None
            os.rename(self.building, self.path)
        self._remove()

    def discard(self) -> None:
        """Take away whatever was made."""
        if self.engine is not None:
            self.engine.dispose()
        self._remove()

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.building}{suffix}").unlink(missing_ok=True)


class _ServerTarget:
    """An empty server database. Its schema is made before the copy's transaction; a copy
    that fails takes it away again."""

    def __init__(self, address: ServerAddress) -> None:
        self.address = address
        self.location = address.shown()
        self.engine = create_server_engine(address)
        try:
            inspection = inspect_server(self.engine)
            with self.engine.connect() as connection:
                self._extensions = set(
                    connection.execute(text("SELECT extname FROM pg_extension")).scalars()
                )
        except DBAPIError as error:
            self.engine.dispose()
            log_failure(error)
            raise server_error(self.location, error) from error
        if inspection.kind is not FileKind.NEW:
            self.engine.dispose()
            raise CopyTargetNotEmptyError(path=self.location)
        self._made = False

    def create(self) -> Engine:
        self._made = True
        upgrade_to_head(self.engine)
        return self.engine

    def secure(self, connection: Connection) -> None:
        install_policies(connection)
        make_setup_lead(connection)

    def keep(self) -> None:
        self.engine.dispose()

    def discard(self) -> None:
        try:
            if self._made:
                self._drop_schema()
        except DBAPIError as error:
            log_failure(error)
        finally:
            self.engine.dispose()

    def _drop_schema(self) -> None:
        with self.engine.begin() as connection:
            quote = connection.dialect.identifier_preparer.quote
            tables = inspect(connection).get_table_names()
            if tables:
                names = ", ".join(quote(name) for name in tables)
                connection.exec_driver_sql(f"DROP TABLE {names} CASCADE")
            extensions = connection.execute(text("SELECT extname FROM pg_extension")).scalars()
            for name in set(extensions) - self._extensions:
                connection.exec_driver_sql(f"DROP EXTENSION {quote(name)}")


# Copying ----------------------------------------------------------------------------


def _copy(
    project: Project,
    destination: "_FileTarget | _ServerTarget",
    progress: Progress | None,
    started: float,
) -> CopyReport:
    try:
        with _snapshot(project.engine) as reading:
            counts = _counts(reading)
            total = sum(counts.values())
            reporter = Reporter(progress, total, max(1, total // PROGRESS_STEPS))
            reporter.check()
            checksum = _checksum(reading)
            marks = _id_marks(reading)
            engine = destination.create()
            with engine.connect() as writing, writing.begin():
                for table in TABLES:
                    _copy_rows(reading, writing, table, reporter)
                _continue_ids(writing, marks)
                with Session(bind=writing) as session:
                    repair_index(session)
                destination.secure(writing)
                copied = _counts(writing)
                copied_checksum = _checksum(writing)
                _compare(destination.location, counts, copied, checksum, copied_checksum)
                reporter.finish()
    except FangtanError:
        raise
    except DBAPIError as error:
        log_failure(error)
        raise CopyFailedError(path=destination.location, detail=_reason(error)) from error
    except (MigrationError, OSError) as error:
        log_failure(error)
        detail = getattr(error, "strerror", None) or _first_line(str(error))
        raise CopyFailedError(path=destination.location, detail=detail) from error
    tables = tuple(
        TableCount(table.name, counts[table.name], copied[table.name]) for table in TABLES
    )
    return CopyReport(
        project.location,
        destination.location,
        tables,
        checksum,
        copied_checksum,
        round(time.monotonic() - started, 3),
    )


def _copy_rows(reading: Connection, writing: Connection, table: Table, reporter: Reporter) -> None:
    """Every row of ``table``, ids and all. A column that refers to its own table (a tag's
    parent) is filled in once every row is there, as a parent may come after its child."""
    reporter.current = table.name
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    later: dict[str, list[dict[str, object]]] = {name: [] for name in own}
    query = select(table).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH)
    for batch in reading.execute(query).partitions():
        rows = [dict(row._mapping) for row in batch]
        for name in own:
            for row in rows:
                if row[name] is not None:
                    later[name].append({"row_id": row["id"], "new_value": row[name]})
                    row[name] = None
        writing.execute(table.insert(), rows)
        reporter.advance(len(rows))
    for name, pending in later.items():
        if pending:
            statement = update(table).where(table.c.id == bindparam("row_id"))
            writing.execute(statement.values({name: bindparam("new_value")}), pending)


def _counts(connection: Connection) -> dict[str, int]:
    return {
        table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
        for table in TABLES
    }


def _id_marks(connection: Connection) -> dict[str, int]:
    """The highest id each table has ever given, deleted rows' too, where the engine keeps
    it (a file keeps it for the tables that never give an id twice)."""
    rows: list[tuple[str, int | None]]
    if connection.dialect.name == "sqlite":
        rows = [(name, mark) for name, mark in connection.exec_driver_sql(_FILE_MARKS)]
    else:
        rows = [
            (table.name, connection.execute(_SERVER_MARK, {"table": table.name}).scalar())
            for table in NUMBERED
        ]
    return {str(name): int(mark) for name, mark in rows if mark is not None}


def _continue_ids(connection: Connection, marks: dict[str, int]) -> None:
    """Let each table's ids go on after the highest the source had given."""
    server = connection.dialect.name == "postgresql"
    for table in NUMBERED:
        largest = connection.execute(select(func.max(table.c.id))).scalar() or 0
        top = max(marks.get(table.name, 0), largest)
        if not top:
            continue
        values = {"table": table.name, "top": top}
        if server:
            connection.execute(_SERVER_CONTINUE, values)
        elif (
            table.kwargs.get("sqlite_autoincrement")
            and connection.execute(_FILE_CONTINUE, values).rowcount == 0
        ):
            connection.execute(_FILE_START, values)


def _compare(
    location: str, counts: dict[str, int], copied: dict[str, int], checksum: str, other: str
) -> None:
    for name, count in counts.items():
        if copied[name] != count:
            detail = f"{name}: {count} rows in the source, {copied[name]} in the copy"
            raise CopyMismatchError(path=location, detail=detail)
    if checksum != other:
        raise CopyMismatchError(path=location, detail="the checksums differ")


# The checksum -------------------------------------------------------------------------

_METADATA = tuple(getattr(Document, name) for name in DOCUMENT_FIELDS)
_TURN = (
    Turn.index,
    Turn.speaker,
    Turn.kind,
    Turn.start,
    Turn.content_start,
    Turn.end,
    Turn.timestamp,
)


def _checksum(connection: Connection) -> str:
    """Each document as one line (SHA-256, metadata, text, turns), in the order of their
    SHA-256, then each annotation as one line, in the order of its fields; every line is
    compact JSON in UTF-8. Strings are ordered by code point, never by the database."""
    digest = hashlib.sha256()

    def feed(*item: object) -> None:
        line = json.dumps(item, ensure_ascii=False, separators=(",", ":"), default=str)
        digest.update(line.encode("utf-8") + b"\n")

    hashes: dict[int, str] = {
        document_id: sha256
        for document_id, sha256 in connection.execute(select(Document.id, Document.sha256))
    }
    turns: dict[int, list[tuple[object, ...]]] = defaultdict(list)
    for document_id, *turn in connection.execute(select(Turn.document_id, *_TURN)):
        turns[document_id].append(tuple(turn))
    ordered = sorted(hashes, key=hashes.__getitem__)
    for first in range(0, len(ordered), CHUNK):
        chunk = ordered[first : first + CHUNK]
        rows = {
            document_id: (content, meta)
            for document_id, content, *meta in connection.execute(
                select(Document.id, Document.text, *_METADATA).where(Document.id.in_(chunk))
            )
        }
        for document_id in chunk:
            content, meta = rows[document_id]
            feed("document", hashes[document_id], meta, content, sorted(turns[document_id]))
    spans = connection.execute(
        select(
            Annotation.document_id,
            Annotation.start,
            Annotation.end,
            Tag.name,
            Annotator.name,
            Annotation.note,
            Annotation.source,
        )
        .join(Tag, Tag.id == Annotation.tag_id)
        .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
    )
    annotations = sorted(
        ((hashes[document_id], *rest) for document_id, *rest in spans),
        key=lambda row: (*row[:4], row[4] or "", row[4] is None, *row[5:]),
    )
    for annotation in annotations:
        feed("annotation", *annotation)
    return digest.hexdigest()


def _reason(error: DBAPIError) -> str:
    return _first_line(str(error.orig) if error.orig is not None else str(error))


def _first_line(message: str) -> str:
    lines = message.strip().splitlines()
    return lines[0] if lines else ""
