"""The search panel in the real window: keys, the hit list, going to hits, filters, and
tagging every hit as one undoable step that is on disk."""

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from app.importing.importer import import_text
from app.project import Project
from tests.ui.conftest import reopen
from ui.search.hits import HIT_COLUMN, LEFT_COLUMN
from ui.search.tag_chooser import TagChooser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ASTRAL = "记者:𠮷野家和😀能搜到吗?\n\n王五:能,𠮷野家😀开店了,𠮷野家很好。\n"


def open_search(qtbot, window, keys: str = "Ctrl+Shift+F"):
    panel = window.search_panel
    qtbot.waitUntil(lambda: window.text_view.content is not None)
    window.text_view.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier
    if "Shift" in keys:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_F, modifiers)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.field.hasFocus())
    return panel


def type_text(widget, text: str) -> None:
    """Key presses carrying ``text`` one character at a time, as an input method sends
    them (QTest's keyClicks takes ASCII only)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def type_query(qtbot, panel, query: str) -> None:
    type_text(panel.field, query)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)


def click_row(qtbot, panel, row: int) -> None:
    index = panel.table_model.index(row, HIT_COLUMN)
    panel.view.scrollTo(index)
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def index_rows(path: Path) -> tuple[int, int]:
    connection = sqlite3.connect(path)
    try:
        turns = connection.execute("SELECT count(*) FROM turns").fetchone()[0]
        indexed = connection.execute("SELECT count(*) FROM search_index_docsize").fetchone()[0]
        return turns, indexed
    finally:
        connection.close()


def texts(path: Path) -> dict[int, str]:
    project = reopen(path)
    try:
        return {d.id: project.document(d.id).text for d in project.documents()}
    finally:
        project.close()


def test_search_the_project_and_go_to_a_clicked_hit(qtbot, open_window, sample_project) -> None:
    stored = texts(sample_project)
    expected = sum(text.count("发展") for text in stored.values())
    window = open_window(sample_project)
    panel = open_search(qtbot, window)
    assert not panel.this_document.isChecked()
    type_query(qtbot, panel, "发展")
    model = panel.table_model
    assert 0 < model.rowCount() <= expected
    assert {hit.document_id for hit in model.hits} == set(stored)  # both interviews
    # Enter went to the first hit
    first = model.hit_at(0)
    assert window.text_view.selection_span() == (first.start, first.end)
    # the list shows keyword in context
    assert model.index(0, HIT_COLUMN).data() == "发展"
    assert model.index(0, LEFT_COLUMN).data() == first.left
    # a hit in the other document: the document opens and the hit is selected
    row = next(r for r, hit in enumerate(model.hits) if hit.document_id != first.document_id)
    hit = model.hit_at(row)
    click_row(qtbot, panel, row)
    qtbot.waitUntil(lambda: window.documents.document_id == hit.document_id)
    view = window.text_view
    assert view.selection_span() == (hit.start, hit.end)
    assert view.content.text[hit.start : hit.end] == "发展"
    assert window.document_list.current_document_id() == hit.document_id
    # every listed hit of the shown document is marked, the current one among them
    marked = [h for h in model.hits if h.document_id == hit.document_id]
    assert len(view.extraSelections()) == len(marked)


def test_next_and_previous_go_round_the_hits_of_this_document(
    qtbot, open_window, sample_project
) -> None:
    window = open_window(sample_project)
    panel = open_search(qtbot, window, "Ctrl+F")
    assert panel.this_document.isChecked()
    shown = window.documents.document_id
    type_query(qtbot, panel, "泊里镇")
    hits = panel.table_model.hits
    assert len(hits) > 2 and {hit.document_id for hit in hits} == {shown}
    view = window.text_view
    assert view.selection_span() == (hits[0].start, hits[0].end)
    qtbot.keyClick(panel.field, Qt.Key.Key_F3)
    assert view.selection_span() == (hits[1].start, hits[1].end)
    qtbot.keyClick(panel.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(panel.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_span() == (hits[-1].start, hits[-1].end)  # wrapped round
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)  # Enter again: the next hit
    assert view.selection_span() == (hits[0].start, hits[0].end)


def test_typing_searches_after_a_pause_and_digits_do_not_tag(
    qtbot, open_window, sample_project
) -> None:
    window = open_window(sample_project)
    panel = open_search(qtbot, window)
    qtbot.keyClicks(panel.field, "2023")  # 1-4 are tag keys elsewhere in the window
    assert panel.field.text() == "2023"
    qtbot.waitUntil(lambda: panel.table_model.rowCount() > 0)
    assert all(hit.hit == "2023" for hit in panel.table_model.hits)
    assert window.annotation_list.table_model.rowCount() == 0
    panel.field.clear()
    type_text(panel.field, "没有这个词")
    qtbot.waitUntil(lambda: panel.table_model.rowCount() == 0)
    qtbot.waitUntil(lambda: panel.status.text() != "")


def test_filters_answers_only_and_tag(qtbot, open_window, sample_project) -> None:
    window = open_window(sample_project)
    panel = open_search(qtbot, window)
    type_query(qtbot, panel, "党建")
    everything = list(panel.table_model.hits)
    panel.answers_only.setChecked(True)
    answers = list(panel.table_model.hits)
    assert answers and all(hit.kind == "answer" for hit in answers)
    assert len(answers) < len(everything)
    panel.answers_only.setChecked(False)
    tag_row = panel.tag_filter.findText("党建")
    panel.tag_filter.setCurrentIndex(tag_row)
    assert panel.table_model.rowCount() == 0  # nothing tagged yet: no hit is inside
    panel.tag_mode.setCurrentIndex(1)  # outside
    assert panel.table_model.hits == everything


def test_tag_all_hits_is_saved_and_undone_in_one_step(
    qtbot, open_window, sample_project, monkeypatch
) -> None:
    window = open_window(sample_project)
    panel = open_search(qtbot, window)
    type_query(qtbot, panel, "民生")
    hits = list(panel.table_model.hits)
    assert len(hits) > 1
    tag_id = next(tag.id for tag in window.tags if tag.name == "民生")
    # one hit already has the tag: it is skipped
    click_row(qtbot, panel, 0)
    qtbot.keyClick(window.text_view, Qt.Key.Key_2)  # the 民生 key
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    asked = []

    def choose(dialog: TagChooser) -> int:
        asked.append(dialog.combo.count())
        dialog.combo.setCurrentIndex(dialog.combo.findData(tag_id))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TagChooser, "exec", choose)
    panel.tag_all_button.click()
    assert asked == [len(window.tags)]
    assert "Ctrl+Z" in panel.status.text()
    assert f"Tag {len(hits) - 1} Search Hits “民生”" in window.undo_action.text()
    window.session.close()
    project = reopen(sample_project)
    try:
        stored = [
            (a.document_id, a.start, a.end, a.tag_id, a.text)
            for d in project.documents()
            for a in project.annotations(d.id)
        ]
    finally:
        project.close()
    assert sorted(stored) == sorted(
        (hit.document_id, hit.start, hit.end, tag_id, "民生") for hit in hits
    )

    window = open_window(sample_project)
    window.undo_action.trigger()
    window.session.close()
    project = reopen(sample_project)
    try:
        left = [a for d in project.documents() for a in project.annotations(d.id)]
    finally:
        project.close()
    assert [(a.document_id, a.start, a.end) for a in left] == [
        (hits[0].document_id, hits[0].start, hits[0].end)
    ]


def test_astral_characters_are_selected_whole(qtbot, open_window, tmp_path) -> None:
    path = tmp_path / "astral.fangtan"
    project = Project.open(path)
    import_text(project, ASTRAL, "astral.txt")
    project.close()
    window = open_window(path)
    panel = open_search(qtbot, window, "Ctrl+F")
    type_query(qtbot, panel, "😀开")
    [hit] = panel.table_model.hits
    view = window.text_view
    assert view.content.text[hit.start : hit.end] == "😀开"
    assert view.selection_span() == (hit.start, hit.end)
    assert view.textCursor().selectedText() == "😀开"  # Qt's own view of the selection
    panel.field.selectAll()
    type_query(qtbot, panel, "𠮷野家")
    assert [view.content.text[h.start : h.end] for h in panel.table_model.hits] == ["𠮷野家"] * 3
    qtbot.keyClick(panel.field, Qt.Key.Key_F3)
    second = panel.table_model.hit_at(1)
    assert view.textCursor().selectedText() == "𠮷野家"
    assert view.selection_span() == (second.start, second.end)


def test_this_document_follows_the_shown_document_and_escape_closes(
    qtbot, open_window, sample_project
) -> None:
    window = open_window(sample_project)
    panel = open_search(qtbot, window, "Ctrl+F")
    type_query(qtbot, panel, "建设")
    first = window.documents.document_id
    assert {hit.document_id for hit in panel.table_model.hits} == {first}
    other = next(d.id for d in window.session.project.documents() if d.id != first)
    window.document_list.select_document(other)
    qtbot.waitUntil(lambda: {hit.document_id for hit in panel.table_model.hits} == {other})
    qtbot.waitUntil(lambda: len(window.text_view.extraSelections()) == panel.table_model.rowCount())
    panel.field.setFocus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert window.text_view.extraSelections() == []


def test_a_project_whose_index_is_empty_is_searched_in_full(qtbot, open_window, tmp_path) -> None:
    path = tmp_path / "frozen.fangtan"
    shutil.copyfile(FIXTURES / "schema-0003.fangtan", path)
    assert index_rows(path)[1] == 0
    stored = texts(path)
    window = open_window(path)
    panel = open_search(qtbot, window)
    type_query(qtbot, panel, "建设")
    found = [(hit.document_id, hit.start) for hit in panel.table_model.hits]
    assert len(found) == sum(text.count("建设") for text in stored.values())
    assert all(stored[d][start : start + 2] == "建设" for d, start in found)
    window.runner.wait()
    window.session.close()
    turns, indexed = index_rows(path)
    assert turns == indexed > 0
