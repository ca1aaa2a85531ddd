"""File ▸ Export Codebook… and File ▸ Import Codebook…: the tags with their colours,
hierarchy and guidelines to and from a REFI-QDA codebook (.qdc) or a CSV table.

An import is one undo step; what it did (tags created, tags matched by name) is said in a
message and in the status bar. A file that cannot be read is refused with its reason and
changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from app.errors import FangtanError
from ui.window.context import PanelContext
from ui.window.errors import show_error

if TYPE_CHECKING:
    from app.exchange.codebook import CodebookImportReport

# The name of the undo step (app.editing.codebook_import), for the translation tables.
STEP_NAME = QT_TRANSLATE_NOOP("History", "Import Codebook “%1”")
_BEFORE = "restoreBackup"  # the File menu entry the two are placed before


def _file_menu(window: QMainWindow) -> QMenu:
    """The window's first menu, File."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            return menu
    return window.menuBar().addMenu("")


class CodebookExchange(QObject):
    def __init__(self, context: PanelContext, file_menu: QMenu | None = None) -> None:
        super().__init__(context.window)
        self._context = context
        self._window = context.window
        self.menu = file_menu or _file_menu(context.window)
        self.export_action = QAction(self)
        self.export_action.setObjectName("exportCodebook")
        self.export_action.triggered.connect(self.choose_export)
        self.import_action = QAction(self)
        self.import_action.setObjectName("importCodebook")
        self.import_action.triggered.connect(self.choose_import)
        before = next(
            (action for action in self.menu.actions() if action.objectName() == _BEFORE), None
        )
        if before is not None:
            self.menu.insertActions(before, [self.import_action, self.export_action])
        else:
            self.menu.addActions([self.import_action, self.export_action])
        self._window.installEventFilter(self)
        self._retranslate()

    def _filters(self) -> tuple[str, str]:
        return (
            self.tr("REFI-QDA codebook (*.qdc)"),
            self.tr("CSV table (*.csv)"),
        )

    # Export -------------------------------------------------------------------

    def choose_export(self) -> None:
        qdc, table = self._filters()
        project = self._context.session.project
        naming = project.naming_path
        suggested = naming.with_name(f"{naming.stem}-codebook.qdc")
        path, chosen = QFileDialog.getSaveFileName(
            self._window, self.tr("Export Codebook"), str(suggested), f"{qdc};;{table}"
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".qdc", ".csv"):
            target = target.with_name(target.name + (".csv" if chosen == table else ".qdc"))
        self.export_to(target)

    def export_to(self, path: Path) -> bool:
        from app.exchange.codebook import export_codebook

        try:
            written = export_codebook(self._context.session.project, path)
        except FangtanError as error:
            show_error(self._window, error)
            return False
        self._context.status(
            self.tr("Exported %n tag(s) to %1", "", written.tags).replace("%1", str(path))
        )
        return True

    # Import -------------------------------------------------------------------

    def choose_import(self) -> None:
        qdc, table = self._filters()
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import Codebook"),
            str(self._context.session.project.folder),
            self.tr("Codebooks (*.qdc *.csv)") + f";;{qdc};;{table}",
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> CodebookImportReport | None:
        from app.exchange.codebook import prepare_import

        session = self._context.session
        try:
            planned = prepare_import(session.project, path)
        except FangtanError as error:
            show_error(self._window, error)
            return None
        if planned.command is not None and session.run(planned.command, planned.step_name) is None:
            return None  # refused: the session has said why
        report = planned.report
        summary = self._summary(report)
        self._context.status(summary)
        QMessageBox.information(self._window, self.tr("Import Codebook"), summary)
        return report

    def _summary(self, report: CodebookImportReport) -> str:
        created = len(report.created)
        text = self.tr("%n new tag(s)", "", created)
        text += self.tr("; %n tag(s) already in the project", "", len(report.matched))
        if report.filled:
            text += self.tr(" (%n given guideline text)", "", len(report.filled))
        text += "."
        if report.created:
            text += "\n" + self.tr("New: %1").replace("%1", "、".join(report.created))
        if report.shortcuts_dropped:
            names = "、".join(report.shortcuts_dropped)
            text += "\n" + self.tr("Shortcuts already taken, left out: %1").replace("%1", names)
        return text

    # Language -----------------------------------------------------------------

    def _retranslate(self) -> None:
        self.export_action.setText(self.tr("Export &Codebook…"))
        self.import_action.setText(self.tr("Import Code&book…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


def install(context: PanelContext) -> CodebookExchange:
    """Add File ▸ Import Codebook… and File ▸ Export Codebook… to the window."""
    return CodebookExchange(context)
