"""The main window: composes the document list, text, tag panel and annotation list."""

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
)

from app.dto import TagInfo
from app.project import PROJECT_SUFFIX
from ui.dialogs import codebook_exchange, overview_menu, server_open
from ui.dialogs import dictionary as dictionary_dialog
from ui.dialogs import report as report_dialog
from ui.dialogs.dictionary import WordListsMenu
from ui.dialogs.report import ReportExport
from ui.dialogs.shortcuts import show_shortcuts
from ui.panels import guideline as guideline_panel
from ui.panels import keywords as keywords_panel
from ui.panels import passages as passages_panel
from ui.panels import structure as structure_menu
from ui.panels import team as team_menu
from ui.panels.annotation_list import AnnotationList
from ui.panels.codebook_controller import CodebookController
from ui.panels.document_controller import DocumentController
from ui.panels.document_list import DocumentList
from ui.panels.guideline import GuidelinePanel
from ui.panels.keywords import KeywordsPanel
from ui.panels.passages import PassagesPanel
from ui.panels.structure import StructureMenu
from ui.panels.tag_panel import TagPanel
from ui.panels.team import TeamMenu
from ui.search import panel as search_panel
from ui.search.panel import SearchPanel
from ui.suggestions import panel as suggestions_panel
from ui.suggestions.panel import SuggestionsPanel
from ui.text import word_selection
from ui.text.header import DocumentHeader
from ui.text.view import TextView
from ui.text.word_selection import WordSelection
from ui.window import history_text
from ui.window.changes import ProjectViews
from ui.window.context import STATUS_MS, PanelContext
from ui.window.errors import show_error
from ui.window.layout import WindowLayout, reading_column
from ui.window.other_writers import OtherWriters
from ui.window.reading_place import ReadingPlace
from ui.window.session import ProjectSession
from ui.window.swatches import swatch_icon
from ui.window.tasks import TaskRunner
from ui.window.transfer import Transfers


class MainWindow(QMainWindow):
    open_requested = Signal(object)  # Path, or server address (str), to open instead
    settings_requested = Signal()
    restore_requested = Signal()

    def __init__(self, session: ProjectSession) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._quiet = False  # the project is closed
        # Every part of the window is built here, once.
        self.session = session
        self.runner = TaskRunner(self)
        self.document_list = DocumentList()
        self.header = DocumentHeader()
        self.text_view = TextView()
        self.tag_panel = TagPanel()
        self.annotation_list = AnnotationList()
        self.documents = DocumentController(
            session, self.text_view, self.annotation_list, self.header, self
        )
        self.codebook = CodebookController(session, self, self._reserved_shortcuts)
        self.transfers = Transfers(session, self.runner, self)
        self.layout_keeper = WindowLayout(
            self,
            reading_column(self.header, self.text_view),
            self.document_list,
            self.tag_panel,
            self.annotation_list,
        )
        self.reading_place = ReadingPlace(session.project.naming_path, self.text_view, self)
        self.saved_label = QLabel()
        self.server_label = QLabel()
        self.server_label.setObjectName("serverLabel")
        self.server_label.setVisible(session.project.server is not None)
        # Before the panels, which read the tags it holds after it has heard of a change.
        self.views = ProjectViews(
            session,
            document_list=self.document_list,
            documents=self.documents,
            text_view=self.text_view,
            annotation_list=self.annotation_list,
            tag_panel=self.tag_panel,
            codebook=self.codebook,
            reading_place=self.reading_place,
            parent=self,
        )
        self._actions()
        self._connect()
        context = self._panel_context()
        self.search_panel: SearchPanel = search_panel.install(context)
        self.word_selection: WordSelection = word_selection.install(context)
        self.keywords_panel: KeywordsPanel = keywords_panel.install(context)
        self.word_lists: WordListsMenu = dictionary_dialog.install(context)
        self.report_export: ReportExport = report_dialog.install(context)
        self.codebook_exchange = codebook_exchange.install(context)
        self.suggestions_panel: SuggestionsPanel = suggestions_panel.install(context)
        self.structure: StructureMenu = structure_menu.install(context)
        self.passages_panel: PassagesPanel = passages_panel.install(context)
        self.guideline_panel: GuidelinePanel = guideline_panel.install(
            context, self.views.tags_changed
        )
        self.team: TeamMenu = team_menu.install(context)
        self.overview_action: QAction = overview_menu.install(context, self.passages_panel.show_for)
        self.keywords_panel.search_requested.connect(self.search_panel.search_for)
        self.other_writers = OtherWriters(
            session, self.transfers, self.views.reload, self._status, self
        )
        self.views.reloaded.connect(self.other_writers.own_write_saved)
        self.other_writers.connection_changed.connect(self._show_server)

        self.statusBar().addPermanentWidget(self.server_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.setAcceptDrops(True)
        self.layout_keeper.arrange(self.view_menu)
        self._retranslate()
        self.views.reload()

    @property
    def tags(self) -> list[TagInfo]:
        """The project's tags, as the window last read them."""
        return self.views.tags

    def own_write_saved(self) -> None:
        """Something this window wrote outside its session (a preference) is not news."""
        self.other_writers.own_write_saved()

    # Composition ---------------------------------------------------------------

    def _panel_context(self) -> PanelContext:
        """What the panels in their own modules may use of the window."""
        return PanelContext(
            window=self,
            session=self.session,
            runner=self.runner,
            text_view=self.text_view,
            document_list=self.document_list,
            documents=self.documents,
            file_menu=self.file_menu,
            edit_menu=self.edit_menu,
            document_menu=self.document_menu,
            view_menu=self.view_menu,
            tools_menu=self.tools_menu,
            tags=lambda: self.views.tags,
            shown_document=lambda: self.documents.document_id,
            status=self._status,
            documents_imported=self.transfers.imported,
            reload=self.views.reload,
        )

    def _action(self, menu: QMenu, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self._action(
            self.file_menu, self._new_project, QKeySequence.StandardKey.New
        )
        self.open_action = self._action(
            self.file_menu, self._open_project, QKeySequence.StandardKey.Open
        )
        self.open_server_action = self._action(
            self.file_menu, self._open_server_project, name="openServerProject"
        )
        self.file_menu.addSeparator()
        self.import_action = self._action(
            self.file_menu, self.transfers.choose_files, QKeySequence("Ctrl+I"), "importAction"
        )
        self.import_folder_action = self._action(
            self.file_menu, self.transfers.choose_folder, QKeySequence("Ctrl+Shift+I")
        )
        self.import_annotations_action = self._action(
            self.file_menu,
            lambda: self.transfers.choose_annotation_file(self.tags),
            name="importAnnotations",
        )
        self.export_action = self._action(
            self.file_menu,
            lambda: self.transfers.choose_export(self.tags, self.documents.document_id),
            QKeySequence("Ctrl+E"),
            "exportAction",
        )
        self.restore_action = self._action(
            self.file_menu, self.restore_requested.emit, name="restoreBackup"
        )
        self.file_menu.addSeparator()
        self.settings_action = self._action(
            self.file_menu, self.settings_requested.emit, QKeySequence.StandardKey.Preferences
        )
        self.quit_action = self._action(self.file_menu, self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu("")
        self.undo_action = self._action(
            self.edit_menu, self._undo, QKeySequence("Ctrl+Z"), "undoAction"
        )
        self.redo_action = self._action(
            self.edit_menu,
            self._redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
            "redoAction",
        )
        self.edit_menu.addSeparator()
        self.note_action = self._action(
            self.edit_menu, self._edit_note_of_selection, QKeySequence("Ctrl+Shift+N")
        )

        self.document_menu = bar.addMenu("")
        self.properties_action = self._action(
            self.document_menu,
            self.documents.edit_properties,
            QKeySequence("Ctrl+D"),
            "documentProperties",
        )

        self.tags_menu = bar.addMenu("")
        self.tag_actions: list[QAction] = []
        self.new_tag_action = QAction(self)
        self.new_tag_action.triggered.connect(lambda: self.codebook.new_tag(None))

        self.view_menu = bar.addMenu("")
        self.view_menu.setObjectName("viewMenu")
        self.reload_action = self._action(
            self.view_menu, self.views.reload, QKeySequence.StandardKey.Refresh, "reloadAction"
        )

        self.tools_menu = bar.addMenu("")  # its entries come from ui/dialogs
        self.tools_menu.setObjectName("toolsMenu")

        self.help_menu = bar.addMenu("")
        self.shortcuts_action = self._action(
            self.help_menu, lambda: show_shortcuts(self, self.tags), QKeySequence("F1")
        )

    def _connect(self) -> None:
        self.document_list.document_selected.connect(self.documents.show_document)
        self.document_list.doubleClicked.connect(lambda _index: self.documents.edit_properties())
        self.text_view.annotation_clicked.connect(self.annotation_list.show_annotation)
        self.tag_panel.tag_clicked.connect(self.documents.apply_tag)
        self.tag_panel.new_requested.connect(self.codebook.new_tag)
        self.tag_panel.edit_requested.connect(self.codebook.edit_tag)
        self.tag_panel.delete_requested.connect(self.codebook.delete_tag)
        self.tag_panel.move_requested.connect(self.codebook.move_tag)
        self.tag_panel.archive_requested.connect(self.codebook.archive_tag)
        self.tag_panel.merge_requested.connect(self.codebook.merge_tag)
        self.tag_panel.split_requested.connect(self.codebook.split_tag)
        self.tag_panel.place_requested.connect(self.codebook.place_tag)
        self.views.tags_changed.connect(self._rebuild_tag_menu)
        self.session.closed.connect(self._go_quiet)
        self.session.history_changed.connect(self._show_history)
        self.session.failed.connect(lambda error: show_error(self, error))
        self.documents.status.connect(self._status)
        self.transfers.status.connect(self._status)
        self.transfers.imported.connect(self.views.after_import)
        self.transfers.annotations_imported.connect(self.views.after_annotation_import)

    def _go_quiet(self) -> None:
        """The project is closed: no timer, background task or language change may reach it
        any more."""
        self._quiet = True
        self.runner.stop()
        for timer in self.findChildren(QTimer):
            timer.stop()

    # Commands -----------------------------------------------------------------------

    def _rebuild_tag_menu(self) -> None:
        for action in self.tag_actions:
            self.removeAction(action)
            action.deleteLater()
        self.tags_menu.clear()
        self.tag_actions = []
        for tag in (tag for tag in self.tags if not tag.archived):
            action = QAction(swatch_icon(tag.color), tag.name, self)
            action.setObjectName(f"tagAction{tag.id}")
            if tag.shortcut:
                action.setShortcut(QKeySequence(tag.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, i=tag.id: self.documents.apply_tag(i))
            self.addAction(action)
            self.tags_menu.addAction(action)
            self.tag_actions.append(action)
        self.tags_menu.addSeparator()
        self.tags_menu.addAction(self.new_tag_action)

    def _reserved_shortcuts(self) -> set[str]:
        """Key sequences of the window's own commands, which tags may not take."""
        portable = QKeySequence.SequenceFormat.PortableText
        return {
            sequence.toString(portable)
            for action in self.findChildren(QAction)
            if action not in self.tag_actions
            for sequence in action.shortcuts()
            if not sequence.isEmpty()
        } | {"Del"}

    def _show_history(self, state) -> None:
        if state.undo_text:
            self.undo_action.setText(
                self.tr("&Undo %1").replace("%1", history_text.shown(state.undo_text))
            )
        else:
            self.undo_action.setText(self.tr("&Undo"))
        if state.redo_text:
            self.redo_action.setText(
                self.tr("&Redo %1").replace("%1", history_text.shown(state.redo_text))
            )
        else:
            self.redo_action.setText(self.tr("&Redo"))
        self.undo_action.setEnabled(state.undo_text is not None)
        self.redo_action.setEnabled(state.redo_text is not None)

    def _undo(self) -> None:
        self._step(self.session.history_state().undo_text, self.session.undo, self.tr("Undone: %1"))

    def _redo(self) -> None:
        self._step(self.session.history_state().redo_text, self.session.redo, self.tr("Redone: %1"))

    def _step(self, name: str | None, step, message: str) -> None:
        """Undo or redo, and say in the status bar what it was."""
        if name is None:
            return
        if step() is not None:
            self._status(message.replace("%1", history_text.shown(name)))

    def _edit_note_of_selection(self) -> None:
        ids = self.annotation_list.selected_ids()
        if ids:
            self.documents.edit_note(ids[0])
        else:
            self._status(self.tr("Select an annotation in the list first."))

    def _show_server(self, *_connected: object) -> None:
        project, online = self.session.project, self.other_writers.online
        self.server_label.setText(server_open.status_text(project, online))

    def _status(self, message: str, timeout_ms: int = STATUS_MS) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def show_saved(self) -> None:
        if self.session.project.read_only:
            self.saved_label.setText(self.tr("Read-only: changes cannot be saved"))
            return
        self.saved_label.setText(
            self.tr("All changes saved · %1").replace("%1", self.session.project.annotator)
        )

    # Projects -----------------------------------------------------------------------

    def _project_filter(self) -> str:
        return self.tr("Fangtan projects (*%1)").replace("%1", PROJECT_SUFFIX)

    def _new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New Project"),
            str(self.session.project.folder),
            self._project_filter(),
        )
        if path:
            target = Path(path)
            if target.suffix != PROJECT_SUFFIX:
                target = target.with_name(target.name + PROJECT_SUFFIX)
            self.open_requested.emit(target)

    def _open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Project"),
            str(self.session.project.folder),
            self._project_filter(),
        )
        if path:
            self.open_requested.emit(Path(path))

    def _open_server_project(self) -> None:
        address = server_open.choose_address(self)
        if address is not None:
            self.open_requested.emit(address)

    # Drag and drop: files and folders are imported -----------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.transfers.import_any(paths)
            event.acceptProposedAction()

    # Language -----------------------------------------------------------------------

    def _retranslate(self) -> None:
        title = self.tr("Fangtan — %1").replace("%1", self.session.project.name)
        title += server_open.title_suffix(self.session.project)
        if self.session.project.read_only:
            title += " " + self.tr("(read-only)")
        self.setWindowTitle(title)
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New Project…"))
        self.open_action.setText(self.tr("&Open Project…"))
        self.open_server_action.setText(self.tr("Open &Server Project…"))
        self._show_server()
        self.import_action.setText(self.tr("&Import Interviews…"))
        self.import_folder_action.setText(self.tr("Import &Folder…"))
        self.import_annotations_action.setText(self.tr("Import &Annotations…"))
        self.export_action.setText(self.tr("&Export…"))
        self.restore_action.setText(self.tr("&Restore from Backup…"))
        self.settings_action.setText(self.tr("&Preferences…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self._show_history(self.session.history_state())
        self.note_action.setText(self.tr("Edit &Note…"))
        self.document_menu.setTitle(self.tr("&Document"))
        self.properties_action.setText(self.tr("&Properties…"))
        self.structure.retranslate()
        self.team.retranslate()
        self.tags_menu.setTitle(self.tr("&Tags"))
        self.new_tag_action.setText(self.tr("&New Tag…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.reload_action.setText(self.tr("&Reload"))
        self.tools_menu.setTitle(self.tr("T&ools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard Shortcuts"))
        self.layout_keeper.retranslate()
        self.show_saved()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._quiet:
            self._retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        self.runner.stop()
        self.other_writers.stop()
        self.reading_place.save()
        super().closeEvent(event)
