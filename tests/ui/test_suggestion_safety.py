"""A decision key only ever decides one suggestion of the interview on screen: never one
of an interview left behind while suggestions were still being worked out, never more
than one for a held key, and accepting many at once asks first."""

import threading

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

import ui.suggestions.feed
from tests.ui.test_suggestion_panel import panel_of, stored


def focus_text(qtbot, window):
    window.text_view.setFocus()
    qtbot.waitUntil(window.text_view.hasFocus)


def test_switching_interview_while_suggestions_are_worked_out_decides_nothing(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    first = window.text_view.content.meta.id
    assert {s.document_id for s in panel.suggestions} == {first}
    # Hold the next computation on the background thread until the test lets it go.
    release, started = threading.Event(), threading.Event()
    real_pending = ui.suggestions.feed.pending_suggestions

    def slow_pending(*args, **kwargs):
        started.set()
        release.wait(30)
        return real_pending(*args, **kwargs)

    monkeypatch.setattr(ui.suggestions.feed, "pending_suggestions", slow_pending)
    try:
        documents = [d.id for d in window.session.project.documents()]
        second = next(d for d in documents if d != first)
        window.document_list.select_document(second)
        qtbot.waitUntil(lambda: window.text_view.content.meta.id == second)
        qtbot.waitUntil(started.is_set)
        # The list and the outlines of the interview left behind are gone at once.
        assert panel.suggestions == []
        assert panel.current is None
        assert panel.overlay.suggestions == []
        assert "Working out" in panel.status_label.text()
        focus_text(qtbot, window)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace):
            qtbot.keyClick(window.text_view, key)
        panel.accept_current()
        panel.reject_current()
    finally:
        release.set()
    qtbot.waitUntil(lambda: len(panel.suggestions) > 0, timeout=30_000)
    assert {s.document_id for s in panel.suggestions} == {second}
    window.session.close()
    assert stored(sample_project) == []


def test_a_held_enter_accepts_one_suggestion(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    focus_text(qtbot, window)
    first = panel.current
    view = window.text_view
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, press)
    for _ in range(15):  # what the keyboard sends while the key is held down
        repeat = QKeyEvent(
            QEvent.Type.KeyPress,
            Qt.Key.Key_Return,
            Qt.KeyboardModifier.NoModifier,
            "\r",
            True,  # auto-repeat
        )
        QApplication.sendEvent(view, repeat)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    window.session.close()
    annotations = stored(sample_project)
    assert [(a.document_id, a.tag_id, a.start, a.end) for a in annotations] == [first.key]


def test_no_panel_button_takes_enter(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    for button in (
        panel.accept_button,
        panel.reject_button,
        panel.next_button,
        panel.accept_all_button,
    ):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert not button.autoDefault() and not button.isDefault()


def answer(monkeypatch, button):
    asked = []

    def exec_(box):
        asked.append(box.text())
        return button

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def rated(qtbot, window, panel):
    """Accept one trigger-word suggestion so that its tag's others carry a confidence."""
    focus_text(qtbot, window)
    tag = panel.current.tag_id
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(s.has_confidence and s.tag_id == tag for s in panel.suggestions),
        timeout=30_000,
    )
    return [s for s in panel.suggestions if s.has_confidence and s.confidence >= 0.6]


def test_accept_all_above_asks_naming_the_count_and_the_interview(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    above = rated(qtbot, window, panel)
    assert len(above) > 1
    title = window.text_view.content.meta.title
    panel.threshold.setValue(0.6)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    panel.accept_all_button.click()
    assert len(asked) == 1
    assert f"Accept {len(above)} suggestions" in asked[0]
    assert title in asked[0]
    assert window.annotation_list.table_model.rowCount() == 1  # cancelled: only the first

    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    panel.accept_all_button.click()
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1 + len(above))
    document = window.text_view.content.meta.id
    window.session.close()
    annotations = stored(sample_project)
    assert len(annotations) == 1 + len(above)
    assert {a.document_id for a in annotations} == {document}


def test_trigger_words_alone_show_no_confidence(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel = panel_of(qtbot, window)
    model = panel.table_model
    assert all(not s.has_confidence for s in panel.suggestions)
    shown = {model.data(model.index(row, 2)) for row in range(model.rowCount())}
    assert shown == {"–"}
    tip = model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert "No confidence yet" in tip
    above = rated(qtbot, window, panel)
    row = model.row_of(above[0].key)
    assert model.data(model.index(row, 2)) == f"{above[0].confidence:.2f}"
    assert "accepted so far" in model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
