"""User-facing error text in the interface language, and the last-resort error dialog."""

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import FangtanError
from app.workspace import log_dir


def error_text(error: FangtanError) -> str:
    """The error's one-line message, translated (its template carries context "Errors")."""
    template = QCoreApplication.translate("Errors", error.template)
    try:
        return template.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return str(error)


def show_error(parent: QWidget | None, error: FangtanError) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Fangtan"), error_text(error))


def install_exception_dialog() -> None:
    """Show unexpected errors in a dialog (with details to copy) and log them; keep running."""
    import sys

    def hook(kind, value, trace) -> None:
        details = "".join(traceback.format_exception(kind, value, trace))
        try:
            directory = log_dir()
            directory.mkdir(parents=True, exist_ok=True)
            logging.basicConfig(filename=directory / "fangtan.log", level=logging.ERROR)
            logging.error(details)
        except OSError:
            pass
        print(details, file=sys.stderr)
        if QApplication.instance() is None:
            return
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "Errors",
                "Fangtan met an unexpected error: {error}. Your work up to the last action "
                "is saved. The details are in the log file in {folder}.",
            ).format(error=value, folder=log_dir())
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook
