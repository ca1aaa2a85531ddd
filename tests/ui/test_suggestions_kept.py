"""Suggestions are worked out once per interview while nothing in it changes, and a tag
repaints only the paragraphs it touches, with every mark still where it belongs."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

import ui.suggestions.feed as feed_module
from tests.ui.conftest import reopen
from ui.suggestions.overlay import SuggestionOverlay, span_rects
from ui.text.colors import highlight_background


def counting(monkeypatch):
    """Count the interviews whose suggestions are worked out from scratch."""
    asked: list[int] = []
    original = feed_module.pending_suggestions

    def wrapper(project, document_ids, **options):
        asked.extend(document_ids)
        return original(project, document_ids, **options)

    monkeypatch.setattr(feed_module, "pending_suggestions", wrapper)
    return asked


def settled(qtbot, window, document_id):
    panel = window.findChild(QDockWidget, "suggestionsPanel")
    qtbot.waitUntil(
        lambda: (
            window.text_view.content is not None
            and window.text_view.content.meta.id == document_id
            and not panel._waiting
            and window.runner.idle()
        ),
        timeout=30_000,
    )
    return panel


def test_going_back_to_an_unchanged_interview_does_not_work_its_suggestions_out_again(
    qtbot, open_window, sample_project, monkeypatch
):
    asked = counting(monkeypatch)
    window = open_window(sample_project)
    panel = window.findChild(QDockWidget, "suggestionsPanel")
    # Wait for the first training, so that later lists are worked out with the one kept.
    qtbot.waitUntil(lambda: panel.model.info is not None and window.runner.idle(), timeout=30_000)
    documents = [d.id for d in window.session.project.documents()]
    first, second = documents[0], documents[1]
    window.document_list.select_document(first)
    panel = settled(qtbot, window, first)
    listed = panel.suggestions
    assert listed
    window.document_list.select_document(second)
    settled(qtbot, window, second)
    before = len(asked)
    window.document_list.select_document(first)
    settled(qtbot, window, first)
    assert len(asked) == before  # kept: nothing worked out again
    assert panel.suggestions == listed

    # A tag in it changes what is suggested there: going back works it out afresh.
    target = listed[0]
    view = window.text_view
    view.select_span(target.start, target.end)
    view.setFocus()
    tag = next(t for t in window.session.project.tags() if t.id == target.tag_id)
    key = str(window.session.project.tags().index(tag) + 1)
    qtbot.keyClick(view, key)
    qtbot.waitUntil(lambda: target.key not in {s.key for s in panel.suggestions})
    window.document_list.select_document(second)
    settled(qtbot, window, second)
    counted = len(asked)
    window.document_list.select_document(first)
    settled(qtbot, window, first)
    assert asked[counted:] == [first]
    assert target.key not in {s.key for s in panel.suggestions}
    window.session.close()
    project = reopen(sample_project)
    try:
        assert any(
            (a.start, a.end, a.tag_id) == (target.start, target.end, target.tag_id)
            for a in project.annotations(first)
        )
    finally:
        project.close()


def test_a_tag_repaints_its_paragraph_and_the_marks_stay_on_their_lines(
    qtbot, open_window, sample_project
):
    window = open_window(sample_project)
    panel = window.findChild(QDockWidget, "suggestionsPanel")
    qtbot.waitUntil(lambda: len(panel.suggestions) > 3, timeout=30_000)
    view = window.text_view
    overlay = window.findChild(SuggestionOverlay, "suggestionOverlay")
    tag = window.session.project.tags()[0]
    target = next(s for s in panel.suggestions if s.tag_id == tag.id)
    view.select_span(target.start, target.end)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    qtbot.waitUntil(lambda: target.key not in {s.key for s in panel.suggestions})
    view.clear_selection_at(target.start)
    qtbot.waitUntil(lambda: not view.textCursor().hasSelection())
    image = view.viewport().grab().toImage()
    rect = span_rects(view, target.start, target.end)[0]
    expected = highlight_background([view.stripes.colors[tag.id]]).rgb()
    row = int(rect.top() + rect.height() / 2)
    seen = {image.pixelColor(x, row).rgb() for x in range(int(rect.left()), int(rect.right()))}
    assert expected in seen  # the new highlight is on screen
    # The marks kept through the change sit on the lines as laid out now.
    assert target.key not in {s.key for s, _r in overlay.outlines()}
    assert overlay.outlines()
    for suggestion, drawn in overlay.outlines():
        assert drawn in span_rects(view, suggestion.start, suggestion.end)
    window.session.close()
    project = reopen(sample_project)
    try:
        annotations = [a for d in project.documents() for a in project.annotations(d.id)]
        assert [(a.start, a.end, a.tag_id) for a in annotations] == [
            (target.start, target.end, tag.id)
        ]
    finally:
        project.close()
