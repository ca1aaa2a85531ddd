"""The shown interview's pending suggestions, worked out on the window's task runner.

One computation at a time: asking again while one runs starts another once it is back.
A result is dropped when another was asked for meanwhile or the document shown changed.
Whether it differs from what the window shows is found out in the background too, so an
unchanged list (the common case after a tag) costs the window nothing.

The suggestions of the last few interviews shown are kept while nothing in them changes,
the model stays and the settings too: going back to one only counts the statistics again.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from app.dto import Changes
from app.suggestions import (
    Suggestion,
    SuggestionSettings,
    TagModel,
    TagStats,
    pending_suggestions,
    suggestion_stats,
)
from ui.suggestions.keeper import ModelKeeper
from ui.window.session import ProjectSession
from ui.window.tasks import TaskRunner

KEPT_DOCUMENTS = 8  # interviews whose suggestions are kept for going back to them


@dataclass(frozen=True)
class _Result:
    generation: int
    document_id: int
    model: TagModel | None
    settings: SuggestionSettings
    found: list[Suggestion]
    stats: list[TagStats]
    same: list[Suggestion] | None  # the list shown when asked, if ``found`` equals it
    changes: int  # how many changes the feed had heard of when it was asked


class SuggestionFeed(QObject):
    # list[Suggestion], list[TagStats] of the shown document, and whether the list equals
    # the one the window showed when they were asked for (then it is that very list).
    arrived = Signal(object, object, bool)
    failed = Signal(object)  # an error from working them out

    def __init__(
        self,
        session: ProjectSession,
        runner: TaskRunner,
        keeper: ModelKeeper,
        shown_document: Callable[[], int | None],
        shown_suggestions: Callable[[], list[Suggestion]],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._keeper = keeper
        self._shown_document = shown_document
        self._shown_suggestions = shown_suggestions
        self._generation = 0  # of refresh requests; older results are dropped
        self._computing = False  # a refresh is running in the background
        self._again = False  # ...and another was asked for meanwhile
        # document -> the model and settings its suggestions were worked out with, and them
        self._kept: dict[int, tuple[TagModel | None, SuggestionSettings, list[Suggestion]]] = {}
        self._changes = 0  # changes heard of: a result asked for before one is never kept
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        session.changed.connect(self._forget_changed)
        keeper.trained.connect(self.forget)

    def refresh(self, delay_ms: int = 0) -> None:
        """Ask again for the shown document's suggestions (in the background, soon)."""
        self._generation += 1  # what is on its way now is out of date
        self._timer.start(delay_ms)

    def forget(self) -> None:
        """Work every interview's suggestions out afresh (a new model, new trigger words)."""
        self._kept.clear()

    def _forget_changed(self, changes: Changes, _origin: str) -> None:
        self._changes += 1
        if changes.tags:
            self._kept.clear()
        for document_id in changes.documents | changes.turns:
            self._kept.pop(document_id, None)

    def _start(self) -> None:
        if self._computing:  # one at a time: run again once this one is back
            self._again = True
            return
        generation = self._generation
        document_id = self._shown_document()
        if document_id is None:
            self.arrived.emit([], [], False)
            return
        project = self._session.project
        model, settings = self._keeper.model, self._keeper.settings
        shown = self._shown_suggestions()  # never changed in place: safe to compare later
        kept = self._kept.get(document_id)
        changes = self._changes
        known = kept[2] if kept is not None and kept[0] is model and kept[1] == settings else None

        def work(_state) -> _Result:
            found = known
            if found is None:
                found = pending_suggestions(
                    project, [document_id], model=model, settings=settings, seed=False
                )
            stats = suggestion_stats(project, found)
            same = shown if found == shown else None
            return _Result(generation, document_id, model, settings, found, stats, same, changes)

        self._computing = True
        # Bound methods, not lambdas: Qt drops the connection if the feed is gone first.
        task = self._runner.start(work)
        task.succeeded.connect(self._arrived)
        task.failed.connect(self._failed)

    def _arrived(self, result: _Result) -> None:
        self._computing = False
        if self._again:
            self._again = False
            self._start()
        if result.generation != self._generation or result.document_id != self._shown_document():
            return
        if result.changes == self._changes:
            self._keep(result)
        if result.same is not None and result.same is self._shown_suggestions():
            self.arrived.emit(result.same, result.stats, True)
        else:
            self.arrived.emit(result.found, result.stats, False)

    def _keep(self, result: _Result) -> None:
        self._kept.pop(result.document_id, None)
        self._kept[result.document_id] = (result.model, result.settings, result.found)
        while len(self._kept) > KEPT_DOCUMENTS:
            del self._kept[next(iter(self._kept))]

    def _failed(self, error: object) -> None:
        self._computing = False
        self.failed.emit(error)
