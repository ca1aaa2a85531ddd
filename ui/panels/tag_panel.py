"""The codebook beside the text: click a tag to apply it; right-click to edit it; drag it
onto another tag to nest it there, between two to reorder, onto empty space for the top
level."""

from dataclasses import replace

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
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
from ui.panels.guideline import guideline_tooltip
from ui.window.swatches import swatch_icon

_TAG_ID = Qt.ItemDataRole.UserRole
TAG_MIME_TYPE = "application/x-fangtan-tag"  # a dragged tag: its id


def tag_mime_data(tag_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(TAG_MIME_TYPE, QByteArray(str(tag_id).encode()))
    return data


def _dragged_tag(data: QMimeData) -> int | None:
    if not data.hasFormat(TAG_MIME_TYPE):
        return None
    try:
        return int(bytes(data.data(TAG_MIME_TYPE).data()).decode())
    except ValueError:
        return None


class TagTree(QTreeWidget):
    """The tags as a tree that reorders and nests them by drag and drop; a drop asks for the
    move (``place_requested``) and the codebook, once changed, is shown anew."""

    # tag id, new parent id (None: top level), tag it goes before (None: after the last)
    place_requested = Signal(int, object, object)

    def __init__(self) -> None:
        super().__init__()
        self._pressed: tuple[QPoint, int] | None = None  # where a drag may start, and its tag
        # Where a drop would go, as painted: a line between tags, or a frame around one.
        self._indicator: tuple[QRect, bool] | None = None
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        item = self.itemAt(point)
        self._pressed = None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and item is not None
            and not item.isDisabled()
        ):
            self._pressed = (point, int(item.data(0, _TAG_ID)))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pressed = self._pressed
        if pressed is not None and event.buttons() & Qt.MouseButton.LeftButton:
            distance = (event.position().toPoint() - pressed[0]).manhattanLength()
            if distance >= QApplication.startDragDistance():
                self._pressed = None
                drag = QDrag(self)
                drag.setMimeData(tag_mime_data(pressed[1]))
                drag.exec(Qt.DropAction.MoveAction)
                return
        super().mouseMoveEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dragged_tag(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        tag_id = _dragged_tag(event.mimeData())
        point = event.position().toPoint()
        self._scroll_near_edge(point)
        place = None if tag_id is None else self.placement(tag_id, point)
        self._indicator = None if place is None else self._indicator_at(point)
        self.viewport().update()
        if place is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def _scroll_near_edge(self, point: QPoint) -> None:
        """Dragging near the top or bottom edge scrolls a long codebook."""
        bar = self.verticalScrollBar()
        if point.y() < self.autoScrollMargin():
            bar.setValue(bar.value() - bar.singleStep())
        elif point.y() > self.viewport().height() - self.autoScrollMargin():
            bar.setValue(bar.value() + bar.singleStep())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._indicator = None
        self.viewport().update()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._indicator = None
        self.viewport().update()
        tag_id = _dragged_tag(event.mimeData())
        place = None if tag_id is None else self.placement(tag_id, event.position().toPoint())
        if tag_id is None or place is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()  # the tree is shown anew once the codebook changed
        self.place_requested.emit(tag_id, *place)

    def _zone(self, point: QPoint) -> tuple[QTreeWidgetItem | None, str]:
        """The item at ``point`` and whether the point is above, onto or below it."""
        item = self.itemAt(point)
        if item is None:
            return None, "empty"
        rect = self.visualItemRect(item)
        margin = max(2, rect.height() // 4)
        if point.y() < rect.top() + margin:
            return item, "above"
        if point.y() > rect.bottom() - margin:
            return item, "below"
        return item, "onto"

    def placement(self, tag_id: int, point: QPoint) -> tuple[int | None, int | None] | None:
        """Where the tag ``tag_id`` dropped at ``point`` goes: (parent id, id of the tag it
        goes before); None when that would put it under itself."""
        item, zone = self._zone(point)
        if item is None:
            return None, None
        if zone == "onto":
            parent: QTreeWidgetItem | None = item
            before: QTreeWidgetItem | None = None
        else:
            parent = item.parent()
            before = item if zone == "above" else self._next_sibling(item, tag_id)
        ancestor = parent
        while ancestor is not None:
            if ancestor.data(0, _TAG_ID) == tag_id:
                return None
            ancestor = ancestor.parent()
        return (
            None if parent is None else int(parent.data(0, _TAG_ID)),
            None if before is None else int(before.data(0, _TAG_ID)),
        )

    def _next_sibling(self, item: QTreeWidgetItem, tag_id: int) -> QTreeWidgetItem | None:
        """The item after ``item`` under the same parent, passing over the dragged one."""
        parent = item.parent()
        count = parent.childCount() if parent else self.topLevelItemCount()
        index = parent.indexOfChild(item) if parent else self.indexOfTopLevelItem(item)
        for later in range(index + 1, count):
            sibling = parent.child(later) if parent else self.topLevelItem(later)
            if sibling is not None and sibling.data(0, _TAG_ID) != tag_id:
                return sibling
        return None

    def _indicator_at(self, point: QPoint) -> tuple[QRect, bool] | None:
        item, zone = self._zone(point)
        if item is None:
            return None
        rect = self.visualItemRect(item)
        if zone == "above":
            return QRect(rect.left(), rect.top(), rect.width(), 1), True
        if zone == "below":
            return QRect(rect.left(), rect.bottom(), rect.width(), 1), True
        return rect.adjusted(0, 0, -1, -1), False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._indicator is None:
            return
        rect, line = self._indicator
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        if line:
            painter.drawLine(rect.topLeft(), rect.topRight())
        else:
            painter.drawRect(rect)
        painter.end()


class TagPanel(QWidget):
    tag_clicked = Signal(int)
    new_requested = Signal(object)  # parent tag id or None
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    move_requested = Signal(int, int)  # tag id, -1 up / +1 down
    archive_requested = Signal(int, bool)  # tag id, archived
    merge_requested = Signal(int)
    split_requested = Signal(int)
    # A tag dropped: tag id, new parent id (None: top level), tag it goes before (None: last)
    place_requested = Signal(int, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagPanel")
        self._tags: list[TagInfo] = []
        self.show_archived = False  # archived tags are listed (greyed) only when asked for
        self.heading = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newTagButton")
        self.new_button.clicked.connect(lambda: self.new_requested.emit(None))
        self.tree = TagTree()
        self.tree.setObjectName("tagTree")
        self.tree.place_requested.connect(self.place_requested)
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

    @property
    def tags(self) -> list[TagInfo]:
        """Every tag given (the archived ones too), with the counts last set."""
        return list(self._tags)

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
        notes = [self.tr("Shortcut: %1").replace("%1", shortcut)] if shortcut else []
        if tag.archived:
            notes.append(self.tr("Archived: kept with its annotations, not offered for tagging"))
            font = item.font(0)
            font.setItalic(True)
            item.setFont(0, font)
            item.setDisabled(True)  # greyed, and a click applies nothing
        item.setToolTip(0, guideline_tooltip(tag, notes))
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
        self.menu_at(point).exec(self.tree.viewport().mapToGlobal(point))

    def menu_at(self, point: QPoint) -> QMenu:
        """The context menu for ``point`` of the tree (on a tag: that tag's commands)."""
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
            self._add(menu, self.tr("Merge Into…"), lambda: self.merge_requested.emit(tag_id))
            self._add(menu, self.tr("Split…"), lambda: self.split_requested.emit(tag_id))
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
        return menu

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
