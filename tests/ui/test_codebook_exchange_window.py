"""File ▸ Export Codebook… and File ▸ Import Codebook…: real menu actions, what is kept in
the file, one undo step, and bad files refused with a message."""

import hashlib
import sqlite3

from PySide6.QtWidgets import QFileDialog, QMessageBox


def tag_names(path):
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM tags")}
    finally:
        connection.close()


def test_export_then_import_through_the_file_menu(
    open_window, sample_project, monkeypatch, tmp_path
):
    window = open_window(sample_project)
    target = tmp_path / "book"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args, **kwargs: (str(target), "CSV table (*.csv)")),
    )
    assert window.codebook_exchange.export_action in window.file_menu.actions()
    window.codebook_exchange.export_action.trigger()
    written = tmp_path / "book.csv"
    assert written.read_bytes().startswith(b"\xef\xbb\xbfname,")
    source = tmp_path / "more.csv"
    source.write_text("name,parent\n民生,\n养老服务,民生\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(source), ""))
    )
    shown = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text: shown.append(text))
    )
    window.codebook_exchange.import_action.trigger()
    assert "养老服务" in tag_names(sample_project)
    assert shown and "1 new tag" in shown[0] and "养老服务" in shown[0]
    assert window.undo_action.text() == "&Undo Import Codebook “more.csv”"
    window.undo_action.trigger()
    assert "养老服务" not in tag_names(sample_project)


def test_a_bad_file_is_refused_and_changes_nothing(
    open_window, sample_project, monkeypatch, tmp_path
):
    window = open_window(sample_project)
    source = tmp_path / "bad.qdc"
    source.write_text("not xml at all", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(source), ""))
    )
    warned = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text))
    )
    before = hashlib.sha256(sample_project.read_bytes()).hexdigest()
    window.codebook_exchange.import_action.trigger()
    assert warned and "not a valid codebook file" in warned[0]
    assert hashlib.sha256(sample_project.read_bytes()).hexdigest() == before
