"""The import preview: what was found in each file, corrected before anything is stored."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.importing.plan import FilePlan, InterviewDraft
from ui.dialogs.import_turns import TurnTable, guess_text
from ui.window.errors import error_text, note_text

ENCODINGS = ("", "utf-8", "utf-16", "gb18030", "big5")


class ImportDialog(QDialog):
    """Lists the files; for the chosen file, its interviews and their editable fields.

    ``replan(plan, encoding, split)`` reads a file again with another encoding or
    split choice and returns the new plan.
    """

    def __init__(
        self,
        plans: list[FilePlan],
        replan: Callable[[FilePlan, str | None, bool], FilePlan],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import Interviews"))
        self.plans = plans
        self._replan = replan
        self._draft: InterviewDraft | None = None

        self.files = QTableWidget(len(plans), 4)
        self.files.setObjectName("importFiles")
        self.files.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Format"), self.tr("Encoding"), self.tr("Found")]
        )
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().hide()
        header = self.files.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.files.currentCellChanged.connect(lambda row, *_: self._show_file(row))

        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("importEncoding")
        self.encoding_combo.addItem(self.tr("Detect"), "")
        for name in ENCODINGS[1:]:
            self.encoding_combo.addItem(name.upper(), name)
        self.encoding_combo.activated.connect(lambda _index: self._reread())
        self.split_box = QCheckBox(self.tr("Split the file into its interviews"))
        self.split_box.setObjectName("importSplit")
        self.split_box.toggled.connect(lambda _checked: self._reread())
        self.interviews = QListWidget()
        self.interviews.setObjectName("importInterviews")
        self.interviews.currentRowChanged.connect(self._show_interview)
        self.interviews.setMaximumHeight(72)  # most files hold one or two interviews

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("importTitle")
        self.interviewee_edit = QLineEdit()
        self.interviewee_edit.setObjectName("importInterviewee")
        self.role_edit = QLineEdit()
        self.role_edit.setObjectName("importRole")
        self.reporter_edit = QLineEdit()
        self.reporter_edit.setObjectName("importReporter")
        self.outlet_edit = QLineEdit()
        self.outlet_edit.setObjectName("importOutlet")
        self.published = QLabel()
        self.published.setObjectName("importPublished")
        for edit in (
            self.title_edit,
            self.interviewee_edit,
            self.role_edit,
            self.reporter_edit,
            self.outlet_edit,
        ):
            edit.textEdited.connect(lambda _text: self._keep_edits())
        self.speakers = QTableWidget(0, 2)
        self.speakers.setObjectName("importSpeakers")
        self.speakers.setHorizontalHeaderLabels([self.tr("Speaker"), self.tr("Role")])
        self.speakers.verticalHeader().hide()
        self.speakers.horizontalHeader().setStretchLastSection(True)
        self.speakers.setMinimumHeight(110)  # the header and three speakers
        self.turns = TurnTable()
        self.guesses = QLabel()
        self.guesses.setObjectName("importGuesses")
        self.guesses.setWordWrap(True)
        self.guesses.setStyleSheet("color: #7a5a00; background: #fff6d6; padding: 4px")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9b2226")
        self.notes = QLabel()
        self.notes.setObjectName("importNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #7a5a00")

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("Encoding:")))
        file_row.addWidget(self.encoding_combo)
        file_row.addWidget(self.split_box, 1)
        fields = QFormLayout()
        fields.addRow(self.tr("Title:"), self.title_edit)
        fields.addRow(self.tr("Interviewee:"), self.interviewee_edit)
        fields.addRow(self.tr("Role:"), self.role_edit)
        fields.addRow(self.tr("Reporter:"), self.reporter_edit)
        outlet_row = QHBoxLayout()
        outlet_row.addWidget(self.outlet_edit, 1)
        outlet_row.addWidget(self.published)
        fields.addRow(self.tr("Outlet:"), outlet_row)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(file_row)
        detail_layout.addWidget(self.problem)
        detail_layout.addWidget(self.notes)
        detail_layout.addWidget(self.interviews)
        detail_layout.addLayout(fields)
        detail_layout.addWidget(self.speakers, 1)
        detail_layout.addWidget(self.guesses)
        detail_layout.addWidget(QLabel(self.tr("Turns (set a turn's kind in its box):")))
        detail_layout.addWidget(self.turns, 3)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.files)
        splitter.addWidget(detail)
        splitter.setSizes([420, 560])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1080, 720)
        for row in range(len(plans)):
            self._fill_file_row(row)
        self._update_summary()
        if plans:
            self.files.setCurrentCell(0, 0)

    # Files ---------------------------------------------------------------------

    def _fill_file_row(self, row: int) -> None:
        plan = self.plans[row]
        if plan.error is not None:
            found = self.tr("Not readable")
        else:
            found = self.tr("%n interview(s)", "", len(plan.interviews))
            duplicates = len(plan.interviews) - len(plan.new_interviews)
            if duplicates:
                found += self.tr(", %n already in the project", "", duplicates)
            if plan.notes:
                found += self.tr(", %n note(s)", "", len(plan.notes))
        cells = (
            plan.path.name,
            self.format_text(plan.source_format),
            plan.detected_encoding,
            found,
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(plan.path) if column == 0 else text)
            if plan.error is not None:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.files.setItem(row, column, item)

    def format_text(self, source_format: str) -> str:
        """The name of a source format (an id such as "text") for people to read."""
        names = {
            "text": self.tr("Text"),
            "docx": self.tr("Word document"),
            "html": self.tr("Web page"),
            "pdf": self.tr("PDF"),
        }
        return names.get(source_format, source_format)

    def _show_file(self, row: int) -> None:
        if not 0 <= row < len(self.plans):
            return
        plan = self.plans[row]
        self.encoding_combo.setCurrentIndex(
            max(0, self.encoding_combo.findData(plan.encoding or ""))
        )
        self.split_box.blockSignals(True)
        self.split_box.setChecked(plan.split)
        self.split_box.blockSignals(False)
        self.problem.setText(error_text(plan.error) if plan.error else "")
        self.problem.setVisible(plan.error is not None)
        self.notes.setText("\n".join("• " + note_text(note) for note in plan.notes))
        self.notes.setVisible(bool(plan.notes))
        self.interviews.clear()
        for draft in plan.interviews:
            label = draft.title
            if draft.duplicate:
                label += "  " + self.tr("(already in the project: skipped)")
            self.interviews.addItem(label)
        if plan.interviews:
            self.interviews.setCurrentRow(0)
        else:
            self._show_interview(-1)

    def _reread(self) -> None:
        row = self.files.currentRow()
        if not 0 <= row < len(self.plans):
            return
        encoding = self.encoding_combo.currentData() or None
        self.plans[row] = self._replan(self.plans[row], encoding, self.split_box.isChecked())
        self._fill_file_row(row)
        self._show_file(row)
        self._update_summary()

    # Interviews ----------------------------------------------------------------

    def _current_plan(self) -> FilePlan | None:
        row = self.files.currentRow()
        return self.plans[row] if 0 <= row < len(self.plans) else None

    def _show_interview(self, index: int) -> None:
        plan = self._current_plan()
        draft = plan.interviews[index] if plan and 0 <= index < len(plan.interviews) else None
        self._draft = None  # no edits are kept while the fields are being filled
        for edit, value in (
            (self.title_edit, draft.title if draft else ""),
            (self.interviewee_edit, draft.interviewee if draft else ""),
            (self.role_edit, draft.interviewee_role if draft else ""),
            (self.reporter_edit, draft.reporter if draft else ""),
            (self.outlet_edit, draft.outlet if draft else ""),
        ):
            edit.setText(value)
            edit.setEnabled(draft is not None and not draft.duplicate)
        self.speakers.setRowCount(0)
        if draft is not None:
            self.speakers.setRowCount(len(draft.roles))
            for row, (speaker, role) in enumerate(draft.roles.items()):
                self.speakers.setItem(row, 0, QTableWidgetItem(speaker))
                box = QComboBox()
                box.addItem(self.tr("Asks"), "question")
                box.addItem(self.tr("Answers"), "answer")
                box.setCurrentIndex(0 if role == "question" else 1)
                box.currentIndexChanged.connect(
                    lambda _i, who=speaker, widget=box: self._set_role(who, widget.currentData())
                )
                self.speakers.setCellWidget(row, 1, box)
        day = draft.parsed.published_on if draft else None
        self.published.setText(
            self.tr("published %1").replace("%1", day.isoformat()) if day else self.tr("no date")
        )
        self.turns.show_draft(draft)
        self._show_guesses(draft)
        self._draft = draft

    def _show_guesses(self, draft: InterviewDraft | None) -> None:
        codes = draft.parsed.guesses if draft else ()
        if not codes:
            self.guesses.hide()
            return
        lines = [self.tr("Guessed, please check:")]
        lines += ["• " + guess_text(code) for code in codes]
        lines.append(self.tr("Fix it here: who asks in Speakers, a turn's kind in its box."))
        self.guesses.setText("\n".join(lines))
        self.guesses.show()

    def _keep_edits(self) -> None:
        draft = self._draft
        if draft is None:
            return
        draft.title = self.title_edit.text()
        draft.interviewee = self.interviewee_edit.text()
        draft.interviewee_role = self.role_edit.text()
        draft.reporter = self.reporter_edit.text()
        draft.outlet = self.outlet_edit.text()
        item = self.interviews.currentItem()
        if item is not None:
            item.setText(draft.title)

    def _set_role(self, speaker: str, role: str) -> None:
        if self._draft is not None:
            self._draft.roles[speaker] = role
            self.turns.refresh_kinds()

    def _update_summary(self) -> None:
        new = sum(len(plan.new_interviews) for plan in self.plans)
        failed = sum(1 for plan in self.plans if plan.error is not None)
        if new:
            text = self.tr("%n interview(s) to import", "", new)
        else:
            text = self.tr("No new interviews to import")
        if failed:
            text += self.tr("; %n file(s) cannot be read", "", failed)
        self.summary.setText(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        ok.setEnabled(new > 0)
