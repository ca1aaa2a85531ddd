"""Document ▸ Properties: title, people, outlet, date, source, status, and who asks."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import DocumentContent

STATUSES = ("new", "in_progress", "done")


class DocumentDialog(QDialog):
    """Shows a document's metadata for editing; ``values()`` and ``roles()`` read the result."""

    def __init__(self, content: DocumentContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentDialog")
        self.setWindowTitle(self.tr("Document Properties"))
        meta = content.meta
        self._meta = meta
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, value in (
            ("title", self.tr("&Title:"), meta.title),
            ("interviewee", self.tr("&Interviewee:"), meta.interviewee),
            ("interviewee_role", self.tr("&Role:"), meta.interviewee_role),
            ("reporter", self.tr("Re&porter:"), meta.reporter),
            ("outlet", self.tr("&Outlet:"), meta.outlet),
            ("series", self.tr("&Series:"), meta.series),
            ("source_url", self.tr("Source &URL:"), meta.source_url),
        ):
            edit = QLineEdit(value)
            edit.setObjectName(f"field_{key}")
            self.edits[key] = edit
            form.addRow(label, edit)
        self.date_known = QCheckBox(self.tr("Known"))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("field_published_on")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        published = meta.published_on
        self.date_known.setChecked(published is not None)
        self.date_edit.setDate(
            QDate(published.year, published.month, published.day)
            if published
            else QDate.currentDate()
        )
        self.date_edit.setEnabled(published is not None)
        self.date_known.toggled.connect(self.date_edit.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.date_known)
        row.addWidget(self.date_edit, 1)
        # A row holding a layout gets no buddy from the form: the label needs its own, or
        # it would show the "&" instead of underlining the key. While the date is unknown
        # the key ticks "Known"; once known, it goes to the date.
        self.published_label = QLabel(self.tr("&Published:"))
        self.published_label.setBuddy(self.date_edit if published else self.date_known)
        self.date_known.toggled.connect(
            lambda known: self.published_label.setBuddy(
                self.date_edit if known else self.date_known
            )
        )
        form.addRow(self.published_label, row)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("field_status")
        for status, text in zip(
            STATUSES, (self.tr("Not started"), self.tr("In progress"), self.tr("Done")), strict=True
        ):
            self.status_combo.addItem(text, status)
        self.status_combo.setCurrentIndex(max(0, STATUSES.index(meta.status)))
        form.addRow(self.tr("S&tatus:"), self.status_combo)

        speakers = list(
            dict.fromkeys(
                turn.speaker
                for turn in content.turns
                if turn.speaker and turn.kind in ("question", "answer")
            )
        )
        self._kinds = {
            speaker: next(t.kind for t in content.turns if t.speaker == speaker)
            for speaker in speakers
        }
        self.speakers = QTableWidget(len(speakers), 2)
        self.speakers.setObjectName("speakerRoles")
        self.speakers.setHorizontalHeaderLabels([self.tr("Speaker"), self.tr("Role")])
        self.speakers.verticalHeader().hide()
        self.speakers.horizontalHeader().setStretchLastSection(True)
        self._role_boxes: dict[str, QComboBox] = {}
        for row_number, speaker in enumerate(speakers):
            item = QTableWidgetItem(speaker)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.speakers.setItem(row_number, 0, item)
            box = QComboBox()
            box.addItem(self.tr("Asks (interviewer)"), "question")
            box.addItem(self.tr("Answers (interviewee)"), "answer")
            box.setCurrentIndex(0 if self._kinds[speaker] == "question" else 1)
            self._role_boxes[speaker] = box
            self.speakers.setCellWidget(row_number, 1, box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.speakers)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def values(self) -> dict[str, object]:
        """The fields that differ from what the document has now."""
        current: dict[str, object] = {key: edit.text() for key, edit in self.edits.items()}
        if self.date_known.isChecked():
            day = self.date_edit.date()
            current["published_on"] = date(day.year(), day.month(), day.day())
        else:
            current["published_on"] = None
        current["status"] = self.status_combo.currentData()
        return {key: value for key, value in current.items() if getattr(self._meta, key) != value}

    def roles(self) -> dict[str, str]:
        """Speakers whose role was changed, with their new role ("question" or "answer")."""
        return {
            speaker: box.currentData()
            for speaker, box in self._role_boxes.items()
            if box.currentData() != self._kinds[speaker]
        }
