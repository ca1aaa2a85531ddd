"""Start the window: application, language, project, main window.

When the project file is as its window left it, its first screen (ui/window/first_screen.py)
is shown at once, and the storage layer, the slowest part of a start, loads on a thread
meanwhile; the window replaces the first screen once the project is open. Otherwise the
window opens directly. This module loads no more than the first screen needs.
"""

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app import first_screen
from app.locations import default_project_path
from app.logs import log_failure
from ui.window.errors import install_exception_dialog
from ui.window.first_screen import FirstScreenWindow
from ui.window.i18n import Translations, preferred_annotator, settings
from ui.window.icon import application_icon
from ui.window.single_instance import InstanceServer, bring_forward, name_of, raise_window
from ui.window.stop_signals import StopSignals

if TYPE_CHECKING:  # loaded on the thread, or when there is no first screen
    from ui.window.application import Application

# What opens the project and builds the window (with it, the storage layer).
APPLICATION = "ui.window.application"

EXIT_BROKEN = 3  # as the command line's exit code for a bug

Shown = Callable[[], None]


class _Loaded(QObject):
    """Says on the window's thread that the loading thread is done (None, or its error)."""

    done = Signal(object)


def _first_screen(project: Path | str | None) -> FirstScreenWindow | None:
    """The first screen kept for ``project`` as it is now, or None (a server, a new file,
    a file changed since, another annotator)."""
    if isinstance(project, str):
        return None
    path = default_project_path() if project is None else project
    screen = first_screen.load(path, preferred_annotator()) if path.is_file() else None
    if screen is None:
        return None
    try:
        return FirstScreenWindow(screen)
    except Exception as error:  # a kept screen never stops a start: the window opens instead
        log_failure(error)
        return None


class Start:
    """One start: the first screen, if there is one, then the window."""

    def __init__(
        self,
        app: QApplication,
        project: Path | str | None,
        on_shown: Shown | None,
        name: str | None = None,
    ) -> None:
        """``name``: the project's single-instance name, listened on from the first screen."""
        self.app = app
        self.project = project
        self.name = name
        self.instance: InstanceServer | None = None
        self.on_shown = on_shown
        self.translations = Translations(app)
        self.translations.install(str(settings().value("language", "")))
        self.application: Application | None = None
        self.shell: FirstScreenWindow | None = None
        self.loaded = _Loaded()
        self.loaded.done.connect(self._open)
        # A thread of Qt's: a signal emitted from one Qt did not start can deadlock PySide.
        self.loader = QThreadPool()
        self.loader.setMaxThreadCount(1)

    def begin(self, on_first_screen: Shown | None) -> bool:
        """Show the first screen and load the rest behind it, or open the window now.
        False when the project could not be opened."""
        self.shell = _first_screen(self.project)
        if self.shell is None:
            importlib.import_module(APPLICATION)
            return self._open(None)
        self.shell.show()
        if self.name is not None:  # another start of this project brings this one forward
            self.instance = InstanceServer(self._come_forward)
            self.instance.listen(self.name)
        if on_first_screen is not None:
            QTimer.singleShot(0, on_first_screen)
        self.loader.start(self._load)
        return True

    def _load(self) -> None:
        try:
            importlib.import_module(APPLICATION)
        except BaseException as error:  # said on the window's thread, where errors are shown
            self.loaded.done.emit(error)
            return
        self.loaded.done.emit(None)

    def _open(self, error: BaseException | None) -> bool:
        shell = self.shell
        if error is not None:  # a broken installation: the unexpected-error dialog, then out
            sys.excepthook(type(error), error, error.__traceback__)
            self._end(EXIT_BROKEN)
            return False
        if shell is not None and not shell.isVisible():
            return False  # closed before the project was open: the application ends
        from ui.window.application import Application

        application = Application(self.app, self.translations, self.instance)
        self.application = application
        if shell is not None:
            shell.keep_place()
        if not application.open(self.project):
            if shell is not None:  # said in a message; the first screen goes with it
                self._end(1)
            return False
        if shell is not None and application.window is not None:
            shell.hand_over(application.window)
        if self.on_shown is not None:
            QTimer.singleShot(0, self.on_shown)
        return True

    def _come_forward(self) -> bool:
        return raise_window(self.shell)

    def _end(self, code: int) -> None:
        """Leave the event loop with ``code``, the first screen gone."""
        if self.shell is not None:
            self.shell.dismiss()
        self.app.exit(code)

    def end(self) -> None:
        self.loader.waitForDone()
        if self.application is not None:
            self.application.leave()


def run(
    project: Path | str | None = None,
    on_shown: Shown | None = None,
    on_first_screen: Shown | None = None,
) -> int:
    """Entry point of ``fangtan gui``; returns the process exit code. ``on_shown`` runs once
    the window is open, ``on_first_screen`` once the first screen is shown (if there is
    one)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Fangtan")
    app.setOrganizationName("Fangtan")
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("fangtan")  # setup/desktop/fangtan.desktop, on Wayland too
    install_exception_dialog()
    name = name_of(project)
    if name is not None and bring_forward(name):
        print(f"fangtan: {project or 'the project'} is already open in another window; shown now")
        return 0
    start = Start(app, project, on_shown, name)
    stop_signals = StopSignals(app)
    try:
        if not start.begin(on_first_screen):
            return 1
        return app.exec()
    finally:
        try:
            stop_signals.release()
        finally:
            start.end()
