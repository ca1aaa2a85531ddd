"""The Suggestions dock: the shown interview's pending tag suggestions as a list and as
outlines in the text, decided with Enter, Backspace and Tab (ui/suggestions/decision_keys.py).

They are worked out in the background (ui/suggestions/feed.py) with the model that
ui/suggestions/keeper.py trains; the window never waits for either.
"""

from contextlib import suppress
from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.dto import Changes, TagInfo
from app.errors import FangtanError
from app.suggestions import (
    Suggestion,
    SuggestionSettings,
    TagStats,
    ensure_triggers,
    load_settings,
    save_settings,
)
from app.suggestions.commands import AcceptSuggestions, RejectSuggestions
from ui.panels.document_list import RESIZE_PRECISION
from ui.suggestions.decision_keys import DecisionKeys
from ui.suggestions.feed import SuggestionFeed
from ui.suggestions.keeper import ModelKeeper
from ui.suggestions.overlay import SuggestionOverlay
from ui.suggestions.stats import SuggestionStats
from ui.suggestions.table import SuggestionTableModel
from ui.suggestions.triggers_dialog import edit_trigger_words
from ui.suggestions.words import SuggestionWords
from ui.window import history_text
from ui.window.context import PanelContext
from ui.window.deferred import ChangesLater
from ui.window.errors import error_text

CHANGE_DELAY_MS = 1500  # after an annotation changes, wait this long before recomputing


def install(context: PanelContext) -> "SuggestionsPanel":
    """Add the Suggestions dock to the window, with a menu entry."""
    panel = SuggestionsPanel(context)
    context.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    context.document_menu.addSeparator()
    context.document_menu.addAction(panel.toggleViewAction())
    return panel


class SuggestionsPanel(QDockWidget):
    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self.setObjectName("suggestionsPanel")
        self._context = context
        self._window = context.window
        self._session = context.session
        self._view = context.text_view
        self._tags: dict[int, TagInfo] = {}
        self._tags_source: list[TagInfo] = []
        self._stats: list[TagStats] = []
        self._suggestions: list[Suggestion] = []
        self._choosing = False  # the list's current row is being set to self._current
        self._current: Suggestion | None = None
        self._waiting = False  # another interview was shown; its suggestions are on the way
        self._seed_triggers()
        self.model = ModelKeeper(self._session, context.runner, self)
        self.model.use(self._read_settings())
        self.model.changed.connect(self._show_model)
        self.model.trained.connect(self.refresh)
        self.model.failed.connect(self._task_failed)
        self.feed = SuggestionFeed(
            self._session,
            context.runner,
            self.model,
            self._shown_document,
            lambda: self._suggestions,
            self,
        )
        self.feed.arrived.connect(self._show)
        self.feed.failed.connect(self._task_failed)

        self.words = SuggestionWords(self)
        self.overlay = SuggestionOverlay(self._view, self.words.describe)
        self._build()
        self._retranslate()
        self._connect()
        self._set_tags(context.tags())
        self.refresh()

    # Layout -------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.status_label = QLabel()
        self.status_label.setObjectName("suggestionStatus")
        self.status_label.setWordWrap(True)
        self.model_label = QLabel()
        self.model_label.setObjectName("suggestionModel")
        self.model_label.setWordWrap(True)

        self.table_model = SuggestionTableModel(self.words, self)
        self.table = QTableView()
        self.table.setObjectName("suggestionList")
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # The passage gets the width; why it is suggested is in its tooltip and the text's.
        self.table.setColumnHidden(3, True)
        # Tag and confidence columns fit the first rows, not every one of thousands.
        header.setResizeContentsPrecision(RESIZE_PRECISION)

        self.accept_button = QPushButton()
        self.accept_button.setObjectName("acceptSuggestion")
        self.reject_button = QPushButton()
        self.reject_button.setObjectName("rejectSuggestion")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextSuggestion")
        decide = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.next_button):
            decide.addWidget(button)

        self.threshold_label = QLabel()
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("acceptThreshold")
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(0.8)
        self.accept_all_button = QPushButton()
        self.accept_all_button.setObjectName("acceptAllAbove")
        bulk = QHBoxLayout()
        bulk.addWidget(self.threshold_label)
        bulk.addWidget(self.threshold)
        bulk.addWidget(self.accept_all_button, 1)
        # No button here ever takes the keyboard or becomes a default: Enter in the text
        # decides one suggestion through DecisionKeys and nothing else.
        for button in (
            self.accept_button,
            self.reject_button,
            self.next_button,
            self.accept_all_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.setDefault(False)

        self.stats = SuggestionStats()

        self.triggers_button = QPushButton()
        self.triggers_button.setObjectName("editTriggers")
        self.retrain_label = QLabel()
        self.retrain = QSpinBox()
        self.retrain.setObjectName("retrainEvery")
        self.retrain.setRange(1, 1000)
        self.retrain.setValue(self.model.settings.retrain_every)
        tools = QHBoxLayout()
        tools.addWidget(self.triggers_button)
        tools.addStretch(1)
        tools.addWidget(self.retrain_label)
        tools.addWidget(self.retrain)

        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(decide)
        layout.addLayout(bulk)
        layout.addWidget(self.stats)
        layout.addWidget(self.model_label)
        layout.addLayout(tools)
        self.setWidget(body)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Suggestions"))
        self.table_model.set_headers(
            [self.tr("Tag"), self.tr("Passage"), self.tr("Confidence"), self.tr("Reason")]
        )
        self.stats.setHeaderLabels([self.tr("Tag"), self.tr("Accepted / offered"), self.tr("Rate")])
        self.accept_button.setText(self.tr("Accept (Enter)"))
        self.reject_button.setText(self.tr("Reject (Backspace)"))
        self.next_button.setText(self.tr("Next (Tab)"))
        self.threshold_label.setText(self.tr("Threshold:"))
        self.accept_all_button.setText(self.tr("Accept All Above"))
        self.triggers_button.setText(self.tr("Trigger Words…"))
        self.retrain_label.setText(self.tr("Retrain after"))
        self.retrain.setSuffix(self.tr(" decisions"))
        self._show_status()
        self._show_model()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill()
        super().changeEvent(event)

    def _connect(self) -> None:
        self._changes_later = ChangesLater(self._follow_changes, self)
        self._session.changed.connect(self._on_changes)
        self._view.document_changed.connect(self._document_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.reveal_current())
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button.clicked.connect(self.reject_current)
        self.next_button.clicked.connect(self.next_suggestion)
        self.accept_all_button.clicked.connect(self.accept_all_above)
        self.triggers_button.clicked.connect(self.edit_triggers)
        self.retrain.valueChanged.connect(self._set_retrain_every)
        self.keys = DecisionKeys(
            self._view,
            self.table,
            lambda: self._decidable(self._current),
            self.accept_current,
            self.reject_current,
            self.next_suggestion,
            self,
        )

    # Words shown ----------------------------------------------------------------------

    def _show_status(self) -> None:
        if self._view.content is None:
            self.status_label.setText(self.tr("Open an interview to see suggestions."))
        elif self._waiting:
            self.status_label.setText(self.tr("Working out suggestions for this interview…"))
        elif not self._suggestions:
            self.status_label.setText(self.tr("No suggestions for this interview."))
        else:
            self.status_label.setText(
                self.tr(
                    "%1 suggestions for this interview. Enter accepts, Backspace rejects, "
                    "Tab moves on."
                ).replace("%1", str(len(self._suggestions)))
            )

    def _show_model(self) -> None:
        self.model_label.setText(self.words.model_text(self.model.info, self.model.training))

    # Keeping current ---------------------------------------------------------------------

    def _set_tags(self, tags: list[TagInfo]) -> None:
        self._tags_source = tags
        self._tags = {tag.id: tag for tag in tags}
        self.words.tags = self._tags
        self.overlay.set_colors({tag.id: tag.color for tag in tags})

    def _on_changes(self, changes: Changes, origin: str) -> None:
        if changes.tags:
            self._set_tags(self._session.project.tags())
        self._changes_later.add(changes)  # after the new highlight is on screen

    def _follow_changes(self, changes: Changes) -> None:
        shown = self._shown_document()
        if changes.tags or (shown is not None and shown in changes.documents):
            self._drop_covered(changes)
            # Tagging again and again should not recompute every suggestion each time:
            # wait until the annotator pauses.
            self.refresh(delay_ms=CHANGE_DELAY_MS)
        self.model.maybe_retrain_later()

    def _drop_covered(self, changes: Changes) -> None:
        """At once, take off suggestions that a new annotation with their tag now covers."""
        if not changes.added or not self._suggestions:
            return
        # The view holds the new annotations already: no need to read them again.
        added = [self._view.annotation(annotation_id) for annotation_id in changes.added]
        covered = [
            s
            for a in added
            if a is not None
            for s in self.overlay.suggestions_in(a.start, a.end)
            if s.tag_id == a.tag_id
        ]
        if covered:
            self._decided(covered)

    def _document_changed(self, _document_id: object) -> None:
        """Another interview is on screen: what was listed belongs to the one left, so it
        goes at once, before the new suggestions are worked out."""
        self._suggestions = []
        self._current = None
        self._stats = []
        self._waiting = self._view.content is not None
        self._fill()
        self.refresh()

    def _decidable(self, suggestion: Suggestion | None) -> bool:
        """Only a suggestion of the interview on screen is ever decided."""
        return suggestion is not None and suggestion.document_id == self._shown_document()

    def _shown_document(self) -> int | None:
        content = self._view.content
        return content.meta.id if content is not None else None

    def refresh(self, delay_ms: int = 0) -> None:
        """Ask again for the shown document's suggestions (in the background, soon)."""
        self.feed.refresh(delay_ms)

    def _show(self, found: list[Suggestion], stats: list[TagStats], unchanged: bool) -> None:
        tags = self._context.tags()
        renamed = False
        if tags is not self._tags_source:
            # A tag counted once more comes as a new list: only names and colours matter.
            renamed = [(t.id, t.name, t.color) for t in tags] != [
                (t.id, t.name, t.color) for t in self._tags_source
            ]
            self._set_tags(tags)
        if unchanged and not renamed and not self._waiting:
            # The list shown is already right: only the figures may have moved.
            if stats != self._stats:
                self._stats = stats
                self.stats.show_stats(self._stats, self._tags)
            return
        keep = self._current.key if self._current is not None else None
        shown = self._shown_document()
        found = [s for s in found if s.document_id == shown]
        self._waiting = False
        self._suggestions = found
        self._current = next((s for s in found if s.key == keep), found[0] if found else None)
        self._stats = stats
        self._fill()

    def _fill(self) -> None:
        self._choosing = True
        self.table_model.set_suggestions(self._suggestions, self._tags)
        self._choosing = False
        self.overlay.set_suggestions(self._suggestions, self._current)
        self._select_current()
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.stats.show_stats(self._stats, self._tags)
        self._show_model()

    def _row_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if self._choosing or not index.isValid():
            return
        found = self.table_model.suggestion_at(index.row())
        if found is not None:
            self._current = found
            self.overlay.set_current(found)
            self.reveal_current()

    # Actions ----------------------------------------------------------------------------

    @property
    def current(self) -> Suggestion | None:
        return self._current

    @property
    def suggestions(self) -> list[Suggestion]:
        return list(self._suggestions)

    def reveal_current(self) -> None:
        if self._current is not None and self._current.document_id == self._shown_document():
            self._view.select_span(self._current.start, self._current.end)

    def _decided(self, decided: list[Suggestion]) -> None:
        """Take decided suggestions off the list at once (the refresh confirms it later)."""
        keys = {s.key for s in decided}
        remaining = [s for s in self._suggestions if s.key not in keys]
        following = None
        if self._current is not None and self._current.key in keys:
            later = [
                s for s in remaining if (s.start, s.end) >= (self._current.start, self._current.end)
            ]
            following = later[0] if later else (remaining[0] if remaining else None)
        self._suggestions = remaining
        if following is not None or self._current is None or self._current.key in keys:
            self._current = following
        self._choosing = True
        self.table_model.remove(keys)
        self._choosing = False
        self.overlay.set_suggestions(self._suggestions, self._current, gone=decided)
        self._select_current()

    def _select_current(self) -> None:
        """Show the current suggestion as the list's current row and in the text."""
        row = self.table_model.row_of(self._current.key) if self._current is not None else None
        if row is not None:
            self._choosing = True
            self.table.setCurrentIndex(self.table_model.index(row, 0))
            self._choosing = False
        self.overlay.set_current(self._current)
        enabled = self._current is not None
        for button in (self.accept_button, self.reject_button, self.next_button):
            button.setEnabled(enabled)
        self.accept_all_button.setEnabled(bool(self._suggestions))
        self._show_status()

    def accept_current(self) -> None:
        suggestion = self._current
        if suggestion is None or not self._decidable(suggestion):
            return
        name = self.words.tag_name(suggestion)
        description = history_text.step(history_text.ACCEPT_SUGGESTION, name)
        if self._session.run(AcceptSuggestions.of([suggestion]), description) is not None:
            self._decided([suggestion])
            self.reveal_current()

    def reject_current(self) -> None:
        suggestion = self._current
        if suggestion is None or not self._decidable(suggestion):
            return
        name = self.words.tag_name(suggestion)
        description = history_text.step(history_text.REJECT_SUGGESTION, name)
        if self._session.run(RejectSuggestions.of([suggestion]), description) is not None:
            self._decided([suggestion])
            self.reveal_current()

    def next_suggestion(self) -> None:
        if not self._suggestions:
            return
        if self._current is None or self._current not in self._suggestions:
            self._current = self._suggestions[0]
        else:
            index = self._suggestions.index(self._current)
            self._current = self._suggestions[(index + 1) % len(self._suggestions)]
        self._select_current()
        self.reveal_current()

    def accept_all_above(self) -> None:
        threshold = round(self.threshold.value(), 4)
        chosen = [
            s
            for s in self._suggestions
            if self._decidable(s) and s.has_confidence and s.confidence >= threshold
        ]
        if not chosen:
            self._context.status(
                self.tr("No suggestion has a confidence of %1 or more.").replace(
                    "%1", f"{threshold:.2f}"
                )
            )
            return
        content = self._view.content
        title = content.meta.title if content is not None else ""
        if not self.words.confirm_accept_all(self._window, len(chosen), threshold, title):
            return
        description = history_text.step(history_text.ACCEPT_SUGGESTIONS, len(chosen))
        if self._session.run(AcceptSuggestions.of(chosen), description) is not None:
            self._decided(chosen)
            self._context.status(
                self.tr("Accepted %1 suggestions. Ctrl+Z undoes them all.").replace(
                    "%1", str(len(chosen))
                )
            )

    def edit_triggers(self) -> None:
        tag_id = self._current.tag_id if self._current is not None else None
        edit_trigger_words(self._session, list(self._tags.values()), tag_id, self._window)

    def _set_retrain_every(self, value: int) -> None:
        settings = replace(self.model.settings, retrain_every=value)
        try:
            save_settings(self._session.project, settings)
        except FangtanError as error:
            self._context.status(error_text(error))
            return
        self.model.use(settings)

    def _seed_triggers(self) -> None:
        """Give a project that never had trigger words the seed words, here on the window's
        thread: tasks only read, so they never hold a write the window would wait for."""
        with suppress(FangtanError):  # read-only: use whatever trigger words it has
            ensure_triggers(self._session.project)

    def _read_settings(self) -> SuggestionSettings:
        try:
            return load_settings(self._session.project)
        except FangtanError:
            return SuggestionSettings()

    def _task_failed(self, error: object) -> None:
        if isinstance(error, FangtanError):
            message = error_text(error)
        else:
            message = self.tr("Suggestions could not be worked out: %1").replace("%1", str(error))
        self._context.status(message)
