"""Background work runs on Qt's pool threads, which Python did not start. Asking there
whether this is the window's thread must not leave a dummy Thread behind: it would hold
the exception hooks of that moment, and whatever they keep alive, until a later thread
gets the same ident and frees it all there, off the window's thread, where freeing an
object connected to a Qt signal can deadlock PySide."""

import threading

from PySide6.QtCore import QThreadPool

from app.user_activity import give_way, user_active
from ui.window.tasks import TaskRunner


def dummies() -> set[int]:
    return {id(thread) for thread in threading.enumerate() if thread.name.startswith("Dummy-")}


def test_giving_way_on_a_qt_pool_thread_leaves_no_dummy_thread(qapp):
    before = dummies()
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    user_active(0.01)
    pool.start(give_way)
    pool.waitForDone()
    assert dummies() == before


def test_a_task_of_the_window_leaves_no_dummy_thread(qtbot, qapp):
    before = dummies()
    runner = TaskRunner()
    done = []
    task = runner.start(lambda _state: give_way())
    task.succeeded.connect(lambda _result: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    runner.stop()
    assert dummies() == before
