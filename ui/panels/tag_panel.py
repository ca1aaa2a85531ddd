"""The codebook beside the text: click a tag to apply it; right-click to edit it."""

from dataclasses import replace

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import TagInfo
from ui.window.swatches import swatch_icon

_TAG_ID = Qt.ItemDataRole.UserRole


class TagPanel(QWidget):
    tag_clicked = Signal(int)
    new_requested = Signal(object)  # parent tag id or None
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    move_requested = Signal(int, int)  # tag id, -1 up / +1 down
    archive_requested = Signal(int, bool)  # tag id, archived

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagPanel")
        self._tags: list[TagInfo] = []
        self.show_archived = False  # archived tags are listed (greyed) only when asked for
        self.heading = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newTagButton")
        self.new_button.clicked.connect(lambda: self.new_requested.emit(None))
        self.tree = QTreeWidget()
        self.tree.setObjectName("tagTree")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.setIndentation(14)
        self.tree.setMouseTracking(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._retranslate()

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tags = list(tags)
        tags = [tag for tag in tags if self.show_archived or not tag.archived]
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        known = {tag.id for tag in tags}
        pending = list(tags)
        while pending:
            placed = []
            for tag in pending:
                if tag.parent_id is None or tag.parent_id not in known:
                    parent_item: QTreeWidget | QTreeWidgetItem = self.tree
                elif tag.parent_id in items:
                    parent_item = items[tag.parent_id]
                else:
                    continue
                items[tag.id] = self._make_item(parent_item, tag)
                placed.append(tag)
            if not placed:  # broken hierarchy: show the rest at the top level
                for tag in pending:
                    items[tag.id] = self._make_item(self.tree, tag)
                break
            pending = [tag for tag in pending if tag not in placed]
        self.tree.setRootIsDecorated(any(tag.parent_id in known for tag in tags))
        self.tree.expandAll()

    def set_usage(self, usage: dict[int, int]) -> None:
        """New annotation counts for some tags."""
        self._tags = [replace(tag, usage=usage.get(tag.id, tag.usage)) for tag in self._tags]
        for item in self._all_items():
            tag_id = item.data(0, _TAG_ID)
            if tag_id in usage:
                item.setText(2, str(usage[tag_id]))

    def _make_item(self, parent: QTreeWidget | QTreeWidgetItem, tag: TagInfo) -> QTreeWidgetItem:
        shortcut = QKeySequence(tag.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        item = QTreeWidgetItem(parent, [tag.name, shortcut, str(tag.usage)])
        item.setIcon(0, swatch_icon(tag.color))
        item.setData(0, _TAG_ID, tag.id)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = tag.description or tag.name
        if shortcut:
            tip += "\n" + self.tr("Shortcut: %1").replace("%1", shortcut)
        if tag.archived:
            tip += "\n" + self.tr("Archived: kept with its annotations, not offered for tagging")
            font = item.font(0)
            font.setItalic(True)
            item.setFont(0, font)
            item.setDisabled(True)  # greyed, and a click applies nothing
        item.setToolTip(0, tip)
        return item

    def item_for(self, tag_id: int) -> QTreeWidgetItem | None:
        for item in self._all_items():
            if item.data(0, _TAG_ID) == tag_id:
                return item
        return None

    def _all_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.tag_clicked.emit(item.data(0, _TAG_ID))

    def _context_menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        menu = QMenu(self)
        if item is not None:
            tag_id = item.data(0, _TAG_ID)
            self._add(menu, self.tr("Apply"), lambda: self.tag_clicked.emit(tag_id))
            menu.addSeparator()
            self._add(menu, self.tr("Edit…"), lambda: self.edit_requested.emit(tag_id))
            self._add(menu, self.tr("New Child Tag…"), lambda: self.new_requested.emit(tag_id))
            self._add(menu, self.tr("Move Up"), lambda: self.move_requested.emit(tag_id, -1))
            self._add(menu, self.tr("Move Down"), lambda: self.move_requested.emit(tag_id, 1))
            menu.addSeparator()
            archived = any(tag.id == tag_id and tag.archived for tag in self._tags)
            text = self.tr("Restore from Archive") if archived else self.tr("Archive")
            self._add(menu, text, lambda: self.archive_requested.emit(tag_id, not archived))
            self._add(menu, self.tr("Delete…"), lambda: self.delete_requested.emit(tag_id))
        else:
            self._add(menu, self.tr("New Tag…"), lambda: self.new_requested.emit(None))
        menu.addSeparator()
        toggle = self._add(menu, self.tr("Show Archived Tags"), self.set_show_archived)
        toggle.setCheckable(True)
        toggle.setChecked(self.show_archived)
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def set_show_archived(self, shown: bool) -> None:
        self.show_archived = shown
        self.set_tags(self._tags)

    def _add(self, menu: QMenu, text: str, slot) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("<b>Tags</b> — click to apply, right-click to edit"))
        self.new_button.setText(self.tr("New Tag…"))
        self.tree.setHeaderLabels([self.tr("Tag"), self.tr("Key"), self.tr("Uses")])
        if self._tags:
            self.set_tags(self._tags)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
