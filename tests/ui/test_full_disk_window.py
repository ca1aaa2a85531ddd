"""In the window, a full disk refuses the action with a message; the views stay true."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.editing.commands import AnnotationSpec, CreateAnnotations
from tests.app.test_full_disk import cap_pages


def test_tagging_on_a_full_disk_says_so_and_changes_nothing(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    document_id = window.documents.document_id
    cap_pages(window.session.project, extra_pages=2)
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(text))
    for number in range(5000):  # fill what room is left, down to the last small action
        spec = AnnotationSpec(document_id, window.tags[0].id, number, number + 3)
        if window.session.run(CreateAnnotations((spec,)), "fill") is None:
            break
    assert messages and "full" in messages[-1]
    rows = window.annotation_list.table_model.rowCount()
    view = window.text_view
    start = view.content.text.index("大力推进")
    view.select_span(start, start + 4)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert len(messages) >= 2 and "full" in messages[-1]
    assert window.annotation_list.table_model.rowCount() == rows
    qtbot.waitUntil(lambda: window.document_list.table.document_at(0).annotation_count == rows)
