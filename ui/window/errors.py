"""User-facing error text in the interface language, and the last-resort error dialog."""

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import FangtanError
from app.importing.notes import ImportNote
from app.logs import log_details, log_dir


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


def show_unexpected(
    kind: type[BaseException], value: BaseException, trace: TracebackType | None
) -> None:
    """Log an unexpected error and show it, with a button to copy the details."""
    details = "".join(traceback.format_exception(kind, value, trace))
    log_file = log_details(details)
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
