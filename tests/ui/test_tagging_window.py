"""Drive the real window: select, press a tag key, close, reopen the file."""

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import reopen


def select_with_keyboard(qtbot, view, start: int, length: int) -> None:
    """Put the cursor at code point ``start`` and extend it by ``length`` with Shift+Right."""
    view.setFocus()
    cursor = view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    view.setTextCursor(cursor)
    view.clear_selection_at(start)
    for _ in range(length):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def stored_annotations(path):
    project = reopen(path)
    try:
        document = project.documents()[0]
        return project.document(document.id), project.annotations(document.id), project.tags()
    finally:
        project.close()


def test_select_press_1_close_reopen_undo(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    text = view.content.text
    start = text.index("大力推进氢能产业园区建设")
    select_with_keyboard(qtbot, view, start, 12)
    assert view.selection_span() == (start, start + 12)

    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    window.close()
    window.session.close()

    content, annotations, tags = stored_annotations(sample_project)
    assert len(annotations) == 1
    annotation = annotations[0]
    assert (annotation.start, annotation.end) == (start, start + 12)
    assert annotation.text == "大力推进氢能产业园区建设" == content.text[start : start + 12]
    assert {tag.id: tag.name for tag in tags}[annotation.tag_id] == "产业发展"
    assert annotation.annotator == "tester"

    window = open_window(sample_project)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    window.text_view.setFocus()
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 0)
    qtbot.waitUntil(lambda: window.document_list.table.document_at(0).annotation_count == 0)
    window.session.close()
    assert stored_annotations(sample_project)[1] == []


def test_undo_in_same_session_then_redo(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    start = view.content.text.index("今年,泊里镇将以")
    select_with_keyboard(qtbot, view, start, 6)
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    first_id = window.annotation_list.table_model.annotation_at(0).id

    window.undo_action.trigger()
    assert window.annotation_list.table_model.rowCount() == 0
    window.redo_action.trigger()
    assert window.annotation_list.table_model.rowCount() == 1
    assert window.annotation_list.table_model.annotation_at(0).id == first_id
    window.session.close()
    annotations = stored_annotations(sample_project)[1]
    assert [(a.id, a.start, a.end) for a in annotations] == [(first_id, start, start + 6)]


def test_no_selection_tags_the_whole_turn_under_the_cursor(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    content = view.content
    answer = next(turn for turn in content.turns if turn.kind == "answer")
    view.setFocus()
    view.clear_selection_at(answer.content_start + 30)
    qtbot.keyClick(view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    window.session.close()
    annotation = stored_annotations(sample_project)[1][0]
    assert (annotation.start, annotation.end) == (answer.content_start, answer.end)
    assert annotation.text.startswith("今年,泊里镇将以")
    assert not annotation.text.startswith("刘在军")


def test_click_on_tag_panel_applies_and_overlaps_are_kept(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    start = view.content.text.index("用好“项目管家”服务平台")
    view.select_span(start, start + 10)
    panel = window.tag_panel
    item = panel.item_for(window.tags[3].id)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view.select_span(start + 5, start + 14)
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 2)

    block = view.document().findBlock(view.offsets.to_utf16(start))
    fragments = block.begin()
    backgrounds = set()
    while not fragments.atEnd():
        char_format = fragments.fragment().charFormat()
        if char_format.background().style() != Qt.BrushStyle.NoBrush:
            backgrounds.add(char_format.background().color().name())
        fragments += 1
    assert len(backgrounds) >= 3  # tag A alone, the overlap, tag B alone
    window.session.close()
    spans = sorted((a.start, a.end) for a in stored_annotations(sample_project)[1])
    assert spans == [(start, start + 10), (start + 5, start + 14)]


def test_undo_that_fails_for_a_passing_reason_keeps_the_step(
    qtbot, open_window, sample_project, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from app.editing.history import History
    from app.errors import ProjectStorageError

    window = open_window(sample_project)
    view = window.text_view
    start = view.content.text.index("大力推进")
    view.select_span(start, start + 4)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    real_undo = History.undo

    def locked(self):
        raise ProjectStorageError(path="p", detail="database is locked")

    monkeypatch.setattr(History, "undo", locked)
    window.undo_action.trigger()
    assert shown and "database is locked" in shown[0]
    assert window.undo_action.isEnabled()
    monkeypatch.setattr(History, "undo", real_undo)
    window.undo_action.trigger()
    assert window.annotation_list.table_model.rowCount() == 0


def _body_font(view, offset: int) -> tuple[float, int]:
    """Point size and weight the text at code point ``offset`` is drawn with."""
    position = view._offsets.to_utf16(offset)
    block = view.document().findBlock(position)
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if fragment.position() <= position < fragment.position() + fragment.length():
            font = fragment.charFormat().font()
            return font.pointSizeF(), font.weight().value
        fragments += 1
    raise AssertionError("no fragment there")


def test_answers_keep_the_body_font_when_interviews_are_shown_again(
    qtbot, open_window, sample_project
):
    window = open_window(sample_project)
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    first = window.documents.document_id
    text = view.content.text
    offset = text.index("大力推进氢能产业园区建设")
    body = _body_font(view, offset)
    assert body[0] < _body_font(view, 0)[0]  # the title is larger than the answers
    others = [d.id for d in window.session.project.documents() if d.id != first]
    window.document_list.select_document(others[0])
    window.document_list.select_document(first)
    qtbot.waitUntil(lambda: view.fully_painted)
    assert _body_font(view, offset) == body
    window.reload_action.trigger()
    qtbot.waitUntil(lambda: view.fully_painted)
    assert _body_font(view, offset) == body


def test_counts_follow_the_highlight_and_a_closed_project_is_left_alone(
    qtbot, open_window, sample_project
):
    window = open_window(sample_project)
    view = window.text_view
    start = view.content.text.index("大力推进氢能产业园区建设")
    industry = window.tags[0]
    view.select_span(start, start + 12)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert window.annotation_list.table_model.rowCount() == 1  # the highlight is at once
    qtbot.waitUntil(lambda: window.document_list.table.document_at(0).annotation_count == 1)
    qtbot.waitUntil(lambda: window.tags[0].usage == industry.usage + 1)

    view.select_span(start, start + 4)
    qtbot.keyClick(view, Qt.Key.Key_2)
    window.close()
    window.session.close()  # before the counts catch up: they must not reach the closed file
    moved = sample_project.with_name("moved.fangtan")
    sample_project.rename(moved)
    # Closing stopped every timer and the runner, so nothing is left to run later: once the
    # runner has let go of its last task, what was already queued runs now.
    assert not [timer for timer in window.findChildren(QTimer) if timer.isActive()]
    qtbot.waitUntil(window.runner.idle)
    QCoreApplication.processEvents()
    assert not sample_project.exists()  # nothing opened, and so created, the file again
    assert len(stored_annotations(moved)[1]) == 2


def test_tag_counts_kept_in_step_without_recounting_match_the_project(
    qtbot, open_window, sample_project
):
    window = open_window(sample_project)
    view = window.text_view
    text = view.content.text
    first, second = window.tags[0], window.tags[1]
    before = {tag.id: tag.usage for tag in window.tags}
    table = window.document_list.table
    shown_document = window.documents.document_id
    row = table.row_of(shown_document)
    listed = table.document_at(row).annotation_count
    places = [
        (text.index("大力推进"), Qt.Key.Key_1),
        (text.index("项目管家"), Qt.Key.Key_1),
        (text.index("项目管家") + 2, Qt.Key.Key_2),
    ]
    for offset, key in places:
        view.select_span(offset, offset + 4)
        view.setFocus()
        qtbot.keyClick(view, key)
    panel = window.tag_panel
    qtbot.waitUntil(lambda: panel.item_for(second.id).text(2) == str(before[second.id] + 1))
    assert panel.item_for(first.id).text(2) == str(before[first.id] + 2)
    qtbot.waitUntil(lambda: table.document_at(row).annotation_count == listed + 3)
    window.undo_action.trigger()  # takes the last tag away: counted from the project again
    qtbot.waitUntil(lambda: panel.item_for(second.id).text(2) == str(before[second.id]))
    qtbot.waitUntil(lambda: table.document_at(row).annotation_count == listed + 2)
    shown = {tag.id: tag.usage for tag in window.tags}
    window.session.close()
    project = reopen(sample_project)
    try:
        assert shown == {tag.id: tag.usage for tag in project.tags()}
        stored = {d.id: d.annotation_count for d in project.documents()}
        assert stored[shown_document] == listed + 2
    finally:
        project.close()
    assert shown[first.id] == before[first.id] + 2
