"""A throwaway PostgreSQL cluster for the tests that need a database server.

Loaded as a pytest plugin. The cluster starts at the first test that asks for it, in a
temporary folder, on 127.0.0.1 and a free port, and stops at the end of the session (also
after a failure or Ctrl-C). Its superuser ``fangtan_admin`` connects without a password;
roles made with ``Cluster.create_password_role`` (and, on PostgreSQL 16 and newer, every
role whose name starts with ``pw_``) must give theirs (scram-sha-256) over TCP.

Fixtures:
    postgres_cluster  the running Cluster (session)
    server_database   a fresh, empty database on it, dropped afterwards (function); more
                      of them come from ``with postgres_cluster.database() as database:``
"""

import atexit
import contextlib
import itertools
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
from psycopg import sql
from psycopg.rows import TupleRow

ADMIN = "fangtan_admin"
HOST = "127.0.0.1"
# Roles made by Cluster.create_password_role join it; its members log in with a password.
PASSWORD_GROUP = "pw_roles"
SERVER_USER = "postgres"  # initdb refuses root: as root the server runs as this user
NOT_INSTALLED = "PostgreSQL is not installed: setup/system-packages.sh postgresql installs it"
TIMEOUT = 60  # seconds for initdb and for pg_ctl to start or stop the server

SETTINGS = {
    "listen_addresses": f"'{HOST}'",
    "unix_socket_directories": None,  # set per cluster: a folder inside its temporary folder
    "port": None,
    "max_connections": "200",
    # A throwaway cluster needs no durability against power loss: only speed. Commits
    # still reach the operating system before they return, so stopping the server
    # abruptly (pg_ctl stop -m immediate) loses nothing that was acknowledged.
    "fsync": "off",
    "full_page_writes": "off",
}


class PostgresMissingError(Exception):
    """PostgreSQL's server programs, or the user to run them as, are missing."""


class ServerProgramError(Exception):
    """initdb or pg_ctl failed: the message holds its output and the server's log."""


def server_programs() -> tuple[Path, Path]:
    """initdb and pg_ctl: from PATH, else from the newest /usr/lib/postgresql/*/bin."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(initdb), Path(pg_ctl)
    folders = [
        folder
        for folder in Path("/usr/lib/postgresql").glob("*/bin")
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file()
    ]
    if not folders:
        raise PostgresMissingError(NOT_INSTALLED)
    newest = max(folders, key=lambda folder: _version(folder.parent.name))
    return newest / "initdb", newest / "pg_ctl"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


_numbers = itertools.count(1)


def _as_root() -> bool:
    return os.geteuid() == 0


class Cluster:
    """A PostgreSQL cluster in a temporary folder, run by the current user (by postgres as root).

    ``start()`` creates it at the first call and starts the server; ``stop()`` and
    ``stop_immediate()`` stop it (the second as a crash would), and ``start()`` again runs
    the same data folder. ``close()`` stops it and removes the folder.
    """

    def __init__(self) -> None:
        self.initdb, self.pg_ctl = server_programs()
        self.server_user: pwd.struct_passwd | None = None
        if _as_root():
            try:
                self.server_user = pwd.getpwnam(SERVER_USER)
            except KeyError:
                raise PostgresMissingError(
                    f"PostgreSQL refuses to run as root and the {SERVER_USER} user is missing:"
                    " setup/system-packages.sh postgresql installs it"
                ) from None
        self.host = HOST
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="fangtan-postgres-"))
        self.data = self.folder / "data"
        self.sockets = self.folder / "sockets"
        self.log = self.folder / "server.log"
        self.running = False
        self._created = False
        atexit.register(self.close)

    def admin_url(self, dbname: str) -> str:
        """The SQLAlchemy URL of a database, for the superuser."""
        return f"postgresql+psycopg://{ADMIN}@{self.host}:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres") -> psycopg.Connection[TupleRow]:
        """A superuser connection over TCP, in autocommit mode."""
        return psycopg.connect(
            host=self.host, port=self.port, user=ADMIN, dbname=dbname, autocommit=True
        )

    def version(self) -> tuple[int, ...]:
        """The server's version, as initdb reports it: (15, 8) for 15.8."""
        reply = subprocess.run(
            [str(self.initdb), "--version"], capture_output=True, text=True, check=True
        ).stdout
        found = re.search(r"\(PostgreSQL\)\s+(\S+)", reply)
        return _version(found.group(1)) if found else ()

    def start(self) -> None:
        if self.running:
            return
        fresh = not self._created
        if fresh:
            self._create()
        self._pg_ctl("-l", str(self.log), "start")
        self.running = True
        if fresh:
            with self.connect() as connection:
                connection.execute(
                    sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(PASSWORD_GROUP))
                )

    def stop(self) -> None:
        self._stop("fast")

    def stop_immediate(self) -> None:
        """Stops the server without a checkpoint, as a crash or a power cut would."""
        self._stop("immediate")

    def close(self) -> None:
        """Stops the server if it runs, and removes the cluster's folder."""
        atexit.unregister(self.close)
        with contextlib.suppress(ServerProgramError, OSError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def create_password_role(self, name: str, password: str) -> None:
        """A login role that must give its password (scram-sha-256) to connect over TCP."""
        role = sql.Identifier(name)
        with self.connect() as connection:
            connection.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    role, sql.Literal(password), sql.Identifier(PASSWORD_GROUP)
                )
            )

    @contextlib.contextmanager
    def database(self, template: str = "template0") -> Iterator["ServerDatabase"]:
        """A fresh database with a name of its own, dropped when the block ends: empty, or a
        copy of the database ``template`` (which nobody may be connected to)."""
        name = f"fangtan_test_{next(_numbers)}_{uuid.uuid4().hex[:8]}"
        identifier = sql.Identifier(name)
        with self.connect() as connection:
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {} ENCODING 'UTF8'").format(
                    identifier, sql.Identifier(template)
                )
            )
        try:
            yield ServerDatabase(name, f"postgresql://{ADMIN}@{self.host}:{self.port}/{name}")
        finally:
            self.start()  # the block may have stopped the server
            with self.connect() as connection:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier)
                )

    def _stop(self, mode: str) -> None:
        if not self.running:
            return
        self._pg_ctl("-m", mode, "stop")
        self.running = False

    def _pg_ctl(self, *arguments: str) -> None:
        self._run(str(self.pg_ctl), "-D", str(self.data), "-w", "-t", str(TIMEOUT), *arguments)

    def _create(self) -> None:
        self.sockets.mkdir()
        if self.server_user is not None:
            for path in (self.folder, self.sockets):
                os.chown(path, self.server_user.pw_uid, self.server_user.pw_gid)
        initdb = [str(self.initdb), "-D", str(self.data), "-U", ADMIN, "-A", "trust"]
        initdb += ["-E", "UTF8", "--no-sync"]
        try:
            self._run(*initdb, "--locale=C.UTF-8")
        except ServerProgramError as error:
            if "locale" not in str(error):
                raise
            shutil.rmtree(self.data, ignore_errors=True)
            self._run(*initdb, "--no-locale")
        self._configure()
        self._created = True

    def _configure(self) -> None:
        settings = dict(SETTINGS, unix_socket_directories=f"'{self.sockets}'", port=str(self.port))
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# Fangtan's test cluster\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        # Roles named pw_... (PostgreSQL 16 reads regular expressions here) and members of
        # pw_roles give a password over TCP; every other connection is trusted.
        lines = ["local all all trust"]
        if self.version() >= (16,):
            lines.append(f"host all /^pw_ {HOST}/32 scram-sha-256")
        lines += [
            f"host all +{PASSWORD_GROUP} {HOST}/32 scram-sha-256",
            f"host all all {HOST}/32 trust",
        ]
        (self.data / "pg_hba.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _run(self, *command: str) -> None:
        """Runs a server program as the cluster's user; its output is in the error it raises."""
        argv = list(command)
        if self.server_user is not None:
            if shutil.which("runuser"):
                argv = ["runuser", "-u", SERVER_USER, "--", *argv]
            else:
                argv = ["su", SERVER_USER, "-s", "/bin/sh", "-c", shlex.join(argv)]
        try:
            subprocess.run(
                argv,
                cwd=self.folder,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                check=True,
                timeout=TIMEOUT + 10,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            output = b"".join(part or b"" for part in (error.stdout, error.stderr))
            log = self.log.read_bytes()[-4000:] if self.log.exists() else b""
            raise ServerProgramError(
                f"{shlex.join(command)} failed:\n"
                + (output + log).decode("utf-8", errors="replace")
            ) from None


@dataclass(frozen=True)
class ServerDatabase:
    """A database on the test cluster: its name, and its URL as a user would type it."""

    name: str
    url: str


def _unavailable(message: str) -> NoReturn:
    """On CI a missing PostgreSQL fails the tests that need it; elsewhere they skip."""
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    try:
        cluster = Cluster()
    except PostgresMissingError as missing:
        _unavailable(str(missing))
    try:
        cluster.start()
    except ServerProgramError as error:
        cluster.close()
        pytest.fail(f"the test cluster did not start: {error}", pytrace=False)
    try:
        yield cluster
    finally:
        cluster.close()


@pytest.fixture
def server_database(postgres_cluster: Cluster) -> Iterator[ServerDatabase]:
    with postgres_cluster.database() as database:
        yield database
