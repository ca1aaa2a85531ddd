"""File ▸ Export proposes the documents folder (or the last export's folder), never the
hidden folder the project lives in, and remembers the folder chosen."""

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.project import Project
from app.workspace import import_sample
from ui.dialogs.export import FOLDER_SETTING, ExportDialog
from ui.window.i18n import settings


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, with a Documents folder in it."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    return folder


@pytest.fixture
def hidden_project(tmp_path: Path) -> Path:
    """The sample in a project kept where the default project lives: a hidden data folder."""
    path = tmp_path / ".local" / "share" / "Fangtan" / "default.fangtan"
    path.parent.mkdir(parents=True)
    project = Project.open(path)
    import_sample(project)
    project.close()
    return path


def export_through_the_dialog(
    window, qtbot, monkeypatch: pytest.MonkeyPatch, change: Callable[[ExportDialog], None]
) -> list[Path]:
    """Open File ▸ Export, note the file it proposes, let ``change`` edit the dialog, and
    press its Export button; returns the proposed path once the export has finished."""
    proposed: list[Path] = []

    def run(dialog: ExportDialog) -> int:
        proposed.append(dialog.target())
        change(dialog)
        buttons = dialog.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", run)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: not window.transfers.busy, timeout=20_000)
    return proposed


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_the_documents_folder_is_proposed_and_the_export_written_there(
    open_window, qtbot, monkeypatch, home, hidden_project
):
    window = open_window(hidden_project)
    proposed = export_through_the_dialog(window, qtbot, monkeypatch, lambda dialog: None)
    documents = home / "Documents"
    assert proposed == [documents / "default-csv.csv"]
    assert hidden_project.parent not in proposed[0].parents
    written = rows(documents / "default-csv.csv")
    assert written and "document_id" in written[0]
    assert settings().value(FOLDER_SETTING) == str(documents)


def test_the_folder_chosen_is_proposed_next_time(
    open_window, qtbot, monkeypatch, home, hidden_project, tmp_path
):
    chosen = tmp_path / "为论文导出"
    chosen.mkdir()
    window = open_window(hidden_project)

    def choose(dialog: ExportDialog) -> None:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docs-csv"))
        dialog.target_edit.setText(str(chosen / "文档.csv"))

    export_through_the_dialog(window, qtbot, monkeypatch, choose)
    assert len(rows(chosen / "文档.csv")) == 3  # a header and the two interviews
    assert settings().value(FOLDER_SETTING) == str(chosen)

    proposed = export_through_the_dialog(window, qtbot, monkeypatch, lambda dialog: None)
    assert proposed == [chosen / "default-csv.csv"]
    assert (chosen / "default-csv.csv").is_file()
    settings().sync()
    again = ExportDialog(hidden_project, [], [], None)  # a later session reads it back
    qtbot.addWidget(again)
    assert again.target() == chosen / "default-csv.csv"


def test_a_folder_format_is_proposed_inside_the_folder_too(
    open_window, qtbot, monkeypatch, home, hidden_project
):
    window = open_window(hidden_project)

    def brat(dialog: ExportDialog) -> None:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("brat"))
        assert dialog.target() == home / "Documents" / "default-brat"

    export_through_the_dialog(window, qtbot, monkeypatch, brat)
    suffixes = {path.suffix for path in (home / "Documents" / "default-brat").iterdir()}
    assert {".txt", ".ann"} <= suffixes
    assert settings().value(FOLDER_SETTING) == str(home / "Documents")


def test_without_a_documents_folder_home_is_proposed(qtbot, home, hidden_project):
    (home / "Documents").rmdir()
    dialog = ExportDialog(hidden_project, [], [], None)
    qtbot.addWidget(dialog)
    assert dialog.target() == home / "default-csv.csv"


def test_a_remembered_folder_that_is_gone_is_not_proposed(qtbot, home, hidden_project, tmp_path):
    settings().setValue(FOLDER_SETTING, str(tmp_path / "deleted since"))
    dialog = ExportDialog(hidden_project, [], [], None)
    qtbot.addWidget(dialog)
    assert dialog.target() == home / "Documents" / "default-csv.csv"


def test_cancelling_remembers_nothing(qtbot, home, hidden_project, tmp_path):
    dialog = ExportDialog(hidden_project, [], [], None)
    qtbot.addWidget(dialog)
    dialog.target_edit.setText(str(tmp_path / "x.csv"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert settings().value(FOLDER_SETTING) is None
