"""Trigger words per tag: a small dialog that collects additions and removals.

Nothing is changed until OK; the edits are then applied as one undoable step.
"""

import re

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dto import TagInfo
from app.editing.commands import Command, Macro
from app.errors import FangtanError
from app.suggestions import trigger_words
from app.suggestions.commands import AddTriggerWords, RemoveTriggerWords
from ui.window import history_text
from ui.window.errors import error_text
from ui.window.session import ProjectSession
from ui.window.swatches import swatch_icon

_SEPARATORS = re.compile(r"[\s,，、;；]+")


class TriggersDialog(QDialog):
    def __init__(
        self,
        tags: list[TagInfo],
        words: dict[int, tuple[str, ...]],
        tag_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("triggersDialog")
        self.setWindowTitle(self.tr("Trigger Words"))
        self._original = {tag.id: tuple(words.get(tag.id, ())) for tag in tags}
        self._words = {tag_id: list(known) for tag_id, known in self._original.items()}

        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("triggerTag")
        for tag in tags:
            self.tag_combo.addItem(swatch_icon(tag.color), tag.name, tag.id)
        if tag_id is not None:
            self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(tag_id)))
        self.word_list = QListWidget()
        self.word_list.setObjectName("triggerWords")
        self.word_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.word_edit = QLineEdit()
        self.word_edit.setObjectName("newTrigger")
        self.word_edit.setPlaceholderText(self.tr("New words, separated by spaces or commas"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setObjectName("addTrigger")
        self.remove_button = QPushButton(self.tr("&Remove Selected"))
        self.remove_button.setObjectName("removeTrigger")
        self.message = QLabel()
        self.message.setObjectName("triggerMessage")
        self.message.setWordWrap(True)
        explanation = QLabel(
            self.tr("A sentence or turn that contains one of these words is suggested for the tag.")
        )
        explanation.setWordWrap(True)

        adding = QHBoxLayout()
        adding.addWidget(self.word_edit, 1)
        adding.addWidget(self.add_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.tag_combo)
        layout.addWidget(self.word_list, 1)
        layout.addWidget(self.remove_button)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.tag_combo.currentIndexChanged.connect(lambda _index: self._show_words())
        self.add_button.clicked.connect(self.add_words)
        self.word_edit.returnPressed.connect(self.add_words)
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.setAutoDefault(False)
        self._show_words()
        self.resize(380, 440)

    def current_tag(self) -> int | None:
        return self.tag_combo.currentData()

    def _show_words(self) -> None:
        self.word_list.clear()
        tag_id = self.current_tag()
        if tag_id is not None:
            self.word_list.addItems(sorted(self._words[tag_id]))

    def add_words(self) -> None:
        tag_id = self.current_tag()
        if tag_id is None:
            return
        new = [word for word in _SEPARATORS.split(self.word_edit.text()) if word]
        known = self._words[tag_id]
        repeated = [word for word in new if word in known]
        for word in new:
            if word not in known and len(word) <= 100:
                known.append(word)
        self.word_edit.clear()
        self.message.setText(
            self.tr("Already listed: %1").replace("%1", "、".join(repeated)) if repeated else ""
        )
        self._show_words()

    def remove_selected(self) -> None:
        tag_id = self.current_tag()
        if tag_id is None:
            return
        chosen = {item.text() for item in self.word_list.selectedItems()}
        self._words[tag_id] = [word for word in self._words[tag_id] if word not in chosen]
        self._show_words()

    def edits(self) -> list[tuple[int, tuple[str, ...], tuple[str, ...]]]:
        """(tag id, words added, words removed) for every tag that changed."""
        found = []
        for tag_id, before in self._original.items():
            after = self._words[tag_id]
            added = tuple(word for word in after if word not in before)
            removed = tuple(word for word in before if word not in after)
            if added or removed:
                found.append((tag_id, added, removed))
        return found


def edit_trigger_words(
    session: ProjectSession, tags: list[TagInfo], tag_id: int | None, window: QMainWindow
) -> None:
    """Show the dialog (on ``tag_id``'s words); its edits become one undoable step."""
    try:
        words = trigger_words(session.project)
    except FangtanError as error:
        window.statusBar().showMessage(error_text(error), 6000)
        return
    dialog = TriggersDialog(tags, words, tag_id, window)
    if not dialog.exec():
        return
    commands: list[Command] = []
    for edited, added, removed in dialog.edits():
        if removed:
            commands.append(RemoveTriggerWords(edited, removed))
        if added:
            commands.append(AddTriggerWords(edited, added))
    if commands:
        session.run(Macro(tuple(commands)), history_text.step(history_text.EDIT_TRIGGERS))
