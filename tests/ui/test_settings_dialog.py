"""File ▸ Preferences: how many backups the open project keeps, saved in the project file."""

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

import app.project
from app.backups import DEFAULT_KEEP, MAX_KEEP, MIN_KEEP, keep_count, set_keep_count
from tests.ui.conftest import reopen
from ui.dialogs.settings import SettingsDialog
from ui.window.application import Application


def open_application(qtbot, qapp, path) -> Application:
    application = Application(qapp)
    assert application.open(path)
    qtbot.addWidget(application.window)
    application.window.runner.wait()  # the backup taken on opening
    return application


def close(application: Application) -> None:
    application.window.runner.wait()
    application.window.session.close()


def stored_keep(path) -> int:
    project = reopen(path)
    try:
        return keep_count(project)
    finally:
        project.close()


def answer_with(qtbot, monkeypatch, typed: str | None, button, seen: list) -> None:
    """Make File ▸ Preferences show the real dialog, type ``typed`` into the spin box
    and press ``button``; the dialog is appended to ``seen``."""

    def run(dialog: SettingsDialog) -> int:
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        spin = dialog.backups_spin
        if typed is not None:
            spin.lineEdit().selectAll()
            qtbot.keyClicks(spin, typed)
            qtbot.waitUntil(lambda: spin.text() == typed)
        qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", run)


def test_backups_to_keep_is_saved_in_the_project(qtbot, qapp, sample_project, monkeypatch):
    application = open_application(qtbot, qapp, sample_project)
    window = application.window
    seen: list[SettingsDialog] = []
    try:
        answer_with(qtbot, monkeypatch, "25", QDialogButtonBox.StandardButton.Ok, seen)
        window.settings_action.trigger()
        [dialog] = seen
        spin = dialog.backups_spin
        assert spin.isEnabled() and spin.isVisibleTo(dialog)
        assert (spin.minimum(), spin.maximum()) == (MIN_KEEP, MAX_KEEP) == (1, 100)
        assert "deleted" in spin.toolTip()
        assert keep_count(window.session.project) == 25
        window.statusBar().clearMessage()
        window.other_writers.check()  # our own preference is not a change made elsewhere
        assert window.statusBar().currentMessage() == ""
    finally:
        close(application)
    assert stored_keep(sample_project) == 25

    application = open_application(qtbot, qapp, sample_project)
    seen.clear()
    try:
        answer_with(qtbot, monkeypatch, "3", QDialogButtonBox.StandardButton.Cancel, seen)
        application.window.settings_action.trigger()
        assert seen[0].backups_spin.value() == 3  # typed, then cancelled
    finally:
        close(application)
    assert stored_keep(sample_project) == 25


def test_the_dialog_opens_with_the_stored_number(qtbot, qapp, sample_project, monkeypatch):
    project = reopen(sample_project)
    set_keep_count(project, 7)
    project.close()
    application = open_application(qtbot, qapp, sample_project)
    seen: list[SettingsDialog] = []
    try:
        answer_with(qtbot, monkeypatch, None, QDialogButtonBox.StandardButton.Ok, seen)
        application.window.settings_action.trigger()
        assert seen[0].backups_spin.value() == 7
    finally:
        close(application)
    assert stored_keep(sample_project) == 7


def test_read_only_project_shows_the_number_disabled(qtbot, qapp, sample_project, monkeypatch):
    before = hashlib.sha256(sample_project.read_bytes()).hexdigest()
    monkeypatch.setattr(app.project.os, "access", lambda path, mode: False)
    application = open_application(qtbot, qapp, sample_project)
    seen: list[SettingsDialog] = []
    try:
        assert application.window.session.project.read_only
        answer_with(qtbot, monkeypatch, None, QDialogButtonBox.StandardButton.Ok, seen)
        application.window.settings_action.trigger()
        spin = seen[0].backups_spin
        assert not spin.isEnabled()
        assert spin.value() == DEFAULT_KEEP
        assert "read-only" in spin.toolTip()
    finally:
        close(application)
    assert hashlib.sha256(sample_project.read_bytes()).hexdigest() == before
