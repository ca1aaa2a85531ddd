"""View ▸ Coded Passages: filter the annotations, open one in the text, write the list."""

import csv

from PySide6.QtGui import QAction

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from app.turns import content_span


def coded_sample(path):
    """The sample project with each answer tagged, alternately 产业发展 and 民生."""
    project = Project.open(path, create=False)
    tags = {tag.name: tag.id for tag in project.tags()}
    specs = []
    for document in project.documents():
        content = project.document(document.id)
        answers = [turn for turn in content.turns if turn.kind == "answer"]
        for number, turn in enumerate(answers):
            start, _end = content_span(turn)
            name = "民生" if number % 2 else "产业发展"
            specs.append(AnnotationSpec(document.id, tags[name], start, start + 12))
        question = next(turn for turn in content.turns if turn.kind == "question")
        start, _end = content_span(question)
        specs.append(AnnotationSpec(document.id, tags["民生"], start, start + 6))
    project.execute(CreateAnnotations(tuple(specs)))
    project.close()


def test_filter_open_and_export_the_coded_passages(qtbot, open_window, sample_project, tmp_path):
    coded_sample(sample_project)
    window = open_window(sample_project)
    window.findChild(QAction, "passagesAction").trigger()
    panel = window.passages_panel
    qtbot.waitUntil(panel.isVisible)
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("民生"))
    panel.kind_filter.setCurrentIndex(1)  # answers only
    project = window.session.project
    expected = []
    for document in project.documents():
        content = project.document(document.id)
        for annotation in project.annotations(document.id):
            turn = next(t for t in content.turns if t.start <= annotation.start < t.end)
            tag = next(t.name for t in project.tags() if t.id == annotation.tag_id)
            if tag == "民生" and turn.kind == "answer":
                expected.append((document.title, annotation.text))
    shown = [
        (panel.table.item(row, 0).text(), panel.table.item(row, 3).text())
        for row in range(panel.table.rowCount())
    ]
    assert shown == expected and expected
    assert panel.summary.text().startswith(f"{len(expected)} of {len(expected)}")

    last = panel.table.rowCount() - 1
    panel.open_row(last)
    assert window.text_view.textCursor().selectedText() == expected[last][1]

    target = tmp_path / "passages.csv"
    assert panel.export_to(target) == len(expected)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["document_title"], row["text"]) for row in rows] == expected
    assert {row["tag"] for row in rows} == {"民生"} and {row["kind"] for row in rows} == {"answer"}


def test_the_list_follows_a_new_annotation(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    window.findChild(QAction, "passagesAction").trigger()
    panel = window.passages_panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.table.rowCount() == 0
    project = window.session.project
    document = project.documents()[0].id
    content = project.document(document)
    answer = next(turn for turn in content.turns if turn.kind == "answer")
    start, _end = content_span(answer)
    tag = project.tags()[0]
    window.session.run(
        CreateAnnotations((AnnotationSpec(document, tag.id, start, start + 5),)), "tag"
    )
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    assert panel.table.item(0, 2).text() == tag.name
