"""Moving through the text is the reader at work: background work gives way to painting."""

from ui.text import view as text_view


def test_scrolling_the_text_holds_background_work_back(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    window.resize(700, 400)
    view = window.text_view
    qtbot.waitUntil(lambda: view.fully_painted)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    told = []
    monkeypatch.setattr(text_view, "user_active", lambda: told.append(True))
    bar.setValue(0 if bar.value() else 1)
    assert told
    told.clear()
    bar.setValue(bar.value())  # not moved: nothing to say
    assert told == []
