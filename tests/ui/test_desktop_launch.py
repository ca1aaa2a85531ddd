"""`fangtan gui FILE`, as the menu entry starts it for a project file opened from the file
manager (Exec=... gui %f): the window opens FILE, with the application's icon."""

import sys

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app import cli
from ui.main_window import MainWindow


def test_gui_with_a_file_opens_that_file_with_the_icon(qapp, sample_project, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the window installs its own
    monkeypatch.setattr(QApplication, "exec", lambda _app: 0)  # return once it is shown
    assert cli.main(["gui", str(sample_project)]) == 0
    [window] = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    try:
        assert window.session.project.path == sample_project
        assert sample_project.name in window.windowTitle()
        assert window.document_list.table.rowCount() == 2
        assert not qapp.windowIcon().isNull()
        assert qapp.windowIcon().pixmap(64, 64).width() == 64
        assert qapp.desktopFileName() == "fangtan"
    finally:
        window.runner.wait()
        window.close()
        window.session.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
