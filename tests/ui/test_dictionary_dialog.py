"""Tools ▸ Word Lists…: add, remove and import dictionary terms and stop words, each one
undoable step that takes effect in word selection at once and is kept in the file."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from ui.dialogs.dictionary import DictionaryDialog

LOADED = 30_000


def stored(path, table, column):
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute(f"SELECT {column} FROM {table}")}
    finally:
        connection.close()


def run_dialog(window, monkeypatch, steps):
    """Open the dialog from the Tools menu; ``steps(dialog)`` plays the user's part.

    Chinese text is inserted into the line edits as an input method would commit it
    (QTest cannot type characters that are not on a keyboard)."""
    seen = []

    def answer(dialog):
        seen.append(dialog)
        steps(dialog)
        return 0

    monkeypatch.setattr(DictionaryDialog, "exec", answer)
    window.word_lists.action.trigger()
    assert len(seen) == 1
    return seen[0]


def test_a_term_added_in_the_dialog_works_at_once_and_undoes(
    open_window, qtbot, sample_project, monkeypatch
):
    window = open_window(sample_project)
    segmenter = window.word_selection.segmenter
    qtbot.waitUntil(lambda: segmenter.ready, timeout=LOADED)
    assert segmenter.word_spans_now("宜居宜业宜游") != [(0, 6)]

    def add(dialog):
        assert "泊里镇" in dialog.terms.words()
        dialog.terms.entry.insert("宜居宜业宜游")
        qtbot.mouseClick(dialog.terms.add_button, Qt.MouseButton.LeftButton)
        assert "宜居宜业宜游" in dialog.terms.words()
        assert dialog.terms.entry.text() == ""

    run_dialog(window, monkeypatch, add)
    assert "宜居宜业宜游" in stored(sample_project, "dictionary_terms", "term")
    assert window.undo_action.text() == "&Undo Add “宜居宜业宜游” to the dictionary"
    assert segmenter.word_spans_now("宜居宜业宜游") == [(0, 6)]
    # The title of the second interview holds it: a double-click now selects all of it.
    window.document_list.select_document(2)
    view = window.text_view
    offset = view.content.text.index("宜居宜业宜游")
    view.clear_selection_at(offset)
    assert window.word_selection._document_words().word_at(offset + 2) == (offset, offset + 6)

    window.undo_action.trigger()
    assert "宜居宜业宜游" not in stored(sample_project, "dictionary_terms", "term")
    assert segmenter.word_spans_now("宜居宜业宜游") != [(0, 6)]
    window.redo_action.trigger()
    assert segmenter.word_spans_now("宜居宜业宜游") == [(0, 6)]


def test_removing_and_importing_are_one_step_each(
    open_window, qtbot, sample_project, monkeypatch, tmp_path
):
    window = open_window(sample_project)
    words = tmp_path / "places.txt"
    words.write_text("# places\n唐岛湾 5 ns\n灵山卫\n泊里镇\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(words), ""))
    )

    def edit(dialog):
        page = dialog.terms
        for row in range(page.list.count()):
            if page.list.item(row).text() in ("董家口", "海西湾"):
                page.list.item(row).setSelected(True)
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
        assert not {"董家口", "海西湾"} & set(page.words())
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        assert {"唐岛湾", "灵山卫"} <= set(page.words())

    run_dialog(window, monkeypatch, edit)
    terms = stored(sample_project, "dictionary_terms", "term")
    assert {"唐岛湾", "灵山卫"} <= terms
    assert not {"董家口", "海西湾"} & terms
    assert window.undo_action.text() == "&Undo Add 2 words to the dictionary"
    window.undo_action.trigger()
    assert window.undo_action.text() == "&Undo Remove 2 words from the dictionary"
    window.undo_action.trigger()
    terms = stored(sample_project, "dictionary_terms", "term")
    assert {"董家口", "海西湾"} <= terms
    assert not {"唐岛湾", "灵山卫"} & terms


def test_stop_words_and_bad_input(open_window, qtbot, sample_project, monkeypatch):
    window = open_window(sample_project)
    before = stored(sample_project, "dictionary_terms", "term")

    def edit(dialog):
        dialog.tabs.setCurrentWidget(dialog.stop_words)
        dialog.stop_words.entry.insert("建设，打造")
        qtbot.keyClick(dialog.stop_words.entry, Qt.Key.Key_Return)
        assert {"建设", "打造"} <= set(dialog.stop_words.words())
        # A term jieba would always split, and words already listed: said in the dialog.
        dialog.terms.entry.insert("谋发展·话落实")
        qtbot.mouseClick(dialog.terms.add_button, Qt.MouseButton.LeftButton)
        assert "·" in dialog.terms.message.text()
        dialog.terms.entry.clear()
        dialog.terms.entry.insert("泊里镇")
        qtbot.mouseClick(dialog.terms.add_button, Qt.MouseButton.LeftButton)
        assert dialog.terms.message.text() == "Every word given is already in the list."
        dialog.terms.filter.insert("董家口")
        assert dialog.terms.list.count() == 4  # 董家口 and three longer names

    run_dialog(window, monkeypatch, edit)
    assert {"建设", "打造"} <= stored(sample_project, "stop_words", "word")
    assert stored(sample_project, "dictionary_terms", "term") == before
    assert window.undo_action.text() == "&Undo Add 2 stop words"
