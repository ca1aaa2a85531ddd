"""Tools ▸ Corpus Overview: tags × interviews as a heat map, and which tags go together.

The numbers are those of `fangtan stats` (app.statistics), worked out on the background
thread. A click on a cell of the heat map lists its passages in View ▸ Coded Passages.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import FangtanError
from app.statistics import Overview, overview
from app.statistics.matrix import Cell
from ui.window.context import PanelContext
from ui.window.errors import error_text

MEASURES = ("annotations", "characters", "answer_share")
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
    def __init__(self, context: PanelContext, open_passages: Callable[[str, str], None]) -> None:
        super().__init__(context.window)
        self.setObjectName("overviewDialog")
        self._context = context
        self._open_passages = open_passages
        self.data: Overview | None = None
        self.measure = QComboBox()
        self.measure.setObjectName("overviewMeasure")
        self.measure.addItems(["", "", ""])
        self.matrix = QTableWidget()
        self.matrix.setObjectName("overviewMatrix")
        self.pairs = QTableWidget(0, 5)
        self.pairs.setObjectName("overviewPairs")
        for table in (self.matrix, self.pairs):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setObjectName("overviewStatus")
        self.status.setWordWrap(True)

        matrix_page = QWidget()
        matrix_layout = QVBoxLayout(matrix_page)
        row = QHBoxLayout()
        self.measure_label = QLabel()
        row.addWidget(self.measure_label)
        row.addWidget(self.measure)
        row.addStretch(1)
        matrix_layout.addLayout(row)
        matrix_layout.addWidget(self.matrix, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(matrix_page, "")
        self.tabs.addTab(self.pairs, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.resize(980, 620)
        self.measure.currentIndexChanged.connect(lambda _index: self._fill_matrix())
        self.matrix.cellClicked.connect(self._cell_clicked)
        self._retranslate()

    def refresh(self) -> None:
        """Work the numbers out again in the background."""
        self.status.setText(self.tr("Counting…"))
        project = self._context.session.project
        task = self._context.runner.start(lambda _state: overview(project))
        task.succeeded.connect(self.show_overview, _QUEUED)
        task.failed.connect(self._failed, _QUEUED)

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

    # Tags × interviews ----------------------------------------------------------------------

    def _fill_matrix(self) -> None:
        data = self.data
        if data is None:
            return
        matrix = data.matrix
        measure = MEASURES[max(0, self.measure.currentIndex())]
        colors = {tag.id: tag.color for tag in self._context.tags()}
        self.matrix.clear()
        self.matrix.setRowCount(len(matrix.tags))
        self.matrix.setColumnCount(len(matrix.documents))
        self.matrix.setVerticalHeaderLabels([tag.name for tag in matrix.tags])
        self.matrix.setHorizontalHeaderLabels(
            [f"#{document.id} {document.title[:8]}" for document in matrix.documents]
        )
        for column, document in enumerate(matrix.documents):
            header = self.matrix.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(f"{document.title}\n{document.interviewee}")
        for row, tag in enumerate(matrix.tags):
            values = [
                self._value(matrix.cell(tag.id, document.id), measure)
                for document in matrix.documents
            ]
            top = max(values, default=0) or 1
            for column, value in enumerate(values):
                text = f"{value:.0%}" if measure == "answer_share" else f"{value:,.0f}"
                item = QTableWidgetItem(text if value else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(_shade(colors.get(tag.id, "#888888"), value / top))
                item.setToolTip(f"{tag.name} · {matrix.documents[column].title}: {text}")
                self.matrix.setItem(row, column, item)

    @staticmethod
    def _value(cell: Cell, measure: str) -> float:
        if measure == "answer_share":
            return cell.answer_share
        return float(cell.annotations if measure == "annotations" else cell.characters)

    def _cell_clicked(self, row: int, column: int) -> None:
        data = self.data
        if data is None or not (0 <= row < len(data.matrix.tags)):
            return
        document = data.matrix.documents[column]
        self._open_passages(data.matrix.tags[row].name, document.interviewee.split("、")[0])

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
        self.pairs.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            mark = " *" if pair.skewed else ""
            cells = (
                pair.first.name,
                pair.second.name,
                str(pair.overlapping),
                str(pair.same_turn),
                f"{pair.c:.2f}{mark}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if pair.skewed and column == 4:
                    item.setToolTip(
                        self.tr(
                            "One tag is more than five times as frequent as the other: "
                            "the coefficient understates how often they go together."
                        )
                    )
                self.pairs.setItem(row, column, item)
        self.pairs.resizeColumnsToContents()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Corpus Overview"))
        self.tabs.setTabText(0, self.tr("Tags × Interviews"))
        self.tabs.setTabText(1, self.tr("Tags Together"))
        self.measure_label.setText(self.tr("Show:"))
        self.measure.setItemText(0, self.tr("Annotations"))
        self.measure.setItemText(1, self.tr("Characters coded"))
        self.measure.setItemText(2, self.tr("Share of the answers coded"))
        self.pairs.setHorizontalHeaderLabels(
            [
                self.tr("Tag"),
                self.tr("Tag"),
                self.tr("Overlapping passages"),
                self.tr("Turns with both"),
                self.tr("c-coefficient"),
            ]
        )


def install(context: PanelContext, open_passages: Callable[[str, str], None]) -> QAction:
    """Add Tools ▸ Corpus Overview…; the dialog opens with fresh numbers each time."""
    action = QAction(context.window)
    action.setObjectName("overviewAction")
    dialog: list[OverviewDialog] = []

    def show() -> None:
        if not dialog:
            dialog.append(OverviewDialog(context, open_passages))
        dialog[0].show()
        dialog[0].raise_()
        dialog[0].refresh()

    def retranslate() -> None:
        action.setText(QCoreApplication.translate("OverviewDialog", "Corpus &Overview…"))

    action.triggered.connect(show)
    context.tools_menu.addAction(action)
    context.tools_menu.aboutToShow.connect(retranslate)
    retranslate()
    return action
