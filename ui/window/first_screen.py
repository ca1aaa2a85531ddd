"""The window's first screen: the project as its window showed it when it was last closed
(app/first_screen.py), shown while the storage layer loads, then handed over to the window.

It is laid out as the window is (the same panels, where the editor left them; its menus
are empty until the window opens) and can be read, scrolled and selected in. Keys that
would act on the project (a tag's shortcut, undo) and requests made in its panels (a tag
clicked, an annotation deleted or its note edited) are kept, in order, each with the
selection it was made on, and made again on the window once it is open; an interview
chosen in the list opens then too. So nothing the editor does meanwhile is lost or
refused. The first screen writes nothing: not the project, and not the window's saved
arrangement.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QWidget

from app.first_screen import FirstScreen
from ui.panels.annotation_list import AnnotationList
from ui.panels.document_list import DocumentList
from ui.panels.tag_panel import TagPanel
from ui.text.header import DocumentHeader
from ui.text.view import TextView
from ui.window.i18n import settings
from ui.window.layout import WindowLayout, reading_column
from ui.window.reading_place import ReadingPlace

if TYPE_CHECKING:  # the window itself needs the storage layer, loaded after this is shown
    from ui.main_window import MainWindow

# Keys the first screen answers itself, as the window's text does: moving and selecting.
MOVING = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
}
MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta}
ANSWERED = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.SelectAll)


# The panels' requests made again on the window's panels of the same name.
REQUESTS = {
    "tag_panel": (
        "tag_clicked",
        "new_requested",
        "edit_requested",
        "delete_requested",
        "move_requested",
        "archive_requested",
        "merge_requested",
        "split_requested",
        "place_requested",
    ),
    "annotation_list": (
        "annotation_activated",
        "delete_requested",
        "note_edit_requested",
        "note_dialog_requested",
    ),
}


@dataclass(frozen=True)
class KeptKey:
    """A key pressed on the first screen, and the text selected when it was."""

    key: Qt.Key
    modifiers: Qt.KeyboardModifier
    text: str
    selection: tuple[int, int] | None


@dataclass(frozen=True)
class KeptRequest:
    """A panel's request (its signal and what it carried), and the text selected then."""

    panel: str
    signal: str
    arguments: tuple[object, ...]
    selection: tuple[int, int] | None


def first_screen_of(window: "MainWindow") -> FirstScreen | None:
    """What ``window`` shows, to show first on the next start; None for a server project
    or a file it cannot write (its next start reads it first)."""
    project = window.session.project
    if project.path is None or project.read_only:
        return None
    core = {"documentsDock", "tagsDock", "annotationsDock"}
    return FirstScreen(
        project=str(project.path.resolve()),
        name=project.name,
        annotator=project.annotator,
        documents=window.document_list.table.documents(),
        tags=window.tag_panel.tags,
        content=window.text_view.content,
        annotations=window.text_view.annotations(),
        listed=window.annotation_list.table_model.annotations(),
        language=_language(),
        menus=[action.text() for action in window.menuBar().actions() if action.isVisible()],
        panels=[
            (dock.objectName(), dock.windowTitle())
            for dock in window.findChildren(QDockWidget)
            if dock.objectName() not in core
        ],
    )


def _language() -> str:
    return str(settings().value("language", ""))


class FirstScreenWindow(QMainWindow):
    def __init__(self, screen: FirstScreen) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.screen_shown = screen
        self.kept: list[KeptKey | KeptRequest] = []
        self.chosen: int | None = None  # an interview chosen in the list meanwhile
        self.document_list = DocumentList()
        self.header = DocumentHeader()
        self.text_view = TextView()
        self.text_view.setReadOnly(True)
        self.tag_panel = TagPanel()
        self.annotation_list = AnnotationList()
        layout = WindowLayout(
            self,
            reading_column(self.header, self.text_view),
            self.document_list,
            self.tag_panel,
            self.annotation_list,
        )
        layout.retranslate()
        if screen.language == _language():  # the frame's titles read as they did then
            self._frame(screen)
        layout.arrange(QMenu(self))
        self.removeEventFilter(layout)  # the window's arrangement is the window's to save
        self.reading_place = ReadingPlace(Path(screen.project), self.text_view, self)
        self._fill(screen)
        self.setWindowTitle(
            QCoreApplication.translate("MainWindow", "Fangtan — %1").replace("%1", screen.name)
        )
        self.statusBar().showMessage(self.tr("Opening the project…"))
        self.document_list.document_selected.connect(self._choose)
        for panel, signals in REQUESTS.items():
            for signal in signals:
                getattr(getattr(self, panel), signal).connect(self._keeper(panel, signal))
        _application().installEventFilter(self)

    def _frame(self, screen: FirstScreen) -> None:
        """The window's menus (empty until it opens) and its other panels, where it had
        them: the arrangement restored below places them."""
        for title in screen.menus:
            self.menuBar().addMenu(title)
        for name, title in screen.panels:
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(QWidget())
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def _fill(self, screen: FirstScreen) -> None:
        self.tag_panel.set_tags(screen.tags)
        self.annotation_list.set_tags(screen.tags)
        self.annotation_list.set_annotations(screen.listed)
        self.document_list.set_documents(screen.documents)
        content = screen.content
        self.header.show_meta(content.meta if content is not None else None)
        self.text_view.show_document(content, screen.annotations, screen.tags)
        if content is None:
            return
        self.document_list.blockSignals(True)
        self.document_list.select_document(content.meta.id)
        self.document_list.blockSignals(False)
        place = self.reading_place.remembered()
        if place is not None and place[0] == content.meta.id:
            # Once the window is laid out, so that the view knows its height.
            QTimer.singleShot(0, self, lambda: self.reading_place.go_to(place[1]))

    def _choose(self, document_id: int) -> None:
        content = self.screen_shown.content
        shown = content.meta.id if content is not None else None
        self.chosen = None if document_id == shown else document_id

    def _keeper(self, panel: str, signal: str) -> Callable[..., None]:
        def keep(*arguments: object) -> None:
            selection = self.text_view.selection_span()
            self.kept.append(KeptRequest(panel, signal, arguments, selection))

        return keep

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self
            and self._kept(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _kept(self, event: QKeyEvent) -> bool:
        """Keep ``event`` for the window, unless the first screen answers it itself."""
        key = Qt.Key(event.key())
        if key in MOVING or key in MODIFIERS or any(event.matches(k) for k in ANSWERED):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        selection = self.text_view.selection_span()
        self.kept.append(KeptKey(key, modifiers, event.text(), selection))
        return True

    # Handing over -----------------------------------------------------------------------

    def keep_place(self) -> None:
        """Write down where the editor is reading, for the window to open there."""
        self.reading_place.save()

    def hand_over(self, window: "MainWindow") -> None:
        """Once ``window`` has opened where the first screen was: the interview chosen, the
        selection and the scroll, then the keys and requests kept, in order; then go."""
        _application().removeEventFilter(self)
        QTimer.singleShot(0, window, lambda: self._replay(window))

    def dismiss(self) -> None:
        """Go without a window to hand over to: nothing kept is made, and nothing of the
        first screen (its watch on the application's keys) outlives it."""
        _application().removeEventFilter(self)
        self.hide()
        self.deleteLater()

    def _replay(self, window: "MainWindow") -> None:
        if self.chosen is not None:
            window.document_list.select_document(self.chosen)
        else:
            selection = self.text_view.selection_span()
            if selection is not None:
                _select(window.text_view, selection)
            window.text_view.verticalScrollBar().setValue(
                self.text_view.verticalScrollBar().value()
            )
        for kept in self.kept:
            if self.chosen is None:
                if kept.selection is not None:
                    _select(window.text_view, kept.selection)
                else:
                    window.text_view.clear_selection()
            if isinstance(kept, KeptKey):
                _press(window, kept)
            else:
                getattr(getattr(window, kept.panel), kept.signal).emit(*kept.arguments)
        self.dismiss()


def _application() -> QCoreApplication:
    application = QApplication.instance()
    assert application is not None, "the first screen is shown by a running application"
    return application


def _select(view: TextView, span: tuple[int, int]) -> None:
    """Select ``span`` (code points) without scrolling the view further than to show it."""
    first, last = view.offsets.span_to_utf16(*span)
    cursor = QTextCursor(view.document())
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _press(window: "MainWindow", kept: KeptKey) -> None:
    """Press ``kept`` on the window: the enabled action it is the shortcut of, or the text."""
    sequence = QKeySequence(QKeyCombination(kept.modifiers, kept.key))
    for action in window.findChildren(QAction):
        if action.isEnabled() and sequence in action.shortcuts():
            action.trigger()
            return
    target = window.focusWidget() or window.text_view
    event = QKeyEvent(QEvent.Type.KeyPress, kept.key, kept.modifiers, kept.text)
    QApplication.sendEvent(target, event)
