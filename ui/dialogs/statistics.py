"""Tools ▸ Corpus Overview: tags × interviews (or interviewees, outlets, series, months)
as a heat map, which tags go together, frequencies over time, coverage and progress.

The numbers are those of `fangtan stats` (app.statistics), worked out on the background
thread. A click on a cell of the heat map lists its passages in View ▸ Coded Passages.
Each table can be copied or exported (CSV or Excel) as shown.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import FangtanError
from app.statistics import Overview, overview
from app.statistics.matrix import Cell, DocumentRef, TagMatrix
from app.statistics.shares import NO_SHARE, column_shares, row_shares, share_text, skewed
from app.statistics.table_export import ShownTable, Value, shown, table_text, write_table
from app.statistics.timeline import frequencies_over_time
from ui.dialogs.overview_progress import ProgressPage
from ui.dialogs.timeline_chart import TimelinePage
from ui.panels.passages import PassageScope
from ui.window.context import PanelContext
from ui.window.errors import error_text, show_error

MEASURES = ("annotations", "characters", "answer_share")
# What the heat map shows of the measure: the values, or shares of their row or column.
MODES = ("counts", "rows", "columns")
# What the heat map's columns are: each interview, or the interviews grouped by a field.
COLUMNS: tuple[str | None, ...] = (None, "interviewee", "outlet", "series", "month")
SKEW_MARK = "⚠ "
_SKEW_COLOR = QColor("#fde2b8")
_QUEUED = Qt.ConnectionType.QueuedConnection


def _shade(color: str, strength: float) -> QColor:
    """The tag's colour, from white (nothing) to full (the row's largest value)."""
    full = QColor(color)
    strength = max(0.0, min(1.0, strength))
    return QColor(
        round(255 + (full.red() - 255) * strength * 0.8),
        round(255 + (full.green() - 255) * strength * 0.8),
        round(255 + (full.blue() - 255) * strength * 0.8),
    )


class OverviewDialog(QDialog):
    def __init__(
        self, context: PanelContext, open_passages: Callable[[str, PassageScope], None]
    ) -> None:
        super().__init__(context.window)
        self.setObjectName("overviewDialog")
        self._context = context
        self._open_passages = open_passages
        self.data: Overview | None = None
        self.measure = QComboBox()
        self.measure.setObjectName("overviewMeasure")
        self.measure.addItems(["", "", ""])
        self.mode = QComboBox()
        self.mode.setObjectName("overviewShow")
        self.mode.addItems(["", "", ""])
        self.columns = QComboBox()
        self.columns.setObjectName("overviewColumns")
        self.columns.addItems([""] * len(COLUMNS))
        self._scopes: list[PassageScope] = []
        self.matrix = QTableWidget()
        self.matrix.setObjectName("overviewMatrix")
        self.pairs = QTableWidget(0, 5)
        self.pairs.setObjectName("overviewPairs")
        self.pairs.verticalHeader().hide()
        for table in (self.matrix, self.pairs):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setObjectName("overviewStatus")
        self.status.setWordWrap(True)
        self.shown: dict[str, ShownTable] = {}
        self.buttons: dict[str, tuple[QPushButton, QPushButton]] = {}

        matrix_page = QWidget()
        matrix_layout = QVBoxLayout(matrix_page)
        row = QHBoxLayout()
        self.columns_label = QLabel()
        row.addWidget(self.columns_label)
        row.addWidget(self.columns)
        self.measure_label = QLabel()
        row.addWidget(self.measure_label)
        row.addWidget(self.measure)
        self.mode_label = QLabel()
        row.addWidget(self.mode_label)
        row.addWidget(self.mode)
        row.addStretch(1)
        self._add_buttons(row, "matrix")
        matrix_layout.addLayout(row)
        matrix_layout.addWidget(self.matrix, 1)
        pairs_page = QWidget()
        pairs_layout = QVBoxLayout(pairs_page)
        row = QHBoxLayout()
        row.addStretch(1)
        self._add_buttons(row, "pairs")
        pairs_layout.addLayout(row)
        pairs_layout.addWidget(self.pairs, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(matrix_page, "")
        self.tabs.addTab(pairs_page, "")
        self.timeline = TimelinePage(lambda: context.session.project.folder)
        self.tabs.addTab(self.timeline, "")
        self.progress = ProgressPage(self._add_buttons, context.document_list.select_document)
        self.tabs.addTab(self.progress, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.resize(980, 620)
        self.measure.currentIndexChanged.connect(lambda _index: self._fill_matrix())
        self.mode.currentIndexChanged.connect(lambda _index: self._fill_matrix())
        self.columns.currentIndexChanged.connect(lambda _index: self._fill_matrix())
        self.matrix.cellClicked.connect(self._cell_clicked)
        self._retranslate()

    def _add_buttons(self, row: QHBoxLayout, name: str) -> None:
        copy, export = QPushButton(), QPushButton()
        copy.setObjectName(f"overviewCopy_{name}")
        export.setObjectName(f"overviewExport_{name}")
        copy.clicked.connect(lambda: self.copy_table(name))
        export.clicked.connect(lambda: self.choose_export(name))
        row.addWidget(copy)
        row.addWidget(export)
        self.buttons[name] = (copy, export)

    def refresh(self) -> None:
        """Work the numbers out again in the background."""
        self.status.setText(self.tr("Counting…"))
        project = self._context.session.project
        task = self._context.runner.start(lambda _state: overview(project))
        task.succeeded.connect(self.show_overview, _QUEUED)
        task.failed.connect(self._failed, _QUEUED)
        over_time = self._context.runner.start(lambda _state: frequencies_over_time(project))
        over_time.succeeded.connect(self.timeline.set_timeline, _QUEUED)
        over_time.failed.connect(self._failed, _QUEUED)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, FangtanError):
            self.status.setText(error_text(error))
        else:
            self.status.setText(
                self.tr("The overview could not be worked out: %1").replace("%1", str(error))
            )

    def show_overview(self, data: Overview) -> None:
        self.data = data
        progress = data.progress.overall
        self.status.setText(
            self.tr("%1 interviews: %2 done, %3 in progress, %4 not started")
            .replace("%1", str(len(data.matrix.documents)))
            .replace("%2", str(progress.done))
            .replace("%3", str(progress.in_progress))
            .replace("%4", str(progress.new))
        )
        self._fill_matrix()
        self._fill_pairs()
        self.shown.update(self.progress.show_overview(data))

    # Tags × interviews ----------------------------------------------------------------------

    def _fill_matrix(self) -> None:
        data = self.data
        if data is None:
            return
        matrix = data.matrix
        measure = MEASURES[max(0, self.measure.currentIndex())]
        grouping = COLUMNS[max(0, self.columns.currentIndex())]
        # Shares of shares of the answers would mean nothing: those are shown as they are.
        self.mode.setEnabled(measure != "answer_share")
        mode = MODES[max(0, self.mode.currentIndex())] if self.mode.isEnabled() else "counts"
        colors = {tag.id: tag.color for tag in self._context.tags()}
        columns = self._columns(matrix, grouping)
        self._scopes = [column.scope for column in columns]
        self.matrix.clear()
        self.matrix.setRowCount(len(matrix.tags))
        self.matrix.setColumnCount(len(columns))
        self.matrix.setVerticalHeaderLabels([tag.name for tag in matrix.tags])
        self.matrix.setHorizontalHeaderLabels([column.header for column in columns])
        for number, shown_column in enumerate(columns):
            header_item = self.matrix.horizontalHeaderItem(number)
            if header_item is not None:
                header_item.setToolTip(shown_column.tip)
        grid = [[self._value(c.cell(tag.id), measure) for c in columns] for tag in matrix.tags]
        shares = row_shares(grid) if mode == "rows" else column_shares(grid)
        exported: list[list[Value]] = []
        for row, (tag, values) in enumerate(zip(matrix.tags, grid, strict=True)):
            top = max(values, default=0) or 1
            exported.append([tag.name])
            for column, value in enumerate(values):
                if mode == "counts":
                    text = f"{value:.0%}" if measure == "answer_share" else f"{value:,.0f}"
                    shown_text = text if value else ""
                    exported[-1].append(value if measure == "answer_share" else round(value))
                else:
                    share = shares[row][column]
                    shown_text = text = share_text(share)
                    exported[-1].append(NO_SHARE if share is None else round(share, 1))
                item = QTableWidgetItem(shown_text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(_shade(colors.get(tag.id, "#888888"), value / top))
                item.setToolTip(f"{tag.name} · {columns[column].scope.label}: {text}")
                self.matrix.setItem(row, column, item)
        title = self.tr("Tags × %1").replace("%1", self.columns.currentText())
        self.tabs.setTabText(0, title)
        self.shown["matrix"] = shown(
            title,
            [self.tr("Tag"), *(c.tip.split("\n")[0] for c in columns)],
            exported,
        )

    def _columns(self, matrix: TagMatrix, grouping: str | None) -> list["MatrixColumn"]:
        """Each column of the heat map: header, tooltip, what it holds (for the passages
        listed from it), its interviews and its cell of a tag."""
        if grouping is None:
            return [
                MatrixColumn(
                    f"#{document.id} {document.title[:8]}",
                    f"#{document.id} {document.title}\n{document.interviewee}",
                    PassageScope(
                        self.tr("Interview: #%1 %2")
                        .replace("%1", str(document.id))
                        .replace("%2", document.title),
                        (document.id,),
                    ),
                    partial(_document_cell, matrix, document.id),
                )
                for document in matrix.documents
            ]
        kind = self.columns.currentText()
        columns: list[MatrixColumn] = []
        having = _by_value(matrix.documents, grouping)
        for value in matrix.values(grouping):
            documents = having.get(value, ())
            name = value or (self.tr("(undated)") if grouping == "month" else self.tr("(none)"))
            count = self.tr("%n interview(s)", "", len(documents))
            columns.append(
                MatrixColumn(
                    name if len(name) <= 10 else name[:9] + "…",
                    f"{name}\n{count}",
                    PassageScope(f"{kind}: {name} ({count})", documents),
                    partial(_group_cell, matrix, grouping, value),
                )
            )
        return columns

    @staticmethod
    def _value(cell: Cell, measure: str) -> float:
        if measure == "answer_share":
            return cell.answer_share
        return float(cell.annotations if measure == "annotations" else cell.characters)

    def _cell_clicked(self, row: int, column: int) -> None:
        data = self.data
        if data is None or not (0 <= row < len(data.matrix.tags)):
            return
        if 0 <= column < len(self._scopes):
            self._open_passages(data.matrix.tags[row].name, self._scopes[column])

    # Co-occurrence ------------------------------------------------------------------------

    def _fill_pairs(self) -> None:
        data = self.data
        if data is None:
            return
        pairs = sorted(
            data.cooccurrence.pairs.values(),
            key=lambda pair: (-pair.same_turn, -pair.overlapping, pair.key),
        )
        pairs = [pair for pair in pairs if pair.same_turn or pair.overlapping]
        marks = skewed([p.first_turns for p in pairs], [p.second_turns for p in pairs])
        self.pairs.setRowCount(len(pairs))
        exported: list[list[Value]] = []
        for row, (pair, mark) in enumerate(zip(pairs, marks, strict=True)):
            cells = (
                pair.first.name,
                pair.second.name,
                str(pair.overlapping),
                str(pair.same_turn),
                f"{SKEW_MARK if mark else ''}{pair.c:.2f}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if mark and column == 4:
                    item.setBackground(_SKEW_COLOR)
                    item.setToolTip(
                        self._skew_tip(
                            pair.first.name, pair.first_turns, pair.second.name, pair.second_turns
                        )
                    )
                self.pairs.setItem(row, column, item)
            exported.append(
                [
                    pair.first.name,
                    pair.second.name,
                    pair.overlapping,
                    pair.same_turn,
                    round(pair.c, 4),
                    SKEW_MARK.strip() if mark else "",
                ]
            )
        self.pairs.resizeColumnsToContents()
        for column in range(self.pairs.columnCount()):
            self.pairs.setColumnWidth(column, max(self.pairs.columnWidth(column) + 16, 96))
        self.shown["pairs"] = shown(
            self.tr("Tags Together"),
            [*self._pair_headers(), self.tr("Frequencies far apart")],
            exported,
        )

    def _skew_tip(self, first: str, first_turns: int, second: str, second_turns: int) -> str:
        return (
            self.tr(
                "%1 is in %2 turns, %3 in %4: one tag is more than five times as frequent "
                "as the other. The c-coefficient misleads when frequencies differ this much "
                "(as ATLAS.ti warns): it stays low even when the rarer tag always comes "
                "with the other."
            )
            .replace("%1", first)
            .replace("%2", str(first_turns))
            .replace("%3", second)
            .replace("%4", str(second_turns))
        )

    # Copy and export ----------------------------------------------------------------------

    def copy_table(self, name: str) -> None:
        """Put the table as shown on the clipboard, tab-separated."""
        table = self.shown.get(name)
        if table is not None:
            QGuiApplication.clipboard().setText(table_text(table))

    def choose_export(self, name: str) -> None:
        table = self.shown.get(name)
        if table is None:
            return
        csv_filter, xlsx_filter = self.tr("CSV (*.csv)"), self.tr("Excel workbook (*.xlsx)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Table"),
            str(self._context.session.project.folder / f"{table.title}.csv"),
            f"{csv_filter};;{xlsx_filter}",
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_name(target.name + (".xlsx" if chosen == xlsx_filter else ".csv"))
        self.export_to(name, target)

    def export_to(self, name: str, target: Path) -> bool:
        """Write the table as shown to ``target`` (CSV, or Excel for .xlsx)."""
        table = self.shown.get(name)
        if table is None:
            return False
        try:
            write_table(table, target)
        except FangtanError as error:
            show_error(self, error)
            return False
        self._context.status(self.tr("Table written to %1").replace("%1", target.name))
        return True

    def _pair_headers(self) -> list[str]:
        return [
            self.tr("Tag"),
            self.tr("Tag"),
            self.tr("Overlapping passages"),
            self.tr("Turns with both"),
            self.tr("c-coefficient"),
        ]

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Corpus Overview"))
        self.tabs.setTabText(1, self.tr("Tags Together"))
        self.tabs.setTabText(2, self.tr("Over Time"))
        self.tabs.setTabText(3, self.tr("Coverage and Progress"))
        self.timeline.retranslate()
        self.progress.retranslate()
        self.columns_label.setText(self.tr("Columns:"))
        for index, text in enumerate(
            (
                self.tr("Interviews"),
                self.tr("Interviewees"),
                self.tr("Outlets"),
                self.tr("Series"),
                self.tr("Months"),
            )
        ):
            self.columns.setItemText(index, text)
        self.tabs.setTabText(0, self.tr("Tags × %1").replace("%1", self.columns.currentText()))
        self.measure_label.setText(self.tr("Measure:"))
        self.measure.setItemText(0, self.tr("Annotations"))
        self.measure.setItemText(1, self.tr("Characters coded"))
        self.measure.setItemText(2, self.tr("Share of the answers coded"))
        self.mode_label.setText(self.tr("Show:"))
        self.mode.setItemText(0, self.tr("Counts"))
        self.mode.setItemText(1, self.tr("Row percentages"))
        self.mode.setItemText(2, self.tr("Column percentages"))
        for copy, export in self.buttons.values():
            copy.setText(self.tr("Copy"))
            export.setText(self.tr("Export…"))
        self.pairs.setHorizontalHeaderLabels(self._pair_headers())


@dataclass(frozen=True)
class MatrixColumn:
    """A column of the heat map: its header and tooltip, the passages a click lists, and
    its cell for a tag id."""

    header: str
    tip: str
    scope: PassageScope
    cell: Callable[[int], Cell]


def _document_cell(matrix: TagMatrix, document_id: int, tag_id: int) -> Cell:
    return matrix.cell(tag_id, document_id)


def _group_cell(matrix: TagMatrix, grouping: str, value: str, tag_id: int) -> Cell:
    return matrix.group_cell(grouping, tag_id, value)


def _by_value(documents: tuple[DocumentRef, ...], grouping: str) -> dict[str, tuple[int, ...]]:
    """The ids of the documents with each value of the grouping, in one pass."""
    found: dict[str, list[int]] = {}
    for document in documents:
        found.setdefault(document.grouped_by(grouping), []).append(document.id)
    return {value: tuple(ids) for value, ids in found.items()}
