"""A bug in the window shows a dialog with the details to copy, is logged, and the window lives on."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.logs import log_dir
from ui.window import errors


def test_unexpected_error_is_shown_logged_and_copyable(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    shown = []

    def answer(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        copy = next(b for b in box.buttons() if b.text() == "Copy Details")
        monkeypatch.setattr(box, "clickedButton", lambda: copy)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr("sys.excepthook", errors.show_unexpected)

    def broken() -> None:
        raise RuntimeError("boom in a slot")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: len(shown) == 1)
    text, details = shown[0]
    assert "boom in a slot" in text and "Traceback" in details
    assert "boom in a slot" in QApplication.clipboard().text()
    assert "boom in a slot" in (log_dir() / "fangtan.log").read_text(encoding="utf-8")
    assert window.isVisible()
    assert window.document_list.table.rowCount() == 2
