"""View ▸ Coded Passages: every annotation matching a few filters, with the turn around it.

"What did the district secretaries say about 民生?": choose the tag, the interviewee and
answers only; the list shows each passage with its interview and speaker, the turn around
it as a tooltip, and a click opens it in the text. The list comes a page at a time, can be
grouped by interview or by tag (a heading row before each group) and can be written to a
CSV file, an Excel workbook or a web page.
"""

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FangtanError
from app.statistics.passages import (
    Passage,
    PassageQuery,
    count_passages,
    filter_values,
    passages,
)
from app.statistics.passages_export import GroupBy, group_passages, heading
from app.team.visibility import annotator_names
from ui.window.context import PanelContext
from ui.window.deferred import ChangesLater
from ui.window.errors import error_text, show_error

PAGE = 200
GROUPINGS: tuple[GroupBy, ...] = (None, "document", "tag")
# The file types offered, each with the suffix given to a name typed without one.
FILE_TYPES = (".csv", ".xlsx", ".html")
NAME_SEPARATOR = "、"
_ANY = ""
STATUSES = (None, "new", "in_progress", "done")
# A date edit at its minimum shows "any date" and filters nothing.
NO_DATE = QDate(1900, 1, 1)


@dataclass(frozen=True)
class PassageScope:
    """Only the passages in ``documents``, described to the user by ``label`` (as "Outlet:
    河东晚报 (3 interviews)"); set from a cell of the overview, cleared with ✕."""

    label: str
    documents: tuple[int, ...]


class PassagesPanel(QDockWidget):
    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self.setObjectName("passagesPanel")
        self._context = context
        self._rows: list[Passage] = []
        self._shown: list[int | None] = []  # each table row's passage in _rows; None: heading
        self._query = PassageQuery()
        self._scope: PassageScope | None = None

        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("passagesTag")
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("passagesKind")
        self.kind_filter.addItems(["", "", ""])
        self.interviewee_filter = QComboBox()
        self.interviewee_filter.setObjectName("passagesInterviewee")
        self.annotator_filter = QComboBox()
        self.annotator_filter.setObjectName("passagesAnnotator")
        self.outlet_filter = QComboBox()
        self.outlet_filter.setObjectName("passagesOutlet")
        self.series_filter = QComboBox()
        self.series_filter.setObjectName("passagesSeries")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("passagesStatus")
        self.status_filter.addItems([""] * len(STATUSES))
        self.from_date, self.to_date = QDateEdit(), QDateEdit()
        self.from_date.setObjectName("passagesFrom")
        self.to_date.setObjectName("passagesTo")
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setDate(NO_DATE)
        self.dates_label = QLabel()
        for box in (self.outlet_filter, self.series_filter, self.interviewee_filter):
            # Long series names are shown whole in the list, not in the closed box.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(10)
        self.scope_label = QLabel()
        self.scope_label.setObjectName("passagesScope")
        self.scope_clear = QToolButton()
        self.scope_clear.setObjectName("passagesScopeClear")
        self.scope_clear.setText("✕")
        self.scope_clear.clicked.connect(lambda: self.set_scope(None))
        self.group_by = QComboBox()
        self.group_by.setObjectName("passagesGroupBy")
        self.group_by.addItems(["", "", ""])
        self.contains = QLineEdit()
        self.contains.setObjectName("passagesContains")
        self.contains.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("passagesTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("passagesSummary")
        self.more_button = QPushButton()
        self.more_button.setObjectName("passagesMore")
        self.export_button = QPushButton()
        self.export_button.setObjectName("passagesExport")

        filters = QHBoxLayout()
        filters.addWidget(self.scope_label)
        filters.addWidget(self.scope_clear)
        for widget in (
            self.tag_filter,
            self.kind_filter,
            self.interviewee_filter,
            self.annotator_filter,
        ):
            filters.addWidget(widget)
        filters.addWidget(self.contains, 1)
        filters.addWidget(self.group_by)
        documents = QHBoxLayout()
        row: tuple[QWidget, ...] = (
            self.outlet_filter,
            self.series_filter,
            self.status_filter,
            self.dates_label,
            self.from_date,
            self.to_date,
        )
        for part in row:
            documents.addWidget(part)
        documents.addStretch(1)
        self.scope_label.hide()
        self.scope_clear.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.export_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addLayout(documents)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setWidget(body)

        for box in (
            self.tag_filter,
            self.kind_filter,
            self.interviewee_filter,
            self.annotator_filter,
            self.outlet_filter,
            self.series_filter,
            self.status_filter,
        ):
            box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.group_by.currentIndexChanged.connect(lambda _index: self._show_rows())
        self.contains.returnPressed.connect(self.refresh)
        for edit in (self.from_date, self.to_date):
            edit.editingFinished.connect(self.refresh)
        self.table.cellActivated.connect(lambda row, _column: self.open_row(row))
        self.table.cellClicked.connect(lambda row, _column: self.open_row(row))
        self.more_button.clicked.connect(self.show_more)
        self.export_button.clicked.connect(self.choose_export)
        self.visibilityChanged.connect(self._visibility_changed)
        # After the window has shown what the user did, once for every change meanwhile.
        self._later = ChangesLater(lambda _changes: self._changed(), self)
        context.session.changed.connect(lambda changes, _origin: self._later.add(changes))
        self._retranslate()

    # Filters ----------------------------------------------------------------------------

    def fill_filters(self) -> None:
        """The project's tags, interviewees and annotators, keeping what was chosen where it
        is still there."""
        project = self._context.session.project
        tag = self.tag_filter.currentData()
        who = self.interviewee_filter.currentData()
        annotator = self.annotator_filter.currentData()
        outlet = self.outlet_filter.currentData()
        series = self.series_filter.currentData()
        try:
            offered = filter_values(project)
        except FangtanError as error:
            self.summary.setText(error_text(error))
            return
        names: list[str] = []
        for document in project.documents():
            names += [n.strip() for n in document.interviewee.split(NAME_SEPARATOR) if n.strip()]
        for box, values, chosen in (
            (self.tag_filter, [t.name for t in self._context.tags()], tag),
            (self.interviewee_filter, sorted(set(names)), who),
            (self.annotator_filter, annotator_names(project), annotator),
            (self.outlet_filter, list(offered.outlets), outlet),
            (self.series_filter, list(offered.series), series),
        ):
            box.blockSignals(True)
            box.clear()
            box.addItem("", _ANY)
            for value in values:
                box.addItem(value, value)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)
        self._retranslate()

    def show_for(self, tag: str, scope: PassageScope | None = None) -> None:
        """Show the panel listing the passages of ``tag`` ("": every tag) in ``scope``; the
        other filters are reset."""
        self.show()
        self.raise_()
        self.fill_filters()
        for box, value in (
            (self.tag_filter, tag),
            (self.interviewee_filter, _ANY),
            (self.annotator_filter, _ANY),
            (self.outlet_filter, _ANY),
            (self.series_filter, _ANY),
        ):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)))
            box.blockSignals(False)
        self.status_filter.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.status_filter.blockSignals(False)
        for edit in (self.from_date, self.to_date):
            edit.setDate(NO_DATE)
        self.set_scope(scope)

    def set_scope(self, scope: PassageScope | None) -> None:
        """List only the passages of ``scope`` (None: of every interview)."""
        self._scope = scope
        self.scope_label.setText(scope.label if scope is not None else "")
        self.scope_label.setVisible(scope is not None)
        self.scope_clear.setVisible(scope is not None)
        self.refresh()

    def query(self) -> PassageQuery:
        tag = self.tag_filter.currentData() or _ANY
        who = self.interviewee_filter.currentData() or _ANY
        annotator = self.annotator_filter.currentData() or _ANY
        outlet = self.outlet_filter.currentData() or _ANY
        series = self.series_filter.currentData() or _ANY
        kind = (None, "answer", "question")[max(0, self.kind_filter.currentIndex())]
        return PassageQuery(
            tags=(tag,) if tag else (),
            documents=self._scope.documents if self._scope is not None else (),
            annotator=annotator or None,
            interviewee=who or None,
            outlet=outlet or None,
            series=series or None,
            status=STATUSES[max(0, self.status_filter.currentIndex())],
            published_from=_chosen(self.from_date),
            published_to=_chosen(self.to_date),
            kind=kind,
            contains=self.contains.text().strip(),
            limit=PAGE,
        )

    # The list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._query = self.query()
        self._rows = []
        self._show_rows()
        self._load(0)

    def show_more(self) -> None:
        self._load(len(self._rows))

    def _load(self, offset: int) -> None:
        project = self._context.session.project
        query = replace(self._query, offset=offset)
        try:
            page = passages(project, query)
            total = count_passages(project, query)
        except FangtanError as error:
            self.summary.setText(error_text(error))
            self.more_button.setEnabled(False)
            return
        self._rows += page
        self._show_rows()
        self.summary.setText(
            self.tr("%1 of %2 passages")
            .replace("%1", str(len(self._rows)))
            .replace("%2", str(total))
        )
        self.more_button.setEnabled(len(self._rows) < total)
        self.export_button.setEnabled(total > 0)

    def grouping(self) -> GroupBy:
        return GROUPINGS[max(0, self.group_by.currentIndex())]

    def _show_rows(self) -> None:
        """Fill the table with the passages loaded, grouped as chosen."""
        grouping = self.grouping()
        order = [tag.id for tag in self._context.tags()] if grouping == "tag" else []
        index = {id(found): number for number, found in enumerate(self._rows)}
        self.table.clearSpans()
        self.table.setRowCount(0)
        self._shown = []
        groups = group_passages(self._rows, grouping, order)
        self.table.setRowCount(len(self._rows) + (len(groups) if grouping else 0))
        for group in groups:
            if grouping is not None:
                self._heading_row(heading(group))
            for found in group.rows:
                self._passage_row(found, index[id(found)])

    def _heading_row(self, text: str) -> None:
        row = len(self._shown)
        self._shown.append(None)
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, self.table.columnCount())

    def _passage_row(self, found: Passage, number: int) -> None:
        row = len(self._shown)
        self._shown.append(number)
        who = found.speaker or "—"
        cells = (found.document_title, who, found.tag, " ".join(found.text.split()))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 3:
                item.setToolTip(self._context_tip(found))
            self.table.setItem(row, column, item)

    def _context_tip(self, found: Passage) -> str:
        if not found.context:
            return found.text
        start = found.start - found.context_start
        end = found.end - found.context_start
        context = found.context
        marked = f"{context[:start]}【{context[start:end]}】{context[end:]}"
        return marked if len(marked) <= 800 else marked[:799] + "…"

    def open_row(self, row: int) -> None:
        """Show the passage of table row ``row`` in the text, selected (a heading: nothing)."""
        if not 0 <= row < len(self._shown):
            return
        number = self._shown[row]
        if number is None:
            return
        found = self._rows[number]
        if self._context.shown_document() != found.document_id:
            self._context.document_list.select_document(found.document_id)
        view = self._context.text_view
        if view.content is not None and view.content.meta.id == found.document_id:
            view.select_span(found.start, found.end)

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.fill_filters()
            self.refresh()

    def _changed(self) -> None:
        if self.isVisible():  # a hidden list is filled afresh when shown
            self.fill_filters()
            self.refresh()

    # Export -----------------------------------------------------------------------------

    def choose_export(self) -> None:
        filters = [self.tr("CSV (*.csv)"), self.tr("Excel (*.xlsx)"), self.tr("Web page (*.html)")]
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Coded Passages"),
            str(self._context.session.project.folder / "passages.csv"),
            ";;".join(filters),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in FILE_TYPES:
            suffix = FILE_TYPES[filters.index(chosen)] if chosen in filters else FILE_TYPES[0]
            target = target.with_name(target.name + suffix)
        self.export_to(target)

    def export_to(self, path: Path) -> int | None:
        # The writers of app.exchange are loaded when first used, not when the window starts.
        from app.statistics.passages_export import export_passages

        try:
            rows = export_passages(
                self._context.session.project, self._query, path, self.grouping()
            )
        except FangtanError as error:
            show_error(self, error)
            return None
        self._context.status(
            self.tr("%1 passages written to %2").replace("%1", str(rows)).replace("%2", path.name)
        )
        return rows

    # Language ---------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Coded Passages"))
        if self.tag_filter.count():
            self.tag_filter.setItemText(0, self.tr("Every tag"))
        if self.interviewee_filter.count():
            self.interviewee_filter.setItemText(0, self.tr("Every interviewee"))
        if self.annotator_filter.count():
            self.annotator_filter.setItemText(0, self.tr("Every annotator"))
        if self.outlet_filter.count():
            self.outlet_filter.setItemText(0, self.tr("Every outlet"))
        if self.series_filter.count():
            self.series_filter.setItemText(0, self.tr("Every series"))
        for index, text in enumerate(
            (self.tr("Any status"), self.tr("Not started"), self.tr("In progress"), self.tr("Done"))
        ):
            self.status_filter.setItemText(index, text)
        self.dates_label.setText(self.tr("Published:"))
        self.from_date.setSpecialValueText(self.tr("from any date"))
        self.to_date.setSpecialValueText(self.tr("to any date"))
        self.scope_clear.setToolTip(self.tr("List the passages of every interview"))
        self.kind_filter.setItemText(0, self.tr("Questions and answers"))
        self.kind_filter.setItemText(1, self.tr("Answers only"))
        self.kind_filter.setItemText(2, self.tr("Questions only"))
        self.contains.setPlaceholderText(self.tr("Containing… (Enter)"))
        self.group_by.setItemText(0, self.tr("Not grouped"))
        self.group_by.setItemText(1, self.tr("Grouped by interview"))
        self.group_by.setItemText(2, self.tr("Grouped by tag"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Interview"), self.tr("Speaker"), self.tr("Tag"), self.tr("Passage")]
        )
        self.more_button.setText(self.tr("Show More"))
        self.export_button.setText(self.tr("Export…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _chosen(edit: QDateEdit) -> date | None:
    chosen = edit.date()
    return None if chosen == NO_DATE else date(chosen.year(), chosen.month(), chosen.day())


def install(context: PanelContext) -> PassagesPanel:
    """Add the Coded Passages dock (hidden at first) and View ▸ Coded Passages."""
    panel = PassagesPanel(context)
    context.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    panel.hide()
    toggle: QAction = panel.toggleViewAction()
    toggle.setObjectName("passagesAction")
    toggle.setShortcut(QKeySequence("Ctrl+Shift+P"))
    context.view_menu.addAction(toggle)
    return panel
