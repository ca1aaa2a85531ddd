"""Help ▸ Keyboard Shortcuts: every key the window answers to, tags included."""

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from app.dto import TagInfo


def shortcut_rows(tags: list[TagInfo]) -> list[tuple[str, str]]:
    native = QKeySequence.SequenceFormat.NativeText
    rows = [
        (
            QKeySequence(tag.shortcut).toString(native),
            QCoreApplication.translate("Shortcuts", "Tag with “{name}”").format(name=tag.name),
        )
        for tag in tags
        if tag.shortcut
    ]
    rows += [
        ("Ctrl+Z", QCoreApplication.translate("Shortcuts", "Undo")),
        ("Ctrl+Shift+Z", QCoreApplication.translate("Shortcuts", "Redo")),
        (
            "Del",
            QCoreApplication.translate(
                "Shortcuts", "Delete the selected annotations (in the annotation list)"
            ),
        ),
        (
            "Ctrl+Shift+N",
            QCoreApplication.translate("Shortcuts", "Edit the note of the selected annotation"),
        ),
        ("Ctrl+I", QCoreApplication.translate("Shortcuts", "Import interviews")),
        ("Ctrl+E", QCoreApplication.translate("Shortcuts", "Export annotations as CSV")),
        ("Ctrl+O", QCoreApplication.translate("Shortcuts", "Open a project")),
    ]
    return rows


def show_shortcuts(parent: QWidget, tags: list[TagInfo]) -> None:
    lines = "".join(
        f"<tr><td><b>{escape(key)}</b></td><td>&nbsp;&nbsp;{escape(what)}</td></tr>"
        for key, what in shortcut_rows(tags)
    )
    hint = QCoreApplication.translate(
        "Shortcuts",
        "Select a passage and press a tag's key. With nothing selected, the tag goes on "
        "the whole turn under the cursor.",
    )
    QMessageBox.information(
        parent,
        QCoreApplication.translate("Shortcuts", "Keyboard Shortcuts"),
        f"<p>{escape(hint)}</p><table>{lines}</table>",
    )
