"""File ▸ Import and File ▸ Export: dialogs, background work, progress and the report.

The readers and writers of every format, and their dialogs, are imported when first
used rather than when the window starts: together they cost a tenth of a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.dto import ImportReport, TagInfo
from app.errors import FangtanError
from ui.window.errors import error_text, note_text, show_error
from ui.window.session import ProjectSession
from ui.window.tasks import Task, TaskRunner, TaskState

if TYPE_CHECKING:
    from app.exchange import AnnotationImportReport, ExportOptions, ExportSummary
    from app.importing.plan import FilePlan

_QUEUED = Qt.ConnectionType.QueuedConnection


def _patterns(suffixes: Iterable[str]) -> str:
    """A file dialog's name filter: ``*.txt *.md`` for ``.txt`` and ``.md``."""
    return " ".join(f"*{suffix}" for suffix in suffixes)


class Transfers(QObject):
    imported = Signal(object)  # ImportReport
    annotations_imported = Signal(object)  # AnnotationImportReport
    exported = Signal(str, int)  # path, rows
    status = Signal(str)

    def __init__(self, session: ProjectSession, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._runner = runner
        self._window = window
        self._progress: QProgressDialog | None = None
        self._queued: list[Path] = []  # annotation files still to import
        self.busy = False

    # Import -----------------------------------------------------------------

    def choose_files(self) -> None:
        from app.importing.reading import SOURCE_SUFFIXES

        paths, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import Interviews"),
            str(Path.home()),
            self.tr("Interviews (%1);;All files (*)").replace("%1", _patterns(SOURCE_SUFFIXES)),
        )
        if paths:
            self.import_any([Path(path) for path in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Import a Folder of Interviews"), str(Path.home())
        )
        if folder:
            self.import_paths([Path(folder)])

    def import_any(self, paths: list[Path]) -> None:
        """Interviews and folders go through the preview; annotation files (.jsonl, .json,
        .qdpx) are imported as annotations, one after another."""
        from app.exchange import annotation_files

        try:
            found = annotation_files(paths)
        except FangtanError as error:
            show_error(self._window, error)
            return
        if not found:
            self.import_paths(paths)
        else:
            self._queued = found
            self._import_next_queued()

    def _import_next_queued(self) -> None:
        if self._queued:
            path = self._queued.pop(0)
            if self.import_annotation_file(path, self._session.project.tags()) is None:
                self._queued = []

    def import_paths(self, paths: list[Path]) -> Task | None:
        """Read the files in the background, then show what was found before storing it."""
        if self.busy:
            self.status.emit(self.tr("Please wait: another import or export is running."))
            return None
        from app.importing.plan import plan_paths

        project = self._session.project

        def work(state: TaskState) -> tuple[list[FilePlan], bool]:
            return plan_paths(project, paths, state), state.cancelled()

        return self._start(work, self.tr("Reading files…"), self._planned)

    def _planned(self, result: tuple[list[FilePlan], bool]) -> None:
        from app.importing.plan import plan_file
        from ui.dialogs.import_preview import ImportDialog

        self._finish()
        plans, cancelled = result
        if not plans:
            if cancelled:
                self.status.emit(self.tr("Import cancelled; nothing was written."))
            else:
                self.status.emit(self.tr("No interview files were found there."))
            return
        project = self._session.project

        def replan(plan: FilePlan, encoding: str | None, split: bool) -> FilePlan:
            return plan_file(project, plan.path, encoding, split)

        dialog = ImportDialog(plans, replan, self._window)
        if dialog.exec():
            self.store(dialog.plans)

    def store(self, plans: list[FilePlan]) -> Task | None:
        """Store checked plans in the background, with progress and Cancel."""
        from app.importing.plan import store_plans

        project = self._session.project

        def work(state: TaskState) -> ImportReport:
            return store_plans(project, plans, state)

        return self._start(work, self.tr("Importing interviews…"), self._import_done)

    def _import_done(self, report: ImportReport) -> None:
        self._finish()
        self.imported.emit(report)
        if report.failures or report.duplicates or report.notes or report.cancelled:
            self._show_report(report)
        else:
            self.status.emit(self.tr("Imported %n interview(s).", "", len(report.imported)))

    def _show_report(self, report: ImportReport) -> None:
        lines = [self.tr("Imported: %n interview(s).", "", len(report.imported))]
        if report.duplicates:
            lines.append(
                self.tr("Skipped, already in the project: %n.", "", len(report.duplicates))
            )
        if report.failures:
            lines.append(self.tr("Failed: %n file(s).", "", len(report.failures)))
        if report.notes:
            lines.append(self.tr("Notes on how files were read: %n.", "", len(report.notes)))
        if report.cancelled:
            lines.append(self.tr("Cancelled: files imported before cancelling were kept."))
        details = [f"✔ {document.title}" for document in report.imported]
        details += [
            self.tr("⏭ %1 (already in the project)").replace("%1", title)
            for _, title in report.duplicates
        ]
        details += [f"✘ {error_text(error)}" for _, error in report.failures]
        details += [f"ⓘ {Path(source).name}: {note_text(note)}" for source, note in report.notes]
        box = QMessageBox(self._window)
        box.setObjectName("importReport")
        box.setIcon(QMessageBox.Icon.Warning if report.failures else QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Import Report"))
        box.setText("\n".join(lines))
        box.setDetailedText("\n".join(details))
        box.open()

    # Export -----------------------------------------------------------------

    def choose_export(self, tags: list[TagInfo], current_document: int | None) -> None:
        """File ▸ Export: the format and options dialog, then the export in the background."""
        from ui.dialogs.export import ExportDialog

        project = self._session.project
        dialog = ExportDialog(
            project.naming_path, tags, project.documents(), current_document, self._window
        )
        if dialog.exec():
            try:
                options = dialog.options()
            except FangtanError as error:
                show_error(self._window, error)
                return
            self.export(dialog.format_name(), dialog.target(), options)

    def export(self, format_name: str, target: Path, options: ExportOptions) -> Task | None:
        if self.busy:
            self.status.emit(self.tr("Please wait: another import or export is running."))
            return None
        from app.exchange import export

        project = self._session.project

        def work(state: TaskState) -> ExportSummary:
            return export(
                project,
                format_name,
                target,
                options,
                progress=state,
            )

        return self._start(work, self.tr("Exporting…"), self._export_done)

    def _export_done(self, summary: ExportSummary) -> None:
        self._finish()
        if summary.cancelled:
            self.status.emit(self.tr("Export cancelled; nothing was written."))
            return
        self.exported.emit(str(summary.target), summary.annotations)
        message = (
            self.tr("Exported %1 in %2 to %3.", "annotations, documents, where")
            .replace("%1", self.tr("%n annotation(s)", "", summary.annotations))
            .replace("%2", self.tr("%n document(s)", "", summary.documents))
            .replace("%3", str(summary.target))
        )
        if summary.warnings:
            notes = "\n".join(
                "• " + QCoreApplication.translate("Export", w.template).format(count=w.count)
                for w in summary.warnings
            )
            QMessageBox.information(self._window, self.tr("Export"), message + "\n\n" + notes)
        self.status.emit(message)

    # Import of annotation files ------------------------------------------------

    def choose_annotation_file(self, tags: list[TagInfo]) -> None:
        from app.exchange import IMPORT_FORMATS

        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import Annotations"),
            str(self._session.project.folder),
            self.tr("Annotations (%1);;All files (*)").replace("%1", _patterns(IMPORT_FORMATS)),
        )
        if path:
            self.import_annotation_file(Path(path), tags)

    def import_annotation_file(self, path: Path, tags: list[TagInfo]) -> Task | None:
        from app.exchange import file_tags, import_annotations
        from ui.dialogs.tag_mapping import TagMappingDialog

        if self.busy:
            self.status.emit(self.tr("Please wait: another import or export is running."))
            return None
        project = self._session.project
        try:
            found = file_tags(project, path)
        except FangtanError as error:
            show_error(self._window, error)
            return None
        mapping: dict[str, int | None] | None = None
        if any(entry.tag_id is None for entry in found):
            dialog = TagMappingDialog(found, tags, self._window)
            if not dialog.exec():
                return None
            mapping = dialog.mapping()

        def work(state: TaskState) -> AnnotationImportReport:
            return import_annotations(
                project,
                path,
                tag_mapping=mapping,
                progress=state,
            )

        return self._start(work, self.tr("Importing annotations…"), self._annotations_done)

    def _annotations_done(self, report: AnnotationImportReport) -> None:
        self._finish()
        self.annotations_imported.emit(report)
        if report.cancelled:
            self._queued = []
            self.status.emit(self.tr("Import cancelled; nothing was written."))
            return
        annotations = self.tr("%n annotation(s)", "", report.annotations_added)
        if report.created:
            message = (
                self.tr("Imported %1, creating %2.", "annotations, new documents")
                .replace("%1", annotations)
                .replace("%2", self.tr("%n new document(s)", "", len(report.created)))
            )
        else:
            message = self.tr("Imported %1.", "annotations").replace("%1", annotations)
        self.status.emit(message)
        self._import_next_queued()

    # Shared -----------------------------------------------------------------

    def _start(self, work, label: str, done) -> Task:
        self.busy = True
        progress = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._window)
        progress.setObjectName("transferProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self._progress = progress
        task = self._runner.start(work)
        progress.canceled.connect(task.state.cancel)
        task.progressed.connect(self._progressed, _QUEUED)
        task.succeeded.connect(done, _QUEUED)
        task.failed.connect(self._failed, _QUEUED)
        return task

    def _progressed(self, done: int, total: int, current: str) -> None:
        dialog = self._progress  # setValue() on a modal dialog processes events, and the
        if dialog is None:  # task may finish (and drop the dialog) in the middle of it
            return
        if total:
            dialog.setLabelText(
                self.tr("%1 of %2: %3")
                .replace("%1", str(done))
                .replace("%2", str(total))
                .replace("%3", current)
            )
            dialog.setMaximum(total)
            dialog.setValue(done)
        else:
            dialog.setLabelText(self.tr("%n row(s) written", "", done))

    def _failed(self, error: Exception) -> None:
        self._finish()
        self._queued = []
        if isinstance(error, FangtanError):
            show_error(self._window, error)
        else:
            raise error

    def _finish(self) -> None:
        self.busy = False
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
