"""Importing annotations: how the file's tag names map onto the project's tags."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dto import TagInfo
from app.exchange import FileTag
from ui.window.swatches import swatch_icon


class TagMappingDialog(QDialog):
    """One row per tag name in the file: create it, or use one of the project's tags."""

    def __init__(
        self, file_tags: list[FileTag], tags: list[TagInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagMappingDialog")
        self.setWindowTitle(self.tr("Tags in the File"))
        self._names = [entry.name for entry in file_tags]
        self.table = QTableWidget(len(file_tags), 3)
        self.table.setObjectName("tagMapping")
        self.table.setHorizontalHeaderLabels(
            [self.tr("In the file"), self.tr("Passages"), self.tr("In this project")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.boxes: list[QComboBox] = []
        for row, entry in enumerate(file_tags):
            self.table.setItem(row, 0, QTableWidgetItem(entry.name))
            self.table.setItem(row, 1, QTableWidgetItem(str(entry.uses)))
            box = QComboBox()
            box.addItem(self.tr("New tag “%1”").replace("%1", entry.name), None)
            for tag in tags:
                box.addItem(swatch_icon(tag.color), tag.name, tag.id)
            box.setCurrentIndex(max(0, box.findData(entry.tag_id)))
            self.table.setCellWidget(row, 2, box)
            self.boxes.append(box)
        note = QLabel(self.tr("Passages go to the tag chosen on the right."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def mapping(self) -> dict[str, int | None]:
        return {name: box.currentData() for name, box in zip(self._names, self.boxes, strict=True)}
