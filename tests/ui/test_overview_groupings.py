"""Corpus Overview: columns grouped by outlet and month, a grouped cell's passages, and
the Coverage and Progress page, all against what is stored."""

from collections import Counter
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from app.editing.document_commands import UpdateDocument
from app.project import Project
from app.statistics.matrix import tag_matrix
from app.team.assignments import assign, mark
from tests.ui.test_passages_panel import coded_sample

OUTLETS = ("青岛日报", "西海岸报")


def describe(path) -> None:
    """Alternate two outlets over the interviews; date the first two in May 2023; give
    the last interview to 王编辑 and mark the first done for 赵编辑."""
    project = Project.open(path, create=False)
    documents = project.documents()
    for number, document in enumerate(documents):
        values: dict[str, object] = {"outlet": OUTLETS[number % 2]}
        if number < 2:
            values["published_on"] = date(2023, 5, 10 + number)
        project.execute(UpdateDocument(document.id, values))
    project.execute(assign((documents[-1].id,), ("王编辑",)))
    project.execute(mark(documents[0].id, "赵编辑", done=True))
    project.close()


def open_overview(qtbot, window) -> QDialog:
    window.findChild(QAction, "overviewAction").trigger()
    dialog = window.findChild(QDialog, "overviewDialog")
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    return dialog


def test_columns_by_outlet_and_month_list_their_passages(qtbot, open_window, sample_project):
    coded_sample(sample_project)
    describe(sample_project)
    window = open_window(sample_project)
    dialog = open_overview(qtbot, window)
    project = window.session.project
    tags = {tag.id: tag.name for tag in project.tags()}
    outlet_of = {d.id: project.document(d.id).meta.outlet for d in project.documents()}
    counted = Counter(
        (tags[a.tag_id], outlet_of[document])
        for document in outlet_of
        for a in project.annotations(document)
    )

    dialog.columns.setCurrentIndex(2)  # outlets
    matrix = dialog.matrix
    headers = [matrix.horizontalHeaderItem(c).text() for c in range(matrix.columnCount())]
    assert headers == sorted(OUTLETS)
    for row in range(matrix.rowCount()):
        tag = matrix.verticalHeaderItem(row).text()
        for column, outlet in enumerate(headers):
            expected = counted[(tag, outlet)]
            assert matrix.item(row, column).text() == (str(expected) if expected else "")
    assert dialog.shown["matrix"].headers[1:] == tuple(sorted(OUTLETS))

    row = next(r for r in range(matrix.rowCount()) if matrix.verticalHeaderItem(r).text() == "民生")
    column = headers.index("西海岸报")
    matrix.cellClicked.emit(row, column)
    panel = window.passages_panel
    qtbot.waitUntil(panel.isVisible)
    assert "西海岸报" in panel.scope_label.text()
    assert panel.table.rowCount() == counted[("民生", "西海岸报")]
    titles = {d.title for d in project.documents() if outlet_of[d.id] == "西海岸报"}
    assert {panel.table.item(r, 0).text() for r in range(panel.table.rowCount())} <= titles

    # 王编辑 was given an interview and has annotated nothing yet.
    panel.annotator_filter.setCurrentIndex(panel.annotator_filter.findData("王编辑"))
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0)
    panel.annotator_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: panel.table.rowCount() == counted[("民生", "西海岸报")])

    dialog.columns.setCurrentIndex(4)  # months
    months = [matrix.horizontalHeaderItem(c).text() for c in range(matrix.columnCount())]
    stored = tag_matrix(project)
    assert months == [value or "(undated)" for value in stored.values("month")]
    assert "2023-05" in months
    may = stored.group_cell("month", next(i for i, n in tags.items() if n == "民生"), "2023-05")
    assert may.annotations > 0
    assert matrix.item(row, months.index("2023-05")).text() == str(may.annotations)
    dialog.close()


def test_coverage_and_each_annotators_progress(qtbot, open_window, sample_project, tmp_path):
    coded_sample(sample_project)
    describe(sample_project)
    window = open_window(sample_project)
    dialog = open_overview(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.progress)
    page = dialog.progress
    project = window.session.project
    stored = tag_matrix(project)
    assert page.coverage.rowCount() == len(stored.documents)
    for row, document in enumerate(stored.documents):
        cell = stored.coverage[document.id]
        assert page.coverage.item(row, 0).text() == f"#{document.id} {document.title}"
        assert page.coverage.item(row, 3).text() == f"{cell.answer_characters:,}"
        assert page.coverage.item(row, 4).text() == f"{cell.answer_share:.0%}"
    work = {
        page.work.item(r, 0).text(): [page.work.item(r, c).text() for c in range(1, 5)]
        for r in range(page.work.rowCount())
    }
    total = len(stored.documents)
    (coder,) = {a.annotator for d in stored.documents for a in project.annotations(d.id)}
    assert work[coder] == ["0", str(total), "0", "0"]
    assert work["王编辑"] == ["0", "0", "1", str(total - 1)]
    assert work["赵编辑"] == ["1", "0", "0", str(total - 1)]
    assert not page.work_empty.isVisible()

    page.coverage.cellDoubleClicked.emit(1, 0)
    qtbot.waitUntil(lambda: window.text_view.content.meta.id == stored.documents[1].id)

    target = tmp_path / "work.csv"
    assert dialog.export_to("work", target)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[:2] == ["Annotator", "Done"]
    assert f"王编辑,0,0,1,{total - 1},0.0" in lines
    dialog.close()


def test_the_passages_filter_by_outlet_series_status_and_dates(qtbot, open_window, sample_project):
    coded_sample(sample_project)
    describe(sample_project)
    window = open_window(sample_project)
    window.findChild(QAction, "passagesAction").trigger()
    panel = window.passages_panel
    qtbot.waitUntil(panel.isVisible)
    project = window.session.project
    documents = {d.id: project.document(d.id).meta for d in project.documents()}
    counts = {d: len(project.annotations(d)) for d in documents}
    everything = sum(counts.values())
    qtbot.waitUntil(lambda: panel.table.rowCount() == min(everything, 200))

    panel.outlet_filter.setCurrentIndex(panel.outlet_filter.findData("青岛日报"))
    expected = sum(n for d, n in counts.items() if documents[d].outlet == "青岛日报")
    qtbot.waitUntil(lambda: panel.table.rowCount() == expected)
    panel.outlet_filter.setCurrentIndex(0)

    dated = [d for d, meta in documents.items() if meta.published_on == date(2023, 5, 10)]
    panel.from_date.setDate(QDate(2023, 5, 10))
    panel.to_date.setDate(QDate(2023, 5, 10))
    panel.to_date.editingFinished.emit()
    qtbot.waitUntil(lambda: panel.table.rowCount() == sum(counts[d] for d in dated))

    panel.status_filter.setCurrentIndex(3)  # done: none of the interviews is
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0)
    assert panel.summary.text().startswith("0 of 0")
