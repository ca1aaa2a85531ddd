"""Cycle collection stays on the window thread while background work runs.

Python collects reference cycles on whichever thread happens to allocate when a
threshold is crossed. With a task running that is often the background thread, and a
cycle holding a Qt object (a closed dialog, a finished task) would be destroyed there,
away from the thread that owns it, which Qt does not survive. So while any task runs,
automatic collection is off and a timer on the window thread collects the young
generations instead; when the last task ends, automatic collection resumes (the
background thread then waits in Qt and allocates nothing).
"""

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 100

_lock = threading.Lock()
_running = 0
_was_enabled = True


def work_began() -> None:
    """Called on the window thread before a task is handed to a background thread."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1


def work_ended() -> None:
    """Called by the background thread as the last thing a task does."""
    global _running
    with _lock:
        _running -= 1
        if _running == 0 and _was_enabled:
            gc.enable()


class _YoungCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._young, self._middle, _old = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect what the interpreter would have, short of a full collection, which
        waits until the tasks are done and automatic collection is back."""
        if _running == 0:
            return
        young, middle, _old = gc.get_count()
        if young > self._young:
            gc.collect(1 if middle > self._middle else 0)


_collector: _YoungCollector | None = None


def collect_on_window_thread() -> None:
    """Start the window thread's collector (once per application)."""
    global _collector
    application = QCoreApplication.instance()
    if _collector is None and application is not None:
        _collector = _YoungCollector(application)
