"""File ▸ Export Report…: a printable report of interviews with their coded passages, as
PDF or as one HTML page (app.exchange.report builds the page).

The page is built on the window's task runner; the PDF is printed on the window thread
(Qt's text layout is not for other threads) through QTextDocument and QPdfWriter, on A4
with 15 mm margins at 300 dpi, in a font that has Chinese glyphs: Qt embeds the part of
each font it used, so the PDF shows the Chinese on a machine without Chinese fonts.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.dto import DocumentSummary
from app.errors import FangtanError
from ui.window.context import PanelContext
from ui.window.errors import show_error
from ui.window.tasks import TaskState

if TYPE_CHECKING:
    from app.exchange.report import ReportLabels
    from app.project import Project
    from ui.window.tasks import Task

_QUEUED = Qt.ConnectionType.QueuedConnection
_AFTER = "exportAction"  # the File menu entry the report's comes right after
SUFFIXES = {"pdf": (".pdf",), "html": (".html", ".htm")}
FONT_POINTS = 11
PAGE_MARGIN_MM = 15
PAGE_DPI = 300


# The PDF ---------------------------------------------------------------------------


def report_font() -> str | None:
    """A font family with Chinese glyphs: the first of the report's usual ones that is
    installed, else any that has them; None when there is none at all."""
    from app.exchange.report import REPORT_FONTS

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for family in REPORT_FONTS:
        if family in families:
            return family
    proportional = [family for family in families if "mono" not in family.lower()]
    chosen = proportional or families
    return chosen[0] if chosen else None


def report_fonts() -> tuple[str, ...]:
    """The families the page asks for, the one found here first."""
    from app.exchange.report import REPORT_FONTS

    found = report_font()
    return tuple(dict.fromkeys([found, *REPORT_FONTS])) if found else REPORT_FONTS


def translated_labels() -> ReportLabels:
    from app.exchange.report import ReportLabels

    return ReportLabels().translated(lambda text: QCoreApplication.translate("Report", text))


def print_pdf(page: str, path: Path) -> None:
    """Print a built report (HTML) to ``path`` as PDF, whole or not at all; the PDF's
    title is the page's."""
    from app.exchange.report import ReportTargetError, report_target

    document = QTextDocument()
    family = report_font()
    if family is not None:
        document.setDefaultFont(QFont(family, FONT_POINTS))
    document.setHtml(page)
    with report_target(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        margin = float(PAGE_MARGIN_MM)
        writer.setPageMargins(
            QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter
        )
        writer.setResolution(PAGE_DPI)
        writer.setCreator("Fangtan")
        writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        document.print_(writer)
        del writer  # the file is complete once the writer is gone
        if temporary.stat().st_size == 0:
            detail = QCoreApplication.translate("ReportDialog", "the PDF could not be written")
            raise ReportTargetError(path=str(path), detail=detail)


def write_pdf_report(
    project: Project,
    document_ids: Sequence[int],
    path: Path,
    *,
    annotators: Collection[str] | None = None,
) -> None:
    """Build the report of ``document_ids`` and print it to ``path`` as PDF."""
    from app.exchange.report import build_report

    page = build_report(
        project,
        document_ids,
        annotators=annotators,
        labels=translated_labels(),
        fonts=report_fonts(),
    )
    print_pdf(page, path)


# The dialog ------------------------------------------------------------------------


class ReportDialog(QDialog):
    """Which interviews (the one on screen, the ones ticked, all), the format (PDF or
    HTML) and whose annotations (the user's own or everyone's)."""

    def __init__(
        self,
        documents: list[DocumentSummary],
        current_document: int | None,
        annotator: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Export Report"))
        self._current = current_document
        self._documents = documents

        self.current_button = QRadioButton(self.tr("The interview on screen"))
        self.current_button.setEnabled(current_document is not None)
        self.chosen_button = QRadioButton(self.tr("The interviews ticked below"))
        self.all_button = QRadioButton(
            self.tr("All interviews (%n)", "", len(documents))
            if documents
            else self.tr("All interviews")
        )
        self.scope = QButtonGroup(self)
        for button in (self.current_button, self.chosen_button, self.all_button):
            self.scope.addButton(button)
        self.document_list = QListWidget()
        self.document_list.setObjectName("reportDocuments")
        for document in documents:
            shown = (
                f"{document.title} — {document.interviewee}"
                if document.interviewee
                else document.title
            )
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, document.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = document.id == current_document
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.document_list.addItem(item)

        self.pdf_button = QRadioButton(self.tr("PDF, to print or send"))
        self.html_button = QRadioButton(self.tr("Web page (HTML)"))
        self.pdf_button.setChecked(True)
        self.format_group = QButtonGroup(self)
        self.format_group.addButton(self.pdf_button)
        self.format_group.addButton(self.html_button)

        self.mine_button = QRadioButton(self.tr("Mine (%1)").replace("%1", annotator))
        self.everyone_button = QRadioButton(self.tr("Everyone's"))
        self.everyone_button.setChecked(True)
        self._annotator = annotator
        self.layers = QButtonGroup(self)
        self.layers.addButton(self.mine_button)
        self.layers.addButton(self.everyone_button)

        (self.current_button if current_document is not None else self.all_button).setChecked(True)
        self.scope.buttonToggled.connect(lambda _button, _on: self._update())
        self.document_list.itemChanged.connect(lambda _item: self._update())

        scope = QVBoxLayout()
        for widget in (
            self.current_button,
            self.chosen_button,
            self.document_list,
            self.all_button,
        ):
            scope.addWidget(widget)
        formats = QVBoxLayout()
        formats.addWidget(self.pdf_button)
        formats.addWidget(self.html_button)
        layers = QVBoxLayout()
        layers.addWidget(self.mine_button)
        layers.addWidget(self.everyone_button)
        form = QFormLayout()
        form.addRow(self.tr("Interviews:"), scope)
        form.addRow(self.tr("Format:"), formats)
        form.addRow(self.tr("Annotations:"), layers)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(520, 480)

    def document_ids(self) -> list[int]:
        if self.current_button.isChecked() and self._current is not None:
            return [self._current]
        if self.chosen_button.isChecked():
            return [
                self.document_list.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.document_list.count())
                if self.document_list.item(row).checkState() == Qt.CheckState.Checked
            ]
        if self.all_button.isChecked():
            return [document.id for document in self._documents]
        return []

    def format_name(self) -> str:
        return "html" if self.html_button.isChecked() else "pdf"

    def annotators(self) -> frozenset[str] | None:
        """Whose annotations: the user's own, or None for everyone's."""
        return frozenset({self._annotator}) if self.mine_button.isChecked() else None

    def _update(self) -> None:
        self.document_list.setEnabled(self.chosen_button.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.document_ids()))


# The File menu entry ---------------------------------------------------------------


class ReportExport(QObject):
    """File ▸ Export Report…: the dialog, where to save, then the report."""

    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self._context = context
        self._window = context.window
        self.busy = False
        self._pending: tuple[str, Path, int] | None = None  # format, where, interviews
        self.action = QAction(self)
        self.action.setObjectName("exportReport")
        self.action.triggered.connect(self.choose)
        menu = context.file_menu
        actions = menu.actions()
        after = next((i for i, a in enumerate(actions) if a.objectName() == _AFTER), None)
        if after is not None and after + 1 < len(actions):
            menu.insertAction(actions[after + 1], self.action)
        else:
            menu.addAction(self.action)
        self._window.installEventFilter(self)
        self._retranslate()

    def choose(self) -> None:
        project = self._context.session.project
        dialog = ReportDialog(
            project.documents(), self._context.shown_document(), project.annotator, self._window
        )
        if not dialog.exec():
            return
        path = self._ask_where(dialog.format_name())
        if path is not None:
            self.export(dialog.document_ids(), dialog.format_name(), path, dialog.annotators())

    def _ask_where(self, format_name: str) -> Path | None:
        from ui.dialogs.export import FOLDER_SETTING, proposed_folder
        from ui.window.i18n import settings

        suffixes = SUFFIXES[format_name]
        naming = self._context.session.project.naming_path
        suggested = proposed_folder() / f"{naming.stem}-report{suffixes[0]}"
        kinds = {"pdf": self.tr("PDF files (%1)"), "html": self.tr("Web pages (%1)")}
        name_filter = kinds[format_name].replace("%1", " ".join(f"*{s}" for s in suffixes))
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export Report"), str(suggested), name_filter
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() not in suffixes:
            target = target.with_name(target.name + suffixes[0])
        if target.parent.is_dir():
            settings().setValue(FOLDER_SETTING, str(target.parent))
        return target

    def export(
        self,
        document_ids: Sequence[int],
        format_name: str,
        path: Path,
        annotators: Collection[str] | None = None,
    ) -> Task | None:
        """Build the report in the background, then write it (a PDF on this thread)."""
        if self.busy:
            self._context.status(self.tr("Please wait: a report is being made."))
            return None
        from app.exchange.report import build_report, save_report

        project = self._context.session.project
        ids = list(document_ids)
        labels = translated_labels()
        fonts = report_fonts()

        def work(_state: TaskState) -> str:
            page = build_report(project, ids, annotators=annotators, labels=labels, fonts=fonts)
            if format_name == "html":
                save_report(page, path)
            return page

        self.busy = True
        self._pending = (format_name, path, len(ids))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        task = self._context.runner.start(work)
        task.succeeded.connect(self._built, _QUEUED)
        task.failed.connect(self._failed, _QUEUED)
        return task

    def _built(self, page: str) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        format_name, path, count = pending
        try:
            if format_name == "pdf":
                print_pdf(page, path)
        except FangtanError as error:
            self._done()
            show_error(self._window, error)
            return
        self._done()
        self._context.status(
            self.tr("Report of %n interview(s) written to %1.", "", count).replace("%1", str(path))
        )

    def _failed(self, error: Exception) -> None:
        self._pending = None
        self._done()
        if isinstance(error, FangtanError):
            show_error(self._window, error)
        else:
            raise error

    def _done(self) -> None:
        self.busy = False
        QApplication.restoreOverrideCursor()

    def _retranslate(self) -> None:
        self.action.setText(self.tr("Export &Report…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


def install(context: PanelContext) -> ReportExport:
    """Add File ▸ Export Report… to the window, right after File ▸ Export…."""
    return ReportExport(context)
