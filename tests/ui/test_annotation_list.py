"""The annotation list: jump to a passage, filter by tag, edit notes, delete — all persisted."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.editing.commands import AnnotationSpec, CreateAnnotations
from tests.ui.conftest import reopen
from ui.panels.annotation_table import NOTE_COLUMN, PASSAGE_COLUMN


def tag_two_passages(window):
    text = window.text_view.content.text
    first = text.index("大力推进氢能产业园区建设")
    second = text.index("办好人民满意教育")
    document_id = window.documents.document_id
    industry, livelihood = window.tags[0].id, window.tags[1].id
    window.session.run(
        CreateAnnotations(
            (
                AnnotationSpec(document_id, industry, first, first + 12),
                AnnotationSpec(document_id, livelihood, second, second + 8),
            )
        ),
        "two",
    )
    return first, second


def click_row(qtbot, view, row, column=PASSAGE_COLUMN):
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_click_selects_passage_and_filter_by_tag(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    first, second = tag_two_passages(window)
    annotations = window.annotation_list
    qtbot.waitUntil(lambda: annotations.table_model.rowCount() == 2)

    click_row(qtbot, annotations.view, 1)
    assert window.text_view.selection_span() == (second, second + 8)

    annotations.filter_combo.setCurrentIndex(annotations.filter_combo.findData(window.tags[0].id))
    assert annotations.table_model.rowCount() == 1
    click_row(qtbot, annotations.view, 0)
    assert window.text_view.selection_span() == (first, first + 12)


def test_inline_note_and_delete_key_are_saved(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    tag_two_passages(window)
    annotations = window.annotation_list
    view = annotations.view
    qtbot.waitUntil(lambda: annotations.table_model.rowCount() == 2)

    note_index = view.model().index(0, NOTE_COLUMN)
    view.setCurrentIndex(note_index)
    view.edit(note_index)
    editor = view.focusWidget()
    editor.setText("用作导语")  # QTest cannot type CJK keys; the rest is typed
    qtbot.keyClicks(editor, "?")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: annotations.table_model.annotation_at(0).note == "用作导语?")

    click_row(qtbot, view, 1)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: annotations.table_model.rowCount() == 1)
    window.session.close()

    project = reopen(sample_project)
    stored = project.annotations(project.documents()[0].id)
    project.close()
    assert [(a.text, a.note) for a in stored] == [("大力推进氢能产业园区建设", "用作导语?")]


def test_multiline_note_dialog_and_undo(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    tag_two_passages(window)
    annotations = window.annotation_list
    qtbot.waitUntil(lambda: annotations.table_model.rowCount() == 2)
    click_row(qtbot, annotations.view, 0)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *args, **kwargs: ("第一行\n第二行", True)
    )
    annotations.note_button.click()
    qtbot.waitUntil(lambda: annotations.table_model.annotation_at(0).note == "第一行\n第二行")
    window.undo_action.trigger()
    assert annotations.table_model.annotation_at(0).note == ""
    window.redo_action.trigger()
    window.session.close()
    project = reopen(sample_project)
    notes = [a.note for a in project.annotations(project.documents()[0].id)]
    project.close()
    assert notes == ["第一行\n第二行", ""]


def test_after_an_inline_note_the_same_row_stays_selected(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    tag_two_passages(window)
    annotations = window.annotation_list
    view = annotations.view
    qtbot.waitUntil(lambda: annotations.table_model.rowCount() == 2)
    first_id = annotations.table_model.annotation_at(0).id
    click_row(qtbot, view, 0)
    note_index = view.model().index(0, NOTE_COLUMN)
    view.edit(note_index)
    editor = view.focusWidget()
    editor.setText("备注")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: annotations.table_model.annotation_at(0).note == "备注")
    assert annotations.selected_ids() == [first_id]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: annotations.table_model.rowCount() == 1)
    assert annotations.table_model.annotation_at(0).id != first_id
