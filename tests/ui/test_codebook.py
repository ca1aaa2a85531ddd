"""Editing the codebook from the tag panel: add, rename, recolour, shortcut, reorder, delete."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from app.editing.commands import AnnotationSpec, CreateAnnotations
from tests.ui.conftest import reopen
from ui.dialogs.tag import TagDialog


def fill_dialog(monkeypatch, **values):
    """Make the next TagDialog fill in ``values`` and press OK instead of waiting for a user."""

    def fake_exec(dialog: TagDialog) -> int:
        if "name" in values:
            dialog.name_edit.setText(values["name"])
        if "color" in values:
            dialog.set_color(values["color"])
        if "shortcut" in values:
            dialog.shortcut_edit.setKeySequence(QKeySequence(values["shortcut"]))
        if "description" in values:
            dialog.description_edit.setPlainText(values["description"])
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(TagDialog, "exec", fake_exec)


def stored_tags(path):
    project = reopen(path)
    try:
        return project.tags()
    finally:
        project.close()


def test_new_tag_gets_a_shortcut_that_tags(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    fill_dialog(monkeypatch, name="口袋公园", color="#9467bd", shortcut="5", description="小微绿地")
    window.tag_panel.new_button.click()
    qtbot.waitUntil(lambda: len(window.tags) == 5)
    view = window.text_view
    start = view.content.text.index("口袋公园")
    view.select_span(start, start + 4)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    window.session.close()
    tags = stored_tags(sample_project)
    pocket = tags[-1]
    assert (pocket.name, pocket.color, pocket.shortcut, pocket.description, pocket.usage) == (
        "口袋公园",
        "#9467bd",
        "5",
        "小微绿地",
        1,
    )


def test_rename_recolour_and_duplicate_shortcut_refused(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    target = window.tags[1].id
    fill_dialog(monkeypatch, shortcut="1")
    window.codebook.edit_tag(target)
    assert warnings and "already used by “产业发展”" in warnings[0]
    fill_dialog(monkeypatch, name="民生保障", color="#17becf", shortcut="Ctrl+2")
    window.codebook.edit_tag(target)
    qtbot.waitUntil(lambda: window.tags[1].name == "民生保障")
    window.session.close()
    renamed = stored_tags(sample_project)[1]
    assert (renamed.name, renamed.color, renamed.shortcut) == ("民生保障", "#17becf", "Ctrl+2")


def test_reorder_then_undo(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    last = window.tags[3].id
    window.codebook.move_tag(last, -1)
    assert [tag.name for tag in window.tags] == ["产业发展", "民生", "城市更新", "党建"]
    assert window.tag_panel.tree.topLevelItem(2).text(0) == "城市更新"
    window.undo_action.trigger()
    window.session.close()
    assert [tag.name for tag in stored_tags(sample_project)] == [
        "产业发展",
        "民生",
        "党建",
        "城市更新",
    ]


def test_delete_asks_with_count_and_undo_restores(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    text = window.text_view.content.text
    start = text.index("党的二十大")
    party = window.tags[2].id
    document_id = window.documents.document_id
    window.session.run(
        CreateAnnotations(
            (
                AnnotationSpec(document_id, party, start, start + 2),
                AnnotationSpec(document_id, party, start + 3, start + 6),
            )
        ),
        "two",
    )
    questions = []

    def answer(parent, title, text, *args):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.codebook.delete_tag(party)
    assert "2" in questions[0] and "党建" in questions[0]
    qtbot.waitUntil(lambda: len(window.tags) == 3)
    assert window.annotation_list.table_model.rowCount() == 0
    window.session.close()
    assert [tag.name for tag in stored_tags(sample_project)] == ["产业发展", "民生", "城市更新"]

    window = open_window(sample_project)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(window.tags) == 4)
    assert window.annotation_list.table_model.rowCount() == 2
    window.session.close()
    tags = stored_tags(sample_project)
    assert [(tag.name, tag.usage) for tag in tags][2] == ("党建", 2)


def test_a_tag_cannot_take_a_window_command_key(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    fill_dialog(monkeypatch, name="新标签", shortcut="Ctrl+Z")
    window.tag_panel.new_button.click()
    assert len(window.tags) == 4
    assert warnings and "Ctrl+Z" in warnings[0]
