"""File ▸ Export: choose a format, what to include, and a train/dev/test split.

The file is proposed in the folder of the last export (remembered between sessions),
or else in the user's documents folder: never beside the project, which may well be in
the hidden data folder where Fangtan keeps its default project.
"""

from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.dto import DocumentSummary, TagInfo
from app.exchange import FORMATS, ExportOptions, SplitOptions, extension_refusal
from ui.window.errors import show_error
from ui.window.i18n import settings
from ui.window.swatches import swatch_icon

FOLDER_SETTING = "export/folder"  # the folder the last export was written to (or into)


def proposed_folder() -> Path:
    """The last export's folder while it exists; else the documents folder, else home."""
    last = str(settings().value(FOLDER_SETTING, "") or "")
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path(QDir.homePath())


class ExportDialog(QDialog):
    """Collects an export: ``format_name()``, ``target()`` and ``options()``."""

    def __init__(
        self,
        project_path: Path,
        tags: list[TagInfo],
        documents: list[DocumentSummary],
        current_document: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._project_path = project_path
        self._current_document = current_document
        self._folder = proposed_folder()
        descriptions = {
            "csv": self.tr("CSV — one row per annotation (Excel)"),
            "turns-csv": self.tr("Turns CSV — one row per Q&A turn, 0/1 per tag"),
            "docs-csv": self.tr("Documents CSV — one row per document, counts per tag"),
            "xlsx": self.tr("Excel workbook — the three tables as sheets, coloured by tag"),
            "jsonl": self.tr("doccano JSONL — spans per document"),
            "label-studio": self.tr("Label Studio JSON — tasks with span results"),
            "brat": self.tr("brat — a .txt and .ann per document (folder)"),
            "conll": self.tr("CoNLL — BIO tags per token or character"),
            "qdpx": self.tr("REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder)"),
        }
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for name in FORMATS:
            self.format_combo.addItem(descriptions.get(name, name), name)
        self.format_combo.currentIndexChanged.connect(self._format_changed)

        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("exportTarget")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(browse)

        self.tag_list = QListWidget()
        self.tag_list.setObjectName("exportTags")
        for tag in tags:
            item = QListWidgetItem(swatch_icon(tag.color), tag.name)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.tag_list.addItem(item)
        self.tag_list.setMaximumHeight(120)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("exportScope")
        self.scope_combo.addItem(self.tr("All documents"), "all")
        if current_document is not None:
            self.scope_combo.addItem(self.tr("Only the current document"), "current")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("exportStatus")
        for text, value in (
            (self.tr("Any status"), None),
            (self.tr("Not started"), "new"),
            (self.tr("In progress"), "in_progress"),
            (self.tr("Done"), "done"),
        ):
            self.status_combo.addItem(text, value)
        self.annotators_edit = QLineEdit()
        self.annotators_edit.setObjectName("exportAnnotators")
        self.annotators_edit.setPlaceholderText(self.tr("everyone (or names, comma-separated)"))
        self.notes_box = QCheckBox(self.tr("Include notes"))
        self.notes_box.setObjectName("exportNotes")
        self.notes_box.setChecked(True)
        self.headers_combo = QComboBox()
        self.headers_combo.setObjectName("exportHeaders")
        self.headers_combo.addItem("English", "en")
        self.headers_combo.addItem("中文", "zh")
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("exportUnit")
        self.unit_combo.addItem(self.tr("jieba words"), "token")
        self.unit_combo.addItem(self.tr("characters"), "char")

        self.split_box = QGroupBox(self.tr("Train/dev/test split by document"))
        self.split_box.setObjectName("exportSplit")
        self.split_box.setCheckable(True)
        self.split_box.setChecked(False)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2_000_000_000)
        self.ratio_spins = []
        for ratio in (0.8, 0.1, 0.1):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(ratio)
            self.ratio_spins.append(spin)
        self.separate_box = QCheckBox(self.tr("Separate files (train, dev, test)"))
        ratios = QHBoxLayout()
        for spin in self.ratio_spins:
            ratios.addWidget(spin)
        split_form = QFormLayout(self.split_box)
        split_form.addRow(self.tr("Seed:"), self.seed_spin)
        split_form.addRow(self.tr("Shares:"), ratios)
        split_form.addRow(self.separate_box)
        self.separate_box.toggled.connect(lambda _on: self._suggest_target())

        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Save to:"), target_row)
        form.addRow(self.tr("Tags:"), self.tag_list)
        form.addRow(self.tr("Documents:"), self.scope_combo)
        form.addRow(self.tr("Status:"), self.status_combo)
        form.addRow(self.tr("Annotators:"), self.annotators_edit)
        form.addRow(self.tr("Headers:"), self.headers_combo)
        form.addRow(self.tr("Units:"), self.unit_combo)
        form.addRow(self.notes_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.split_box)
        layout.addWidget(buttons)
        self._format_changed()
        self.resize(560, 640)

    def format_name(self) -> str:
        return self.format_combo.currentData()

    def target(self) -> Path:
        return Path(self.target_edit.text().strip())

    def options(self) -> ExportOptions:
        checked = frozenset(
            self.tag_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.tag_list.count())
            if self.tag_list.item(row).checkState() == Qt.CheckState.Checked
        )
        all_tags = self.tag_list.count() == len(checked)
        names = frozenset(n.strip() for n in self.annotators_edit.text().split(",") if n.strip())
        status = self.status_combo.currentData()
        split = None
        if self.split_box.isChecked():
            split = SplitOptions(
                seed=self.seed_spin.value(),
                ratios=(
                    self.ratio_spins[0].value(),
                    self.ratio_spins[1].value(),
                    self.ratio_spins[2].value(),
                ),
                separate_files=self.separate_box.isChecked(),
            )
        only_current = self.scope_combo.currentData() == "current"
        return ExportOptions(
            tag_ids=None if all_tags else checked,
            annotators=names or None,
            document_ids=frozenset({self._current_document})
            if only_current and self._current_document is not None
            else None,
            statuses=frozenset({status}) if status else None,
            include_notes=self.notes_box.isChecked(),
            headers=self.headers_combo.currentData(),
            split=split,
            unit=self.unit_combo.currentData(),
        )

    def _writes_folder(self) -> bool:
        chosen = FORMATS[self.format_name()]
        return chosen.folder or (self.split_box.isChecked() and self.separate_box.isChecked())

    def _format_changed(self) -> None:
        chosen = FORMATS[self.format_name()]
        self.headers_combo.setEnabled(
            self.format_name() in ("csv", "turns-csv", "docs-csv", "xlsx")
        )
        self.unit_combo.setEnabled(self.format_name() == "conll")
        if not chosen.split_column:
            self.separate_box.setChecked(True)
        self.separate_box.setEnabled(chosen.split_column)
        self._suggest_target()

    def _suggest_target(self) -> None:
        chosen = FORMATS[self.format_name()]
        stem = self._project_path.stem + "-" + chosen.name
        folder = self._folder
        current = self.target_edit.text().strip()
        if current:
            folder = Path(current).parent
        suffix = "" if self._writes_folder() else chosen.extension
        self.target_edit.setText(str(folder / (stem + suffix)))

    def _browse(self) -> None:
        if self._writes_folder():
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Export to a Folder"), str(self._target_folder())
            )
            if chosen:
                self.target_edit.setText(
                    str(Path(chosen) / (self._project_path.stem + "-" + self.format_name()))
                )
            return
        extension = FORMATS[self.format_name()].extension
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), self.target_edit.text(), f"*{extension}"
        )
        if chosen:
            self.target_edit.setText(chosen)

    def _target_folder(self) -> Path:
        """The folder the target is in (a folder format's target is made inside it)."""
        text = self.target_edit.text().strip()
        return Path(text).absolute().parent if text else self._folder

    def _accept(self) -> None:
        text = self.target_edit.text().strip()
        if text and not self._writes_folder():
            refusal = extension_refusal(self.format_name(), Path(text))
            if refusal is not None:  # said here, where the name can still be changed
                show_error(self, refusal)
                return
        if text:
            folder = self._target_folder()
            if folder.is_dir():
                settings().setValue(FOLDER_SETTING, str(folder))
            self.accept()
