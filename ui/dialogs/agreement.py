"""Team ▸ Agreement: the figures of `fangtan agreement` per tag and pooled, and the list of
places where the annotators differ; a click on one opens it in the text with every
compared annotator's layer shown.

The numbers are worked out on the background thread (app.agreement); numpy is loaded
only when the dialog is first used.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import FangtanError
from ui.dialogs.team import split_names
from ui.window.context import PanelContext
from ui.window.errors import error_text

if TYPE_CHECKING:
    from app.agreement.disagreements import Difference
    from app.agreement.report import Agreement, Figures, NominalAgreement, SpanAgreement

UNITS = ("turn", "char", "span")
LISTED = 2000  # disagreements listed at most
EXCERPT = 40  # characters of each place shown in the list
_QUEUED = Qt.ConnectionType.QueuedConnection
_NUMERIC = re.compile(r"[-0-9.% —]+")


@dataclass(frozen=True)
class Found:
    """One computation: the figures, the first differences and their texts."""

    agreement: "Agreement"
    differences: "tuple[Difference, ...]"
    total: int
    excerpts: tuple[str, ...]


def compute(context: PanelContext, unit: str, annotators: Sequence[str] | None) -> Found:
    from app.agreement.disagreements import differences_in
    from app.agreement.layers import load_layers
    from app.agreement.report import COMPUTE

    project = context.session.project
    layers = load_layers(project, list(annotators) if annotators else None)
    figures = COMPUTE[unit](layers)
    found = differences_in(project, layers, unit)
    shown = found[:LISTED]
    texts: dict[int, str] = {}
    for difference in shown:
        if difference.document_id not in texts:
            texts[difference.document_id] = project.document(difference.document_id).text
    excerpts = tuple(_excerpt(texts[d.document_id], d.start, d.end) for d in shown)
    return Found(figures, shown, len(found), excerpts)


def _excerpt(text: str, start: int, end: int) -> str:
    place = " ".join(text[start:end].split())
    return place if len(place) <= EXCERPT else place[: EXCERPT - 1] + "…"


def number(value: float | None) -> str:
    """A coefficient to three places; an undefined one is a dash, never NaN."""
    return "—" if value is None else f"{value:.3f}"


class AgreementDialog(QDialog):
    # interview, start, end, the annotators whose versions to show
    open_requested = Signal(int, int, int, tuple)

    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self.setObjectName("agreementDialog")
        self._context = context
        self.found: Found | None = None
        self.unit = QComboBox()
        self.unit.setObjectName("agreementUnit")
        self.unit.addItems(["", "", ""])
        self.annotators = QLineEdit()
        self.annotators.setObjectName("agreementAnnotators")
        self.compute_button = QPushButton()
        self.compute_button.setObjectName("agreementCompute")
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("agreementCopy")
        self.figures = QTableWidget()
        self.figures.setObjectName("agreementTable")
        self.list = QTableWidget(0, 4)
        self.list.setObjectName("agreementDifferences")
        for table in (self.figures, self.list):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("agreementSummary")
        self.summary.setWordWrap(True)
        self.list_label = QLabel()

        self.unit_label = QLabel()
        self.annotators_label = QLabel()
        row = QHBoxLayout()
        for widget in (self.unit_label, self.unit, self.annotators_label):
            row.addWidget(widget)
        row.addWidget(self.annotators, 1)
        row.addWidget(self.compute_button)
        row.addWidget(self.copy_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.list_label)
        lower_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.figures)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.resize(1000, 640)
        self.compute_button.clicked.connect(self.refresh)
        self.unit.currentIndexChanged.connect(lambda _index: self.refresh())
        self.annotators.returnPressed.connect(self.refresh)
        self.copy_button.clicked.connect(self.copy_table)
        self.list.cellClicked.connect(lambda row, _column: self.open_row(row))
        self.list.cellActivated.connect(lambda row, _column: self.open_row(row))
        self.retranslate()

    def chosen_unit(self) -> str:
        return UNITS[max(self.unit.currentIndex(), 0)]

    def refresh(self) -> None:
        """Work the figures out again in the background."""
        self.summary.setText(self.tr("Comparing…"))
        self.compute_button.setEnabled(False)
        unit, names = self.chosen_unit(), split_names(self.annotators.text())
        context = self._context
        task = context.runner.start(lambda _state: compute(context, unit, names))
        task.succeeded.connect(self.show_found, _QUEUED)
        task.failed.connect(self._failed, _QUEUED)

    def _failed(self, error: Exception) -> None:
        self.compute_button.setEnabled(True)
        self.found = None
        self.figures.setRowCount(0)
        self.list.setRowCount(0)
        self.list_label.clear()
        if isinstance(error, FangtanError):
            self.summary.setText(error_text(error))
        else:
            self.summary.setText(
                self.tr("Agreement could not be worked out: %1").replace("%1", str(error))
            )

    def show_found(self, found: Found) -> None:
        self.compute_button.setEnabled(True)
        self.found = found
        result = found.agreement
        if not self.annotators.text().strip():
            self.annotators.setPlaceholderText(", ".join(result.annotators))
        if result.unit == "span":
            self._fill_spans(result)  # type: ignore[arg-type]
            units = ""
        else:
            self._fill_nominal(result)  # type: ignore[arg-type]
            units = self.tr(" · %1 units").replace("%1", str(result.units))  # type: ignore[union-attr]
        self.summary.setText(
            self.tr("%1 · %2 interviews compared")
            .replace("%1", ", ".join(result.annotators))
            .replace("%2", str(result.documents))
            + units
        )
        self._fill_list(found)

    # The figures ------------------------------------------------------------------------

    def _warning_text(self, codes: Sequence[str]) -> str:
        texts = {
            "few_units": self.tr("fewer than 30 units"),
            "one_value": self.tr("one value covers 85 % or more"),
            "kappa_undefined": self.tr("kappa undefined"),
        }
        return "; ".join(texts.get(code, code) for code in codes)

    def _fill_nominal(self, result: "NominalAgreement") -> None:
        pairs = list(result.pooled.coefficients.pairwise_cohen_kappa)
        headers = [
            self.tr("Tag"),
            self.tr("Units"),
            self.tr("Agreement"),
            self.tr("Cohen's κ (mean)"),
            *(self.tr("κ %1").replace("%1", pair.replace("|", " · ")) for pair in pairs),
            self.tr("Fleiss' κ"),
            self.tr("Krippendorff's α"),
            self.tr("Gwet's AC1"),
            self.tr("Warnings"),
        ]
        rows: list[tuple[str, Figures]] = [(self.tr("All tags (pooled)"), result.pooled)]
        rows += list(result.tags.items())
        table = self.figures
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for index, (name, figures) in enumerate(rows):
            c = figures.coefficients
            percent = "—" if c.percent is None else f"{c.percent * 100:.1f} %"
            values = [
                name,
                str(c.units),
                percent,
                number(c.cohen_kappa),
                *(number(c.pairwise_cohen_kappa.get(pair)) for pair in pairs),
                number(c.fleiss_kappa),
                number(c.krippendorff_alpha),
                number(c.gwet_ac1),
                self._warning_text(figures.warnings),
            ]
            self._fill_row(index, values, bold=index == 0)
        self._fit(table)

    def _fill_spans(self, result: "SpanAgreement") -> None:
        pairs = list(result.pairs)
        headers = [self.tr("Tag")]
        for pair in pairs:
            shown = pair.replace("|", " · ")
            headers += [
                self.tr("Exact F1 %1").replace("%1", shown),
                self.tr("Overlap F1 %1").replace("%1", shown),
            ]
        headers.append(self.tr("Unitizing α"))
        table = self.figures
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(1 + len(result.tags))
        overall = [self.tr("All tags")]
        for pair in pairs:
            scores = result.pairs[pair]
            overall += [number(scores.exact_f1), number(scores.overlap_f1)]
        self._fill_row(0, [*overall, "—"], bold=True)
        for index, (name, spans) in enumerate(result.tags.items(), start=1):
            values = [name]
            for pair in pairs:
                tag_scores = spans.pairs.get(pair)
                values += [
                    number(tag_scores.exact_f1 if tag_scores else None),
                    number(tag_scores.overlap_f1 if tag_scores else None),
                ]
            self._fill_row(index, [*values, number(spans.unitizing_alpha)], bold=False)
        self._fit(table)

    def _fill_row(self, row: int, values: Sequence[str], bold: bool) -> None:
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column and _NUMERIC.fullmatch(value):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if value == "—":
                item.setToolTip(self.tr("Undefined: the chance term leaves nothing to correct"))
            if bold:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.figures.setItem(row, column, item)

    @staticmethod
    def _fit(table: QTableWidget) -> None:
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def table_text(self) -> str:
        """The figures as tab-separated lines, headers first (for a spreadsheet)."""
        table = self.figures
        columns = range(table.columnCount())
        header = [table.horizontalHeaderItem(c).text() for c in columns]  # type: ignore[union-attr]
        lines = ["\t".join(header)]
        for row in range(table.rowCount()):
            cells = [table.item(row, c) for c in columns]
            lines.append("\t".join(cell.text() if cell else "" for cell in cells))
        return "\n".join(lines) + "\n"

    def copy_table(self) -> None:
        QGuiApplication.clipboard().setText(self.table_text())
        self._context.status(self.tr("Agreement table copied."))

    # The disagreements --------------------------------------------------------------------

    def _fill_list(self, found: Found) -> None:
        total = found.total
        if total > len(found.differences):
            text = self.tr("Disagreements: %1 (the first %2 listed); click one to open it")
            text = text.replace("%2", str(len(found.differences)))
        else:
            text = self.tr("Disagreements: %1; click one to open it")
        self.list_label.setText(text.replace("%1", str(total)))
        names = found.agreement.annotators
        self.list.clear()
        self.list.setColumnCount(3 + len(names))
        self.list.setHorizontalHeaderLabels(
            [self.tr("Interview"), self.tr("Tag"), self.tr("Text"), *names]
        )
        self.list.setRowCount(len(found.differences))
        for row, (difference, excerpt) in enumerate(
            zip(found.differences, found.excerpts, strict=True)
        ):
            cells: list[Any] = [difference.title, difference.tag, excerpt]
            cells += [self._version_text(version.spans) for version in difference.versions]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.list.setItem(row, column, item)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list.resizeColumnsToContents()
        for column in range(self.list.columnCount()):
            self.list.setColumnWidth(column, min(self.list.columnWidth(column), 260))
        header.setStretchLastSection(True)

    def _version_text(self, spans: Sequence[tuple[int, int]]) -> str:
        if not spans:
            return self.tr("(nothing)")
        return ", ".join(f"{start}–{end}" for start, end in spans)

    def open_row(self, row: int) -> None:
        if self.found is None or not 0 <= row < len(self.found.differences):
            return
        difference = self.found.differences[row]
        names = tuple(version.annotator for version in difference.versions)
        self.open_requested.emit(difference.document_id, difference.start, difference.end, names)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Agreement"))
        for index, text in enumerate(
            (self.tr("Turns"), self.tr("Characters"), self.tr("Spans (annotations)"))
        ):
            self.unit.setItemText(index, text)
        self.unit_label.setText(self.tr("&Unit:"))
        self.unit_label.setBuddy(self.unit)
        self.annotators_label.setText(self.tr("&Annotators:"))
        self.annotators_label.setBuddy(self.annotators)
        self.annotators.setToolTip(
            self.tr("Names, comma-separated; empty compares everyone but the gold layer")
        )
        self.compute_button.setText(self.tr("&Compare"))
        self.copy_button.setText(self.tr("Co&py Table"))
        if self.found is not None:
            self.show_found(self.found)
