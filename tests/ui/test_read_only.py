"""A project that cannot be written opens read-only, says so, and stays untouched."""

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import app.project
from ui.window.application import Application


def test_read_only_project_opens_and_refuses_changes(qtbot, qapp, sample_project, monkeypatch):
    before = hashlib.sha256(sample_project.read_bytes()).hexdigest()
    monkeypatch.setattr(app.project.os, "access", lambda path, mode: False)
    application = Application(qapp)
    assert application.open(sample_project)
    window = application.window
    qtbot.addWidget(window)
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(text))
    try:
        assert window.session.project.read_only
        assert "(read-only)" in window.windowTitle()
        assert "Read-only" in window.saved_label.text()
        assert window.document_list.table.rowCount() == 2
        view = window.text_view
        start = view.content.text.index("大力推进")
        view.select_span(start, start + 4)
        view.setFocus()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(view, Qt.Key.Key_1)
        assert messages and "read-only" in messages[0]
        assert window.annotation_list.table_model.rowCount() == 0
    finally:
        window.runner.wait()
        window.session.close()
    assert hashlib.sha256(sample_project.read_bytes()).hexdigest() == before
    assert not (sample_project.parent / (sample_project.name + "-backups")).exists()
