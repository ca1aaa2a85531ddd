"""View ▸ Keywords: a dock computing keywords on the worker, sortable, with bars, and a
click on a word asking for a search."""

import threading

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget

from app.chinese.dictionary import AddStopWords
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.importing.importer import import_text
from app.project import Project
from ui.panels import keywords as keywords_panel
from ui.panels.keywords import BAR_ROLE, KeywordModel
from ui.window.i18n import settings

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
    town = next(keyword for keyword in found.keywords if keyword.word == "泊里镇")
    assert ("泊里镇", "3", f"{town.score:.4f}") in table  # a seed term, whole; in answers only
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


def test_keywords_come_from_the_answers_and_never_from_the_headings(
    open_window, qtbot, sample_project
):
    window = open_window(sample_project)
    panel = open_panel(window, qtbot)
    assert panel.turns.currentData() == "answers"
    assert panel.turns.currentText() == "Answers only"
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        panel.set_scope("document")
    content = window.text_view.content
    assert content.meta.subtitle == "——访泊里镇党委书记刘在军"
    answers = "".join(
        content.text[t.content_start : t.end] for t in content.turns if t.kind == "answer"
    )
    listed = {row[0] for row in rows(panel)}
    assert shown.args[0].scope.turns == "answers"
    assert listed and all(word in answers for word in listed)
    assert "访泊里镇" not in listed and "党委书记" not in listed  # only in the subtitle
    questions = "".join(
        content.text[t.content_start : t.end] for t in content.turns if t.kind == "question"
    )
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        panel.set_turns("dialogue")
    listed = {row[0] for row in rows(panel)}
    assert shown.args[0].scope.turns == "dialogue"
    assert any(word in questions and word not in answers for word in listed)
    assert all(word in answers + questions for word in listed)
    town = next(k for k in shown.args[0].keywords if k.word == "泊里镇")
    assert town.count == (answers + questions).count("泊里镇") == 6  # not the subtitle's


def test_the_turns_choice_is_remembered_and_not_offered_for_a_speaker(
    open_window, qtbot, sample_project
):
    window = open_window(sample_project)
    panel = open_panel(window, qtbot)
    with qtbot.waitSignal(panel.computed, timeout=LOADED):
        panel.set_scope("tag", window.tags[0].id)
    assert panel.turns.isVisible()
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        panel.turns.setCurrentIndex(panel.turns.findData("all"))  # as a click would
    assert shown.args[0].scope.turns == "all"
    assert settings().value(keywords_panel.TURNS_SETTING) == "all"
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        panel.set_scope("speaker", "记者")
    assert not panel.turns.isVisible()
    assert shown.args[0].keywords[0].word == "创新突破年"  # the reporter's questions still count
    window.session.close()
    window.close()

    again = open_window(sample_project)
    assert again.keywords_panel.turns.currentData() == "all"


def test_an_unknown_remembered_choice_falls_back_to_the_answers(open_window, qtbot, sample_project):
    settings().setValue(keywords_panel.TURNS_SETTING, "headings")
    window = open_window(sample_project)
    assert window.keywords_panel.turn_choice() == "answers"
    assert window.keywords_panel.turns.currentData() == "answers"


def test_a_document_without_answers_says_how_to_count_more(open_window, qtbot, tmp_path):
    path = tmp_path / "report.fangtan"
    project = Project.open(path)
    import_text(
        project,
        "城市出行更便捷\n\n春节前夕，本报记者走进会议室，听取城市交通工作汇报。\n",
        "report.txt",
    )
    project.close()
    window = open_window(path)
    panel = open_panel(window, qtbot)
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        panel.set_scope("document")
    assert shown.args[0].keywords == ()
    assert "Questions and answers" in panel.status.text()
    with qtbot.waitSignal(panel.computed, timeout=LOADED) as shown:
        panel.set_turns("all")
    words = {keyword.word for keyword in shown.args[0].keywords}
    assert "会议室" in words and "便捷" not in words  # the narration, not the title
