"""Help ▸ Keyboard Shortcuts: every key the window answers to, tags included."""

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from app.dto import TagInfo

NATIVE = QKeySequence.SequenceFormat.NativeText


def keys(*sequences: str) -> str:
    """Key sequences as the menus show them: in the interface language, on this platform."""
    return " / ".join(QKeySequence(sequence).toString(NATIVE) for sequence in sequences)


def modifiers(*names: Qt.KeyboardModifier) -> str:
    """Modifier keys alone, as they start a key sequence ("Alt+", or "⌥" on macOS)."""
    combined = Qt.KeyboardModifier.NoModifier
    for name in names:
        combined |= name
    return QKeySequence(combined.value).toString(NATIVE)


def shortcut_rows(tags: list[TagInfo]) -> list[tuple[str, str]]:
    alt, shift = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
    rows = [
        (
            keys(tag.shortcut),
            QCoreApplication.translate("Shortcuts", "Tag with “{name}”").format(name=tag.name),
        )
        for tag in tags
        if tag.shortcut
    ]
    rows += [
        (key, QCoreApplication.translate("Shortcuts", str(text)))
        for key, text in (
            (
                keys("Ctrl+Z"),
                QT_TRANSLATE_NOOP("Shortcuts", "Undo (also after reopening the project)"),
            ),
            (keys("Ctrl+Shift+Z"), QT_TRANSLATE_NOOP("Shortcuts", "Redo")),
            (
                keys("Del"),
                QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected annotations (in the list)"),
            ),
            (
                keys("Ctrl+Shift+N"),
                QT_TRANSLATE_NOOP("Shortcuts", "Edit the note of the selected annotation"),
            ),
            (keys("Ctrl+F"), QT_TRANSLATE_NOOP("Shortcuts", "Search this document")),
            (keys("Ctrl+Shift+F"), QT_TRANSLATE_NOOP("Shortcuts", "Search the whole project")),
            (keys("F3", "Shift+F3"), QT_TRANSLATE_NOOP("Shortcuts", "Next / previous search hit")),
            (
                modifiers(shift, alt) + "← / →",
                QT_TRANSLATE_NOOP("Shortcuts", "Move the selection's end by one word"),
            ),
            (
                modifiers(alt)
                + QCoreApplication.translate(
                    "Shortcuts", "drag", "hold the key and drag the mouse"
                ),
                QT_TRANSLATE_NOOP("Shortcuts", "Select exact characters, not whole words"),
            ),
            (
                QCoreApplication.translate("Shortcuts", "Double-click"),
                QT_TRANSLATE_NOOP("Shortcuts", "Select a word"),
            ),
            (
                keys("Enter", "Backspace", "Tab"),
                QT_TRANSLATE_NOOP("Shortcuts", "Accept / reject / skip a suggested tag"),
            ),
            (keys("Ctrl+Shift+K"), QT_TRANSLATE_NOOP("Shortcuts", "Show the keywords")),
            (keys("Ctrl+Shift+P"), QT_TRANSLATE_NOOP("Shortcuts", "Show the coded passages")),
            (
                keys("F11"),
                QT_TRANSLATE_NOOP("Shortcuts", "Focus on the text: hide the panels, or show them"),
            ),
            (
                keys("Ctrl+D"),
                QT_TRANSLATE_NOOP("Shortcuts", "Document properties: people, dates, who asks"),
            ),
            (
                keys("Ctrl+I", "Ctrl+Shift+I"),
                QT_TRANSLATE_NOOP("Shortcuts", "Import interview files / a folder"),
            ),
            (keys("Ctrl+E"), QT_TRANSLATE_NOOP("Shortcuts", "Export")),
            (keys("Ctrl+O"), QT_TRANSLATE_NOOP("Shortcuts", "Open a project")),
            (
                keys("F5"),
                QT_TRANSLATE_NOOP("Shortcuts", "Reload what another window or program saved"),
            ),
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
