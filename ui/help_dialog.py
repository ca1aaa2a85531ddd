"""Help ▸ Keyboard Shortcuts: every key the window answers to, tags included."""

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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
        (key, QCoreApplication.translate("Shortcuts", text))
        for key, text in (
            ("Ctrl+Z", QT_TRANSLATE_NOOP("Shortcuts", "Undo (also after reopening the project)")),
            ("Ctrl+Shift+Z", QT_TRANSLATE_NOOP("Shortcuts", "Redo")),
            (
                "Del",
                QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected annotations (in the list)"),
            ),
            (
                "Ctrl+Shift+N",
                QT_TRANSLATE_NOOP("Shortcuts", "Edit the note of the selected annotation"),
            ),
            ("Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search this document")),
            ("Ctrl+Shift+F", QT_TRANSLATE_NOOP("Shortcuts", "Search the whole project")),
            ("F3 / Shift+F3", QT_TRANSLATE_NOOP("Shortcuts", "Next / previous search hit")),
            (
                "Shift+Alt+← / →",
                QT_TRANSLATE_NOOP("Shortcuts", "Move the selection's end by one word"),
            ),
            (
                "Alt+drag",
                QT_TRANSLATE_NOOP("Shortcuts", "Select exact characters, not whole words"),
            ),
            (
                QCoreApplication.translate("Shortcuts", "Double-click"),
                QT_TRANSLATE_NOOP("Shortcuts", "Select a word"),
            ),
            (
                "Enter / Backspace / Tab",
                QT_TRANSLATE_NOOP("Shortcuts", "Accept / reject / skip a suggested tag"),
            ),
            ("Ctrl+Shift+K", QT_TRANSLATE_NOOP("Shortcuts", "Show the keywords")),
            (
                "Ctrl+D",
                QT_TRANSLATE_NOOP("Shortcuts", "Document properties: people, dates, who asks"),
            ),
            (
                "Ctrl+I / Ctrl+Shift+I",
                QT_TRANSLATE_NOOP("Shortcuts", "Import interview files / a folder"),
            ),
            ("Ctrl+E", QT_TRANSLATE_NOOP("Shortcuts", "Export")),
            ("Ctrl+O", QT_TRANSLATE_NOOP("Shortcuts", "Open a project")),
            ("F5", QT_TRANSLATE_NOOP("Shortcuts", "Reload what another window or program saved")),
        )
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
