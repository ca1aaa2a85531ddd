"""The suggestion model of the open project, trained on the window's worker thread.

The first training waits until the window is up and has drawn its text; later ones
start once enough annotations and decisions have come since the last (the project's
``retrain_every`` setting) and the annotator has paused. Training only reads the
project, so it never holds up a write.
"""

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import FangtanError
from app.suggestions import ModelInfo, SuggestionSettings, TagModel, activity, train_project_model
from ui.window.session import ProjectSession
from ui.window.tasks import TaskRunner

TRAIN_DELAY_MS = 3000  # first training, once the window is up and has drawn its text
RETRAIN_IDLE_MS = 4000  # retraining waits until the annotator has paused this long
CHECK_IDLE_MS = 1000  # whether to retrain is asked once the annotator pauses this long


class ModelKeeper(QObject):
    changed = Signal()  # training started or ended: what to say about the model changed
    trained = Signal()  # a new model is ready
    failed = Signal(object)  # an error from training

    def __init__(self, session: ProjectSession, runner: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self.model: TagModel | None = None
        self.info: ModelInfo | None = None
        self.training = False
        self._trained_at: int | None = None  # activity() the model reflects
        self.settings = SuggestionSettings()  # the project's, set through use()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.train)
        self._timer.start(TRAIN_DELAY_MS)
        self._check = QTimer(self)  # counting the project's activity waits for a pause too
        self._check.setSingleShot(True)
        self._check.setInterval(CHECK_IDLE_MS)
        self._check.timeout.connect(self.maybe_retrain)

    def use(self, settings: SuggestionSettings) -> None:
        """Train with ``settings`` from now on, and retrain if they ask for it already."""
        self.settings = settings
        self.maybe_retrain()

    def train(self) -> None:
        """Train (again) in the background; ``trained`` is emitted when it is done."""
        self._timer.stop()
        if self.training:
            return
        self.training = True
        self.changed.emit()
        project, settings = self._session.project, self.settings
        task = self._runner.start(lambda _state: train_project_model(project, settings))
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)

    def maybe_retrain_later(self) -> None:
        """Something changed: ask whether to retrain once the annotator pauses, not on
        every key."""
        self._check.start()

    def maybe_retrain(self) -> None:
        """Retrain once the annotator pauses, if enough has happened since the last."""
        if self.training or self._trained_at is None:
            return
        try:
            now = activity(self._session.project)
        except FangtanError:
            return
        if abs(now - self._trained_at) >= self.settings.retrain_every:
            self._timer.start(RETRAIN_IDLE_MS)

    def _done(self, result: tuple[TagModel, ModelInfo]) -> None:
        self.training = False
        self.model, self.info = result
        self._trained_at = self.info.activity
        self.changed.emit()
        self.trained.emit()
        self.maybe_retrain()

    def _failed(self, error: object) -> None:
        self.training = False
        self.changed.emit()
        self.failed.emit(error)
