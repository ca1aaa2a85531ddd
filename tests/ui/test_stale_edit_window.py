"""An edit made in the window after someone else changed the same row: one line says who,
nothing is written, and the window shows the other's version at once."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.editing.commands import AnnotationSpec, CreateAnnotations, SetNote
from app.editing.tag_commands import UpdateTag
from app.project import Project
from tests.ui.conftest import reopen
from ui.dialogs.tag import TagDialog
from ui.panels.annotation_table import NOTE_COLUMN


def record_warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


def quiet(window) -> None:
    """No look for changes saved elsewhere: only the refusal may make the window read again."""
    window.other_writers.timer.stop()


def test_a_note_changed_meanwhile_is_refused_and_shown(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    quiet(window)
    text = window.text_view.content.text
    start = text.index("大力推进氢能产业园区建设")
    document_id = window.documents.document_id
    window.session.run(
        CreateAnnotations((AnnotationSpec(document_id, window.tags[0].id, start, start + 12),)),
        "tag",
    )
    annotations = window.annotation_list
    qtbot.waitUntil(lambda: annotations.table_model.rowCount() == 1)
    annotation_id = annotations.table_model.annotation_at(0).id

    other = Project.open(sample_project, create=False, annotator="乙")
    try:
        [seen] = other.annotations_by_id([annotation_id])
        other.execute(SetNote(annotation_id, "乙的备注", expected_version=seen.version))
    finally:
        other.close()
    assert annotations.table_model.annotation_at(0).note == ""  # not read yet

    shown = record_warnings(monkeypatch)
    view = annotations.view
    note_index = view.model().index(0, NOTE_COLUMN)
    view.setCurrentIndex(note_index)
    view.edit(note_index)
    editor = view.focusWidget()
    editor.setText("甲的备注")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: annotations.table_model.annotation_at(0).note == "乙的备注")
    assert len(shown) == 1 and "乙" in shown[0] and "\n" not in shown[0]
    assert window.session.history_state().undo_text == "tag"  # the refused edit left no step
    window.session.close()
    project = reopen(sample_project)
    try:
        [stored] = project.annotations_by_id([annotation_id])
    finally:
        project.close()
    assert stored.note == "乙的备注"


def test_a_tag_changed_meanwhile_is_not_archived_from_the_old_view(
    open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    quiet(window)
    seen = window.tags[0]
    other = Project.open(sample_project, create=False, annotator="乙")
    try:
        other.execute(UpdateTag(seen.id, {"name": "乙改的名字"}, other.tags()[0].version))
    finally:
        other.close()

    shown = record_warnings(monkeypatch)
    window.codebook.archive_tag(seen.id, True)
    assert len(shown) == 1 and "乙" in shown[0]
    [now] = [tag for tag in window.tags if tag.id == seen.id]
    assert (now.name, now.archived) == ("乙改的名字", False)
    window.session.close()
    project = reopen(sample_project)
    try:
        [stored] = [tag for tag in project.tags() if tag.id == seen.id]
    finally:
        project.close()
    assert (stored.name, stored.archived) == ("乙改的名字", False)


def test_a_tag_renamed_meanwhile_closes_the_tag_dialog_unsaved(
    open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    quiet(window)
    seen = window.tags[1]
    other = Project.open(sample_project, create=False, annotator="乙")
    try:
        other.execute(UpdateTag(seen.id, {"color": "#000000"}, other.tags()[1].version))
    finally:
        other.close()

    results: list[int] = []

    def rename(dialog: TagDialog) -> int:
        dialog.name_edit.setText("甲改的名字")
        dialog._accept()
        results.append(dialog.result())
        return dialog.result()

    monkeypatch.setattr(TagDialog, "exec", rename)
    shown = record_warnings(monkeypatch)
    window.codebook.edit_tag(seen.id)
    assert len(shown) == 1 and "乙" in shown[0]
    assert results == [QDialog.DialogCode.Accepted]  # closed: the panel shows the newest now
    [now] = [tag for tag in window.tags if tag.id == seen.id]
    assert (now.name, now.color) == (seen.name, "#000000")
