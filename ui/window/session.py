"""The open project as seen by the window: actions, undo/redo and change signals."""

from contextlib import suppress

from PySide6.QtCore import QObject, Signal

from app.dto import Changes
from app.editing.commands import Command
from app.editing.history import History, HistoryState
from app.errors import FangtanError, StaleEditError
from app.project import Project


class ProjectSession(QObject):
    """Runs user actions through the project's persistent history and announces changes."""

    changed = Signal(object, str)  # Changes, and "do", "undo" or "redo"
    failed = Signal(object)  # FangtanError
    # An edit or a step was refused because someone changed its row since the window read
    # it: what the window shows is outdated. Emitted before ``failed``.
    outdated = Signal()
    history_changed = Signal(object)  # HistoryState
    closed = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.history = History(project)
        self._history_state = HistoryState(None, None)  # the last one read or announced

    def run(self, command: Command, description: str) -> Changes | None:
        """Apply ``command`` now (on disk when this returns); None if it was refused."""
        try:
            changes = self.history.do(command, description)
        except FangtanError as error:
            self._refused(error)
            return None
        # Just done: it is what Undo reverts, and doing it dropped anything to redo.
        self._announce(changes, "do", HistoryState(description, None))
        return changes

    def undo(self) -> Changes | None:
        return self._step("undo")

    def redo(self) -> Changes | None:
        return self._step("redo")

    def history_state(self) -> HistoryState:
        """The undo/redo state; while the project cannot be read (a server away), the last
        one known: undoing then says why it cannot."""
        with suppress(FangtanError):
            self._history_state = self.history.state()
        return self._history_state

    def refresh_history(self) -> None:
        """Announce the undo/redo state again (after a failure, or a new annotator name)."""
        try:
            self._history_state = self.history.state()
        except FangtanError as error:
            self.failed.emit(error)
            return
        self.history_changed.emit(self._history_state)

    def _step(self, origin: str) -> Changes | None:
        try:
            changes = self.history.undo() if origin == "undo" else self.history.redo()
        except FangtanError as error:
            if self.history.is_stale(error):
                try:
                    self.history.drop_next(undone=origin == "redo")
                except FangtanError as dropping:
                    error = dropping
            self._refused(error)
            self.history_changed.emit(self.history_state())  # said once, not again here
            return None
        if changes is not None:
            self._announce(changes, origin)
        return changes

    def _refused(self, error: FangtanError) -> None:
        if isinstance(error, StaleEditError):
            self.outdated.emit()
        self.failed.emit(error)

    def _announce(self, changes: Changes, origin: str, state: HistoryState | None = None) -> None:
        self.changed.emit(changes, origin)
        if state is None:
            state = self.history_state()
        self._history_state = state
        self.history_changed.emit(state)

    def close(self) -> None:
        self.closed.emit()
        self.project.close()
