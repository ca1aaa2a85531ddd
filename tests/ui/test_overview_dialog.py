"""Tools ▸ Corpus Overview: the heat map counts what is stored, and a cell lists its passages."""

from collections import Counter

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from app.turns import content_span
from tests.ui.test_passages_panel import coded_sample


def add_overlap(path):
    """党建 over the start of the first answer, which is tagged 产业发展."""
    project = Project.open(path, create=False)
    tags = {tag.name: tag.id for tag in project.tags()}
    document = project.documents()[0].id
    answer = next(t for t in project.document(document).turns if t.kind == "answer")
    start, _end = content_span(answer)
    project.execute(CreateAnnotations((AnnotationSpec(document, tags["党建"], start, start + 4),)))
    project.close()


def test_heat_map_counts_and_opens_the_passages(qtbot, open_window, sample_project):
    coded_sample(sample_project)
    add_overlap(sample_project)
    window = open_window(sample_project)
    window.findChild(QAction, "overviewAction").trigger()
    dialog = window.findChild(QDialog, "overviewDialog")
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    project = window.session.project
    tags = {tag.id: tag.name for tag in project.tags()}
    documents = project.documents()
    counted = Counter(
        (tags[a.tag_id], document.id)
        for document in documents
        for a in project.annotations(document.id)
    )
    matrix = dialog.matrix
    for row in range(matrix.rowCount()):
        tag = matrix.verticalHeaderItem(row).text()
        for column, document in enumerate(documents):
            shown = matrix.item(row, column).text()
            assert shown == (
                str(counted[(tag, document.id)]) if counted[(tag, document.id)] else ""
            )
    pairs = [
        tuple(dialog.pairs.item(row, column).text() for column in range(4))
        for row in range(dialog.pairs.rowCount())
    ]
    assert ("产业发展", "党建", "1", "1") in pairs  # one overlap, in one turn
    assert "2 not started" in dialog.status.text()

    tag_row = next(
        r for r in range(matrix.rowCount()) if matrix.verticalHeaderItem(r).text() == "民生"
    )
    dialog.matrix.cellClicked.emit(tag_row, 0)
    panel = window.passages_panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.tag_filter.currentData() == "民生"
    assert panel.scope_label.isVisible()
    assert f"#{documents[0].id}" in panel.scope_label.text()
    assert panel.table.rowCount() == counted[("民生", documents[0].id)]
    assert {panel.table.item(r, 0).text() for r in range(panel.table.rowCount())} == {
        documents[0].title
    }
    panel.scope_clear.click()
    qtbot.waitUntil(lambda: not panel.scope_label.isVisible())
    assert panel.table.rowCount() == sum(n for (tag, _d), n in counted.items() if tag == "民生")
    dialog.close()
