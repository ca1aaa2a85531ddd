"""The shown interview's pending suggestions, worked out on the window's task runner.

One computation at a time: asking again while one runs starts another once it is back.
A result is dropped when another was asked for meanwhile or the document shown changed.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.suggestions import Suggestion, TagStats, pending_suggestions, suggestion_stats
from ui.suggestions.keeper import ModelKeeper
from ui.window.session import ProjectSession
from ui.window.tasks import TaskRunner

Result = tuple[int, int, list[Suggestion], list[TagStats]]  # generation, document, found, stats


class SuggestionFeed(QObject):
    arrived = Signal(object, object)  # list[Suggestion], list[TagStats] of the shown document
    failed = Signal(object)  # an error from working them out

    def __init__(
        self,
        session: ProjectSession,
        runner: TaskRunner,
        keeper: ModelKeeper,
        shown_document: Callable[[], int | None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._keeper = keeper
        self._shown_document = shown_document
        self._generation = 0  # of refresh requests; older results are dropped
        self._computing = False  # a refresh is running in the background
        self._again = False  # ...and another was asked for meanwhile
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)

    def refresh(self, delay_ms: int = 0) -> None:
        """Ask again for the shown document's suggestions (in the background, soon)."""
        self._generation += 1  # what is on its way now is out of date
        self._timer.start(delay_ms)

    def _start(self) -> None:
        if self._computing:  # one at a time: run again once this one is back
            self._again = True
            return
        generation = self._generation
        document_id = self._shown_document()
        if document_id is None:
            self.arrived.emit([], [])
            return
        project = self._session.project
        model, settings = self._keeper.model, self._keeper.settings

        def work(_state) -> Result:
            found = pending_suggestions(
                project, [document_id], model=model, settings=settings, seed=False
            )
            return generation, document_id, found, suggestion_stats(project, found)

        self._computing = True
        # Bound methods, not lambdas: Qt drops the connection if the feed is gone first.
        task = self._runner.start(work)
        task.succeeded.connect(self._arrived)
        task.failed.connect(self._failed)

    def _arrived(self, result: Result) -> None:
        self._computing = False
        generation, document_id, found, stats = result
        if self._again:
            self._again = False
            self._start()
        if generation != self._generation or document_id != self._shown_document():
            return
        self.arrived.emit(found, stats)

    def _failed(self, error: object) -> None:
        self._computing = False
        self.failed.emit(error)
