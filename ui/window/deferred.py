"""Work that can wait until the window has shown what the user just did.

After a key press the highlight should be on screen first; counts, suggestion lists and
model bookkeeping follow on the next turn of the event loop, once, for every change
made meanwhile.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.dto import Changes


class ChangesLater(QObject):
    """Calls ``handler`` on the next turn of the event loop with the changes merged."""

    def __init__(self, handler: Callable[[Changes], None], parent: QObject) -> None:
        super().__init__(parent)
        self._handler = handler
        self._pending: Changes | None = None
        # A child timer: a window whose project closes stops it with the others.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run)

    def add(self, changes: Changes) -> None:
        self._pending = changes if self._pending is None else self._pending.merge(changes)
        self._timer.start()

    def _run(self) -> None:
        changes, self._pending = self._pending, None
        if changes is not None:
            self._handler(changes)
