"""The application behind the window: the one open main window, the project it shows,
and what opens, restores and replaces it. Loads the storage layer (ui/launch.py imports this
once the first screen is shown)."""

import sys
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from app import first_screen
from app.backups import keep_count, list_backups, restore_backup, set_keep_count, take_backup
from app.errors import FangtanError
from app.locations import project_location
from app.project import Project, parse_address
from app.server.errors import ServerPasswordNeededError
from app.workspace import open_default_project
from ui.dialogs.restore import RestoreDialog
from ui.dialogs.server_open import ServerRestoreError, ask_password
from ui.dialogs.settings import SettingsDialog
from ui.main_window import MainWindow
from ui.window.errors import show_error
from ui.window.first_screen import first_screen_of
from ui.window.i18n import Translations, preferred_annotator, settings
from ui.window.session import ProjectSession
from ui.window.single_instance import InstanceServer, bring_forward, name_of, raise_window
from ui.window.tasks import TaskState


class Application:
    """Owns the QApplication, the translations and the one open main window."""

    def __init__(
        self,
        app: QApplication,
        translations: Translations | None = None,
        instance: InstanceServer | None = None,
    ) -> None:
        """``instance``: the listener the first screen started, which the window takes."""
        self.app = app
        if translations is None:
            translations = Translations(app)
            translations.install(str(settings().value("language", "")))
        self.translations = translations
        self.window: MainWindow | None = None
        if instance is None:
            instance = InstanceServer(self._come_forward)
        else:
            instance.forward_to(self._come_forward)
        self.instance = instance

    def annotator(self) -> str:
        return preferred_annotator()

    def open(self, path: Path | str | None) -> bool:
        """Show ``path`` (None: the default project; a str: a server address) in a window
        replacing the current one. False when it could not be opened, the password asked
        for was not given, or another Fangtan window has it open (that window comes
        forward): the current window stays as it was."""
        name = name_of(path)
        if name is not None and name == self.instance.name:
            if self.window is not None:
                self._come_forward()
                return True
        elif name is not None and bring_forward(name):
            if self.window is not None:
                self.window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "Application", "That project is open in another Fangtan window, shown now."
                    ),
                    8000,
                )
            return False
        try:
            project = self._project(path)
        except FangtanError as error:
            print(f"fangtan: {error}", file=sys.stderr)
            show_error(self.window, error)
            return False
        if project is None:
            return False
        old = self.window
        window = MainWindow(ProjectSession(project))
        window.open_requested.connect(self.open)
        window.settings_requested.connect(self.edit_settings)
        window.restore_requested.connect(self.restore)
        self.window = window
        window.show()
        listened = name_of(project.path if project.path is not None else project.location)
        if listened is not None:
            self.instance.listen(listened)
        self._back_up(window)
        if old is not None:
            old.close()
            self._leave(old)
            old.deleteLater()
        return True

    def leave(self) -> None:
        """The application ends: close the project, keeping its first screen."""
        if self.window is not None:
            self._leave(self.window)
            self.window = None

    @staticmethod
    def _leave(window: MainWindow) -> None:
        screen = first_screen_of(window)
        window.session.close()
        if screen is not None:  # once closed: nothing writes to the file after its stamp
            first_screen.save(screen)

    def _come_forward(self) -> bool:
        return raise_window(self.window)

    def _project(self, path: Path | str | None) -> Project | None:
        if path is None:
            return open_default_project(self.annotator())
        location = project_location(path) if isinstance(path, str) else path
        if isinstance(location, Path):
            return Project.open(location, annotator=self.annotator())
        return self._open_server(location)

    def _open_server(self, location: str) -> Project | None:
        """A server project, whose annotator is the role logged in as. The password, when
        the server asks for one that libpq does not find, is asked once and kept in memory
        only; None when it is not given."""
        try:
            return Project.open(location)
        except ServerPasswordNeededError:
            address = parse_address(location)
            password = ask_password(self.window, address.shown())
            if password is None:
                return None
            return Project.open(address.with_password(password))

    def _back_up(self, window: MainWindow) -> None:
        """Take the rotating copy of the project in the background once it is open."""
        project = window.session.project
        if project.read_only or project.path is None:
            return  # a server keeps its own backups (pg_dump)
        keep = keep_count(project)
        path = project.path

        def work(_state: TaskState) -> None:
            take_backup(path, keep)

        task = window.runner.start(work)
        task.failed.connect(
            lambda error: show_error(window, error), Qt.ConnectionType.QueuedConnection
        )

    def restore(self) -> None:
        window = self.window
        if window is None:
            return
        project = window.session.project
        path = project.path
        if path is None:
            show_error(window, ServerRestoreError(path=project.location))
            return
        dialog = RestoreDialog(list_backups(path), window)
        backup = dialog.chosen() if dialog.exec() else None
        if backup is None:
            return
        window.runner.wait()
        window.session.close()
        try:
            restore_backup(path, backup.path)
        except FangtanError as error:
            show_error(window, error)
        self.window = None
        window.close()
        window.deleteLater()
        self.open(path)

    def edit_settings(self) -> None:
        store = settings()
        project = self.window.session.project if self.window is not None else None
        keep = None
        if project is not None and project.server is None:
            with suppress(FangtanError):  # not readable now: the project part is left out
                keep = keep_count(project)
        dialog = SettingsDialog(
            str(store.value("language", "")),
            self.annotator(),
            self.window,
            backups_keep=keep,
            read_only=project is not None and project.read_only,
        )
        if not dialog.exec():
            return
        store.setValue("language", dialog.language())
        store.setValue("annotator", dialog.annotator())
        self.translations.install(dialog.language())
        if project is not None and keep is not None and not project.read_only:
            self._save_backups_keep(project, keep, dialog.backups_keep())
        if self.window is not None and self.window.session.project.server is None:
            # On a server the annotator is the role logged in as, whatever the preference.
            self.window.session.project.annotator = self.annotator()
            self.window.session.refresh_history()  # the history is the new annotator's
            self.window.show_saved()

    def _save_backups_keep(self, project: Project, old: int, new: int) -> None:
        if new == old:
            return
        try:
            set_keep_count(project, new)
        except FangtanError as error:
            show_error(self.window, error)
            return
        if self.window is not None:
            self.window.own_write_saved()
