"""Cycle collection stays on the window thread while background work runs.

Python collects reference cycles on whichever thread happens to allocate when a
threshold is crossed. With a task running that is often the background thread, and a
cycle holding a Qt object (a closed dialog, a finished task) would be destroyed there,
away from the thread that owns it, which Qt does not survive. So while any task runs,
automatic collection is off and a timer on the window thread collects the young
generations instead; when the last task ends, automatic collection resumes (the
background thread then waits in Qt and allocates nothing).

Once the first background work (the search index, the word segmenter) is done, every
object alive is frozen out of collection (``gc.freeze``): the window's start-up data is
kept for as long as the window is open, and scanning it made each full collection stop
the window for 100 ms or more on a big interview. Later collections only look at what was
made after that.

A thread of ours that lives as long as the window, the server's change listener, keeps
automatic collection off for as long; meanwhile, with no task running, the timer collects
on the window thread as the interpreter would, full collections included.

``Collector`` is the one part of the window that switches the collector; there is one per
application (``collector()``), whichever runner starts the work.
"""

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 100


class Collector(QObject):
    """Counts the tasks running on any runner; automatic collection is off while any runs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._running = 0
        self._listening = 0  # long-lived threads of ours running Python
        self._was_enabled = True  # automatic collection was on before the first task began
        self._ended = 0  # tasks done
        self._frozen = False  # the start-up data was frozen out of collection
        self._young, self._middle, self._old = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        if QCoreApplication.instance() is not None:  # no event loop, no timer
            self._timer.start()

    def work_began(self) -> None:
        """Called on the window thread before a task is handed to a background thread."""
        with self._lock:
            self._switch_off()
            self._running += 1

    def work_ended(self) -> None:
        """Called by the background thread as the last thing a task does."""
        with self._lock:
            self._running -= 1
            self._ended += 1
            self._switch_back()

    def listening_began(self) -> None:
        """Called on the window thread before a long-lived thread of ours starts."""
        with self._lock:
            self._switch_off()
            self._listening += 1

    def listening_ended(self) -> None:
        """Called once that thread has ended."""
        with self._lock:
            self._listening -= 1
            self._switch_back()

    def _switch_off(self) -> None:
        if self._running == 0 and self._listening == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()

    def _switch_back(self) -> None:
        if self._running == 0 and self._listening == 0 and self._was_enabled:
            gc.enable()

    def check(self) -> None:
        """Collect what the interpreter would have, short of a full collection, which
        waits until the tasks are done and automatic collection is back. Freeze what the
        start-up made once the first work is done."""
        young, middle, old = gc.get_count()
        if self._running == 0:
            if self._ended and not self._frozen:
                self._frozen = True
                gc.freeze()
            if self._listening and young > self._young:
                gc.collect(2 if old > self._old else 1 if middle > self._middle else 0)
            return
        if young > self._young:
            gc.collect(1 if middle > self._middle else 0)


_collector: Collector | None = None


def collector() -> Collector:
    """The application's collector (made the first time a runner asks for it)."""
    global _collector
    if _collector is None:
        # A child of the application, so that its timer runs on the window thread.
        _collector = Collector(QCoreApplication.instance())
    return _collector
