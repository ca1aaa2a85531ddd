"""Where the window's panels sit, with the interview text given most of the width.

The text and its header are the central widget. The interview list is a dock on the
left; the tag panel is a dock on the right above one tabbed group of annotations,
suggestions and keywords; search opens below the text. Every dock can be closed, moved,
tabbed or floated, and View lists each one. Focus mode (F11) shows the text alone and
brings back exactly the panels that were open. The window's size, the docks' places and
sizes are remembered between sessions; a first start fits the window to the screen.
"""

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.panels.annotation_list import AnnotationList
from ui.panels.tag_panel import TagPanel
from ui.text.view import TextView
from ui.window.i18n import settings

SETTINGS_GROUP = "window"
STATE_VERSION = 2  # of the dock arrangement; a saved state of another version is not used
FOCUS_KEY = "F11"
LEFT_SHARE, RIGHT_SHARE = 0.16, 0.26  # of the window's width on a first start
LEFT_MIN, RIGHT_MIN = 190, 300


def reading_column(header: QWidget, text_view: TextView) -> QWidget:
    """The header above the text, which on a wide screen stays a readable column."""
    middle = QWidget()
    middle.setObjectName("readingColumn")
    column = QVBoxLayout(middle)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(header)
    page = QHBoxLayout()
    page.setContentsMargins(0, 0, 0, 0)
    page.addStretch(0)
    page.addWidget(text_view, 1)
    page.addStretch(0)
    text_view.setMaximumWidth(text_view.reading_width())
    column.addLayout(page, 1)
    return middle


class WindowLayout(QObject):
    def __init__(
        self,
        window: QMainWindow,
        central: QWidget,
        documents: QWidget,
        tags: TagPanel,
        annotations: AnnotationList,
    ) -> None:
        super().__init__(window)
        self._window = window
        window.setCentralWidget(central)
        window.setDockNestingEnabled(True)
        window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.documents_dock = self._dock("documentsDock", documents)
        self.tags_dock = self._dock("tagsDock", tags)
        self.annotations_dock = self._dock("annotationsDock", annotations)
        for heading in (tags.heading, annotations.heading):
            heading.hide()  # the dock's own title names the panel
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.documents_dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tags_dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations_dock)
        window.splitDockWidget(self.tags_dock, self.annotations_dock, Qt.Orientation.Vertical)
        self._hidden_by_focus: list[QDockWidget] = []
        self.focus_action = QAction(window)
        self.focus_action.setObjectName("focusAction")
        self.focus_action.setCheckable(True)
        self.focus_action.setShortcut(QKeySequence(FOCUS_KEY))
        self.focus_action.toggled.connect(self._set_focus_mode)
        window.installEventFilter(self)

    def _dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    # Arranging ------------------------------------------------------------------------

    def arrange(self, menu: QMenu) -> None:
        """Once every panel is installed: tab the right side's panels together, list each
        dock in ``menu``, then restore what was saved or fit a first start to the screen."""
        window = self._window
        docks = {dock.objectName(): dock for dock in window.findChildren(QDockWidget)}
        tabbed = [docks[name] for name in ("suggestionsPanel", "keywordsPanel") if name in docks]
        for dock in tabbed:
            if window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea:
                window.tabifyDockWidget(self.annotations_dock, dock)
        menu.addSeparator()
        for dock in (self.documents_dock, self.tags_dock, self.annotations_dock):
            menu.addAction(dock.toggleViewAction())
        menu.addAction(self.focus_action)
        if not self._restore():
            self._first_start()
        self.annotations_dock.raise_()

    def _first_start(self) -> None:
        window = self._window
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(1600, available.width())
            height = min(980, available.height())
            window.resize(width, height)
        width = window.width()
        left = max(LEFT_MIN, int(width * LEFT_SHARE))
        right = max(RIGHT_MIN, int(width * RIGHT_SHARE))
        window.resizeDocks(
            [self.documents_dock, self.tags_dock],
            [left, right],
            Qt.Orientation.Horizontal,
        )
        tag_rows = max(120, window.height() // 4)
        window.resizeDocks(
            [self.tags_dock, self.annotations_dock],
            [tag_rows, window.height() - tag_rows],
            Qt.Orientation.Vertical,
        )

    def _restore(self) -> bool:
        store = settings()
        store.beginGroup(SETTINGS_GROUP)
        geometry = store.value("geometry")
        state = store.value("state")
        store.endGroup()
        if not isinstance(geometry, QByteArray) or not isinstance(state, QByteArray):
            return False
        window = self._window
        return window.restoreGeometry(geometry) and window.restoreState(state, STATE_VERSION)

    def save(self) -> None:
        if self.focus_action.isChecked():
            self.focus_action.setChecked(False)  # remember the panels, not their absence
        store = settings()
        store.beginGroup(SETTINGS_GROUP)
        store.setValue("geometry", self._window.saveGeometry())
        store.setValue("state", self._window.saveState(STATE_VERSION))
        store.endGroup()

    # Focus mode -----------------------------------------------------------------------

    def _set_focus_mode(self, on: bool) -> None:
        window = self._window
        if on:
            self._hidden_by_focus = [
                dock
                for dock in window.findChildren(QDockWidget)
                if dock.isVisible() and not dock.isFloating()
            ]
            for dock in self._hidden_by_focus:
                dock.hide()
        else:
            for dock in self._hidden_by_focus:
                dock.show()
            self._hidden_by_focus = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.save()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.documents_dock.setWindowTitle(self.tr("Interviews"))
        self.tags_dock.setWindowTitle(self.tr("Tags — click to apply, right-click to edit"))
        self.annotations_dock.setWindowTitle(self.tr("Annotations"))
        self.focus_action.setText(self.tr("&Focus on the Text"))
        self.focus_action.setToolTip(
            self.tr("Show the interview alone; press %1 again for the panels").replace(
                "%1", FOCUS_KEY
            )
        )
