"""One window per project: a second Fangtan opening the same project brings the first
window forward and ends; another project, or the same one after the window is gone,
opens as usual."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtNetwork import QLocalServer

from app.project import Project
from ui.window.application import Application
from ui.window.single_instance import InstanceServer, bring_forward, instance_name

FANGTAN = Path(sys.executable).with_name("fangtan")


def second_fangtan(*arguments: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [str(FANGTAN), "gui", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def test_a_second_fangtan_on_the_same_project_brings_the_window_forward(
    qtbot, qapp, sample_project
):
    application = Application(qapp)
    assert application.open(sample_project)
    window = application.window
    qtbot.addWidget(window)
    second = None
    try:
        project = window.session.project
        before = len(project.documents())
        window.showMinimized()
        qtbot.waitUntil(window.isMinimized)
        # The same file by another spelling of its path.
        other_spelling = Path(os.path.relpath(sample_project))
        second = second_fangtan(str(other_spelling))
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert "already open in another window" in out
        assert not window.isMinimized()
        assert len(project.documents()) == before
    finally:
        if second is not None and second.poll() is None:  # it opened a window of its own
            second.kill()
            second.wait()
        window.session.close()
    reopened = Project.open(sample_project, create=False)
    assert len(reopened.documents()) == before
    reopened.close()


def test_names_follow_the_project_not_its_spelling(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert instance_name(Path("a.fangtan")) == instance_name(tmp_path / "a.fangtan")
    assert instance_name(tmp_path / "a.fangtan") != instance_name(tmp_path / "b.fangtan")
    assert instance_name("postgresql://li:secret@127.0.0.1/corpus") == instance_name(
        "postgresql://li@127.0.0.1/corpus"
    )
    assert instance_name("postgresql://li@127.0.0.1/corpus") != instance_name(
        "postgresql://wang@127.0.0.1/corpus"
    )


def test_nobody_answers_once_the_window_is_gone(qtbot, qapp, sample_project, tmp_path) -> None:
    name = instance_name(sample_project)
    assert not bring_forward(name)
    called: list[bool] = []
    server = InstanceServer(lambda: called.append(True))
    assert server.listen(name)
    server.close()
    assert not bring_forward(name)
    # A socket left behind by a Fangtan that ended abruptly is taken over.
    stale = QLocalServer()
    assert stale.listen(name)
    assert server.listen(name)
    server.close()
    stale.close()
    assert called == []


def test_opening_the_open_project_again_keeps_the_one_window(qtbot, qapp, sample_project):
    application = Application(qapp)
    assert application.open(sample_project)
    window = application.window
    qtbot.addWidget(window)
    try:
        assert application.open(sample_project)
        assert application.window is window
    finally:
        window.session.close()
