"""Listening for the team's commits: a thread holding one LISTEN connection.

Each notification names a change log row (app/server/changes.py); the listener hands its
id to a callback, on the listener's own thread. A lost connection is retried every few
seconds; what was committed meanwhile is in the change log, so the caller catches up by
comparing the log, not by counting notifications.
"""

import threading
from collections.abc import Callable

import psycopg
from sqlalchemy import URL

from app.server.changes import CHANNEL
from models.server import CONNECT_TIMEOUT, ServerAddress

RETRY_SECONDS = 3.0
POLL_SECONDS = 0.5  # how often the thread looks whether it was asked to stop


def _conninfo(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """Calls ``on_change(payload)`` for each notification; ``on_connection(True/False)``
    when the connection is made or lost. Both run on the listener's thread."""

    def __init__(
        self,
        address: ServerAddress,
        on_change: Callable[[str], None],
        on_connection: Callable[[bool], None] | None = None,
    ) -> None:
        self._conninfo = _conninfo(address.url)
        self._on_change = on_change
        self._on_connection = on_connection or (lambda _connected: None)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fangtan-changes", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=POLL_SECONDS * 4)

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                with psycopg.connect(
                    self._conninfo,
                    autocommit=True,
                    connect_timeout=CONNECT_TIMEOUT,
                    application_name="Fangtan (changes)",
                ) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._on_connection(True)
                    # A commit made while we were away: the caller compares the log.
                    self._on_change("")
                    while not self._stopping.is_set():
                        for notice in connection.notifies(timeout=POLL_SECONDS):
                            self._on_change(notice.payload)
            except psycopg.Error:
                self._on_connection(False)
                self._stopping.wait(RETRY_SECONDS)
