"""User-facing error text in the interface language, and the last-resort error dialog."""

import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import FangtanError
from app.importing.notes import ImportNote
from app.workspace import log_dir


def error_text(error: FangtanError) -> str:
    """The error's one-line message, translated (its template carries context "Errors")."""
    template = QCoreApplication.translate("Errors", error.template)
    try:
        return template.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return str(error)


def note_text(note: ImportNote) -> str:
    """A note on how a file was read, translated (its template carries context "Import")."""
    try:
        return note.text(QCoreApplication.translate("Import", note.template))
    except (KeyError, IndexError, ValueError):  # a translation that names other values
        return note.text()


def show_error(parent: QWidget | None, error: FangtanError) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Fangtan"), error_text(error))


def log_unexpected(details: str) -> Path | None:
    """Append ``details`` to fangtan.log in the user log folder; the file, or None."""
    try:
        directory = log_dir()
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / "fangtan.log"
        with target.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.now(UTC).isoformat(timespec='seconds')}\n{details}\n")
        return target
    except OSError:
        return None


def show_unexpected(
    kind: type[BaseException], value: BaseException, trace: TracebackType | None
) -> None:
    """Log an unexpected error and show it, with a button to copy the details."""
    details = "".join(traceback.format_exception(kind, value, trace))
    log_file = log_unexpected(details)
    print(details, file=sys.stderr)
    if QApplication.instance() is None:
        return
    box = QMessageBox(QApplication.activeWindow())
    box.setObjectName("unexpectedError")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "Errors",
            "Fangtan met an unexpected error: {error}. Your work up to the last action "
            "is saved. The details are in the log file in {folder}.",
        ).format(error=value, folder=log_file.parent if log_file else log_dir())
    )
    box.setDetailedText(details)
    copy = box.addButton(
        QCoreApplication.translate("Errors", "Copy Details"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)


def install_exception_dialog() -> None:
    """Unexpected errors are logged and shown in a dialog; the program keeps running."""
    sys.excepthook = show_unexpected
