"""Corpus Overview ▸ Over Time: a line per tag by month of publication, exported as
PNG and SVG."""

import xml.etree.ElementTree as ElementTree
from datetime import date

from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QDialog, QFileDialog

from app.editing.document_commands import UpdateDocument
from app.project import Project
from tests.ui.test_passages_panel import coded_sample


def date_two(path) -> int:
    """Give the first two interviews dates two months apart; returns the interview count."""
    project = Project.open(path, create=False)
    documents = project.documents()
    project.execute(UpdateDocument(documents[0].id, {"published_on": date(2023, 1, 10)}))
    project.execute(UpdateDocument(documents[1].id, {"published_on": date(2023, 3, 5)}))
    project.close()
    return len(documents)


def has_color(image: QImage, color: QColor) -> bool:
    wanted = color.rgb()
    return any(
        image.pixel(x, y) == wanted for y in range(image.height()) for x in range(image.width())
    )


def test_over_time_tab_exports_png_and_svg(
    qtbot, open_window, sample_project, tmp_path, monkeypatch
):
    coded_sample(sample_project)
    count = date_two(sample_project)
    window = open_window(sample_project)
    window.findChild(QAction, "overviewAction").trigger()
    dialog = window.findChild(QDialog, "overviewDialog")
    page = dialog.timeline
    qtbot.waitUntil(lambda: page.chart.timeline is not None, timeout=10_000)
    dialog.tabs.setCurrentWidget(page)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Over Time"
    timeline = page.chart.timeline
    assert timeline.months == ("2023-01", "2023-02", "2023-03")
    assert timeline.undated == count - 2
    assert f"left out: {count - 2}" in page.note.text()
    shown = page.chart.shown_tags()
    assert {tag.name for tag in shown} == {"产业发展", "民生"}

    png, svg = tmp_path / "chart.png", tmp_path / "chart"
    answers = iter([(str(png), ""), (str(svg), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: next(answers))
    page.export_png.click()
    page.export_svg.click()

    image = QImage(str(png))
    assert not image.isNull()
    assert has_color(image, QColor(shown[0].color))
    root = ElementTree.parse(tmp_path / "chart.svg").getroot()
    drawn = [
        element for element in root.iter() if element.tag.split("}")[-1] in ("path", "polyline")
    ]
    assert drawn
    assert "chart.svg" in page.note.text()
    dialog.close()
