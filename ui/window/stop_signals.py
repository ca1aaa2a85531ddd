"""A stop the system asks for (SIGTERM at logout or shutdown, SIGINT from the terminal,
SIGHUP when the terminal goes) closes the windows as the user would: where each was in
its interview and its first screen are kept, and the process ends with 0. A signal set to
be ignored (SIGHUP under nohup) stays ignored.

Python runs a signal's handler only when it next runs Python code, which a window idle in
Qt's event loop may not do for a long time: the signal also writes a byte to a socket
Qt watches, so the loop wakes at once. The handler itself only asks the loop to stop.
Where that socket cannot be made, the handlers still run, at the loop's next timer."""

import contextlib
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

SIGNAL_NAMES = ("SIGTERM", "SIGINT", "SIGHUP")  # SIGHUP is missing on Windows

Handler = Callable[[int, FrameType | None], object] | int


class StopSignals(QObject):
    """Installed for one run of the event loop; ``release()`` puts back what was there."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._previous: dict[int, Handler] = {}
        for name in SIGNAL_NAMES:
            number = getattr(signal, name, None)
            if number is None:
                continue
            current = signal.getsignal(number)
            if current is None or current == signal.SIG_IGN:  # set outside Python, or ignored
                continue
            self._previous[number] = current
            signal.signal(number, self._asked)
        self._wake: tuple[socket.socket, socket.socket, QSocketNotifier, int] | None = None
        with contextlib.suppress(OSError, ValueError):
            reader, writer = socket.socketpair()
            for end in (reader, writer):
                end.setblocking(False)
            previous_fd = signal.set_wakeup_fd(writer.fileno())
            notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
            notifier.activated.connect(self._woken)
            self._wake = (reader, writer, notifier, previous_fd)

    def _woken(self, *_socket: object) -> None:
        if self._wake is not None:
            with contextlib.suppress(OSError):
                while self._wake[0].recv(64):
                    pass

    def _asked(self, _number: int, _frame: FrameType | None) -> None:
        QTimer.singleShot(0, self._stop)

    def _stop(self) -> None:
        self._app.closeAllWindows()
        # The last window closed posts a quit of its own: dropped, so that it is not left
        # for the next event loop to run, and the loop ended here whatever was shown.
        QCoreApplication.removePostedEvents(self._app, QEvent.Type.Quit)
        self._app.quit()

    def release(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        if self._wake is not None:
            reader, writer, notifier, previous_fd = self._wake
            with contextlib.suppress(OSError, ValueError):
                signal.set_wakeup_fd(previous_fd)
            notifier.setEnabled(False)
            reader.close()
            writer.close()
            self._wake = None
        self.deleteLater()
