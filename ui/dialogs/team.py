"""Team dialogs: assigning interviews to annotators and the progress table of interviews ×
annotators."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.team.assignments import Progress

STATUS_COLORS = {"done": "#c8e6c9", "in_progress": "#fff3c4", "assigned": "#e3f2fd"}


def split_names(text: str) -> list[str]:
    """Annotator names typed comma-separated (Chinese commas too), each once, in order."""
    parts = text.replace("，", ",").replace("、", ",").split(",")
    names = [" ".join(part.split()) for part in parts]
    return list(dict.fromkeys(name for name in names if name))


class AssignDialog(QDialog):
    """Names of annotators, and whether the chosen interview or every interview is given."""

    def __init__(self, known: list[str], chosen_title: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign Interviews"))
        self.names_edit = QLineEdit(", ".join(known))
        self.names_edit.setObjectName("assignAnnotators")
        self.names_edit.setPlaceholderText(self.tr("Annotators, comma-separated"))
        self.all_box = QCheckBox(self.tr("Every interview in the project"))
        self.all_box.setObjectName("assignAll")
        self.all_box.setChecked(chosen_title is None)
        self.all_box.setEnabled(chosen_title is not None)
        shown = chosen_title or self.tr("(no interview chosen)")
        note = QLabel(self.tr("Otherwise only “%1”.").replace("%1", shown))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.names_edit.textChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.tr("&Annotators:"), self.names_edit)
        form.addRow("", self.all_box)
        form.addRow("", note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, 0)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.names()))

    def names(self) -> list[str]:
        return split_names(self.names_edit.text())

    def every_interview(self) -> bool:
        return self.all_box.isChecked()


class ProgressDialog(QDialog):
    """Interviews × annotators: assigned, in progress, done; totals in the last row."""

    def __init__(self, found: Progress, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(self.tr("Team Progress"))
        labels = {
            "assigned": self.tr("assigned"),
            "in_progress": self.tr("in progress"),
            "done": self.tr("done"),
        }
        names = list(found.annotators)
        table = QTableWidget(len(found.documents) + 1, len(names) + 1)
        table.setObjectName("progressTable")
        table.setHorizontalHeaderLabels([self.tr("Interview"), *names])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, (document_id, title) in enumerate(found.documents):
            table.setItem(row, 0, QTableWidgetItem(title))
            statuses = found.status.get(document_id, {})
            for column, name in enumerate(names, start=1):
                status = statuses.get(name)
                item = QTableWidgetItem(labels[status] if status else "—")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if status:
                    item.setBackground(QBrush(QColor(STATUS_COLORS[status])))
                    item.setForeground(QBrush(QColor("#202020")))
                table.setItem(row, column, item)
        total = len(found.documents)
        last = QTableWidgetItem(self.tr("Done"))
        font = last.font()
        font.setBold(True)
        last.setFont(font)
        table.setItem(total, 0, last)
        for column, name in enumerate(names, start=1):
            counts = found.counts(name)
            given = sum(counts.values())
            item = QTableWidgetItem(f"{counts['done']} / {given}")
            item.setFont(font)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(total, column, item)
        self.table = table
        heading = QLabel(
            self.tr("%1 interviews, %2 annotators")
            .replace("%1", str(total))
            .replace("%2", str(len(names)))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(min(1100, 360 + 110 * len(names)), 480)
