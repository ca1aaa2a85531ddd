"""``fangtan gui`` with a project in a missing folder, and with an empty project file."""

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app import cli
from app.project import Project
from ui.window.application import Application


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings the window shows (answered at once)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # `fangtan gui` installs its own
    return shown


def test_gui_names_the_missing_folder_in_one_line(
    qapp, tmp_path: Path, messages: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "no such folder"
    project = folder / "p.fangtan"
    assert cli.main(["gui", str(project)]) == cli.EXIT_FAILED
    expected = f"{project}: the folder {folder} does not exist."
    assert messages == [expected]
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"fangtan: {expected}"]
    assert "unable to open database file" not in captured.err
    assert not folder.exists()


def test_an_empty_file_opens_as_an_empty_project(
    qtbot, qapp, tmp_path: Path, messages: list[str]
) -> None:
    path = tmp_path / "touched.fangtan"
    path.write_bytes(b"")
    application = Application(qapp)
    assert application.open(path)
    window = application.window
    qtbot.addWidget(window)
    try:
        assert messages == []
        assert window.document_list.table.rowCount() == 0
        assert window.tags  # the default codebook, as in a project made by the window
    finally:
        window.runner.wait()
        window.session.close()
    project = Project.open(path, create=False)
    try:
        assert project.documents() == []
    finally:
        project.close()
