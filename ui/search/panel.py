"""Search: a dock with a search box, filters and a keyword-in-context list of hits.

Ctrl+F searches the shown document, Ctrl+Shift+F the whole project; F3 / Shift+F3 go
to the next / previous hit; "Tag All Hits…" tags every hit as one undoable step.
The search itself (app.search.engine) takes a few milliseconds, so it runs on the window
thread: on Enter at once, and while typing after a short pause.
"""

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.dto import TagInfo
from app.errors import FangtanError
from app.search.engine import Hit, ensure_index, search
from app.search.hit_tagging import tag_hits
from ui.search.hits import (
    DOCUMENT_COLUMN,
    HIT_COLUMN,
    LEFT_COLUMN,
    RIGHT_COLUMN,
    SPEAKER_COLUMN,
    HitTableModel,
)
from ui.search.tag_chooser import TagChooser
from ui.window import history_text
from ui.window.context import PanelContext
from ui.window.errors import error_text
from ui.window.selection import select_row
from ui.window.swatches import swatch_icon

HIT_LIMIT = 1000  # hits listed; "Tag All Hits…" always takes every hit
DEBOUNCE_MS = 300  # pause in typing before the search runs by itself

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class SearchPanel(QDockWidget):
    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self.setObjectName("searchPanel")
        self._context = context
        self._window = context.window
        self._hits: list[Hit] = []
        self._current: int | None = None  # row of the hit gone to last
        self._searched: tuple | None = None  # what the listed hits were found for
        self._marked = False  # hits are marked in the text view

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.this_document = QCheckBox()
        self.this_document.setObjectName("searchThisDocument")
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("searchTagFilter")
        self.tag_mode = QComboBox()
        self.tag_mode.setObjectName("searchTagMode")
        self.tag_mode.addItems(["", ""])
        self.answers_only = QCheckBox()
        self.answers_only.setObjectName("searchAnswersOnly")
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.tag_all_button = QPushButton()
        self.tag_all_button.setObjectName("tagAllHitsButton")
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.table_model = HitTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("searchResults")
        self.view.setModel(self.table_model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(DOCUMENT_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DOCUMENT_COLUMN, 180)
        header.setSectionResizeMode(SPEAKER_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LEFT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HIT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RIGHT_COLUMN, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.addWidget(self.field, 2)
        top.addWidget(self.this_document)
        top.addWidget(self.tag_filter, 1)
        top.addWidget(self.tag_mode)
        top.addWidget(self.answers_only)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        top.addWidget(self.tag_all_button)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 4, 6, 4)
        column.addLayout(top)
        column.addWidget(self.status)
        column.addWidget(self.view, 1)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._repaint = QTimer(self)  # after the text view shows a document, mark its hits
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(0)
        self._repaint.timeout.connect(self._document_shown)

        self.find_in_document_action = self._action(
            "findInDocument", QKeySequence.StandardKey.Find, lambda: self.start(False)
        )
        self.find_in_project_action = self._action(
            "findInProject", QKeySequence("Ctrl+Shift+F"), lambda: self.start(True)
        )
        self.next_action = self._action("nextHit", QKeySequence("F3"), self.next_hit)
        self.previous_action = self._action(
            "previousHit", QKeySequence("Shift+F3"), self.previous_hit
        )
        self.tag_all_action = self._action("tagAllHits", None, self.tag_all_hits)
        menu = context.edit_menu
        menu.addSeparator()
        for action in (
            self.find_in_document_action,
            self.find_in_project_action,
            self.next_action,
            self.previous_action,
            self.tag_all_action,
        ):
            menu.addAction(action)
        self.previous_button.clicked.connect(self.previous_hit)
        self.next_button.clicked.connect(self.next_hit)
        self.tag_all_button.clicked.connect(self.tag_all_hits)

        self.field.textEdited.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._enter)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.field)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._close)
        self.this_document.toggled.connect(self._filters_changed)
        self.tag_filter.currentIndexChanged.connect(self._filters_changed)
        self.tag_mode.currentIndexChanged.connect(self._filters_changed)
        self.answers_only.toggled.connect(self._filters_changed)
        self.view.clicked.connect(lambda index: self.go_to(index.row()))
        self.view.activated.connect(lambda index: self.go_to(index.row()))
        self.visibilityChanged.connect(self._visibility_changed)
        context.text_view.textChanged.connect(self._repaint.start)
        context.session.changed.connect(self._on_changes)
        self._retranslate()
        self.set_tags(context.tags())

    def _action(self, name: str, shortcut, slot) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    # Filters ---------------------------------------------------------------------------

    def set_tags(self, tags: list[TagInfo]) -> None:
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("Any passage"), None)
        for tag in tags:
            self.tag_filter.addItem(swatch_icon(tag.color), tag.name, tag.id)
        found = self.tag_filter.findData(chosen) if chosen is not None else 0
        self.tag_filter.setCurrentIndex(max(found, 0))
        self.tag_filter.blockSignals(False)
        self.tag_mode.setEnabled(self.tag_filter.currentData() is not None)
        if chosen is not None and found < 0:
            self._filters_changed()

    def _filters_changed(self) -> None:
        self.tag_mode.setEnabled(self.tag_filter.currentData() is not None)
        if self.field.text().strip():
            self.run_search()

    def _criteria(self) -> tuple | None:
        """(query, document, tag, inside, answers only), or None without a document to search."""
        document_id = None
        if self.this_document.isChecked():
            document_id = self._context.shown_document()
            if document_id is None:
                return None
        return (
            self.field.text(),
            document_id,
            self.tag_filter.currentData(),
            self.tag_mode.currentIndex() == 0,
            self.answers_only.isChecked(),
        )

    def _find(self, criteria: tuple, limit: int | None) -> list[Hit]:
        query, document_id, tag_id, inside, answers_only = criteria
        return search(
            self._context.session.project,
            query,
            document_id=document_id,
            tag_id=tag_id,
            inside=inside,
            answers_only=answers_only,
            limit=limit,
        )

    # Searching -----------------------------------------------------------------------------

    def start(self, whole_project: bool) -> None:
        """Ctrl+F / Ctrl+Shift+F: show the panel with the search box ready for typing."""
        self.this_document.blockSignals(True)
        self.this_document.setChecked(not whole_project)
        self.this_document.blockSignals(False)
        self.set_tags(self._context.tags())
        self.show()
        self.raise_()
        selected = self._selected_text()
        if selected:
            self.field.setText(selected)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            self.run_search()

    def search_for(self, text: str, whole_project: bool = True) -> None:
        """Show the panel and search ``text`` (for other panels: a keyword clicked, say)."""
        self.field.setText(text)
        self.start(whole_project)

    def _selected_text(self) -> str:
        view = self._context.text_view
        span = view.selection_span()
        if span is None or view.content is None:
            return ""
        text = view.content.text[span[0] : span[1]]
        return text if 0 < len(text) <= 100 and "\n" not in text else ""

    def run_search(self) -> None:
        self._timer.stop()
        criteria = self._criteria()
        if not self.field.text().strip():
            self._show([], criteria, "")
            return
        if criteria is None:
            self._show([], None, self.tr("Open a document first."))
            return
        try:
            hits = self._find(criteria, HIT_LIMIT + 1)
        except FangtanError as error:
            self._show([], None, error_text(error))
            return
        self._show(hits, criteria, self._summary(hits))

    def _summary(self, hits: list[Hit]) -> str:
        if not hits:
            return self.tr("No hits.")
        documents = len({hit.document_id for hit in hits})
        if len(hits) > HIT_LIMIT:
            return self.tr("More than %1 hits; the first %1 are listed.").replace(
                "%1", f"{HIT_LIMIT:,}"
            )
        if len(hits) == 1:
            return self.tr("1 hit.")
        if documents == 1:
            return self.tr("%1 hits.").replace("%1", f"{len(hits):,}")
        return (
            self.tr("%1 hits in %2 documents.")
            .replace("%1", f"{len(hits):,}")
            .replace("%2", f"{documents:,}")
        )

    def _show(self, hits: list[Hit], criteria: tuple | None, message: str) -> None:
        self._hits = hits[:HIT_LIMIT]
        self._searched = criteria if self.field.text().strip() else None
        self._current = None
        listed = self._context.document_list.table
        titles = {
            document.id: document.title
            for document in map(listed.document_at, range(listed.rowCount()))
            if document is not None
        }
        self.table_model.set_hits(self._hits, titles)
        self.status.setText(message)
        self._mark_hits()

    def _enter(self) -> None:
        """Enter: search now if the box changed, otherwise go on to the next hit."""
        if self._hits and self._searched == self._criteria():
            self.next_hit()
            return
        self.run_search()
        if self._hits:
            self.go_to(0)

    # Going through the hits ------------------------------------------------------------------

    def go_to(self, row: int) -> None:
        hit = self.table_model.hit_at(row)
        if hit is None:
            return
        self._current = row
        if self._context.shown_document() != hit.document_id:
            self._context.document_list.select_document(hit.document_id)
        view = self._context.text_view
        if view.content is None or view.content.meta.id != hit.document_id:
            return
        view.select_span(hit.start, hit.end)
        self._mark_hits()
        select_row(self.view, self.table_model.index(row, 0))

    def next_hit(self) -> None:
        self._step(1)

    def previous_hit(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self._searched is None or self._searched != self._criteria():
            if not self.field.text().strip():
                self.start(not self.this_document.isChecked())
                return
            self.show()
            self.run_search()
        if not self._hits:
            return
        if self._current is None:
            row = 0 if direction > 0 else len(self._hits) - 1
        else:
            row = (self._current + direction) % len(self._hits)
        self.go_to(row)

    def _mark_hits(self) -> None:
        """Mark the listed hits that are in the shown document; the current one stronger."""
        view = self._context.text_view
        shown = view.content.meta.id if view.content is not None else None
        spans: list[tuple[int, int]] = []
        current = None
        if self.isVisible():
            for row, hit in enumerate(self._hits):
                if hit.document_id == shown:
                    if row == self._current:
                        current = len(spans)
                    spans.append((hit.start, hit.end))
        if spans or self._marked:  # leave the view's marks alone when there were none
            view.show_hits(spans, current)
        self._marked = bool(spans)

    def _visibility_changed(self, visible: bool) -> None:
        self._mark_hits()

    def _document_shown(self) -> None:
        """Another document is shown: search it instead when searching this document only."""
        if (
            self.isVisible()
            and self.this_document.isChecked()
            and self.field.text().strip()
            and self._searched != self._criteria()
        ):
            self.run_search()
        else:
            self._mark_hits()

    def _close(self) -> None:
        self.hide()
        self._context.text_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # Tagging every hit -----------------------------------------------------------------------

    def tag_all_hits(self) -> None:
        criteria = self._criteria()
        if not self.field.text().strip() or criteria is None:
            self.start(criteria is None or not self.this_document.isChecked())
            self.status.setText(self.tr("Search for something first, then tag its hits."))
            return
        tags: list[TagInfo] = self._context.tags()
        if not tags:
            self.status.setText(self.tr("The codebook has no tags yet."))
            return
        try:
            hits = self._find(criteria, None)
        except FangtanError as error:
            self.status.setText(error_text(error))
            return
        if not hits:
            self._show([], criteria, self.tr("No hits."))
            return
        dialog = TagChooser(tags, len(hits), criteria[2], self)
        if not dialog.exec():
            return
        tag_id = dialog.tag_id()
        tag = next((tag for tag in tags if tag.id == tag_id), None)
        if tag is None:
            return
        session = self._context.session
        try:
            tagging = tag_hits(session.project, hits, tag.id)
        except FangtanError as error:
            self.status.setText(error_text(error))
            return
        if tagging.command is None:
            self.status.setText(
                self.tr("Every hit already carries the tag “%1”.").replace("%1", tag.name)
            )
            return
        description = history_text.step(history_text.TAG_HITS, tagging.tagged, tag.name)
        if session.run(tagging.command, description) is None:
            return
        self.run_search()
        message = (
            self.tr("Tagged %1 hits as “%2”. Ctrl+Z undoes.")
            .replace("%1", f"{tagging.tagged:,}")
            .replace("%2", tag.name)
        )
        if tagging.skipped:
            message += " " + self.tr("%1 already had the tag.").replace(
                "%1", f"{tagging.skipped:,}"
            )
        self.status.setText(message)

    # Keeping up with the window -----------------------------------------------------------------

    def _on_changes(self, changes, _origin: str) -> None:
        if changes.tags:
            self.set_tags(self._context.tags())

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search"))
        self.field.setPlaceholderText(self.tr("Search: any characters, then Enter"))
        self.this_document.setText(self.tr("This document only"))
        self.tag_mode.setItemText(0, self.tr("inside"))
        self.tag_mode.setItemText(1, self.tr("outside"))
        self.tag_mode.setToolTip(self.tr("Hits inside or outside passages with the chosen tag"))
        if self.tag_filter.count():
            self.tag_filter.setItemText(0, self.tr("Any passage"))
        self.answers_only.setText(self.tr("Answers only"))
        self.previous_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.tag_all_button.setText(self.tr("Tag All Hits…"))
        self.find_in_document_action.setText(self.tr("&Find in Document…"))
        self.find_in_project_action.setText(self.tr("Find in &Project…"))
        self.next_action.setText(self.tr("Find Ne&xt"))
        self.previous_action.setText(self.tr("Find Pre&vious"))
        self.tag_all_action.setText(self.tr("&Tag All Hits…"))
        self.table_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def install(context: PanelContext) -> SearchPanel:
    """Add the search panel and its commands to the window."""
    panel = SearchPanel(context)
    context.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    panel.hide()  # until Ctrl+F or Ctrl+Shift+F
    # A project whose index lacks turns is repaired before the first search needs it.
    project = context.session.project
    context.runner.start(lambda _state: ensure_index(project))
    return panel
