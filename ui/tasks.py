"""Long work (import, export) on one background thread, with progress and cancel.

The work function receives a TaskState to report progress and to ask whether
the user cancelled; results come back to the window thread through signals.
Widgets are never touched from the worker.
"""

import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    SignalInstance,
)

from app.courtesy import user_active

# Work on the background thread is Python too, and by default a busy thread keeps the
# interpreter for 5 ms before the window thread gets a turn, many turns per keystroke.
# Handing over every 0.5 ms keeps a click answered in milliseconds while a model trains.
SWITCH_INTERVAL_S = 0.0005


class TaskState:
    """Handed to the work function: progress out, cancellation in."""

    def __init__(self, relay: "Task") -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def report(self, done: int, total: int, current: str) -> None:
        self._relay.progressed.emit(done, total, current)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Task(QObject):
    """One piece of work. Its result is announced on the window thread, from the event loop,
    so connecting to ``succeeded``/``failed`` right after ``TaskRunner.start`` never misses
    it, however fast the work is."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    _ended = Signal()  # from the worker; received on the thread the task was made on

    def __init__(self, work: Callable[[TaskState], Any]) -> None:
        super().__init__()
        self.state = TaskState(self)
        self._work = work
        self._outcome: tuple[SignalInstance, object] | None = None
        self.done = False
        self._ended.connect(self._announce, Qt.ConnectionType.QueuedConnection)

    def _run(self) -> None:
        try:
            result = self._work(self.state)
        except Exception as error:  # delivered to the window, which decides how to show it
            self._outcome = (self.failed, error)
        else:
            self._outcome = (self.succeeded, result)
        with suppress(RuntimeError):  # the window that asked was closed: nobody is waiting
            self._ended.emit()

    def _announce(self) -> None:
        # Only now may the runner let go of the task: were it freed while this call was
        # still queued, Qt would deliver the call to a deleted object.
        self.done = True
        if self._outcome is not None:
            signal, value = self._outcome
            signal.emit(value)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


_USER_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
    }
)


class _ActivityWatch(QObject):
    """Tells background work when the user presses a key, clicks or scrolls."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_EVENTS or (
            event.type() == QEvent.Type.MouseMove and event.buttons()
        ):
            user_active()
        return False


_watch: _ActivityWatch | None = None


def _watch_activity() -> None:
    global _watch
    application = QCoreApplication.instance()
    if _watch is None and application is not None:
        _watch = _ActivityWatch(application)
        application.installEventFilter(_watch)


class TaskRunner(QObject):
    """Runs tasks one at a time, in order, off the window thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        _watch_activity()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: set[Task] = set()
        self._stopped = False

    def start(self, work: Callable[[TaskState], Any]) -> Task:
        """Queue ``work``; once the runner is stopped, the task returned never runs."""
        task = Task(work)
        if self._stopped:
            return task
        self._running.add(task)  # kept alive until its result has reached this thread
        task.succeeded.connect(self._forget, Qt.ConnectionType.QueuedConnection)
        task.failed.connect(self._forget, Qt.ConnectionType.QueuedConnection)
        self._pool.start(_Runnable(task))
        return task

    def _forget(self, _outcome: object) -> None:
        self._running = {task for task in self._running if not task.done}

    def wait(self) -> None:
        self._pool.waitForDone()

    def stop(self) -> None:
        """Start nothing more and wait for the task running. Called before the window goes:
        a pool destroyed while its thread still runs Python would wait for it forever."""
        self._stopped = True
        self._pool.clear()
        for task in self._running:
            task.state.cancel()
        self._pool.waitForDone()
