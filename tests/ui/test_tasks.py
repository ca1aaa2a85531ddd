"""The background runner: work in order off the window thread, and a clean stop."""

import gc
import threading
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt

from ui.window.tasks import TaskRunner


def _record_thread(freed_on: list, watched: list, qt_object: QObject) -> None:
    """Note the thread on which ``qt_object``'s wrapper, and with it the Qt object, is freed."""
    watched.append(
        weakref.ref(qt_object, lambda _gone: freed_on.append(threading.current_thread()))
    )


def _allocate(_state):
    """Work that makes enough container objects to cross the collector's thresholds."""
    return len([[index] for index in range(200_000)])


def test_tasks_run_in_order_and_deliver_results(qtbot):
    runner = TaskRunner()
    results = []
    for number in range(5):
        runner.start(lambda _state, n=number: n * n).succeeded.connect(results.append)
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 4, 9, 16]


def test_a_stopped_runner_cancels_its_task_starts_nothing_more_and_goes(qtbot):
    runner = TaskRunner()
    running, returned = threading.Event(), threading.Event()

    def spin(state):
        running.set()
        while not state.cancelled():
            sum(range(1000))  # Python work that holds the interpreter
        returned.set()
        return "stopped"

    results = []
    runner.start(spin).succeeded.connect(results.append)
    assert running.wait(5)
    runner.stop()
    assert returned.is_set()  # stop cancelled the task and waited for it
    runner.start(lambda _state: "started after the stop").succeeded.connect(results.append)
    shiboken6.delete(runner)  # destroying a pool whose thread runs Python would never return
    QCoreApplication.processEvents()  # whatever the runner had queued is delivered now
    assert results == []  # whoever asked is gone with the runner; nothing reaches them


def test_finished_tasks_are_freed_on_the_window_thread(qtbot):
    runner = TaskRunner()
    freed_on, watched, results = [], [], []
    for _ in range(20):
        task = runner.start(_allocate)
        _record_thread(freed_on, watched, task)
        task.succeeded.connect(results.append)
    del task
    qtbot.waitUntil(lambda: len(results) == 20, timeout=20_000)
    qtbot.waitUntil(lambda: len(freed_on) == 20)
    assert set(freed_on) == {threading.main_thread()}


def test_garbage_holding_qt_objects_is_collected_on_the_window_thread(qtbot):
    freed_on, watched = [], []
    for _ in range(5):
        cycle = QObject()
        cycle.itself = cycle  # only the cyclic collector can free it
        _record_thread(freed_on, watched, cycle)
    del cycle
    runner = TaskRunner()
    enabled_during_work = []
    runner.start(lambda _state: enabled_during_work.append(gc.isenabled()))
    results = []
    for _ in range(10):
        runner.start(_allocate).succeeded.connect(results.append)
    qtbot.waitUntil(lambda: len(results) == 10, timeout=20_000)
    assert enabled_during_work == [False]
    qtbot.waitUntil(gc.isenabled)  # automatic collection is back once the work is done
    gc.collect()
    assert len(freed_on) == 5
    assert set(freed_on) == {threading.main_thread()}


def test_queued_handlers_hear_a_task_that_nobody_else_keeps(qtbot):
    runner = TaskRunner()
    results = []
    for number in range(5):
        runner.start(lambda _state, n=number: n).succeeded.connect(
            lambda value: results.append(value), Qt.ConnectionType.QueuedConnection
        )
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 2, 3, 4]
