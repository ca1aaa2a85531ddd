"""Two windows (or programs) on one project: each sees what the other saved."""

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from tests.ui.conftest import reopen


def test_changes_saved_elsewhere_appear_without_losing_any(qtbot, open_window, sample_project):
    first = open_window(sample_project)
    second = open_window(sample_project)
    for window in (first, second):
        window.other_writers.timer.setInterval(50)
    document_id = first.documents.document_id
    second.session.run(CreateTag(TagSpec("口袋公园", "#9467bd", "5")), "tag")
    second.session.run(
        CreateAnnotations((AnnotationSpec(document_id, second.tags[0].id, 100, 110),)), "a"
    )
    qtbot.waitUntil(lambda: first.annotation_list.table_model.rowCount() == 1, timeout=5000)
    assert "口袋公园" in [tag.name for tag in first.tags]
    assert first.document_list.table.document_at(0).annotation_count == 1

    first.session.run(
        CreateAnnotations((AnnotationSpec(document_id, first.tags[1].id, 200, 210),)), "b"
    )
    qtbot.waitUntil(lambda: second.annotation_list.table_model.rowCount() == 2, timeout=5000)
    first.session.close()
    second.session.close()
    project = reopen(sample_project)
    try:
        spans = sorted((a.start, a.end) for a in project.annotations(document_id))
    finally:
        project.close()
    assert spans == [(100, 110), (200, 210)]


def test_own_actions_do_not_trigger_a_reload(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    window.other_writers.timer.setInterval(20)
    reloads = []
    window.views.reloaded.connect(lambda: reloads.append(1))
    document_id = window.documents.document_id
    for start in range(0, 50, 10):
        window.session.run(
            CreateAnnotations((AnnotationSpec(document_id, window.tags[0].id, start, start + 5),)),
            "mine",
        )
    ticks = []
    window.other_writers.timer.timeout.connect(lambda: ticks.append(1))
    qtbot.waitUntil(lambda: len(ticks) >= 5)
    assert reloads == []
