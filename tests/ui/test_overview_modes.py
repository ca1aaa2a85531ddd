"""Tools ▸ Corpus Overview: row percentages, skewed pairs marked, tables copied and exported."""

import csv

from openpyxl import load_workbook
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from app.turns import content_span
from tests.ui.test_overview_dialog import add_overlap
from tests.ui.test_passages_panel import coded_sample


def every_turn_industry(path):
    """产业发展 on two characters of every question and answer."""
    project = Project.open(path, create=False)
    tag = next(tag.id for tag in project.tags() if tag.name == "产业发展")
    specs = []
    for document in project.documents():
        for turn in project.document(document.id).turns:
            start, end = content_span(turn)
            if turn.kind in ("question", "answer") and end - start > 2:
                specs.append(AnnotationSpec(document.id, tag, end - 2, end))
    project.execute(CreateAnnotations(tuple(specs)))
    project.close()


def open_overview(qtbot, open_window, sample_project):
    coded_sample(sample_project)
    add_overlap(sample_project)  # 党建 in one turn
    every_turn_industry(sample_project)  # 产业发展 in every turn
    window = open_window(sample_project)
    window.findChild(QAction, "overviewAction").trigger()
    dialog = window.findChild(QDialog, "overviewDialog")
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    return dialog


def test_row_percentages_and_skew_marks(qtbot, open_window, sample_project):
    dialog = open_overview(qtbot, open_window, sample_project)
    matrix = dialog.data.matrix
    row = next(index for index, tag in enumerate(matrix.tags) if tag.name == "民生")
    counts = [matrix.cell(matrix.tags[row].id, d.id).annotations for d in matrix.documents]
    empty = next(
        index
        for index, tag in enumerate(matrix.tags)
        if tag.name not in ("民生", "产业发展", "党建")
    )
    dialog.mode.setCurrentIndex(1)
    assert dialog.matrix.item(row, 0).text() == f"{counts[0] * 100 / sum(counts):.1f}%"
    assert dialog.matrix.item(empty, 0).text() == "—"
    dialog.mode.setCurrentIndex(0)
    assert dialog.matrix.item(row, 0).text() == str(counts[0])

    pairs = dialog.pairs
    row = next(
        r
        for r in range(pairs.rowCount())
        if {pairs.item(r, 0).text(), pairs.item(r, 1).text()} == {"产业发展", "党建"}
    )
    cell = pairs.item(row, 4)
    assert cell.text().startswith("⚠ ")
    assert "c-coefficient misleads" in cell.toolTip()
    assert "党建 in 1" in cell.toolTip()
    plain = [r for r in range(pairs.rowCount()) if not pairs.item(r, 4).text().startswith("⚠")]
    for r in plain:
        assert pairs.item(r, 4).toolTip() == ""
    dialog.close()


def test_copy_and_export_the_table_shown(qtbot, open_window, sample_project, tmp_path, monkeypatch):
    dialog = open_overview(qtbot, open_window, sample_project)
    dialog.mode.setCurrentIndex(2)  # column percentages
    shown_cell = dialog.matrix.item(0, 0).text()
    target = tmp_path / "matrix.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "CSV (*.csv)")
    )
    dialog.findChild(QPushButton, "overviewExport_matrix").click()
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][0] == "Tag" and len(rows) == dialog.matrix.rowCount() + 1
    assert rows[1][0] == dialog.matrix.verticalHeaderItem(0).text()
    assert f"{rows[1][1]}%" == shown_cell or rows[1][1] == shown_cell == "—"

    workbook = tmp_path / "pairs"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(workbook), "Excel workbook (*.xlsx)"),
    )
    dialog.findChild(QPushButton, "overviewExport_pairs").click()
    sheet = load_workbook(workbook.with_suffix(".xlsx")).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == dialog.pairs.rowCount() + 1
    marked = [row for row in values[1:] if row[5] == "⚠"]
    assert marked and all(isinstance(row[2], int) for row in values[1:])

    dialog.findChild(QPushButton, "overviewCopy_matrix").click()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[1].split("\t")[0] == dialog.matrix.verticalHeaderItem(0).text()
    dialog.close()
