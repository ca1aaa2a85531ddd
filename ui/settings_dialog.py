"""Preferences: interface language and the annotator name written on new annotations."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from ui.i18n import LANGUAGES, SYSTEM


class SettingsDialog(QDialog):
    def __init__(self, language: str, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(self.tr("Same as the system"), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.annotator_edit = QLineEdit(annotator)
        self.annotator_edit.setObjectName("annotatorName")
        self.annotator_edit.setPlaceholderText(self.tr("Your name, saved with each annotation"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(self.tr("&Annotator:"), self.annotator_edit)
        form.addRow(buttons)

    def language(self) -> str:
        return self.language_combo.currentData()

    def annotator(self) -> str:
        return " ".join(self.annotator_edit.text().split())
