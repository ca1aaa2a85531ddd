"""Changes saved to the project by another window or program are loaded by themselves.

Every little while the project's data version is compared with the one last seen; when it
differs, something else wrote, and the window reads everything again. What this window
writes itself (an action, an import, a preference) is noted as seen, so it is never news.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from app.errors import FangtanError
from ui.window.context import ShowStatus
from ui.window.session import ProjectSession
from ui.window.transfer import Transfers

WATCH_INTERVAL_MS = 1500  # how often to look for changes made by another window or program


class OtherWriters(QObject):
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
        transfers.imported.connect(self._written)
        transfers.annotations_imported.connect(self._written)
        self.timer = QTimer(self)
        self.timer.setInterval(WATCH_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

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
        if self._transfers.busy:
            return  # our own import or export is writing; it refreshes when done
        version = self._data_version()
        if version is not None and version != self._known:
            self._known = version
            self._reload()
            self._status(
                QCoreApplication.translate("MainWindow", "Changes made elsewhere were loaded.")
            )
