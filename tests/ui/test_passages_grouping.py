"""Coded Passages grouped by interview or by tag, and written as an Excel workbook."""

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from tests.ui.test_passages_panel import coded_sample


def open_panel(qtbot, open_window, sample_project):
    coded_sample(sample_project)
    window = open_window(sample_project)
    window.findChild(QAction, "passagesAction").trigger()
    panel = window.passages_panel
    qtbot.waitUntil(panel.isVisible)
    return window, panel


def shown(panel) -> list[tuple[str, ...]]:
    """Each table row: a heading as ("heading", text), a passage as its four cells."""
    rows: list[tuple[str, ...]] = []
    for row in range(panel.table.rowCount()):
        first = panel.table.item(row, 0)
        if panel.table.columnSpan(row, 0) > 1:
            assert not first.flags() & Qt.ItemFlag.ItemIsSelectable
            rows.append(("heading", first.text()))
        else:
            rows.append(tuple(panel.table.item(row, column).text() for column in range(4)))
    return rows


def test_grouping_by_tag_puts_a_heading_before_each_tag(qtbot, open_window, sample_project):
    window, panel = open_panel(qtbot, open_window, sample_project)
    plain = shown(panel)
    assert plain and all(row[0] != "heading" for row in plain)
    panel.group_by.setCurrentIndex(2)  # by tag
    grouped = shown(panel)
    headings = [row[1] for row in grouped if row[0] == "heading"]
    names = [tag.name for tag in window.session.project.tags()]
    used = [name for name in names if any(row[2] == name for row in plain)]
    counts = {name: sum(row[2] == name for row in plain) for name in used}
    assert headings == [f"{name} ({counts[name]})" for name in used]
    assert sorted(row for row in grouped if row[0] != "heading") == sorted(plain)
    current = None
    for row in grouped:
        if row[0] == "heading":
            current = row[1].rsplit(" (", 1)[0]
        else:
            assert row[2] == current

    panel.open_row(0)  # a heading: nothing happens
    last = len(grouped) - 1
    panel.open_row(last)
    assert window.text_view.textCursor().selectedText() == grouped[last][3]

    panel.group_by.setCurrentIndex(1)  # by interview
    titles = [row[1] for row in shown(panel) if row[0] == "heading"]
    documents = [document.title for document in window.session.project.documents()]
    assert [title.rsplit(" (", 1)[0] for title in titles] == [
        title for title in documents if any(row[0] == title for row in plain)
    ]
    panel.group_by.setCurrentIndex(0)
    assert shown(panel) == plain


def test_export_offers_excel_and_writes_the_grouping(
    qtbot, open_window, sample_project, tmp_path, monkeypatch
):
    _window, panel = open_panel(qtbot, open_window, sample_project)
    panel.group_by.setCurrentIndex(2)
    offered = []

    def save_as(parent, caption, folder, filters):
        offered.append(filters)
        return str(tmp_path / "passages"), "Excel (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    panel.export_button.click()
    assert offered == ["CSV (*.csv);;Excel (*.xlsx);;Web page (*.html)"]
    target = tmp_path / "passages.xlsx"
    assert target.exists()
    workbook = load_workbook(target)
    rows = [tuple(cell.value for cell in row) for row in workbook.active.iter_rows()]
    workbook.close()
    assert rows[0][:5] == ("document_id", "document_title", "start", "end", "tag")
    grouped = shown(panel)
    assert [row[0] for row in rows[1:] if row[1] is None] == [
        row[1] for row in grouped if row[0] == "heading"
    ]
    written = [" ".join(row[8].split()) for row in rows[1:] if row[1] is not None]
    assert sorted(written) == sorted(row[3] for row in grouped if row[0] != "heading")
