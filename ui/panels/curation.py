"""Team ▸ Curate: the gold layer of the interview on screen, built from the annotators'
layers (app.team.adjudication).

The agreed annotations go to gold with one button, by the rule the lead chooses; every
disagreement is listed, and its versions side by side: accept one or several, accept
boundaries of the curator's own (typed, or taken from the selection in the text), or
reject them all. Each decision is one undo step; choosing a disagreement shows it in
the text with the compared layers and gold.
"""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import Changes
from app.errors import FangtanError
from app.team.adjudication import (
    ACCEPT_STEP,
    ADJUDICATE_STEP,
    FINISH_STEP,
    REJECT_STEP,
    REOPEN_STEP,
    RULES,
    Curation,
    Disagreement,
    accept,
    auto_gold,
    curation,
    finish,
    reject,
)
from app.team.assignments import step_name
from app.team.visibility import GOLD_ANNOTATOR
from ui.window.context import PanelContext
from ui.window.errors import error_text

EXCERPT = 60


class CurationPanel(QDockWidget):
    # interview, start, end, the layers to show
    open_requested = Signal(int, int, int, tuple)

    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self.setObjectName("curationPanel")
        self._context = context
        self.current: Curation | None = None
        self._spans: list[tuple[int, int]] = []  # the versions table's rows
        self._advance = False  # a decision was just made: choose the next open disagreement

        self.title = QLabel()
        self.title.setObjectName("curationTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.rule = QComboBox()
        self.rule.setObjectName("curationRule")
        self.rule.addItems(["", ""])
        self.rule_label = QLabel()
        self.add_agreed = QPushButton()
        self.add_agreed.setObjectName("curationAddAgreed")
        self.done_box = QCheckBox()
        self.done_box.setObjectName("curationDone")
        self.summary = QLabel()
        self.summary.setObjectName("curationSummary")
        self.summary.setWordWrap(True)
        self.list = QTableWidget(0, 4)
        self.list.setObjectName("curationDisagreements")
        self.versions = QTableWidget(0, 3)
        self.versions.setObjectName("curationVersions")
        for table in (self.list, self.versions):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gold_label = QLabel()
        self.gold_label.setObjectName("curationGold")
        self.gold_label.setWordWrap(True)
        self.start_spin = QSpinBox()
        self.start_spin.setObjectName("curationStart")
        self.end_spin = QSpinBox()
        self.end_spin.setObjectName("curationEnd")
        self.own_label = QLabel()
        self.from_selection = QPushButton()
        self.from_selection.setObjectName("curationFromSelection")
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("curationAccept")
        self.accept_own = QPushButton()
        self.accept_own.setObjectName("curationAcceptOwn")
        self.reject_button = QPushButton()
        self.reject_button.setObjectName("curationReject")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.rule_label)
        top.addWidget(self.rule)
        top.addWidget(self.add_agreed)
        top.addWidget(self.done_box)
        own = QHBoxLayout()
        own.addWidget(self.own_label)
        own.addWidget(self.start_spin)
        own.addWidget(QLabel("–"))
        own.addWidget(self.end_spin)
        own.addWidget(self.from_selection)
        own.addStretch(1)
        decide = QHBoxLayout()
        decide.addWidget(self.accept_button)
        decide.addWidget(self.accept_own)
        decide.addWidget(self.reject_button)
        decide.addStretch(1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.versions, 1)
        detail_layout.addWidget(self.gold_label)
        detail_layout.addLayout(own)
        detail_layout.addLayout(decide)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self.rule.currentIndexChanged.connect(lambda _index: self.refresh())
        self.add_agreed.clicked.connect(self.add_agreed_to_gold)
        self.done_box.clicked.connect(self.set_done)
        self.list.currentCellChanged.connect(lambda row, *_rest: self._choose(row))
        self.list.cellClicked.connect(lambda row, _column: self._show_place(row))
        self.from_selection.clicked.connect(self.take_selection)
        self.accept_button.clicked.connect(self.accept_checked)
        self.accept_own.clicked.connect(self.accept_boundaries)
        self.reject_button.clicked.connect(self.reject_all)
        context.document_list.document_selected.connect(lambda _id: self._refresh_shown())
        context.session.changed.connect(self._after_change)
        self.visibilityChanged.connect(lambda _visible: self._refresh_shown())
        self._retranslate()

    @property
    def chosen_rule(self) -> str:
        return RULES[max(self.rule.currentIndex(), 0)]

    def _refresh_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def _after_change(self, _changes: Changes, _origin: str) -> None:
        self._refresh_shown()

    def refresh(self) -> None:
        """Read the shown interview's curation again, keeping the chosen disagreement."""
        document_id = self._context.shown_document()
        chosen = self.chosen()
        key = (chosen.tag_id, chosen.start) if chosen else None
        self.current = None
        if document_id is None:
            self._show_nothing(self.tr("Open an interview to curate it."))
            return
        try:
            self.current = curation(self._context.session.project, document_id, self.chosen_rule)
        except FangtanError as error:
            self._show_nothing(error_text(error))
            return
        self._fill(self.current, key)

    def _show_nothing(self, message: str) -> None:
        self.title.setText(message)
        self.summary.clear()
        self.list.setRowCount(0)
        self.versions.setRowCount(0)
        self.gold_label.clear()
        for widget in self._controls():
            widget.setEnabled(False)

    def _controls(self) -> list[QWidget]:
        return [
            self.add_agreed,
            self.done_box,
            self.accept_button,
            self.accept_own,
            self.reject_button,
            self.from_selection,
            self.start_spin,
            self.end_spin,
        ]

    def _fill(self, found: Curation, key: tuple[int, int] | None) -> None:
        self.title.setText(self.tr("Curation of “%1”").replace("%1", found.title))
        status = {
            None: self.tr("not begun"),
            "assigned": self.tr("begun"),
            "done": self.tr("done"),
        }.get(found.status, found.status or "")
        self.summary.setText(
            self.tr("%1 · agreed %2, of which %3 in gold · disagreements %4, %5 open · curation %6")
            .replace("%1", ", ".join(found.annotators))
            .replace("%2", str(len(found.agreed)))
            .replace("%3", str(len(found.agreed) - len(found.missing)))
            .replace("%4", str(len(found.disagreements)))
            .replace("%5", str(len(found.open)))
            .replace("%6", status)
        )
        for widget in self._controls():
            widget.setEnabled(True)
        self.add_agreed.setText(
            self.tr("Add Agreed to Gold (%1)").replace("%1", str(len(found.missing)))
        )
        self.add_agreed.setEnabled(bool(found.missing) or found.status is None)
        self.done_box.setChecked(found.status == "done")
        names = self._tag_names()
        text = self._text()
        self.list.blockSignals(True)
        self.list.setRowCount(len(found.disagreements))
        chosen_row = 0
        for row, item in enumerate(found.disagreements):
            if key == (item.tag_id, item.start):
                chosen_row = row
            if item.gold:
                gold = ", ".join(f"{g.start}–{g.end}" for g in item.gold)
            else:
                gold = self.tr("rejected") if item.rejected else self.tr("open")
            cells = [
                names.get(item.tag_id, str(item.tag_id)),
                f"{item.start}–{item.end}",
                gold,
                _excerpt(text, item.start, item.end),
            ]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                if column == 2 and not item.resolved:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.list.setItem(row, column, cell)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.list.blockSignals(False)
        if not found.disagreements:
            self._choose(-1)
            return
        following = self._next_open(found, chosen_row) if self._advance else None
        self.list.setCurrentCell(following if following is not None else chosen_row, 0)
        self._choose(self.list.currentRow())
        if following is not None:
            self._show_place(following)

    @staticmethod
    def _next_open(found: Curation, row: int) -> int | None:
        """The first open disagreement after ``row`` (wrapping round), if any is left."""
        count = len(found.disagreements)
        for step in range(count):
            index = (row + step) % count
            if not found.disagreements[index].resolved:
                return index
        return None

    def _tag_names(self) -> dict[int, str]:
        return {tag.id: tag.name for tag in self._context.tags()}

    def _text(self) -> str:
        content = self._context.text_view.content
        if content is None or self.current is None or content.meta.id != self.current.document_id:
            return ""
        return content.text

    # One disagreement ---------------------------------------------------------------------

    def chosen(self) -> Disagreement | None:
        row = self.list.currentRow()
        if self.current is None or not 0 <= row < len(self.current.disagreements):
            return None
        return self.current.disagreements[row]

    def _choose(self, row: int) -> None:
        found = self.chosen() if row >= 0 else None
        self.versions.setRowCount(0)
        self._spans = []
        for widget in (self.accept_button, self.accept_own, self.reject_button):
            widget.setEnabled(found is not None)
        if found is None:
            self.gold_label.setText(self.tr("No disagreement left in this interview."))
            return
        holders: dict[tuple[int, int], list[str]] = {}
        silent = []
        for version in found.versions:
            if not version.spans:
                silent.append(version.annotator)
            for span in version.spans:
                holders.setdefault(span, []).append(version.annotator)
        held = {(gold.start, gold.end) for gold in found.gold}
        text = self._text()
        self._spans = sorted(holders)
        self.versions.setRowCount(len(self._spans) + (1 if silent else 0))
        for row_index, span in enumerate(self._spans):
            check = QTableWidgetItem(", ".join(holders[span]))
            check.setFlags(check.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            check.setCheckState(Qt.CheckState.Checked if span in held else Qt.CheckState.Unchecked)
            self.versions.setItem(row_index, 0, check)
            self.versions.setItem(row_index, 1, QTableWidgetItem(f"{span[0]}–{span[1]}"))
            self.versions.setItem(row_index, 2, QTableWidgetItem(_excerpt(text, *span)))
        if silent:
            nothing = QTableWidgetItem(", ".join(silent))
            nothing.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.versions.setItem(len(self._spans), 0, nothing)
            self.versions.setItem(len(self._spans), 2, QTableWidgetItem(self.tr("(nothing)")))
        for column in range(2):
            self.versions.resizeColumnToContents(column)
        gold = ", ".join(f"{g.start}–{g.end}" for g in found.gold) or (
            self.tr("nothing (rejected)") if found.rejected else self.tr("nothing")
        )
        self.gold_label.setText(self.tr("Gold holds: %1").replace("%1", gold))
        length = len(text) if text else max(found.end, 1)
        for spin in (self.start_spin, self.end_spin):
            spin.setRange(0, length)
        self.start_spin.setValue(found.start)
        self.end_spin.setValue(found.end)

    def _show_place(self, row: int) -> None:
        found = self.chosen() if row >= 0 else None
        if found is None or self.current is None:
            return
        layers = (*self.current.annotators, GOLD_ANNOTATOR)
        self.open_requested.emit(found.document_id, found.start, found.end, layers)

    def check_version(self, row: int, on: bool = True) -> None:
        item = self.versions.item(row, 0)
        if item is not None and row < len(self._spans):
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked_spans(self) -> list[tuple[int, int]]:
        return [
            span
            for row, span in enumerate(self._spans)
            if (item := self.versions.item(row, 0)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    # Decisions ----------------------------------------------------------------------------

    def _run(self, command, template: str, *arguments: object) -> bool:
        return self._context.session.run(command, step_name(template, *arguments)) is not None

    def _decide(self, command, template: str, title: str) -> None:
        """Run a decision on the chosen disagreement, then go on to the next open one."""
        self._advance = True
        try:
            self._run(command, template, title)
        finally:
            self._advance = False

    def add_agreed_to_gold(self) -> None:
        if self.current is None:
            return
        found = self.current
        try:
            command = auto_gold(
                self._context.session.project, self.chosen_rule, [found.document_id]
            )
        except FangtanError as error:
            self._context.status(error_text(error))
            return
        if self._run(command, ADJUDICATE_STEP, 1, self.chosen_rule):
            self._context.status(
                self.tr("%n agreed annotation(s) added to gold.", "", len(found.missing))
            )

    def accept_checked(self) -> None:
        found = self.chosen()
        spans = self.checked_spans()
        if found is None:
            return
        if not spans:
            self._context.status(self.tr("Check the versions to accept, or choose Reject All."))
            return
        self._decide(accept(found, spans), ACCEPT_STEP, found.title)

    def accept_boundaries(self) -> None:
        found = self.chosen()
        start, end = self.start_spin.value(), self.end_spin.value()
        if found is None:
            return
        if end <= start:
            self._context.status(self.tr("The end must come after the start."))
            return
        self._decide(accept(found, [(start, end)]), ACCEPT_STEP, found.title)

    def reject_all(self) -> None:
        found = self.chosen()
        if found is not None:
            self._decide(reject(found), REJECT_STEP, found.title)

    def take_selection(self) -> None:
        span = self._context.text_view.selection_span()
        if span is None:
            self._context.status(self.tr("Select the passage in the text first."))
            return
        self.start_spin.setValue(span[0])
        self.end_spin.setValue(span[1])

    def set_done(self, done: bool) -> None:
        if self.current is None:
            return
        template = FINISH_STEP if done else REOPEN_STEP
        if not self._run(finish(self.current.document_id, done), template, self.current.title):
            self.done_box.setChecked(not done)

    # Language -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Curation"))
        self.rule_label.setText(self.tr("&Rule:"))
        self.rule_label.setBuddy(self.rule)
        self.rule.setItemText(0, self.tr("Unanimous"))
        self.rule.setItemText(1, self.tr("Majority"))
        self.rule.setToolTip(
            self.tr(
                "Agreed: the same tag, start and end by every annotator compared "
                "(unanimous) or by more than half of them (majority)"
            )
        )
        self.done_box.setText(self.tr("Curation &done"))
        self.list.setHorizontalHeaderLabels(
            [self.tr("Tag"), self.tr("Place"), self.tr("Gold"), self.tr("Text")]
        )
        self.versions.setHorizontalHeaderLabels(
            [self.tr("Annotators"), self.tr("Span"), self.tr("Text")]
        )
        self.own_label.setText(self.tr("Own boundaries:"))
        self.from_selection.setText(self.tr("From &Selection"))
        self.accept_button.setText(self.tr("&Accept Checked"))
        self.accept_own.setText(self.tr("Accept &Boundaries"))
        self.reject_button.setText(self.tr("Re&ject All"))
        if self.isVisible():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _excerpt(text: str, start: int, end: int) -> str:
    place = " ".join(text[start:end].split())
    return place if len(place) <= EXCERPT else place[: EXCERPT - 1] + "…"


def install(context: PanelContext) -> CurationPanel:
    """Add the Curation dock (hidden at first); Team ▸ Curate into Gold shows it."""
    panel = CurationPanel(context)
    context.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    panel.hide()
    return panel
