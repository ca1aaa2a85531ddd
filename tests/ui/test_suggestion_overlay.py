"""Suggestions marked on the text: the marks follow the passages' lines and never cover
the characters, however many tags a passage is suggested for."""

from itertools import pairwise

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QToolTip

from ui.suggestions.overlay import SuggestionOverlay, span_rects


def shown(qtbot, window):
    panel = window.findChild(QDockWidget, "suggestionsPanel")
    qtbot.waitUntil(lambda: window.text_view.content is not None)
    qtbot.waitUntil(
        lambda: len(panel.suggestions) > 3, timeout=30_000
    )  # worked out in the background
    return panel, window.findChild(SuggestionOverlay, "suggestionOverlay")


def cursor_rect(view, offset):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(offset))
    return view.cursorRect(cursor)


def test_overlay_lets_the_mouse_through_and_covers_the_viewport(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    _panel, overlay = shown(qtbot, window)
    viewport = window.text_view.viewport()
    assert overlay.parent() is viewport
    assert overlay.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert overlay.geometry() == viewport.rect()
    window.resize(900, 700)
    qtbot.waitUntil(lambda: overlay.geometry() == viewport.rect())


def test_rectangles_are_the_lines_of_each_suggested_passage(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel, overlay = shown(qtbot, window)
    view = window.text_view
    # A long sentence, not ending exactly where a line wraps (the cursor after its last
    # character would then stand at the start of the next line).
    suggestion = max(
        (
            s
            for s in panel.suggestions[:6]
            if cursor_rect(view, s.end).top() == cursor_rect(view, s.end - 1).top()
        ),
        key=lambda s: s.end - s.start,
    )
    view.select_span(suggestion.start, suggestion.end)  # on screen
    view.clear_selection_at(suggestion.start)
    rects = span_rects(view, suggestion.start, suggestion.end)
    assert len(rects) >= 2  # a long sentence wraps over several lines
    start, end = cursor_rect(view, suggestion.start), cursor_rect(view, suggestion.end)
    assert abs(rects[0].left() - start.left()) <= 1
    assert abs(rects[0].top() - start.top()) <= 1
    assert abs(rects[-1].right() - end.left()) <= 1
    assert abs(rects[-1].bottom() - end.bottom()) <= 2
    for above, below in pairwise(rects):
        assert abs(above.bottom() - below.top()) <= 1
        assert above.width() > 0 and above.height() > 0
    drawn = [rect for s, rect in overlay.outlines() if s.key == suggestion.key]
    assert drawn == rects  # the only suggestion on this passage: drawn where computed


def test_several_tags_on_one_passage_share_one_underline_below_the_text(
    qtbot, open_window, sample_project
):
    window = open_window(sample_project)
    panel, overlay = shown(qtbot, window)
    spans = [(s.start, s.end) for s in panel.suggestions]
    shared = next(span for span in spans if spans.count(span) > 1)
    sharing = [s for s in panel.suggestions if (s.start, s.end) == shared]
    lines = span_rects(window.text_view, *shared)
    marks = [
        (s, r, place, n) for s, r, place, n in overlay.underlines() if (s.start, s.end) == shared
    ]
    assert {s.key for s, *_ in marks} == {s.key for s in sharing}
    assert all(n == len(sharing) for *_, n in marks)
    assert sorted({place for _s, _r, place, _n in marks}) == list(range(len(sharing)))
    # Every tag draws along the same lines: the underline takes no more room for more tags.
    assert {(r.top(), r.bottom()) for _s, r, _p, _n in marks} == {
        (r.top(), r.bottom()) for r in lines
    }
    # One margin bar per suggestion, each tag in its own lane, all outside the text.
    bars = {s.key: r for s, r in overlay.margin_marks() if (s.start, s.end) == shared}
    assert len(bars) == len(sharing)
    assert len({r.left() for r in bars.values()}) == len(sharing)
    text_right = max(r.right() for r in lines)
    assert all(r.left() > text_right for r in bars.values())


def test_only_the_current_suggestion_is_boxed(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel, overlay = shown(qtbot, window)
    image = window.text_view.viewport().grab().toImage()
    current = panel.current
    rect = span_rects(window.text_view, current.start, current.end)[0]
    box = overlay._color(current).rgb()
    left = int(rect.left()) - 1
    column = [
        image.pixelColor(left, y).rgb() for y in range(int(rect.top()) + 3, int(rect.bottom()) - 3)
    ]
    assert box in column or any(_near(c, box) for c in column)
    other = next(
        s
        for s in panel.suggestions
        if s.key != current.key and (s.start, s.end) != (current.start, current.end)
    )
    overlay.set_current(other)
    qtbot.waitUntil(lambda: overlay.current == other)
    other_rect = span_rects(window.text_view, other.start, other.end)
    if other_rect:
        assert overlay.current.key == other.key


def _near(a, b):
    return all(abs(((a >> s) & 255) - ((b >> s) & 255)) < 40 for s in (0, 8, 16))


def test_rectangles_move_with_scrolling(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel, overlay = shown(qtbot, window)
    view = window.text_view
    view.resize(view.width(), 300)
    last = panel.suggestions[-1]
    view.select_span(last.start, last.end)
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    before = span_rects(view, last.start, last.end)
    assert before and abs(before[0].top() - cursor_rect(view, last.start).top()) <= 1
    step = view.verticalScrollBar().value()
    view.verticalScrollBar().setValue(step - 2)
    after = span_rects(view, last.start, last.end)
    assert after and after[0].top() > before[0].top()
    assert abs(after[0].top() - cursor_rect(view, last.start).top()) <= 1
    assert overlay.geometry() == view.viewport().rect()


def test_hovering_shows_the_reason(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel, overlay = shown(qtbot, window)
    suggestion = panel.suggestions[0]
    rect = span_rects(window.text_view, suggestion.start, suggestion.end)[0]
    point = rect.center().toPoint()
    viewport = window.text_view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    text = QToolTip.text()
    assert "Suggested:" in text
    assert "No confidence yet" in text  # trigger words alone carry no number
    assert "trigger words" in text
    for word in suggestion.words:
        assert word in text
    assert overlay.suggestions_at(point)[0] == suggestion
    QToolTip.hideText()
    assert overlay.suggestions_at(QPoint(-50, -50)) == []


def test_the_current_suggestion_is_the_one_marked(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    panel, overlay = shown(qtbot, window)
    assert overlay._current == panel.current
    window.text_view.setFocus()
    qtbot.waitUntil(window.text_view.hasFocus)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Tab)
    assert overlay._current == panel.current == panel.suggestions[1]


def test_hovering_a_tagged_passage_lists_its_annotations_before_its_suggestions(
    qtbot, open_window, sample_project
):
    from app.editing.commands import AnnotationSpec, CreateAnnotations

    window = open_window(sample_project)
    panel, _overlay = shown(qtbot, window)
    suggestion = panel.suggestions[0]
    other = next(t for t in window.tags if t.id != suggestion.tag_id)
    window.session.run(
        CreateAnnotations(
            (
                AnnotationSpec(
                    suggestion.document_id, other.id, suggestion.start, suggestion.end, "看这里"
                ),
            )
        ),
        "tag",
    )
    view = window.text_view
    view.select_span(suggestion.start, suggestion.end)
    view.clear_selection_at(suggestion.start)
    rect = span_rects(view, suggestion.start, suggestion.end)[0]
    point = rect.center().toPoint()
    viewport = view.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    lines = QToolTip.text().split("\n")
    QToolTip.hideText()
    assert lines[0] == f"{other.name} — 看这里"
    suggested = next(n for n, line in enumerate(lines) if line.startswith("Suggested:"))
    assert suggested > 0 and lines[suggested - 1] == ""
