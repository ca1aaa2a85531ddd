"""Preferences: interface language and the annotator name written on new annotations, and
for the open project, how many of its backups to keep."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.backups import MAX_KEEP, MIN_KEEP
from ui.window.i18n import LANGUAGES, SYSTEM


class SettingsDialog(QDialog):
    def __init__(
        self,
        language: str,
        annotator: str,
        parent: QWidget | None = None,
        *,
        backups_keep: int | None = None,
        read_only: bool = False,
    ) -> None:
        """``backups_keep``: the open project's number of backups to keep (None: no project
        part); ``read_only``: the project cannot be changed, so that part is shown disabled."""
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
        self.backups_spin = QSpinBox(self)
        self.backups_spin.setObjectName("backupsToKeep")
        self.backups_spin.setRange(MIN_KEEP, MAX_KEEP)
        self.backups_spin.setValue(backups_keep if backups_keep is not None else MIN_KEEP)
        if read_only:
            self.backups_spin.setEnabled(False)
            self.backups_spin.setToolTip(
                self.tr("This project is read-only, so its settings cannot be changed.")
            )
        else:
            self.backups_spin.setToolTip(
                self.tr(
                    "A copy of the project is taken each time it is opened. Beyond this "
                    "number, the oldest copies are deleted at the next one."
                )
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(self.tr("&Annotator:"), self.annotator_edit)
        if backups_keep is not None:
            project = QGroupBox(self.tr("This project"))
            project.setObjectName("projectSettings")
            project_form = QFormLayout(project)
            project_form.addRow(self.tr("&Backups to keep:"), self.backups_spin)
            form.addRow(project)
        else:
            self.backups_spin.hide()
        form.addRow(self.buttons)

    def language(self) -> str:
        return self.language_combo.currentData()

    def annotator(self) -> str:
        return " ".join(self.annotator_edit.text().split())

    def backups_keep(self) -> int:
        return self.backups_spin.value()
