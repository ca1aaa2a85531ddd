"""View ▸ Keywords: a dock computing keywords on the worker, sortable, with bars, and a
click on a word asking for a search."""

import threading

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget

from app.commands import AnnotationSpec, CreateAnnotations
from app.dictionary import AddStopWords
from ui import keywords_panel
from ui.keywords_panel import BAR_ROLE, KeywordModel

LOADED = 30_000


def open_panel(window, qtbot):
    panel = window.keywords_panel
    assert isinstance(panel, QDockWidget)
    assert panel.objectName() == "keywordsPanel"
    assert panel.isHidden()
    toggle = window.findChild(type(window.undo_action), "keywordsAction")
    toggle.trigger()
    qtbot.waitUntil(panel.isVisible)
    return panel


def rows(panel):
    proxy = panel.proxy
    return [
        tuple(proxy.index(row, column).data() for column in range(3))
        for row in range(proxy.rowCount())
    ]


def test_keywords_are_computed_off_the_window_thread(
    open_window, qtbot, sample_project, monkeypatch
):
    threads = []
    real = keywords_panel.keywords

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(keywords_panel, "keywords", recorded)
    window = open_window(sample_project)
    panel = open_panel(window, qtbot)
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        panel.set_scope("document")
    found = shown.args[0]
    assert found.scope.document_id == window.documents.document_id
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    table = rows(panel)
    assert table[0][0] == found.keywords[0].word
    assert ("泊里镇", "7", f"{found.keywords[1].score:.4f}") in table  # a seed term, whole
    assert panel.model.index(0, KeywordModel.SCORE).data(BAR_ROLE) == 1.0
    assert panel.model.headerData(2, Qt.Orientation.Horizontal) == "TF-IDF"
    # Sorting by count, then by word.
    panel.table.sortByColumn(KeywordModel.COUNT, Qt.SortOrder.DescendingOrder)
    counts = [int(row[1]) for row in rows(panel)]
    assert counts == sorted(counts, reverse=True)
    panel.table.sortByColumn(KeywordModel.WORD, Qt.SortOrder.AscendingOrder)
    words = [row[0] for row in rows(panel)]
    assert words == sorted(words)


def test_clicking_a_word_asks_for_a_search(open_window, qtbot, sample_project):
    window = open_window(sample_project)
    panel = open_panel(window, qtbot)
    with qtbot.waitSignal(panel.computed, timeout=LOADED):
        panel.set_scope("speaker", "记者")
    index = panel.proxy.index(0, KeywordModel.WORD)
    word = index.data()
    rect = panel.table.visualRect(index)
    with qtbot.waitSignal(panel.search_requested) as asked:
        qtbot.mouseClick(
            panel.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center())
        )
    assert asked.args == [word]
    assert word == "创新突破年"


def test_tag_keywords_follow_new_passages_and_stop_words(open_window, qtbot, sample_project):
    window = open_window(sample_project)
    panel = open_panel(window, qtbot)
    tag = window.tags[0]
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        panel.set_scope("tag", tag.id)
    assert shown.args[0].keywords == ()
    assert panel.status.text() == "No words to show here."
    content = window.text_view.content
    turn = next(t for t in content.turns if t.kind == "answer")
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        window.session.run(
            CreateAnnotations(
                (AnnotationSpec(content.meta.id, tag.id, turn.content_start, turn.end),)
            ),
            "tag",
        )
    found = shown.args[0]
    assert found.method == "log-odds"
    assert panel.model.headerData(2, Qt.Orientation.Horizontal) == "z-score"
    top = found.keywords[0].word
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        window.session.run(AddStopWords((top,)), "stop")
    assert top not in {keyword.word for keyword in shown.args[0].keywords}
