"""Opening a server project: the same Project, on a PostgreSQL engine.

The database is inspected before anything is written: an empty database is left to the
lead's ``fangtan server init``, an older schema to ``fangtan server upgrade``, and a newer
schema or another program's tables are refused, all unchanged.
"""

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.errors import FangtanError, ForeignDatabaseError, NewerProjectError
from app.logs import log_failure
from app.project import Project, server_error
from app.server.errors import ServerNeedsUpgradeError, ServerNotSetUpError
from models.schema import FileKind, needs_upgrade
from models.server import ServerAddress, create_server_engine, inspect_server


def open_server(
    cls: type[Project],
    address: ServerAddress,
    *,
    annotator: str | None = None,
    read_only: bool = False,
) -> Project:
    """Open the server project at ``address``. The annotator recorded with new work is
    the server role logged in as, unless one is named. Raises a FangtanError."""
    shown = address.shown()
    engine = create_server_engine(address)
    try:
        inspection = inspect_server(engine)
        with engine.connect() as connection:
            role = str(connection.execute(text("SELECT current_user")).scalar())
    except DBAPIError as error:
        engine.dispose()
        log_failure(error)
        raise server_error(shown, error) from error
    kind = inspection.kind
    refusal: FangtanError | None = None
    if kind is FileKind.NEW:
        refusal = ServerNotSetUpError(path=shown)
    elif kind is FileKind.FOREIGN:
        refusal = ForeignDatabaseError(path=shown)
    elif kind is FileKind.NEWER:
        refusal = NewerProjectError(path=shown, revision=inspection.revision)
    elif needs_upgrade(inspection):
        refusal = ServerNeedsUpgradeError(path=shown, revision=inspection.revision)
    if refusal is not None:
        engine.dispose()
        raise refusal
    return cls(None, engine, annotator or role, read_only=read_only, server=address)
