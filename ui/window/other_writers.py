"""Changes saved to the project by another window or program are loaded by themselves.

Every little while the project's data version is compared with the one last seen; when it
differs, something else wrote, and the window reads everything again. What this window
writes itself (an action, an import, a preference) is noted as seen, so it is never news.
On a server project the team's commits are also announced (PostgreSQL notifications), so
the window looks at once instead of at the next tick; the status bar says when the
server cannot be reached. An edit refused because someone changed its row meanwhile is
news too: the window reads everything again at once.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.errors import FangtanError
from ui.window.context import ShowStatus
from ui.window.session import ProjectSession
from ui.window.transfer import Transfers

if TYPE_CHECKING:
    from app.server.notifications import ChangeListener

WATCH_INTERVAL_MS = 1500  # how often to look for changes made by another window or program


class OtherWriters(QObject):
    # Emitted on the listener's thread, received on the window's (a queued connection).
    announced = Signal()
    connection_changed = Signal(bool)

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
        address = session.project.server
        if address is not None:
            from app.server import notifications

            self.announced.connect(self.check)
            self.connection_changed.connect(self._connection_changed)
            self._listener = notifications.ChangeListener(
                address,
                on_change=lambda _payload: self.announced.emit(),
                on_connection=self.connection_changed.emit,
            )
            self._listener.start()

    def stop(self) -> None:
        """Stop listening (the window closes)."""
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def _connection_changed(self, connected: bool) -> None:
        if connected == self.online:
            return
        self.online = connected
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
