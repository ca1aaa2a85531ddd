"""What a lead does to a server project: set it up, upgrade it, and give people accounts.

Every person logs in as their own PostgreSQL role. Two group roles per database carry
the rights: annotators read everything they may see and change only their own work;
leads change everything. Row-level security is forced on the tables that hold people's
work, so not even the tables' owner passes unchecked (a superuser always does).
"""

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from app.errors import ForeignDatabaseError, NewerProjectError
from app.logs import log_failure
from app.project import Project, server_error
from app.server.errors import ServerAlreadySetUpError, ServerNotSetUpError, ServerRoleError
from app.server.policies import install_policies, lead_group, member_group, quote_name
from models.schema import HEAD_REVISION, FileKind, Inspection, needs_upgrade, upgrade_to_head
from models.server import ServerAddress, create_server_engine, inspect_server

Role = Literal["annotator", "lead"]
ROLES: tuple[Role, ...] = ("annotator", "lead")


@dataclass(frozen=True)
class ServerReport:
    location: str
    revision: str | None  # the schema now
    previous: str | None  # the schema before, None when the database was empty
    changed: bool


def _inspect(address: ServerAddress, engine: Engine) -> Inspection:
    try:
        return inspect_server(engine)
    except DBAPIError as error:
        engine.dispose()
        log_failure(error)
        raise server_error(address.shown(), error) from error


def init_server(address: ServerAddress) -> ServerReport:
    """Create the schema, the default codebook and the group roles in an empty database;
    the one who runs it becomes a lead. Refuses a database that holds anything."""
    shown = address.shown()
    engine = create_server_engine(address)
    inspection = _inspect(address, engine)
    if inspection.kind is not FileKind.NEW:
        engine.dispose()
        if inspection.kind is FileKind.FOREIGN:
            raise ForeignDatabaseError(path=shown)
        raise ServerAlreadySetUpError(path=shown, revision=inspection.revision)
    try:
        upgrade_to_head(engine)
        with engine.begin() as connection:
            install_policies(connection)
            make_setup_lead(connection)
        role = _current_user(engine)
    except DBAPIError as error:
        engine.dispose()
        log_failure(error)
        raise server_error(shown, error) from error
    project = Project(None, engine, role, server=address)
    try:
        from app.editing.codebook import seed_default_codebook

        seed_default_codebook(project)
    finally:
        project.close()
    return ServerReport(shown, HEAD_REVISION, None, True)


def upgrade_server(address: ServerAddress) -> ServerReport:
    """Bring a server project to this version's schema (one transaction), and renew the
    rights and policies. A newer schema is refused unchanged."""
    shown = address.shown()
    engine = create_server_engine(address)
    try:
        inspection = _inspect(address, engine)
        if inspection.kind is FileKind.NEW:
            raise ServerNotSetUpError(path=shown)
        if inspection.kind is FileKind.FOREIGN:
            raise ForeignDatabaseError(path=shown)
        if inspection.kind is FileKind.NEWER:
            raise NewerProjectError(path=shown, revision=inspection.revision)
        if not needs_upgrade(inspection):
            return ServerReport(shown, inspection.revision, inspection.revision, False)
        try:
            upgrade_to_head(engine)
            with engine.begin() as connection:
                install_policies(connection)
        except DBAPIError as error:
            log_failure(error)
            raise server_error(shown, error) from error
        return ServerReport(shown, HEAD_REVISION, inspection.revision, True)
    finally:
        engine.dispose()


def add_user(address: ServerAddress, name: str, role: Role, password: str | None = None) -> None:
    """Create the login role ``name`` (or take an existing one) and make it an annotator
    or a lead of this project. The password, when given, is sent to the server only, which
    keeps its hash."""
    if role not in ROLES:
        raise ServerRoleError(path=address.shown(), detail=f"unknown role {role}")
    shown = address.shown()
    engine = create_server_engine(address)
    try:
        inspection = _inspect(address, engine)
        if inspection.kind is not FileKind.PROJECT:
            raise ServerNotSetUpError(path=shown)
        with engine.begin() as connection:
            database = address.database
            exists = connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}
            ).scalar()
            quoted = quote_name(connection, name)
            if not exists:
                connection.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN")
            if password is not None:
                # A utility statement takes no parameters: the server quotes the literal.
                literal = connection.execute(
                    text("SELECT quote_literal(:password)"), {"password": password}
                ).scalar()
                connection.exec_driver_sql(f"ALTER ROLE {quoted} PASSWORD {literal}")
            annotators = quote_name(connection, member_group(database))
            leads = quote_name(connection, lead_group(database))
            connection.exec_driver_sql(f"GRANT {annotators} TO {quoted}")
            if role == "lead":
                connection.exec_driver_sql(f"GRANT {leads} TO {quoted}")
            else:
                connection.exec_driver_sql(f"REVOKE {leads} FROM {quoted}")
    except DBAPIError as error:
        log_failure(error)
        raise server_error(shown, error) from error
    finally:
        engine.dispose()


def make_setup_lead(connection: Connection) -> None:
    """Make whoever sets the project up (a copy's target too) one of its leads."""
    superuser = connection.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not superuser:
        database = str(connection.execute(text("SELECT current_database()")).scalar())
        leads = quote_name(connection, lead_group(database))
        members = quote_name(connection, member_group(database))
        connection.exec_driver_sql(f"GRANT {leads}, {members} TO CURRENT_USER")


def _current_user(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(connection.execute(text("SELECT current_user")).scalar())
