"""The Suggestions dock driven with keys: accept, reject, next, accept all, trigger words."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QMessageBox

from tests.ui.conftest import reopen
from ui.suggestions.triggers_dialog import TriggersDialog


def panel_of(qtbot, window):
    panel = window.findChild(QDockWidget, "suggestionsPanel")
    assert panel is not None
    qtbot.waitUntil(lambda: window.text_view.content is not None)
    qtbot.waitUntil(
        lambda: len(panel.suggestions) > 0, timeout=30_000
    )  # worked out in the background
    return panel


def stored(path):
    project = reopen(path)
    try:
        return [a for d in project.documents() for a in project.annotations(d.id)]
    finally:
        project.close()


def decisions(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            'SELECT tag_id, start, "end", decision FROM suggestion_decisions ORDER BY id'
        ).fetchall()
    finally:
        connection.close()


def test_enter_accepts_backspace_rejects_tab_moves_on(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    view = window.text_view
    first, second, third = panel.suggestions[:3]
    assert panel.current == first
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)

    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    assert panel.current == second
    assert first.key not in {s.key for s in panel.suggestions}

    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert panel.current == third
    assert view.selection_span() == (third.start, third.end)
    assert view.hasFocus()

    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert third.key not in {s.key for s in panel.suggestions}
    qtbot.waitUntil(lambda: third.key not in {s.key for s in panel.overlay.suggestions})
    window.session.close()

    [annotation] = stored(sample_project)
    assert (annotation.tag_id, annotation.start, annotation.end, annotation.source) == (
        first.tag_id,
        first.start,
        first.end,
        "suggested",
    )
    assert decisions(sample_project) == [
        (first.tag_id, first.start, first.end, "accepted"),
        (third.tag_id, third.start, third.end, "rejected"),
    ]


def test_rejected_stays_away_after_reopening_and_undo_brings_it_back(
    qtbot, open_window, sample_project
):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    first = panel.current
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    qtbot.keyClick(panel.table, Qt.Key.Key_Backspace)
    window.session.close()

    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    assert first.key not in {s.key for s in panel.suggestions}
    assert "Reject Suggestion" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: first.key in {s.key for s in panel.suggestions}, timeout=30_000)
    window.session.close()
    assert decisions(sample_project) == []


def test_keys_are_left_alone_while_typing_in_an_editor(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    count = len(panel.suggestions)
    panel.threshold.setFocus()
    qtbot.waitUntil(panel.threshold.hasFocus)
    qtbot.keyClick(panel.threshold, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.threshold, Qt.Key.Key_Return)
    assert len(panel.suggestions) == count
    window.session.close()
    assert decisions(sample_project) == []
    assert stored(sample_project) == []


def accept_yes(monkeypatch):
    """Answer Yes to the question Accept All Above asks; any other message box still fails."""

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        assert box.objectName() == "confirmAcceptAll", f"unexpected message box: {box.text()}"
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)


def test_accept_all_above_is_one_undo_step(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    document = window.text_view.content.meta.id
    view = window.text_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # a decision gives the tag's others a confidence
    qtbot.waitUntil(lambda: any(s.has_confidence for s in panel.suggestions), timeout=30_000)
    above = [s for s in panel.suggestions if s.has_confidence and s.confidence >= 0.5]
    assert len(above) > 3
    panel.threshold.setValue(0.5)
    accept_yes(monkeypatch)
    panel.accept_all_button.click()
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1 + len(above))
    assert f"Accept {len(above)} Suggestions" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1 + len(above))
    window.session.close()
    annotations = stored(sample_project)
    assert len(annotations) == 1 + len(above)
    assert {a.document_id for a in annotations} == {document}
    assert {a.source for a in annotations} == {"suggested"}


def test_stats_show_accepted_over_offered(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    first = panel.current
    tag_name = next(t.name for t in window.tags if t.id == first.tag_id)
    offered = sum(1 for s in panel.suggestions if s.tag_id == first.tag_id)
    panel.accept_button.click()

    def row_text():
        for number in range(panel.stats.topLevelItemCount()):
            item = panel.stats.topLevelItem(number)
            if item.text(0) == tag_name:
                return item.text(1)
        return None

    qtbot.waitUntil(lambda: row_text() == f"1 / {offered}")


def test_trigger_words_edited_in_the_dialog_with_undo(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    party = next(t for t in window.tags if t.name == "党建")
    window.document_list.select_document(2)  # 红色物业 is said in the second interview
    qtbot.waitUntil(
        lambda: bool(panel.suggestions) and {s.document_id for s in panel.suggestions} == {2}
    )

    def answer(dialog):
        dialog.tag_combo.setCurrentIndex(dialog.tag_combo.findData(party.id))
        dialog.word_edit.setText("红色物业, 党员")  # QTest types ASCII only
        dialog.add_words()
        assert "党员" in dialog.message.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TriggersDialog, "exec", answer)
    panel.triggers_button.click()
    qtbot.waitUntil(
        lambda: any(s.tag_id == party.id and "红色物业" in s.words for s in panel.suggestions)
    )
    assert "Edit Trigger Words" in window.undo_action.text()
    window.undo_action.trigger()
    qtbot.waitUntil(
        lambda: (
            not any("红色物业" in s.words for s in panel.suggestions) and bool(panel.suggestions)
        )
    )
    window.redo_action.trigger()
    window.session.close()
    connection = sqlite3.connect(sample_project)
    rows = connection.execute(
        "SELECT word FROM tag_triggers WHERE tag_id = ? AND word = '红色物业'", (party.id,)
    ).fetchall()
    connection.close()
    assert rows == [("红色物业",)]


def test_model_is_trained_in_the_background_after_enough_decisions(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    qtbot.waitUntil(lambda: not panel.model.training)
    assert "not trained yet" in panel.model_label.text()
    view = window.text_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # a decision gives the tag's others a confidence
    qtbot.waitUntil(lambda: any(s.has_confidence for s in panel.suggestions), timeout=30_000)
    panel.threshold.setValue(0.0)
    accept_yes(monkeypatch)
    panel.accept_all_button.click()  # well over N (10) new annotations and decisions
    qtbot.waitUntil(lambda: "trained for" in panel.model_label.text(), timeout=20000)
    assert "产业发展" in panel.model_label.text()
