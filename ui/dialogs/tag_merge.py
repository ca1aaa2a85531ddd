"""Merging a tag into another (choose the tag it goes into) and splitting a tag (tick the
annotations that move, name the new tag or choose one)."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import TagInfo
from app.statistics.passages import Passage
from ui.window.swatches import swatch_icon

_TAG_ID = Qt.ItemDataRole.UserRole
_PASSAGE_LENGTH = 60  # characters of a passage shown in its cell (all of it in the tip)


def _in_tree_order(tags: list[TagInfo]) -> list[tuple[TagInfo, int]]:
    """The tags as the tag panel lists them, each with its depth."""
    known = {tag.id for tag in tags}
    children: dict[int | None, list[TagInfo]] = {}
    for tag in tags:
        parent = tag.parent_id if tag.parent_id in known else None
        children.setdefault(parent, []).append(tag)
    found: list[tuple[TagInfo, int]] = []
    stack = [(tag, 0) for tag in reversed(children.get(None, []))]
    while stack:
        tag, depth = stack.pop()
        found.append((tag, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(tag.id, [])))
    return found


def _offered(tags: list[TagInfo], tag: TagInfo) -> list[tuple[TagInfo, int]]:
    """The tags offered instead of ``tag``: every other one not archived, with its depth."""
    return [
        (other, depth)
        for other, depth in _in_tree_order(tags)
        if other.id != tag.id and not other.archived
    ]


class TagMergeDialog(QDialog):
    """Choose the tag that ``tag`` is merged into."""

    def __init__(self, tags: list[TagInfo], tag: TagInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagMergeDialog")
        self.setWindowTitle(self.tr("Merge Tag"))
        explanation = QLabel(
            self.tr(
                "Every annotation, trigger word and child tag of “%1” moves to the tag "
                "chosen below, and “%1” is deleted. Edit ▸ Undo brings it back."
            ).replace("%1", tag.name)
        )
        explanation.setWordWrap(True)
        self.targets = QListWidget()
        self.targets.setObjectName("mergeTargets")
        for other, depth in _offered(tags, tag):
            item = QListWidgetItem(swatch_icon(other.color), "    " * depth + other.name)
            item.setData(_TAG_ID, other.id)
            self.targets.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Merge"))
        self._ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.targets.currentItemChanged.connect(
            lambda current, _previous: self._ok.setEnabled(current is not None)
        )
        self.targets.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        label = QLabel(self.tr("Merge &into:"))
        label.setBuddy(self.targets)
        layout.addWidget(label)
        layout.addWidget(self.targets)
        layout.addWidget(self.buttons)
        self.resize(360, 400)

    def choose(self, tag_id: int) -> None:
        for row in range(self.targets.count()):
            if self.targets.item(row).data(_TAG_ID) == tag_id:
                self.targets.setCurrentRow(row)

    def target_id(self) -> int | None:
        item = self.targets.currentItem()
        return None if item is None else int(item.data(_TAG_ID))


class TagSplitDialog(QDialog):
    """Tick annotations of ``tag`` and say where they go; ``submit(values)`` moves them and
    says whether it worked (values: annotation_ids, and name or target_id)."""

    def __init__(
        self,
        tags: list[TagInfo],
        tag: TagInfo,
        passages: list[Passage],
        submit: Callable[[dict[str, Any]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagSplitDialog")
        self.setWindowTitle(self.tr("Split Tag"))
        self._submit = submit
        self._boxes: list[QTableWidgetItem] = []  # the first cell of each row, ticked or not
        explanation = QLabel(
            self.tr("Tick the annotations of “%1” that move to another tag.").replace(
                "%1", tag.name
            )
        )
        explanation.setWordWrap(True)
        self.table = self._table(passages)
        self.new_choice = QRadioButton(self.tr("&New tag:"))
        self.new_choice.setChecked(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("splitName")
        self.existing_choice = QRadioButton(self.tr("&Existing tag:"))
        self.existing_combo = QComboBox()
        self.existing_combo.setObjectName("splitTarget")
        for other, depth in _offered(tags, tag):
            self.existing_combo.addItem(
                swatch_icon(other.color), "    " * depth + other.name, other.id
            )
        self.existing_choice.setEnabled(self.existing_combo.count() > 0)
        all_button = QPushButton(self.tr("Tick &All"))
        all_button.clicked.connect(lambda: self.tick_all(True))
        none_button = QPushButton(self.tr("Tick N&one"))
        none_button.clicked.connect(lambda: self.tick_all(False))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Move"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        for signal in (
            self.table.itemChanged,
            self.name_edit.textChanged,
            self.new_choice.toggled,
            self.existing_combo.currentIndexChanged,
        ):
            signal.connect(self._update)
        self.name_edit.textEdited.connect(lambda _text: self.new_choice.setChecked(True))
        self.existing_combo.activated.connect(lambda _index: self.existing_choice.setChecked(True))

        ticks = QGridLayout()
        ticks.addWidget(all_button, 0, 0)
        ticks.addWidget(none_button, 0, 1)
        ticks.setColumnStretch(2, 1)
        target = QGridLayout()
        target.addWidget(self.new_choice, 0, 0)
        target.addWidget(self.name_edit, 0, 1)
        target.addWidget(self.existing_choice, 1, 0)
        target.addWidget(self.existing_combo, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table)
        layout.addLayout(ticks)
        layout.addLayout(target)
        layout.addWidget(self.buttons)
        self.resize(720, 480)
        self._update()

    def _table(self, passages: list[Passage]) -> QTableWidget:
        table = QTableWidget(len(passages), 4)
        table.setObjectName("splitAnnotations")
        table.setHorizontalHeaderLabels(
            [self.tr("Interview"), self.tr("Passage"), self.tr("Annotator"), self.tr("Note")]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 180)
        for row, passage in enumerate(passages):
            title = QTableWidgetItem(passage.document_title)
            title.setData(_TAG_ID, passage.annotation_id)
            title.setFlags(title.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            title.setCheckState(Qt.CheckState.Unchecked)
            self._boxes.append(title)
            text = " ".join(passage.text.split())
            shown = text if len(text) <= _PASSAGE_LENGTH else text[:_PASSAGE_LENGTH] + "…"
            cells = [title, QTableWidgetItem(shown)]
            cells += [QTableWidgetItem(passage.annotator), QTableWidgetItem(passage.note)]
            cells[1].setToolTip(passage.text)
            cells[3].setToolTip(passage.note)
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        table.itemClicked.connect(self._tick_row)
        return table

    def _tick_row(self, item: QTableWidgetItem) -> None:
        """A click on any cell but the box ticks the row, or unticks it."""
        if item.column() != 0:
            box = self._boxes[item.row()]
            checked = box.checkState() == Qt.CheckState.Checked
            box.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def tick(self, annotation_ids: set[int]) -> None:
        for box in self._boxes:
            if box.data(_TAG_ID) in annotation_ids:
                box.setCheckState(Qt.CheckState.Checked)

    def tick_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for box in self._boxes:
            box.setCheckState(state)

    def choose_existing(self, tag_id: int) -> None:
        self.existing_combo.setCurrentIndex(max(0, self.existing_combo.findData(tag_id)))
        self.existing_choice.setChecked(True)

    def values(self) -> dict[str, Any]:
        ids = tuple(
            int(box.data(_TAG_ID))
            for box in self._boxes
            if box.checkState() == Qt.CheckState.Checked
        )
        if self.existing_choice.isChecked():
            return {"annotation_ids": ids, "target_id": self.existing_combo.currentData()}
        return {"annotation_ids": ids, "name": self.name_edit.text()}

    def _update(self) -> None:
        values = self.values()
        chosen = values.get("target_id") is not None or bool(values.get("name", "").strip())
        self._ok.setEnabled(bool(values["annotation_ids"]) and chosen)

    def _accept(self) -> None:
        if self._submit(self.values()):
            self.accept()
