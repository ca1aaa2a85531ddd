"""The text comes first: most of the width, a focus mode, panels and sizes remembered,
the interview last read reopened at its place, and tagging a turn never moves the text."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from tests.ui.conftest import reopen


def docks(window):
    return [d for d in window.findChildren(QDockWidget) if d.isVisible()]


def test_the_text_has_most_of_the_width(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    view = window.text_view
    qtbot.waitUntil(lambda: view.width() > 0.5 * window.width())
    for dock in docks(window):
        assert dock.width() < view.width()
    # About 30 Chinese characters a line at least, where 13 to 16 were shown before.
    per_line = view.viewport().width() // view.fontMetrics().horizontalAdvance("中")
    assert per_line >= 30
    # Every panel can be closed from View, and the suggestion list shows its passages.
    view_actions = {a.text() for a in window.view_menu.actions()}
    for dock in window.findChildren(QDockWidget):
        if dock.objectName() in ("documentsDock", "tagsDock", "annotationsDock"):
            assert dock.toggleViewAction().text() in view_actions


def test_focus_mode_shows_the_text_alone_and_brings_the_panels_back(
    qtbot, open_window, sample_project
):
    window = open_window(sample_project)
    before = {d.objectName() for d in docks(window)}
    assert {"documentsDock", "tagsDock", "annotationsDock"} <= before
    window.layout_keeper.focus_action.trigger()
    qtbot.waitUntil(lambda: docks(window) == [])
    assert window.text_view.isVisible()
    window.layout_keeper.focus_action.trigger()
    qtbot.waitUntil(lambda: {d.objectName() for d in docks(window)} == before)


def test_panel_sizes_and_places_are_remembered(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    documents = window.layout_keeper.documents_dock
    window.resizeDocks([documents], [333], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(documents.width() - 333) <= 4)
    window.layout_keeper.tags_dock.close()
    window.close()
    again = open_window(sample_project)
    qtbot.waitUntil(lambda: abs(again.layout_keeper.documents_dock.width() - 333) <= 4)
    assert not again.layout_keeper.tags_dock.isVisible()
    assert again.layout_keeper.annotations_dock.isVisible()


def test_a_restart_opens_the_interview_last_read_at_its_place(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    view = window.text_view
    documents = [d.id for d in window.session.project.documents()]
    window.document_list.select_document(documents[1])
    qtbot.waitUntil(lambda: view.content.meta.id == documents[1])
    view.resize(view.width(), 300)
    late = [t for t in view.content.turns if t.kind == "answer"][2]
    window.reading_place.go_to(late.start)
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    top = view.offsets.to_code_point(view.firstVisibleBlock().position())
    window.close()

    again = open_window(sample_project)
    shown = again.text_view
    qtbot.waitUntil(lambda: shown.content is not None and shown.content.meta.id == documents[1])
    qtbot.waitUntil(
        lambda: shown.offsets.to_code_point(shown.firstVisibleBlock().position()) == top
    )


def test_tagging_a_whole_turn_leaves_the_text_where_it_was(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    view.resize(view.width(), 260)
    answer = max(
        (t for t in view.content.turns if t.kind == "answer"), key=lambda t: t.end - t.start
    )
    window.reading_place.go_to(answer.start)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.clear_selection_at(answer.content_start + 3)
    bar = view.verticalScrollBar()
    top = bar.value()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    assert bar.value() == top
    window.session.close()
    project = reopen(sample_project)
    try:
        stored = project.annotations(view.content.meta.id)
    finally:
        project.close()
    assert [(a.start, a.end) for a in stored] == [(answer.content_start, answer.end)]


def test_undo_and_redo_say_what_they_did(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    answer = next(t for t in view.content.turns if t.kind == "answer")
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.clear_selection_at(answer.content_start + 3)
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    tag = window.tags[1].name
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 0)
    message = window.statusBar().currentMessage()
    assert message.startswith("Undone: ") and tag in message
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    message = window.statusBar().currentMessage()
    assert message.startswith("Redone: ") and tag in message
    window.session.close()
    project = reopen(sample_project)
    try:
        assert len(project.annotations(view.content.meta.id)) == 1
    finally:
        project.close()
