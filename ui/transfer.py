"""File ▸ Import and File ▸ Export: dialogs, background work, progress and the report."""

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.dto import ImportReport
from app.errors import FangtanError
from app.export_csv import write_csv
from app.importing.plan import FilePlan, plan_file, plan_paths, store_plans
from ui.errors import error_text, show_error
from ui.import_dialog import ImportDialog
from ui.session import ProjectSession
from ui.tasks import Task, TaskRunner, TaskState

_QUEUED = Qt.ConnectionType.QueuedConnection


class Transfers(QObject):
    imported = Signal(object)  # ImportReport
    exported = Signal(str, int)  # path, rows
    status = Signal(str)

    def __init__(self, session: ProjectSession, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._runner = runner
        self._window = window
        self._progress: QProgressDialog | None = None
        self.busy = False

    # Import -----------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import Interviews"),
            str(Path.home()),
            self.tr("Interviews (*.txt *.md *.text *.docx *.html *.htm *.pdf);;All files (*)"),
        )
        if paths:
            self.import_paths([Path(path) for path in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Import a Folder of Interviews"), str(Path.home())
        )
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> Task | None:
        """Read the files in the background, then show what was found before storing it."""
        if self.busy:
            self.status.emit(self.tr("Please wait: another import or export is running."))
            return None
        project = self._session.project

        def work(state: TaskState) -> list[FilePlan]:
            return plan_paths(project, paths, state)

        return self._start(work, self.tr("Reading files…"), self._planned)

    def _planned(self, plans: list[FilePlan]) -> None:
        self._finish()
        if not plans:
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
        project = self._session.project

        def work(state: TaskState) -> ImportReport:
            return store_plans(project, plans, state)

        return self._start(work, self.tr("Importing interviews…"), self._import_done)

    def _import_done(self, report: ImportReport) -> None:
        self._finish()
        self.imported.emit(report)
        if report.failures or report.duplicates or report.cancelled:
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
        if report.cancelled:
            lines.append(self.tr("Cancelled: files imported before cancelling were kept."))
        details = [f"✔ {document.title}" for document in report.imported]
        details += [
            self.tr("⏭ %1 (already in the project)").replace("%1", title)
            for _, title in report.duplicates
        ]
        details += [f"✘ {error_text(error)}" for _, error in report.failures]
        box = QMessageBox(self._window)
        box.setObjectName("importReport")
        box.setIcon(QMessageBox.Icon.Warning if report.failures else QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Import Report"))
        box.setText("\n".join(lines))
        box.setDetailedText("\n".join(details))
        box.open()

    # Export -----------------------------------------------------------------

    def choose_csv_target(self) -> None:
        project = self._session.project
        suggested = project.path.with_name(project.path.stem + "-annotations.csv")
        target, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export Annotations as CSV"),
            str(suggested),
            self.tr("CSV (*.csv)"),
        )
        if target:
            self.export_csv(Path(target))

    def export_csv(self, target: Path) -> Task | None:
        if self.busy:
            self.status.emit(self.tr("Please wait: another import or export is running."))
            return None
        project = self._session.project

        def work(state: TaskState) -> tuple[str, int]:
            rows = write_csv(project, target, lambda count: state.report(count, 0, ""))
            return str(target), rows

        return self._start(work, self.tr("Exporting annotations…"), self._export_done)

    def _export_done(self, result: tuple[str, int]) -> None:
        self._finish()
        path, rows = result
        self.exported.emit(path, rows)
        self.status.emit(
            self.tr("Exported %1 annotations to %2.").replace("%1", str(rows)).replace("%2", path)
        )

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
            dialog.setLabelText(self.tr("%1 rows written").replace("%1", str(done)))

    def _failed(self, error: Exception) -> None:
        self._finish()
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
