"""Create or edit one tag: name, colour, shortcut, parent and guideline (the description is
the definition; then when to use the tag, when not, and an example)."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.dto import TagInfo
from ui.window.swatches import swatch_icon

GUIDELINE_LINES = 3  # the height of each guideline field, in lines of text


def descendants(tags: list[TagInfo], tag_id: int) -> set[int]:
    found = {tag_id}
    changed = True
    while changed:
        changed = False
        for tag in tags:
            if tag.parent_id in found and tag.id not in found:
                found.add(tag.id)
                changed = True
    return found


def _guideline_edit(name: str, text: str) -> QPlainTextEdit:
    """A compact multi-line field of the guideline: three lines high, scrolling beyond."""
    edit = QPlainTextEdit(text)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    lines = edit.fontMetrics().lineSpacing() * GUIDELINE_LINES
    margins = 2 * (edit.frameWidth() + int(edit.document().documentMargin()))
    edit.setFixedHeight(lines + margins)
    return edit


class TagDialog(QDialog):
    """Collects a tag's fields; ``submit(values)`` applies them and says whether it worked."""

    def __init__(
        self,
        tags: list[TagInfo],
        submit: Callable[[dict[str, Any]], bool],
        tag: TagInfo | None = None,
        color: str = "#1f77b4",
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self._submit = submit
        self._color = tag.color if tag else color
        self.setWindowTitle(self.tr("Edit Tag") if tag else self.tr("New Tag"))

        self.name_edit = QLineEdit(tag.name if tag else "")
        self.name_edit.setObjectName("tagName")
        self.color_button = QPushButton()
        self.color_button.setObjectName("tagColor")
        self.color_button.clicked.connect(self._choose_color)
        self.shortcut_edit = QKeySequenceEdit()
        self.shortcut_edit.setObjectName("tagShortcut")
        self.shortcut_edit.setMaximumSequenceLength(1)
        self.shortcut_edit.setClearButtonEnabled(True)
        if tag and tag.shortcut:
            self.shortcut_edit.setKeySequence(QKeySequence(tag.shortcut))
        self.description_edit = _guideline_edit("tagDescription", tag.description if tag else "")
        self.use_when_edit = _guideline_edit("tagUseWhen", tag.use_when if tag else "")
        self.avoid_when_edit = _guideline_edit("tagAvoidWhen", tag.avoid_when if tag else "")
        self.example_edit = _guideline_edit("tagExample", tag.example if tag else "")
        self.parent_combo = QComboBox()
        self.parent_combo.setObjectName("tagParent")
        self.parent_combo.addItem(self.tr("(top level)"), None)
        excluded = descendants(tags, tag.id) if tag else set()
        for other in tags:
            if other.id not in excluded:
                self.parent_combo.addItem(swatch_icon(other.color), other.name, other.id)
        wanted = tag.parent_id if tag else parent_id
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(wanted)))
        self._show_color()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Colour:"), self.color_button)
        form.addRow(self.tr("&Shortcut:"), self.shortcut_edit)
        form.addRow(self.tr("&Parent:"), self.parent_combo)
        form.addRow(self.tr("&Definition:"), self.description_edit)
        form.addRow(self.tr("&When to use:"), self.use_when_edit)
        form.addRow(self.tr("When n&ot to use:"), self.avoid_when_edit)
        form.addRow(self.tr("&Example:"), self.example_edit)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> dict[str, Any]:
        sequence = self.shortcut_edit.keySequence()
        return {
            "name": self.name_edit.text(),
            "color": self._color,
            "shortcut": sequence.toString(QKeySequence.SequenceFormat.PortableText),
            "description": self.description_edit.toPlainText(),
            "use_when": self.use_when_edit.toPlainText(),
            "avoid_when": self.avoid_when_edit.toPlainText(),
            "example": self.example_edit.toPlainText(),
            "parent_id": self.parent_combo.currentData(),
        }

    def set_color(self, color: str) -> None:
        self._color = QColor(color).name()
        self._show_color()

    def _show_color(self) -> None:
        self.color_button.setIcon(swatch_icon(self._color, 16))
        self.color_button.setText(self._color)

    def _choose_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color), self, self.tr("Tag Colour"))
        if chosen.isValid():
            self.set_color(chosen.name())

    def _accept(self) -> None:
        if self._submit(self.values()):
            self.accept()
        else:
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
