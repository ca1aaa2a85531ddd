"""Long work (import, export) on one background thread, with progress and cancel.

The work function receives a TaskState to report progress and to ask whether
the user cancelled; results come back to the window thread through signals.
Widgets are never touched from the worker.
"""

import itertools
import sys
import threading
import weakref
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
from PySide6.QtGui import QMouseEvent

from app.user_activity import user_active
from ui.window.collector import Collector, collector

# Work on the background thread is Python too, and by default a busy thread keeps the
# interpreter for 5 ms before the window thread gets a turn, many turns per keystroke.
# Handing over every 0.5 ms keeps a click answered in milliseconds while a model trains.
SWITCH_INTERVAL_S = 0.0005


class TaskState:
    """Handed to the work function: progress out, cancellation in."""

    def __init__(self, relay: "Task") -> None:
        # Weak, so that a task and its state form no cycle: a task must be freed on the
        # window thread the moment the runner lets go of it, never by a later collection.
        self._relay = weakref.ref(relay)
        self._cancel = threading.Event()

    def report(self, done: int, total: int, current: str) -> None:
        relay = self._relay()
        if relay is not None:
            relay.progressed.emit(done, total, current)

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

    def __init__(self, work: Callable[[TaskState], Any]) -> None:
        super().__init__()
        self.state = TaskState(self)
        self._work = work  # freed with the task, on the window thread
        self._outcome: tuple[bool, object] | None = None  # succeeded?, result or error

    def _run(self) -> None:
        try:
            result = self._work(self.state)
        except Exception as error:  # delivered to the window, which decides how to show it
            self._outcome = (False, error)
        else:
            self._outcome = (True, result)

    def _announce(self) -> None:
        if self._outcome is not None:
            succeeded, value = self._outcome
            self._outcome = None
            (self.succeeded if succeeded else self.failed).emit(value)


class _Runnable(QRunnable):
    """Runs one task on the pool's thread and tells the runner, by key, once it holds no
    reference to the task any more: the runner's is then the last, so the task is always
    freed on the window thread."""

    def __init__(
        self,
        task: Task,
        key: int,
        halted: threading.Event,
        finished: SignalInstance,
        collection: Collector,
    ) -> None:
        super().__init__()
        self._task: Task | None = task
        self._key = key
        self._halted = halted
        self._finished = finished
        self._collection = collection

    def run(self) -> None:
        task, self._task = self._task, None
        try:
            if task is not None and not self._halted.is_set():
                task._run()
            del task
            with suppress(RuntimeError):  # the runner was destroyed: nobody is waiting
                self._finished.emit(self._key)
        finally:
            self._collection.work_ended()


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
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseMove
            and event.buttons()
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

    _finished = Signal(int)  # from the pool's thread: the task with this key is done
    _release = Signal(int)  # its result has been announced

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        _watch_activity()
        self._collection = collector()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: dict[int, Task] = {}  # kept alive until announced on this thread
        self._never_run: list[Task] = []  # started after the stop, kept for their callers
        self._keys = itertools.count()
        self._halted = threading.Event()
        self._finished.connect(self._announce, Qt.ConnectionType.QueuedConnection)
        self._release.connect(self._forget, Qt.ConnectionType.QueuedConnection)

    def start(self, work: Callable[[TaskState], Any]) -> Task:
        """Queue ``work``; once the runner is stopped, the task returned never runs."""
        task = Task(work)
        if self._halted.is_set():
            self._never_run.append(task)  # a stopped runner keeps it too, for callers to connect
            return task
        key = next(self._keys)
        self._running[key] = task
        self._collection.work_began()
        self._pool.start(_Runnable(task, key, self._halted, self._finished, self._collection))
        return task

    def idle(self) -> bool:
        """No task is waiting, running, or has a result still to announce."""
        return not self._running

    def _announce(self, key: int) -> None:
        task = self._running.get(key)
        if task is None:
            return
        if not self._halted.is_set():  # a stopped runner's window is going: nobody listens
            task._announce()
        self._release.emit(key)

    def _forget(self, key: int) -> None:
        # Queued behind whatever the announcement queued: a queued connection to a
        # lambda is dropped with its sender, so the task must outlive those calls.
        self._running.pop(key, None)

    def wait(self) -> None:
        self._pool.waitForDone()

    def stop(self) -> None:
        """Start nothing more and wait for the task running. Called before the window goes:
        a pool destroyed while its thread still runs Python would wait for it forever."""
        self._halted.set()
        for task in self._running.values():
            task.state.cancel()
        self._pool.waitForDone()
