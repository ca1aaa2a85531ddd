"""Archiving a tag from the tag panel: its annotations stay, it is offered no more for
tagging (panel, Tags menu, shortcut, suggestions), and it comes back; checked on the
reopened file."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.suggestions.engine import pending_suggestions
from tests.ui.conftest import reopen


def stored(path, name):
    project = reopen(path)
    try:
        tag = next(tag for tag in project.tags() if tag.name == name)
        return tag.archived, tag.usage
    finally:
        project.close()


def panel_names(window) -> list[str]:
    return [item.text(0) for item in window.tag_panel._all_items()]


def test_an_archived_tag_keeps_its_annotations_and_is_offered_no_more(
    qtbot, open_window, sample_project
):
    window = open_window(sample_project)
    project = window.session.project
    tag = next(t for t in window.tags if t.name == "民生")
    document = window.documents.document_id
    project.execute(CreateAnnotations((AnnotationSpec(document, tag.id, 10, 20),)))
    assert any(s.tag_id == tag.id for s in pending_suggestions(project, [document]))
    window.codebook.archive_tag(tag.id, True)
    qtbot.waitUntil(lambda: "民生" not in panel_names(window))
    assert stored(sample_project, "民生") == (True, 1)
    menu_names = [a.text() for a in window.tags_menu.actions() if a.text()]
    assert "民生" not in menu_names
    assert window.findChild(QAction, f"tagAction{tag.id}") is None
    assert all(s.tag_id != tag.id for s in pending_suggestions(project, [document]))
    # The annotation stays, highlighted as before.
    assert any(a.tag_id == tag.id for a in project.annotations(document))

    window.tag_panel.set_show_archived(True)
    item = window.tag_panel.item_for(tag.id)
    assert item is not None and item.isDisabled() and item.font(0).italic()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: not window.tag_panel.item_for(tag.id).isDisabled())
    assert stored(sample_project, "民生") == (False, 1)
    window.redo_action.trigger()
    window.codebook.archive_tag(tag.id, False)
    qtbot.waitUntil(
        lambda: f"tagAction{tag.id}" in {a.objectName() for a in window.tags_menu.actions()}
    )
    assert stored(sample_project, "民生") == (False, 1)
    assert window.findChild(QAction, f"tagAction{tag.id}").shortcut().toString() == tag.shortcut
    assert Qt.ItemFlag.ItemIsEnabled in window.tag_panel.item_for(tag.id).flags()
