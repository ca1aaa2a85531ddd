"""``fangtan self-check``: one real round through the window, as a person would make it.

The sample project is built in a temporary folder and opened in the main window the way
``fangtan gui`` opens a project; a passage is selected, the tag key 1 pressed, the
annotations exported to CSV by the window's own export, and the file read back. The
libraries the window loads only later (jieba's dictionary, scikit-learn, libpq), the
interface translations and the icon are tried too, so that an installation or a
standalone bundle lacking one of them fails here rather than in the middle of work.

One line comes out: "self-check passed: ..." on stdout (exit code 0) or "self-check
failed: ..." on stderr (exit code 1). Without ``show`` the window is drawn offscreen.
The settings the window writes go to the temporary folder where Qt keeps them in files
(Linux and the BSDs); outside that folder only an unexpected error's details are written,
to the log.
"""

import csv
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr
from importlib import resources
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.diagnostics import check_components
from app.errors import FangtanError
from app.exchange import ExportOptions
from app.logs import log_failure
from app.project import Project
from app.workspace import import_sample
from ui.main_window import MainWindow
from ui.window.application import Application
from ui.window.icon import icon_files

PASSAGE = "大力推进氢能产业园区建设"  # in the first sample interview
TAG_KEY = Qt.Key.Key_1
TAG_SHORTCUT = "1"
STEP_TIMEOUT_MS = 60_000
POLL_MS = 20


class SelfCheckError(Exception):
    """A step did not do what it should; the message says which and how."""


def run(show: bool = False) -> int:
    """Entry point of ``fangtan self-check``: 0 when every step passed, 1 otherwise."""
    if not show and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    quiet = qInstallMessageHandler(_offscreen_notices) if not show else None
    try:
        summary = check()
    except SelfCheckError as failure:
        print(f"self-check failed: {failure}", file=sys.stderr)
        return 1
    except Exception as error:
        print(f"self-check failed: {_unexpected(error)}", file=sys.stderr)
        return 1
    finally:
        if not show:
            qInstallMessageHandler(quiet)
    print(f"self-check passed: {summary}")
    return 0


def _offscreen_notices(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's notes and warnings stay out of the one line while the window is offscreen (Qt
    warns of what an offscreen window cannot do); its errors are still printed."""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        print(message, file=sys.stderr)


def check() -> str:
    """Every step in turn; what was checked, or SelfCheckError at the first that failed."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Fangtan")
    app.setOrganizationName("Fangtan")
    with (
        tempfile.TemporaryDirectory(prefix="fangtan-self-check-") as name,
        _settings_in(Path(name) / "settings"),
        _Trouble(app) as trouble,
    ):
        folder = Path(name)
        files = _check_files()
        try:
            components = check_components()
        except FangtanError as error:
            raise SelfCheckError(str(error)) from error
        path = _sample_project(folder)
        application = Application(app)
        window = _open(application, path, trouble)
        try:
            tag, start = _tag_passage(window, trouble)
            exported = _export(window, folder / "self-check.csv", trouble)
        finally:
            _close(application, window)
        _check_row(exported, tag, start)
    return (
        f"tagged “{PASSAGE}” as {tag} with the key {TAG_SHORTCUT} in the window "
        f"({app.platformName()}) and read it back from its CSV export; "
        + ", ".join([*files, *components, f"Qt {qVersion()}"])
    )


# Steps -------------------------------------------------------------------------------


def _check_files() -> list[str]:
    """The compiled translations and the icon load (the SVG through Qt's SVG plugin)."""
    folder = resources.files("resources") / "translations"
    compiled = sorted(Path(str(folder)).glob("*.qm"))
    if not compiled:
        raise SelfCheckError(f"no compiled translations (*.qm) in {folder}")
    for path in compiled:
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            raise SelfCheckError(f"the translation {path} cannot be read")
    for icon in icon_files():
        if QImage(icon).isNull():
            raise SelfCheckError(f"the icon {icon} cannot be drawn")
    return [f"{len(compiled)} translations", "the icon"]


def _sample_project(folder: Path) -> Path:
    """A project holding the sample interviews, as the first start makes it."""
    path = folder / "sample.fangtan"
    try:
        project = Project.open(path, annotator="self-check")
        try:
            import_sample(project)
        finally:
            project.close()
    except FangtanError as error:
        raise SelfCheckError(f"the sample project cannot be made: {error}") from error
    return path


def _open(application: Application, path: Path, trouble: "_Trouble") -> MainWindow:
    said = io.StringIO()
    with redirect_stderr(said):  # what it prints on failure goes into the one line
        opened = application.open(path)
    window = application.window
    if not opened or window is None:
        reason = said.getvalue().strip().removeprefix("fangtan: ") or trouble.problem
        raise SelfCheckError(f"the window did not open {path}: {reason or 'no reason given'}")
    window.activateWindow()
    _wait(window.isActiveWindow, "the window becoming active", trouble)
    return window


def _tag_passage(window: MainWindow, trouble: "_Trouble") -> tuple[str, int]:
    """Select PASSAGE, press the tag key; the tag's name and where the passage starts."""
    tag = next((tag.name for tag in window.tags if tag.shortcut == TAG_SHORTCUT), None)
    if tag is None:
        raise SelfCheckError(f"no tag has the shortcut {TAG_SHORTCUT}")
    view = window.text_view
    _wait(lambda: view.content is not None, "the first interview showing", trouble)
    content = view.content
    start = content.text.find(PASSAGE) if content is not None else -1
    if start < 0:
        raise SelfCheckError(f"the interview shown first lacks “{PASSAGE}”")
    end = start + len(PASSAGE)
    view.select_span(start, end)
    view.setFocus()
    if view.selection_span() != (start, end):
        raise SelfCheckError(f"selecting “{PASSAGE}” selected {view.selection_span()}")
    rows = window.annotation_list.table_model.rowCount
    before = rows()
    QTest.keyClick(view, TAG_KEY)
    _wait(lambda: rows() == before + 1, f"an annotation after pressing {TAG_SHORTCUT}", trouble)
    return tag, start


def _export(window: MainWindow, target: Path, trouble: "_Trouble") -> Path:
    written: list[str] = []
    window.transfers.exported.connect(lambda path, _count: written.append(path))
    if window.transfers.export("csv", target, ExportOptions()) is None:
        raise SelfCheckError("the window did not start the export: another one was running")
    _wait(lambda: bool(written), "the CSV export", trouble)
    return Path(written[0])


def _close(application: Application, window: MainWindow) -> None:
    window.close()  # stops the window's tasks and keeps its place (in the settings)
    window.session.close()
    application.window = None
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _check_row(path: Path, tag: str, start: int) -> None:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SelfCheckError(f"the CSV export {path} cannot be read back: {error}") from error
    if len(rows) != 1:
        raise SelfCheckError(f"the CSV export holds {len(rows)} annotations, not 1")
    row = rows[0]
    found = tuple(row.get(column) for column in ("tag", "text", "start", "end"))
    expected = (tag, PASSAGE, str(start), str(start + len(PASSAGE)))
    if found != expected:
        raise SelfCheckError(
            f"the CSV export's row reads (tag, text, start, end) = {found}, not {expected}"
        )


# Waiting and watching ----------------------------------------------------------------


def _wait(condition: Callable[[], bool], what: str, trouble: "_Trouble") -> None:
    """Run the event loop until ``condition`` holds, trouble is seen or time is up."""
    if not condition():
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(POLL_MS)
        poll.timeout.connect(lambda: loop.quit() if condition() or trouble.problem else None)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        poll.start()
        deadline.start(STEP_TIMEOUT_MS)
        loop.exec()
        poll.stop()
        deadline.stop()
    if trouble.problem:
        raise SelfCheckError(f"waiting for {what}: {trouble.problem}")
    if not condition():
        raise SelfCheckError(f"{what} did not come within {STEP_TIMEOUT_MS // 1000} s")


class _Trouble:
    """Notes the first error the window reports: an exception raised in a slot, or a
    message box, which is answered so that nothing waits for a person."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self.problem = ""
        self._timer = QTimer(app)  # Qt's to delete, on the window's thread
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._look)
        self._hook = sys.excepthook

    def __enter__(self) -> "_Trouble":
        self._hook = sys.excepthook
        sys.excepthook = self._raised
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()
        # Nothing of Qt is left to undo when this object goes, wherever that happens: a
        # dummy thread may hold the hook installed meanwhile, and with it this object.
        self._timer.timeout.disconnect(self._look)
        self._timer.deleteLater()
        sys.excepthook = self._hook

    def _note(self, problem: str) -> None:
        self.problem = self.problem or " ".join(problem.split())

    def _raised(
        self, kind: type[BaseException], value: BaseException, trace: TracebackType | None
    ) -> None:
        self._note(_unexpected(value.with_traceback(trace)))

    def _look(self) -> None:
        for widget in self._app.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                self._note(f"the window said “{widget.text()}”")
                widget.done(0)


def _unexpected(error: BaseException) -> str:
    where = log_failure(error)
    said = f"{type(error).__name__}: {error}".splitlines()[0]
    return f"unexpected {said}" + (f" (details in {where})" if where else "")


@contextmanager
def _settings_in(folder: Path) -> Iterator[None]:
    """Qt's settings read from and written to ``folder`` while the check runs, where they
    are files; on Windows (the registry) and macOS (preferences) they stay where they are."""
    if sys.platform in ("win32", "darwin"):
        yield
        return
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    current = QSettings(native, user, "Fangtan", "Fangtan").fileName()
    QSettings.setPath(native, user, str(folder))
    try:
        yield
    finally:
        QSettings.setPath(native, user, str(Path(current).parent.parent))
