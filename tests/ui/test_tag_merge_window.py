"""Merging, splitting and dragging tags in the tag panel of a real window; each checked on
the reopened project file."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog

from app.editing.commands import AnnotationSpec, CreateAnnotations
from tests.ui.conftest import reopen
from ui.dialogs.tag_merge import TagMergeDialog, TagSplitDialog
from ui.panels.tag_panel import TAG_MIME_TYPE, tag_mime_data


def stored(path):
    """The reopened project's tags by name, and its annotations as (tag name, note)."""
    project = reopen(path)
    try:
        tags = {tag.name: tag for tag in project.tags()}
        names = {tag.id: tag.name for tag in tags.values()}
        annotations = [
            (names[a.tag_id], a.start, a.note)
            for document in project.documents()
            for a in project.annotations(document.id)
        ]
        return tags, sorted(annotations)
    finally:
        project.close()


def tag_named(window, name):
    return next(tag for tag in window.tags if tag.name == name)


def choose_from_context_menu(window, tag_id, choice):
    """Choose ``choice`` from the menu a right-click on the tag in the panel opens."""
    point = centre_of(window, tag_id)
    menu = window.tag_panel.menu_at(point)
    next(action for action in menu.actions() if action.text() == choice).trigger()


def annotate(window, *specs):
    window.session.run(CreateAnnotations(specs), "标注")


def test_merge_from_the_context_menu_and_undo(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    document = window.documents.document_id
    source, target = tag_named(window, "民生").id, tag_named(window, "党建").id
    annotate(
        window,
        AnnotationSpec(document, source, 10, 20, note="甲"),
        AnnotationSpec(document, target, 10, 20, note="乙"),
        AnnotationSpec(document, source, 30, 40, note="丙"),
    )
    offered = []

    def merge_into_party(dialog):
        offered.extend(
            dialog.targets.item(row).text().strip() for row in range(dialog.targets.count())
        )
        dialog.choose(target)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TagMergeDialog, "exec", merge_into_party)
    choose_from_context_menu(window, source, "Merge Into…")
    qtbot.waitUntil(lambda: all(tag.id != source for tag in window.tags))
    assert offered == ["产业发展", "党建", "城市更新"]
    assert window.undo_action.text() == "&Undo Merge Tag “民生” into “党建”"
    window.session.close()
    tags, annotations = stored(sample_project)
    assert "民生" not in tags
    assert annotations == [("党建", 10, "乙 / 甲"), ("党建", 30, "丙")]

    window = open_window(sample_project)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: any(tag.id == source for tag in window.tags))
    window.session.close()
    tags, annotations = stored(sample_project)
    assert (tags["民生"].id, tags["民生"].usage) == (source, 2)
    assert annotations == [("党建", 10, "乙"), ("民生", 10, "甲"), ("民生", 30, "丙")]


def test_split_moves_the_ticked_annotations_to_a_new_tag(
    qtbot, open_window, sample_project, monkeypatch
):
    window = open_window(sample_project)
    document = window.documents.document_id
    title = next(d.title for d in window.session.project.documents() if d.id == document)
    source = tag_named(window, "民生").id
    text = window.text_view.content.text
    annotate(
        window,
        AnnotationSpec(document, source, 10, 20, note="甲"),
        AnnotationSpec(document, source, 30, 40),
        AnnotationSpec(document, source, 50, 60, note="丙"),
    )
    shown = []

    def split_two(dialog):
        for row in range(dialog.table.rowCount()):
            shown.append(tuple(dialog.table.item(row, column).text() for column in range(4)))
        dialog.tick({a.id for a in window.session.project.annotations(document) if a.note})
        dialog.name_edit.setText("民生 保障")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(TagSplitDialog, "exec", split_two)
    choose_from_context_menu(window, source, "Split…")
    qtbot.waitUntil(lambda: any(tag.name == "民生 保障" for tag in window.tags))
    assert [row[1] for row in shown] == [" ".join(text[a : a + 10].split()) for a in (10, 30, 50)]
    assert [(row[2], row[3]) for row in shown] == [
        ("tester", "甲"),
        ("tester", ""),
        ("tester", "丙"),
    ]
    assert {row[0] for row in shown} == {title}
    window.session.close()
    tags, annotations = stored(sample_project)
    assert tags["民生 保障"].parent_id is None and tags["民生 保障"].usage == 2
    assert annotations == [("民生", 30, ""), ("民生 保障", 10, "甲"), ("民生 保障", 50, "丙")]


def drop(window, tag_id, point: QPoint):
    """Drop the tag at ``point`` of the tag tree as a drag from the panel does; whether the
    drop was taken."""
    data = tag_mime_data(tag_id)  # kept while the event lives: the event does not own it
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.tag_panel.tree.dropEvent(event)
    return event.isAccepted()


def centre_of(window, tag_id) -> QPoint:
    tree = window.tag_panel.tree
    return tree.visualItemRect(window.tag_panel.item_for(tag_id)).center()


def parents(path):
    tags, _ = stored(path)
    names = {tag.id: name for name, tag in tags.items()}
    return {name: names.get(tag.parent_id) for name, tag in tags.items()}, list(tags)


def test_dragging_a_tag_nests_reorders_and_lifts_it(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    tree = window.tag_panel.tree
    welfare, city = tag_named(window, "民生").id, tag_named(window, "城市更新").id
    party = tag_named(window, "党建").id

    assert drop(window, city, centre_of(window, welfare))
    qtbot.waitUntil(lambda: tag_named(window, "城市更新").parent_id == welfare)
    assert window.tag_panel.item_for(city).parent() is window.tag_panel.item_for(welfare)
    assert window.undo_action.text() == "&Undo Move Tag “城市更新”"

    # A tag cannot go under its own child: refused while dragging and on the drop.
    data = tag_mime_data(welfare)
    move = QDragMoveEvent(
        centre_of(window, city),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dragMoveEvent(move)
    assert not move.isAccepted()
    assert not drop(window, welfare, centre_of(window, city))

    # Just above the first tag: first in the order.
    first = tree.visualItemRect(tree.topLevelItem(0))
    drop(window, party, QPoint(first.center().x(), first.top() + 1))
    qtbot.waitUntil(lambda: window.tags[0].id == party)
    window.session.close()
    found, order = parents(sample_project)
    assert found["城市更新"] == "民生"
    assert order[:2] == ["党建", "产业发展"]

    window = open_window(sample_project)
    tree = window.tag_panel.tree
    empty = QPoint(5, tree.viewport().height() - 3)
    assert tree.itemAt(empty) is None
    drop(window, city, empty)
    qtbot.waitUntil(lambda: tag_named(window, "城市更新").parent_id is None)
    window.session.close()
    found, order = parents(sample_project)
    assert found["城市更新"] is None and order[-1] == "城市更新"

    window = open_window(sample_project)
    window.undo_action.trigger()  # one drop, one step
    qtbot.waitUntil(lambda: tag_named(window, "城市更新").parent_id == welfare)
    window.session.close()
    assert parents(sample_project)[0]["城市更新"] == "民生"


def test_pressing_and_moving_on_a_tag_drags_it(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    tree = window.tag_panel.tree
    city = tag_named(window, "城市更新").id
    dragged = []

    def exec_drag(drag, *args):
        dragged.append(bytes(drag.mimeData().data(TAG_MIME_TYPE).data()).decode())
        return Qt.DropAction.MoveAction

    monkeypatch.setattr(QDrag, "exec", exec_drag)
    start = centre_of(window, city)
    qtbot.mousePress(tree.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(tree.viewport(), start + QPoint(0, 40))
    qtbot.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(0, 40))
    assert dragged == [str(city)]


def test_a_cancelled_merge_changes_nothing(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)
    source = tag_named(window, "民生").id
    monkeypatch.setattr(TagMergeDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    choose_from_context_menu(window, source, "Merge Into…")
    window.session.close()
    tags, _ = stored(sample_project)
    assert list(tags) == ["产业发展", "民生", "党建", "城市更新"]
