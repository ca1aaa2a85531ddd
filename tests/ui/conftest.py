from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from app.project import Project
from app.workspace import import_sample
from ui.main_window import MainWindow
from ui.window.session import ProjectSession


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch):
    """A modal dialog that a test did not answer would wait forever offscreen: fail instead."""

    def refuse(dialog, *args, **kwargs):
        raise AssertionError(f"unexpected modal dialog: {type(dialog).__name__}")

    def refuse_message(*args, **kwargs):
        text = next((a for a in args if isinstance(a, str) and len(a) > 10), args)
        raise AssertionError(f"unexpected message box: {text}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse_message)


@pytest.fixture(autouse=True)
def clean_settings():
    QSettings("Fangtan", "Fangtan").clear()
    yield
    QSettings("Fangtan", "Fangtan").clear()


@pytest.fixture
def sample_project(tmp_path) -> Path:
    path = tmp_path / "sample.fangtan"
    project = Project.open(path)
    import_sample(project)
    project.close()
    return path


@pytest.fixture
def open_window(qtbot):
    """Open a project file in a real main window; closes the project afterwards."""
    windows = []

    def opener(path: Path) -> MainWindow:
        window = MainWindow(ProjectSession(Project.open(path, annotator="tester")))
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        windows.append(window)
        return window

    yield opener
    for window in windows:
        window.runner.wait()
        window.session.close()
        window.close()
        window.deleteLater()  # as the application does with a window whose project closed
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def reopen(path: Path) -> Project:
    return Project.open(path, create=False)
