"""A stop the system asks for (SIGTERM at logout, SIGINT from a terminal) closes the window
as the user would: the process ends with 0 and what the window showed is kept."""

import os
import signal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from app import first_screen
from app.project import Project
from tests.support.events import EventCount
from ui.launch import run
from ui.main_window import MainWindow
from ui.window.i18n import preferred_annotator
from ui.window.stop_signals import StopSignals

GIVE_UP_MS = 20000  # the loop is ended with another code if the signal did nothing


def open_window(qapp: QApplication) -> MainWindow:
    [window] = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return window


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_closes_the_window_and_keeps_its_place(qapp, sample_project, number):
    project = Project.open(sample_project)
    try:
        second = project.documents()[1].id
    finally:
        project.close()
    before = signal.getsignal(number)
    watch = QTimer()
    watch.setInterval(10)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.setInterval(GIVE_UP_MS)
    give_up.timeout.connect(lambda: qapp.exit(99))

    def shown() -> None:
        window = open_window(qapp)
        window.document_list.select_document(second)

        def look() -> None:
            content = window.text_view.content
            if content is not None and content.meta.id == second:
                watch.stop()
                os.kill(os.getpid(), number)

        watch.timeout.connect(look)
        watch.start()
        give_up.start()

    try:
        assert run(sample_project, shown) == 0
    finally:
        watch.stop()
        give_up.stop()
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]
    quits = EventCount(
        QEvent.Type.Quit
    )  # no quit of this run is left behind for the next loop to run
    qapp.installEventFilter(quits)
    try:
        QCoreApplication.sendPostedEvents()
    finally:
        qapp.removeEventFilter(quits)
    assert quits.count == 0
    assert signal.getsignal(number) is before  # put back once the loop has ended
    kept = first_screen.load(sample_project, preferred_annotator())
    assert kept is not None and kept.content is not None
    assert kept.content.meta.id == second


def test_a_signal_set_to_be_ignored_stays_ignored(qapp):
    """Started under nohup, SIGHUP is ignored: the window does not close with the terminal."""
    hangup = getattr(signal, "SIGHUP", None)
    if hangup is None:
        pytest.skip("no SIGHUP on this system")
    before = signal.signal(hangup, signal.SIG_IGN)
    try:
        watching = StopSignals(qapp)
        assert signal.getsignal(hangup) == signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
        watching.release()
        assert signal.getsignal(hangup) == signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    finally:
        signal.signal(hangup, before)
