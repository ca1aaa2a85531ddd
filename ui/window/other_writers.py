"""Changes saved to the project by another window or program are loaded by themselves.

Every little while the project's data version is compared with the one last seen; when it
differs, something else wrote, and the window reads everything again. What this window
writes itself (an action, an import, a preference) is noted as seen, so it is never news.
On a server project the team's commits are also announced (PostgreSQL notifications), so
the window looks within a fifth of a second instead of at the next tick; the status bar
says when the server cannot be reached. The listener's thread only drops what it hears
into a queue the window empties on its own thread: it never calls Qt, whose signals
emitted from a thread Qt did not start can deadlock or crash PySide. An edit refused
because someone changed its row meanwhile is news too: the window reads everything again
at once.
"""

import queue
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.errors import FangtanError
from ui.window.collector import collector
from ui.window.context import ShowStatus
from ui.window.session import ProjectSession
from ui.window.transfer import Transfers

if TYPE_CHECKING:
    from app.server.notifications import ChangeListener

WATCH_INTERVAL_MS = 1500  # how often to look for changes made by another window or program
NEWS_INTERVAL_MS = 200  # how often a server project's window empties the listener's queue

ANNOUNCED = None  # in the queue: a commit was announced; True or False: connection made, lost


class OtherWriters(QObject):
    connection_changed = Signal(bool)  # on the window's thread

    def __init__(
        self,
        session: ProjectSession,
        transfers: Transfers,
        reload: Callable[[], None],
        status: ShowStatus,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._transfers = transfers
        self._reload = reload
        self._status = status
        self._known = self._data_version()
        session.changed.connect(self._written)
        session.outdated.connect(self._reload)
        transfers.imported.connect(self._written)
        transfers.annotations_imported.connect(self._written)
        self.timer = QTimer(self)
        self.timer.setInterval(WATCH_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.online = True
        self._listener: ChangeListener | None = None
        self._news: queue.SimpleQueue[bool | None] = queue.SimpleQueue()
        self._inbox = QTimer(self)
        self._inbox.setInterval(NEWS_INTERVAL_MS)
        self._inbox.timeout.connect(self._read_news)
        address = session.project.server
        if address is not None:
            from app.server import notifications

            news = self._news
            self._listener = notifications.ChangeListener(
                address, on_change=lambda _payload: news.put(ANNOUNCED), on_connection=news.put
            )
            # Its thread runs Python for as long as the window: cycles are collected on
            # the window's thread meanwhile, where the Qt objects in them belong.
            collector().listening_began()
            self._listener.start()
            self._inbox.start()

    def stop(self) -> None:
        """Stop listening (the window closes)."""
        self._inbox.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
            collector().listening_ended()

    def _read_news(self) -> None:
        """What the listener heard since the last look: connection changes in order, and
        one look at the project however many commits were announced."""
        announced = False
        while True:
            try:
                item = self._news.get_nowait()
            except queue.Empty:
                break
            if item is ANNOUNCED:
                announced = True
            else:
                self._connection_changed(item)
        if announced:
            self.check()

    def _connection_changed(self, connected: bool) -> None:
        if connected == self.online:
            return
        self.online = connected
        self.connection_changed.emit(connected)
        if connected:
            self._status(QCoreApplication.translate("MainWindow", "Connected to the server again."))
        else:
            self._status(
                QCoreApplication.translate(
                    "MainWindow", "Offline: the server cannot be reached. Trying again…"
                )
            )

    def own_write_saved(self) -> None:
        """What the project holds now was written, or read, by this window."""
        self._known = self._data_version()

    def _written(self, *_what: object) -> None:
        """An action, an undo, a redo or an import of this window was saved."""
        self.own_write_saved()

    def _data_version(self) -> int | None:
        try:
            return self._session.project.data_version()
        except FangtanError:
            return None

    def check(self) -> None:
        """Read everything again if another window or program saved a change."""
        if self._transfers.busy or not self.online:
            return  # our own import or export is writing; it refreshes when done; or the
            # server is away: the listener says when it is back, and the window looks then
        version = self._data_version()
        if version is not None and version != self._known:
            self._known = version
            self._reload()
            self._status(
                QCoreApplication.translate("MainWindow", "Changes made elsewhere were loaded.")
            )
