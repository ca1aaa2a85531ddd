"""What a panel may use of the main window: one small typed context, given at construction.

Panels add docks, menu entries and window-wide shortcuts through ``window`` (the Qt main
window, also the parent of their dialogs); everything else they read or connect to is named
here, so no panel needs to know how the main window is put together, and none sets or looks
for attributes of it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QMainWindow, QMenu

from app.dto import TagInfo
from ui.panels.document_controller import DocumentController
from ui.panels.document_list import DocumentList
from ui.text.view import TextView
from ui.window.session import ProjectSession
from ui.window.tasks import TaskRunner

STATUS_MS = 6000  # how long a passing message stays in the status bar


class ShowStatus(Protocol):
    def __call__(self, message: str, timeout_ms: int = STATUS_MS) -> None: ...


@dataclass(frozen=True)
class PanelContext:
    window: QMainWindow  # docks, window-wide shortcuts, dialogs' parent, language changes
    session: ProjectSession
    runner: TaskRunner
    text_view: TextView
    document_list: DocumentList  # the interviews listed, and the one chosen
    documents: DocumentController  # the interview on screen, and whose layers it shows
    file_menu: QMenu
    edit_menu: QMenu
    document_menu: QMenu
    view_menu: QMenu
    tools_menu: QMenu
    tags: Callable[[], list[TagInfo]]  # the project's tags, as the window last read them
    shown_document: Callable[[], int | None]  # the interview on screen
    status: ShowStatus  # a passing message in the status bar
    documents_imported: SignalInstance  # interviews were imported (with the report)
    reload: Callable[[], None]  # read everything shown again from the project
