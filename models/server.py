"""Server projects: one PostgreSQL database, reached with psycopg, for a whole team.

A server project is named by a URL (``postgresql://user@host/dbname``). The password is
never part of what Fangtan stores or shows: libpq reads it from the user's ``.pgpass`` or
service file, or the front end asks for it when the server wants one.
"""

from dataclasses import dataclass

from sqlalchemy import URL, Engine, create_engine, inspect, make_url, text
from sqlalchemy.exc import ArgumentError

from models.schema import KNOWN_REVISIONS, FileKind, Inspection

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DRIVER = "postgresql+psycopg"
# Tables every Fangtan schema has; a database with tables but without them is another
# program's.
PROJECT_TABLES = frozenset({"alembic_version", "documents", "tags", "annotations"})
CONNECT_TIMEOUT = 10  # seconds before an unreachable server is reported


def is_server_location(location: str) -> bool:
    """Whether ``location`` names a server project (a PostgreSQL URL), not a file."""
    scheme, separator, _rest = location.partition("://")
    return bool(separator) and scheme.lower() in SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    """Where a server project lives: a PostgreSQL URL, its password kept in memory only."""

    url: URL

    @classmethod
    def parse(cls, location: str) -> "ServerAddress":
        """Raises ValueError with a reason when ``location`` is not a usable URL."""
        try:
            url = make_url(location)
        except ArgumentError as error:
            raise ValueError(str(error)) from error
        if url.drivername not in SCHEMES:
            raise ValueError(f"{url.drivername}:// is not a PostgreSQL address")
        if not url.database:
            raise ValueError("the address names no database (postgresql://user@host/DATABASE)")
        return cls(url.set(drivername=DRIVER))

    @property
    def database(self) -> str:
        return self.url.database or ""

    @property
    def host(self) -> str:
        return self.url.host or "localhost"

    @property
    def user(self) -> str | None:
        return self.url.username

    def shown(self) -> str:
        """The address as users type it, without any password."""
        # URL.set leaves out None values: the password is taken away with _replace.
        return self.url._replace(password=None).set(drivername="postgresql").render_as_string()

    def with_password(self, password: str) -> "ServerAddress":
        return ServerAddress(self.url.set(password=password))

    def with_user(self, user: str, password: str | None = None) -> "ServerAddress":
        return ServerAddress(self.url._replace(username=user, password=password))


def create_server_engine(address: ServerAddress) -> Engine:
    """An engine on the server database; nothing is connected until first use."""
    return create_engine(
        address.url,
        pool_pre_ping=True,
        connect_args={"application_name": "Fangtan", "connect_timeout": CONNECT_TIMEOUT},
    )


def inspect_server(engine: Engine) -> Inspection:
    """Classify the server database without writing to it. Raises DBAPIError when the
    server cannot be reached or refuses the connection."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = None
        if "alembic_version" in tables:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if not tables:
        return Inspection(FileKind.NEW)
    if not tables >= PROJECT_TABLES or revision is None:
        return Inspection(FileKind.FOREIGN)
    if revision not in KNOWN_REVISIONS:
        return Inspection(FileKind.NEWER, revision=revision)
    return Inspection(FileKind.PROJECT, revision=revision)
