"""The first screen: kept when the window closes, shown on the next start before the storage
layer is loaded, and handed over to the window with everything done on it meanwhile."""

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from app import first_screen
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from ui import launch
from ui.launch import run
from ui.main_window import MainWindow
from ui.window import errors
from ui.window.application import Application
from ui.window.first_screen import FirstScreenWindow
from ui.window.single_instance import name_of


def close_cleanly(application: Application) -> None:
    window = application.window
    assert window is not None
    window.close()
    window.runner.wait()
    application.leave()


def kept_screen(qapp: QApplication, path: Path) -> first_screen.FirstScreen:
    """Open ``path`` in the window and close it as the application does at its end."""
    application = Application(qapp)
    assert application.open(path)
    close_cleanly(application)
    screen = first_screen.load(path, application.annotator())
    assert screen is not None
    return screen


def moments_of_a_start(qapp: QApplication, path: Path) -> list[str]:
    """What a start of ``path`` showed, in order (it ends once the window is open)."""
    moments = []

    def shown() -> None:
        moments.append("window")
        qapp.closeAllWindows()

    assert run(path, shown, lambda: moments.append("first screen")) == 0
    return moments


def test_a_clean_close_keeps_what_the_window_showed(qtbot, qapp, sample_project):
    application = Application(qapp)
    assert application.open(sample_project)
    window = application.window
    shown = window.text_view.content
    documents = window.document_list.table.documents()
    close_cleanly(application)
    screen = first_screen.load(sample_project, application.annotator())
    assert screen is not None
    assert screen.content == shown
    assert screen.documents == documents
    shell = FirstScreenWindow(screen)
    qtbot.addWidget(shell)
    shell.show()
    assert shell.text_view.toPlainText() == shown.text
    assert shell.document_list.current_document_id() == shown.meta.id
    assert shell.windowTitle() == window.windowTitle()
    assert [tag.name for tag in shell.tag_panel.tags][:4] == [
        "产业发展",
        "民生",
        "党建",
        "城市更新",
    ]


def test_a_tag_key_pressed_on_the_first_screen_tags_once_the_window_is_open(
    qtbot, qapp, sample_project
):
    screen = kept_screen(qapp, sample_project)
    shell = FirstScreenWindow(screen)
    qtbot.addWidget(shell)
    with qtbot.waitActive(shell):
        shell.show()
        shell.activateWindow()
    shell.text_view.select_span(10, 16)
    qtbot.keyClick(shell.text_view, Qt.Key.Key_1)
    shell.text_view.select_span(30, 33)
    qtbot.keyClick(shell.text_view, Qt.Key.Key_2)
    qtbot.keyClick(shell.text_view, Qt.Key.Key_Down)  # moves the cursor: not kept
    assert [(k.key, k.selection) for k in shell.kept] == [
        (Qt.Key.Key_1, (10, 16)),
        (Qt.Key.Key_2, (30, 33)),
    ]
    before = Project.open(sample_project, create=False)
    assert before.annotations(screen.content.meta.id) == []  # nothing written meanwhile
    before.close()

    application = Application(qapp)
    shell.keep_place()
    assert application.open(sample_project)
    shell.hand_over(application.window)
    qtbot.waitUntil(lambda: not shell.isVisible())
    close_cleanly(application)

    project = Project.open(sample_project, create=False)
    try:
        keys = {tag.id: tag.shortcut for tag in project.tags()}
        tagged = project.annotations(screen.content.meta.id)
        assert sorted((a.start, a.end, keys[a.tag_id]) for a in tagged) == [
            (10, 16, "1"),
            (30, 33, "2"),
        ]
    finally:
        project.close()


def test_a_tag_clicked_on_the_first_screen_tags_once_the_window_is_open(
    qtbot, qapp, sample_project
):
    screen = kept_screen(qapp, sample_project)
    shell = FirstScreenWindow(screen)
    qtbot.addWidget(shell)
    shell.show()
    tag = screen.tags[2]
    shell.text_view.select_span(40, 47)
    item = shell.tag_panel.item_for(tag.id)
    tree = shell.tag_panel.tree
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert len(shell.kept) == 1
    application = Application(qapp)
    shell.keep_place()
    assert application.open(sample_project)
    window = application.window
    assert [a.text() for a in window.menuBar().actions() if a.isVisible()] == [
        a.text() for a in shell.menuBar().actions()
    ]
    shell.hand_over(window)
    qtbot.waitUntil(lambda: not shell.isVisible())
    close_cleanly(application)
    project = Project.open(sample_project, create=False)
    try:
        tagged = project.annotations(screen.content.meta.id)
        assert [(a.start, a.end, a.tag_id) for a in tagged] == [(40, 47, tag.id)]
    finally:
        project.close()


def test_an_interview_chosen_on_the_first_screen_opens_in_the_window(qtbot, qapp, sample_project):
    screen = kept_screen(qapp, sample_project)
    other = next(d.id for d in screen.documents if d.id != screen.content.meta.id)
    shell = FirstScreenWindow(screen)
    qtbot.addWidget(shell)
    shell.show()
    shell.document_list.select_document(other)
    application = Application(qapp)
    shell.keep_place()
    assert application.open(sample_project)
    shell.hand_over(application.window)
    window = application.window
    qtbot.waitUntil(lambda: window.text_view.content.meta.id == other)
    close_cleanly(application)
    assert first_screen.load(sample_project, application.annotator()).content.meta.id == other


def test_a_start_shows_the_first_screen_then_the_window(qapp, sample_project):
    kept_screen(qapp, sample_project)
    moments = []

    def first() -> None:
        shells = [w for w in qapp.topLevelWidgets() if isinstance(w, FirstScreenWindow)]
        moments.append(("first screen", [shell.isVisible() for shell in shells]))

    def shown() -> None:
        shells = [w for w in qapp.topLevelWidgets() if isinstance(w, FirstScreenWindow)]
        moments.append(("window", [shell.isVisible() for shell in shells]))
        qapp.closeAllWindows()

    assert run(sample_project, shown, first) == 0
    assert moments[0] == ("first screen", [True])
    assert moments[1][0] == "window"
    # The next start has a first screen again: the end of this one kept it.
    assert first_screen.load(sample_project, Application(qapp).annotator()) is not None


def test_a_project_changed_since_opens_the_window_directly(qapp, sample_project):
    kept_screen(qapp, sample_project)
    project = Project.open(sample_project, create=False)  # as `fangtan import` would
    document, tag = project.documents()[0].id, project.tags()[0].id
    project.execute(CreateAnnotations((AnnotationSpec(document, tag, 0, 4),)))
    project.close()
    assert moments_of_a_start(qapp, sample_project) == ["window"]


def test_the_first_screen_loads_no_storage_layer():
    """What a start runs before its first screen is shown (the command line's window start,
    the launcher and the kept screen) loads neither SQLAlchemy nor the models."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import app.cli, app.first_screen, ui.launch\n"
        "assert app.cli._window_start(['gui', 'x.fangtan']).project == Path('x.fangtan')\n"
        "assert app.cli._window_start(['gui', 'postgresql://db/x']) is None\n"
        "app.first_screen.load(Path('missing.fangtan'), 'someone')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'models')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.stdout.strip() == "[]"


def test_a_window_that_cannot_be_loaded_says_so_and_ends(qapp, sample_project, monkeypatch):
    """A broken installation behind the first screen: the unexpected-error dialog (here
    recorded), the first screen closed, and the command line's exit code for a bug."""
    kept_screen(qapp, sample_project)
    seen = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    monkeypatch.setattr(errors, "show_unexpected", lambda kind, error, trace: seen.append(kind))
    monkeypatch.setattr(launch, "APPLICATION", "ui.window.no_such_module")
    before = first_screens(qapp)
    assert run(sample_project, qapp.closeAllWindows) == launch.EXIT_BROKEN
    assert seen == [ModuleNotFoundError]
    assert no_first_screen_left(qapp, before)
    assert not [
        w for w in qapp.topLevelWidgets() if isinstance(w, FirstScreenWindow) and w.isVisible()
    ]


def test_closing_the_first_screen_before_the_project_is_open_ends_the_start(qapp, sample_project):
    """Closed while the storage layer loads: no window opens after it, and the file's next
    start still has its first screen (nothing was written)."""
    screen = kept_screen(qapp, sample_project)
    opened = []
    assert run(sample_project, lambda: opened.append(True), qapp.closeAllWindows) == 0
    assert opened == []
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]
    assert first_screen.load(sample_project, screen.annotator) == screen


def test_a_first_screen_that_cannot_be_shown_opens_the_window_instead(
    qapp, sample_project, monkeypatch
):
    kept_screen(qapp, sample_project)

    def broken(self, screen):
        raise ValueError("a kept screen this version cannot show")

    monkeypatch.setattr(FirstScreenWindow, "_fill", broken)
    assert moments_of_a_start(qapp, sample_project) == ["window"]


def test_a_project_that_cannot_be_opened_behind_the_first_screen_ends_with_1(
    qapp, sample_project, monkeypatch
):
    """Said in a message by the application (here: refused), then the first screen goes
    and the start ends with the failure's exit code."""
    kept_screen(qapp, sample_project)
    monkeypatch.setattr(Application, "open", lambda self, project: False)
    before = first_screens(qapp)
    assert run(sample_project, qapp.closeAllWindows) == 1
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]
    assert no_first_screen_left(qapp, before)


def first_screens(qapp: QApplication) -> set[int]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {id(w) for w in qapp.topLevelWidgets() if isinstance(w, FirstScreenWindow)}


def no_first_screen_left(qapp: QApplication, before: set[int]) -> bool:
    """Nothing of this start's first screen outlives it (its watch on the application's
    keys would take keys from whatever runs next)."""
    return first_screens(qapp) <= before


def test_a_second_start_during_the_first_screen_brings_it_forward(
    qapp, sample_project, monkeypatch
):
    """Another start of the same project while the storage layer loads finds this one
    listening already, brings it forward and ends: one window for the project."""
    kept_screen(qapp, sample_project)
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from ui.window.single_instance import bring_forward\n"
        "application = QCoreApplication([])\n"
        "sys.exit(0 if bring_forward(sys.argv[1]) else 1)\n"
    )
    second: list[subprocess.Popen] = []
    begun = threading.Event()

    def started() -> None:  # the first screen is shown: the other start begins
        second.append(
            subprocess.Popen(
                [sys.executable, "-c", code, name_of(sample_project)],
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                cwd=Path(__file__).resolve().parents[2],
            )
        )
        begun.set()

    load = launch.Start._load

    def after_the_other_start(start: launch.Start) -> None:  # the load waits for it
        begun.wait(timeout=60)
        second[0].wait(timeout=60)
        load(start)

    monkeypatch.setattr(launch.Start, "_load", after_the_other_start)
    windows = []
    before = set(qapp.topLevelWidgets())

    def shown() -> None:
        windows.extend(
            w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w not in before
        )
        qapp.closeAllWindows()

    assert run(sample_project, shown, started) == 0
    assert second[0].returncode == 0  # it was answered by this start, before any window
    assert len(windows) == 1
