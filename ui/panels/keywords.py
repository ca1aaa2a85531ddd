"""View ▸ Keywords: the most characteristic words of a document, a speaker or a tag.

A dock with a scope chooser, a choice of the turns counted (the answers by default;
remembered), and a sortable table (word, count, score, with the score drawn as a bar).
Keywords are computed on the window's worker (app.chinese.keywords), never on the window
thread; a newer request makes an older one give up. Clicking a word emits
``search_requested(word)``.
"""

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.chinese.keywords import (
    DEFAULT_TURNS,
    TURN_CHOICES,
    CancelledError,
    Keyword,
    KeywordList,
    Scope,
    TurnChoice,
    keywords,
    speakers,
)
from app.chinese.segmentation import for_project
from app.dto import Changes
from app.errors import FangtanError
from ui.window.context import PanelContext
from ui.window.errors import error_text
from ui.window.i18n import settings
from ui.window.tasks import Task, TaskState

_QUEUED = Qt.ConnectionType.QueuedConnection
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole
BAR_ROLE = Qt.ItemDataRole.UserRole + 1  # the score as a share of the highest, 0..1
CURRENT = -1  # the document target that follows the document shown in the window
BAR = QColor("#90caf9")
TURNS_SETTING = "keywords/turns"  # which turns count: a key of app.chinese.keywords.TURN_CHOICES


class KeywordModel(QAbstractTableModel):
    WORD, COUNT, SCORE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Keyword] = []
        self._top = 0.0
        self.method = "tfidf"

    def set_keywords(self, found: KeywordList | None) -> None:
        self.beginResetModel()
        self._rows = list(found.keywords) if found else []
        self.method = found.method if found else "tfidf"
        self._top = max((abs(k.score) for k in self._rows), default=0.0)
        self.endResetModel()

    def keyword(self, row: int) -> Keyword:
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        keyword = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WORD:
                return keyword.word
            if column == self.COUNT:
                return str(keyword.count)
            return f"{keyword.score:.2f}" if self.method == "log-odds" else f"{keyword.score:.4f}"
        if role == SORT_ROLE:
            return (keyword.word, keyword.count, keyword.score)[column]
        if role == BAR_ROLE and column == self.SCORE:
            return abs(keyword.score) / self._top if self._top else 0.0
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.WORD:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.method == "log-odds":
                return (
                    self.tr("%1: %2 times in the tag's passages, %3 times elsewhere")
                    .replace("%1", keyword.word)
                    .replace("%2", str(keyword.count))
                    .replace("%3", str(keyword.other))
                )
            return (
                self.tr("%1: %2 times")
                .replace("%1", keyword.word)
                .replace("%2", str(keyword.count))
            )
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.WORD:
            return self.tr("Word")
        if section == self.COUNT:
            return self.tr("Count")
        return self.tr("z-score") if self.method == "log-odds" else self.tr("TF-IDF")

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)


class BarDelegate(QStyledItemDelegate):
    """The score with a bar behind it, as long as the score's share of the highest."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        share = index.data(BAR_ROLE)
        if share is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(3, 4, -3, -4)
        painter.save()
        painter.fillRect(
            QRect(rect.left(), rect.top(), int(rect.width() * float(share)), rect.height()), BAR
        )
        painter.setPen(
            option.palette.highlightedText().color()
            if option.state & QStyle.StateFlag.State_Selected
            else option.palette.text().color()
        )
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()


class KeywordsPanel(QDockWidget):
    search_requested = Signal(str)
    computed = Signal(object)  # KeywordList, once shown

    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self.setObjectName("keywordsPanel")
        self._context = context
        self._session = context.session
        self._runner = context.runner
        self._placed = False  # shares the right side with the other docks since first shown
        self._request = 0
        self._task: Task | None = None
        self._revision = -1  # the word lists' revision of the shown keywords
        self.current: KeywordList | None = None

        self.kind = QComboBox()
        self.kind.setObjectName("scopeKind")
        for kind in ("document", "speaker", "tag"):
            self.kind.addItem("", kind)
        self.target = QComboBox()
        self.target.setObjectName("scopeTarget")
        self.target.setMinimumContentsLength(12)
        self.in_document = QCheckBox()
        self.in_document.setObjectName("inDocument")
        self.turns = QComboBox()
        self.turns.setObjectName("keywordTurns")
        for choice in TURN_CHOICES:
            self.turns.addItem("", choice)
        remembered = self.turns.findData(str(settings().value(TURNS_SETTING, DEFAULT_TURNS)))
        self.turns.setCurrentIndex(
            remembered if remembered >= 0 else self.turns.findData(DEFAULT_TURNS)
        )
        self.status = QLabel()
        self.status.setObjectName("keywordStatus")
        self.status.setWordWrap(True)
        self.model = KeywordModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("keywordTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(KeywordModel.SCORE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(KeywordModel.SCORE, BarDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KeywordModel.WORD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KeywordModel.COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KeywordModel.SCORE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(KeywordModel.SCORE, 140)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)

        chooser = QHBoxLayout()
        chooser.addWidget(self.kind)
        chooser.addWidget(self.target, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(chooser)
        column.addWidget(self.in_document)
        column.addWidget(self.turns)
        column.addWidget(self.table, 1)
        column.addWidget(self.status)
        self.setWidget(body)

        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.compute)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.target.currentIndexChanged.connect(lambda _index: self.schedule())
        self.in_document.toggled.connect(lambda _on: self.schedule())
        self.turns.currentIndexChanged.connect(self._turns_changed)
        self.visibilityChanged.connect(self._visibility_changed)
        self._session.changed.connect(self._on_changes)
        context.document_list.document_selected.connect(self._document_shown)
        context.documents_imported.connect(lambda _report: self._fill_targets())
        self._retranslate()
        self._fill_targets()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.schedule()

    # The scope ------------------------------------------------------------------------

    def scope(self) -> Scope | None:
        kind = self.kind.currentData()
        value = self.target.currentData()
        shown = self._context.shown_document()
        turns = self.turn_choice()
        if kind == "document":
            document_id = shown if value == CURRENT else value
            if not document_id:
                return None
            return Scope("document", document_id=document_id, turns=turns)
        if kind == "speaker":
            if not value:
                return None
            document_id = shown if self.in_document.isChecked() else None
            if self.in_document.isChecked() and document_id is None:
                return None
            return Scope("speaker", speaker=value, document_id=document_id)
        if value is None:
            return None
        return Scope("tag", tag_id=value, turns=turns)

    def turn_choice(self) -> TurnChoice:
        """Which turns count for a document or a tag (a speaker's are all of theirs)."""
        choice = self.turns.currentData()
        return choice if choice in TURN_CHOICES else DEFAULT_TURNS

    def set_turns(self, choice: TurnChoice) -> None:
        """Choose the turns counted (for tests and other panels); remembered like a click."""
        self.turns.setCurrentIndex(self.turns.findData(choice))

    def _turns_changed(self) -> None:
        settings().setValue(TURNS_SETTING, self.turn_choice())
        self.schedule()

    def set_scope(self, kind: str, value: object = None, in_document: bool = False) -> None:
        """Choose a scope (for tests and other panels): a kind and one of its targets."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        if value is not None:
            self.target.setCurrentIndex(self.target.findData(value))
        self.in_document.setChecked(in_document)
        self.schedule()

    def _kind_changed(self) -> None:
        self._fill_targets()
        self.schedule()

    def _fill_targets(self) -> None:
        kind = self.kind.currentData()
        chosen = self.target.currentData()
        project = self._session.project
        self.target.blockSignals(True)
        self.target.clear()
        try:
            if kind == "document":
                self.target.addItem(self.tr("Document shown"), CURRENT)
                for document in project.documents():
                    self.target.addItem(document.title, document.id)
            elif kind == "speaker":
                for info in speakers(project):
                    label = self.tr("%1 (%2 turns)").replace("%1", info.name)
                    self.target.addItem(label.replace("%2", str(info.turns)), info.name)
            else:
                for tag in project.tags():
                    self.target.addItem(tag.name, tag.id)
        except FangtanError as error:
            self.status.setText(error_text(error))
        index = self.target.findData(chosen)
        self.target.setCurrentIndex(index if index >= 0 else 0)
        self.target.blockSignals(False)
        self.in_document.setVisible(kind == "speaker")
        self.turns.setVisible(kind != "speaker")

    def _document_shown(self, _document_id: int) -> None:
        kind = self.kind.currentData()
        follows = (kind == "document" and self.target.currentData() == CURRENT) or (
            kind == "speaker" and self.in_document.isChecked()
        )
        if follows:
            self.schedule()

    def _on_changes(self, changes: Changes, _origin: str) -> None:
        if changes.tags or changes.metadata or changes.turns:
            self._fill_targets()
        scope = self.scope()
        lists_changed = for_project(self._session.project).revision != self._revision
        tag_changed = (
            scope is not None
            and scope.kind == "tag"
            and (scope.tag_id in changes.tag_ids or changes.tags)
        )
        if lists_changed or tag_changed:
            self.schedule()

    # Computing ------------------------------------------------------------------------

    def schedule(self) -> None:
        """Compute soon (several changes in a row make one computation)."""
        if self.isVisible():
            self._pending.start()

    def compute(self) -> None:
        """Find the keywords of the chosen scope on the worker; the table shows them after."""
        scope = self.scope()
        if self._task is not None:
            self._task.state.cancel()
            self._task = None
        self._request += 1
        if scope is None:
            self.model.set_keywords(None)
            self.status.setText(self.tr("Choose a document, a speaker or a tag."))
            return
        request = self._request
        project = self._session.project
        segmenter = for_project(project)
        revision = segmenter.revision

        def work(state: TaskState) -> KeywordList:
            return keywords(project, scope, cancelled=state.cancelled)

        self.status.setText(self.tr("Counting words…"))
        task = self._runner.start(work)
        task.succeeded.connect(lambda found: self._show(request, revision, found), _QUEUED)
        task.failed.connect(lambda error: self._failed(request, error), _QUEUED)
        self._task = task

    def _show(self, request: int, revision: int, found: KeywordList) -> None:
        if request != self._request:
            return
        self._task = None
        self._revision = revision
        self.current = found
        self.model.set_keywords(found)
        self.table.sortByColumn(KeywordModel.SCORE, Qt.SortOrder.DescendingOrder)
        if not found.keywords and found.scope.kind == "document" and found.scope.turns == "answers":
            self.status.setText(
                self.tr("No words in the answers here. Choose “%1” or “%2” to count more.")
                .replace("%1", self.turns.itemText(self.turns.findData("dialogue")))
                .replace("%2", self.turns.itemText(self.turns.findData("all")))
            )
        elif not found.keywords:
            self.status.setText(self.tr("No words to show here."))
        elif found.method == "log-odds":
            self.status.setText(
                self.tr(
                    "%1 words in the tag's passages; z-scores of log-odds against the rest "
                    "of the project."
                ).replace("%1", str(found.words))
            )
        else:
            self.status.setText(
                self.tr("%1 words counted; TF-IDF weights.").replace("%1", str(found.words))
            )
        self.computed.emit(found)

    def _failed(self, request: int, error: Exception) -> None:
        if request != self._request or isinstance(error, CancelledError):
            return
        self._task = None
        if isinstance(error, FangtanError):
            self.status.setText(error_text(error))
        else:
            self.status.setText(
                self.tr("Keywords could not be computed: %1").replace("%1", str(error))
            )

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            source = self.proxy.mapToSource(index)
            self.search_requested.emit(self.model.keyword(source.row()).word)

    # Language -------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keywords"))
        self.kind.setItemText(0, self.tr("Document"))
        self.kind.setItemText(1, self.tr("Speaker"))
        self.kind.setItemText(2, self.tr("Tag"))
        self.in_document.setText(self.tr("Only in the document shown"))
        labels = {
            "answers": self.tr("Answers only"),
            "dialogue": self.tr("Questions and answers"),
            "all": self.tr("All text but headings"),
        }
        for row in range(self.turns.count()):
            self.turns.setItemText(row, labels[self.turns.itemData(row)])
        self.turns.setToolTip(
            self.tr(
                "Which turns the words are counted in. Titles, subtitles and other "
                "headings never count; a speaker's words come from all their turns."
            )
        )
        self.table.setToolTip(self.tr("Click a word to search for it"))
        self.model.retranslate()
        if self.kind.currentData() == "document" and self.target.count():
            self.target.setItemText(0, self.tr("Document shown"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def install(context: PanelContext) -> KeywordsPanel:
    """Add the Keywords dock (hidden at first) and View ▸ Keywords to the window."""
    window = context.window
    panel = KeywordsPanel(context)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.hide()
    toggle: QAction = panel.toggleViewAction()
    toggle.setObjectName("keywordsAction")
    toggle.setShortcut(QKeySequence("Ctrl+Shift+K"))
    context.view_menu.addAction(toggle)

    def shown(checked: bool) -> None:
        # The first time, share the right side as a tab with the docks already there.
        if checked and not panel._placed:
            panel._placed = True
            others = [
                dock
                for dock in window.findChildren(QDockWidget)
                if dock is not panel
                and not dock.isFloating()
                and dock.isVisible()
                and window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
            ]
            if others:
                window.tabifyDockWidget(others[0], panel)
        if checked:
            panel.raise_()

    toggle.triggered.connect(shown)
    return panel
