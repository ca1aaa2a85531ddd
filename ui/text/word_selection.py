"""Word-aware selection in the text view.

With View ▸ Snap to Words on (the default, remembered), a drag selection is widened to
whole words when the mouse is released, and a double-click selects the word under the
mouse. Shift+Alt+Right and Shift+Alt+Left move the moving end of the selection by one
word, so they grow or shrink it. Holding Alt while dragging (or double-clicking) keeps
the selection character-exact.

Words are jieba's, with the project's dictionary, found a turn at a time
(app.chinese.words.DocumentWords). jieba is loaded on a worker once the window is shown;
until it is ready every selection is character-exact and nothing waits for it.
Positions pass through the view's OffsetMap only, so a character above U+FFFF is never
split.
"""

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QTextCursor

from app.chinese import segmentation
from app.chinese.dictionary import ensure_word_lists
from app.chinese.words import DocumentWords
from app.dto import DocumentContent
from ui.window.context import PanelContext
from ui.window.i18n import settings
from ui.window.tasks import TaskState

SETTING = "selection/snapToWords"
_QUEUED = Qt.ConnectionType.QueuedConnection


class WordSelection(QObject):
    """Snapping, double-click and word steps for the text view."""

    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self.setObjectName("wordSelection")
        self._context = context
        self._window = context.window
        self._view = context.text_view
        self.segmenter = segmentation.for_project(context.session.project)
        self._words: DocumentWords | None = None
        self._words_for: DocumentContent | None = None
        self._exact = False  # Alt was held when the current drag began
        self._loading = False

        self._menu = context.view_menu
        self.snap_action = QAction(self)
        self.snap_action.setObjectName("snapToWords")
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(bool(settings().value(SETTING, True, type=bool)))
        self.snap_action.toggled.connect(lambda on: settings().setValue(SETTING, on))
        self._menu.addAction(self.snap_action)

        self.next_word_action = self._view_action("Shift+Alt+Right", lambda: self.step(1))
        self.previous_word_action = self._view_action("Shift+Alt+Left", lambda: self.step(-1))

        self._view.viewport().installEventFilter(self)
        self._window.installEventFilter(self)
        self._retranslate()

    def _view_action(self, keys: str, slot) -> QAction:
        action = QAction(self._view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self._view.addAction(action)
        return action

    def _retranslate(self) -> None:
        self.snap_action.setText(self.tr("Snap to &Words"))
        self.snap_action.setToolTip(
            self.tr("Widen selections to whole words; hold Alt while dragging for exact ones")
        )
        self.next_word_action.setText(self.tr("Move Selection End to Next Word"))
        self.previous_word_action.setText(self.tr("Move Selection End to Previous Word"))

    @property
    def snapping(self) -> bool:
        return self.snap_action.isChecked()

    # Loading jieba in the background once the window is on screen -------------------

    def start_loading(self) -> None:
        """Load the segmenter on the window's worker (does nothing once it is loaded)."""
        if self.segmenter.ready or self._loading:
            return
        self._loading = True
        project = self._context.session.project
        segmenter = self.segmenter

        def work(_state: TaskState) -> None:
            ensure_word_lists(project)
            segmenter.load()

        task = self._context.runner.start(work)
        task.succeeded.connect(self._loaded, _QUEUED)
        task.failed.connect(self._not_loaded, _QUEUED)

    def _loaded(self, _result: object) -> None:
        self._loading = False

    def _not_loaded(self, error: Exception) -> None:
        self._loading = False
        self._context.status(
            self.tr("Words cannot be found in the text: %1").replace("%1", str(error)), 10000
        )

    # Events -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window:
            if kind == QEvent.Type.Show:
                QTimer.singleShot(0, self.start_loading)  # after the first paint
            elif kind == QEvent.Type.LanguageChange:
                self._retranslate()
            return False
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if kind == QEvent.Type.MouseButtonPress:
            self._exact = alt
        elif kind == QEvent.Type.MouseButtonRelease:
            exact = self._exact or alt
            self._exact = False
            if self.snapping and not exact:
                self._view.mouseReleaseEvent(event)  # let the view finish the drag first
                self.snap()
                return True
        elif kind == QEvent.Type.MouseButtonDblClick and self.snapping and not alt:
            self._exact = False
            self._view.mouseDoubleClickEvent(event)
            self.select_word_at(event.position().toPoint())
            return True
        return False

    # Selections -----------------------------------------------------------------------

    def _document_words(self) -> DocumentWords | None:
        content = self._view.content
        if content is None:
            return None
        if self._words_for is not content:
            self._words = DocumentWords(self.segmenter, content.text, content.turns)
            self._words_for = content
        return self._words

    def _ends(self) -> tuple[int, int]:
        """The selection's anchor and moving end, in code points."""
        cursor = self._view.textCursor()
        offsets = self._view.offsets
        return offsets.to_code_point(cursor.anchor()), offsets.to_code_point(cursor.position())

    def _select(self, anchor: int, position: int) -> None:
        offsets = self._view.offsets
        cursor = self._view.textCursor()
        cursor.setPosition(offsets.to_utf16(anchor))
        cursor.setPosition(offsets.to_utf16(position), QTextCursor.MoveMode.KeepAnchor)
        self._view.setTextCursor(cursor)

    def snap(self) -> None:
        """Widen the selection to whole words (nothing happens before jieba is loaded)."""
        span = self._view.selection_span()
        words = self._document_words()
        if span is None or words is None:
            return
        start, end = words.snap(*span)
        if (start, end) == span:
            return
        anchor, position = self._ends()
        if anchor <= position:
            self._select(start, end)
        else:
            self._select(end, start)

    def select_word_at(self, point: QPoint) -> None:
        """Select the word under ``point`` (viewport coordinates), if there is one."""
        words = self._document_words()
        if words is None:
            return
        cursor = self._view.cursorForPosition(point)
        position = cursor.position()
        if position > 0 and point.x() < self._view.cursorRect(cursor).x():
            position -= 1  # the character under the mouse, not the nearest gap
        word = words.word_at(self._view.offsets.to_code_point(position))
        if word is not None:
            self._select(*word)

    def step(self, direction: int) -> None:
        """Move the selection's moving end one word right (1) or left (-1)."""
        words = self._document_words()
        if words is None:
            return
        anchor, position = self._ends()
        if direction > 0:
            target = words.next_boundary(position)
        else:
            target = words.previous_boundary(position)
        self._select(anchor, target)
        self._view.ensureCursorVisible()


def install(context: PanelContext) -> WordSelection:
    return WordSelection(context)
