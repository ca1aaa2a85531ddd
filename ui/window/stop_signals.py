"""A stop the system asks for (SIGTERM at logout or shutdown, SIGINT from the terminal,
SIGHUP when the terminal goes) closes the windows as the user would: where each was in
its interview and its first screen are kept, and the process ends with 0.

Python runs a signal's handler only when it next runs Python code, which a window idle in
Qt's event loop may not do for a long time: the signal also writes a byte to a socket
Qt watches, so the loop wakes at once. The handler itself only asks the loop to stop."""

import contextlib
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

SIGNAL_NAMES = ("SIGTERM", "SIGINT", "SIGHUP")  # SIGHUP is missing on Windows

Handler = Callable[[int, FrameType | None], object] | int | None


class StopSignals(QObject):
    """Installed for one run of the event loop; ``release()`` puts back what was there."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._previous: dict[int, Handler] = {}
        for name in SIGNAL_NAMES:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, self._asked)

    def _woken(self, *_socket: object) -> None:
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass

    def _asked(self, _number: int, _frame: FrameType | None) -> None:
        QTimer.singleShot(0, self._stop)

    def _stop(self) -> None:
        shown = self._shown()
        self._app.closeAllWindows()
        # The last window closed ends the loop by itself, through a posted event: a quit
        # here as well would leave that event behind for the next loop to run.
        if not shown or self._shown():
            self._app.quit()

    def _shown(self) -> bool:
        return any(widget.isVisible() for widget in self._app.topLevelWidgets())

    def release(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
        self.deleteLater()
