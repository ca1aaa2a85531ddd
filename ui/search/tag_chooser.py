"""The dialog that asks which tag to put on every search hit."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.dto import TagInfo
from ui.window.swatches import swatch_icon


class TagChooser(QDialog):
    """Which tag to put on every hit."""

    def __init__(
        self, tags: list[TagInfo], count: int, current: int | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagChooser")
        self.setWindowTitle(self.tr("Tag All Hits"))
        self.combo = QComboBox()
        self.combo.setObjectName("tagChooserCombo")
        for tag in tags:
            self.combo.addItem(swatch_icon(tag.color), tag.name, tag.id)
        if current is not None and self.combo.findData(current) >= 0:
            self.combo.setCurrentIndex(self.combo.findData(current))
        label = QLabel(
            self.tr("Tag all %1 hits with:").replace("%1", f"{count:,}")
            + "\n"
            + self.tr("Hits that already carry the tag are left as they are.")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def tag_id(self) -> int | None:
        return self.combo.currentData()
