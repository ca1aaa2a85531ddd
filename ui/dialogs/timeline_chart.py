"""The Corpus Overview's "Over Time" tab: annotations per tag per month of publication
as a line chart painted by hand, with a legend, a note on undated interviews and
export to PNG or SVG."""

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.statistics.timeline import Timeline, TimelineTag

BACKGROUND = QColor("#ffffff")
_AXIS = QColor("#555555")
_GRID = QColor("#e4e4e4")
_MARGIN = 12
_LEGEND_SWATCH = 14


def _ticks(top: int) -> list[int]:
    """Up to about five whole-number steps from 0 to at least ``top``."""
    step = max(1, math.ceil(top / 5))
    return list(range(0, top + step, step))


class TimelineChart(QWidget):
    """Paints a Timeline: one line per tag with annotations, in the tag's colour."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("timelineChart")
        self.timeline: Timeline | None = None
        self.setMinimumSize(420, 260)

    def set_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.update()

    def shown_tags(self) -> list[TimelineTag]:
        timeline = self.timeline
        if timeline is None:
            return []
        return [tag for tag in timeline.tags if any(timeline.counts[tag.id])]

    def sizeHint(self) -> QSize:
        return QSize(900, 420)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def paint(self, painter: QPainter, area: QRectF) -> None:
        """Draw the chart into ``area`` of any paint device."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(area, BACKGROUND)
        timeline, tags = self.timeline, self.shown_tags()
        metrics = QFontMetrics(painter.font())
        if timeline is None or not timeline.months or not tags:
            painter.setPen(_AXIS)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No dated annotations"))
            return
        months = timeline.months
        top = max(max(timeline.counts[tag.id]) for tag in tags)
        ticks = _ticks(top)
        legend_width = (
            max(metrics.horizontalAdvance(tag.name) for tag in tags)
            + _LEGEND_SWATCH
            + 6
            + 3 * _MARGIN
        )
        left = area.left() + metrics.horizontalAdvance(str(ticks[-1])) + 2 * _MARGIN
        right = area.right() - legend_width - _MARGIN
        plot = QRectF(
            QPointF(left, area.top() + _MARGIN + metrics.height() / 2),
            QPointF(right, area.bottom() - 2 * metrics.height() - _MARGIN),
        )

        def x_of(index: int) -> float:
            if len(months) == 1:
                return plot.center().x()
            return plot.left() + plot.width() * index / (len(months) - 1)

        def y_of(value: int) -> float:
            return plot.bottom() - plot.height() * value / ticks[-1]

        for value in ticks:
            y = y_of(value)
            painter.setPen(QPen(_GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(_AXIS)
            label = QRectF(
                area.left(), y - metrics.height() / 2, left - area.left() - 6, metrics.height()
            )
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
            )
        painter.setPen(QPen(_AXIS, 1.5))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        label_width = metrics.horizontalAdvance("0000-00") + _MARGIN
        room = plot.width() / max(1, len(months) - 1) if len(months) > 1 else plot.width()
        every = max(1, math.ceil(label_width / max(room, 1.0)))
        for index, month in enumerate(months):
            x = x_of(index)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            if index % every == 0:
                box = QRectF(x - label_width / 2, plot.bottom() + 6, label_width, metrics.height())
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, month)
        for tag in tags:
            path = QPainterPath()
            for index, value in enumerate(timeline.counts[tag.id]):
                point = QPointF(x_of(index), y_of(value))
                if index:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
            color = QColor(tag.color)
            painter.setPen(QPen(color, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(color)
            for index, value in enumerate(timeline.counts[tag.id]):
                painter.drawEllipse(QPointF(x_of(index), y_of(value)), 3.0, 3.0)
        x = right + 2 * _MARGIN
        for row, tag in enumerate(tags):
            y = plot.top() + row * (metrics.height() + 6)
            painter.fillRect(QRectF(x, y, _LEGEND_SWATCH, _LEGEND_SWATCH), QColor(tag.color))
            painter.setPen(_AXIS)
            painter.drawText(QPointF(x + _LEGEND_SWATCH + 6, y + metrics.ascent()), tag.name)

    def image(self) -> QImage:
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(BACKGROUND)
        painter = QPainter(image)
        try:
            self.paint(painter, QRectF(image.rect()))
        finally:
            painter.end()
        return image

    def write_png(self, target: Path) -> bool:
        return self.image().save(str(target))

    def write_svg(self, target: Path, title: str) -> bool:
        generator = QSvgGenerator()
        generator.setFileName(str(target))
        generator.setSize(self.size())
        generator.setViewBox(QRect(0, 0, self.width(), self.height()))
        generator.setTitle(title)
        painter = QPainter()
        if not painter.begin(generator):
            return False
        try:
            self.paint(painter, QRectF(0, 0, self.width(), self.height()))
        finally:
            painter.end()
        return target.exists()


class TimelinePage(QWidget):
    """The chart, the note on undated interviews and the export buttons."""

    def __init__(self, folder: Callable[[], Path]) -> None:
        super().__init__()
        self._folder = folder
        self.chart = TimelineChart()
        self.note = QLabel()
        self.note.setObjectName("timelineNote")
        self.note.setWordWrap(True)
        self.export_png = QPushButton()
        self.export_png.setObjectName("timelineExportPng")
        self.export_svg = QPushButton()
        self.export_svg.setObjectName("timelineExportSvg")
        self.export_png.clicked.connect(lambda: self.choose_export("png"))
        self.export_svg.clicked.connect(lambda: self.choose_export("svg"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_png)
        row.addWidget(self.export_svg)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)
        self.retranslate()

    def set_timeline(self, timeline: Timeline) -> None:
        self.chart.set_timeline(timeline)
        self._fill_note()

    def _fill_note(self) -> None:
        timeline = self.chart.timeline
        if timeline is None:
            self.note.clear()
            return
        self.note.setText(
            self.tr("Interviews without a publication date left out: %1 (%2 annotations)")
            .replace("%1", str(timeline.undated))
            .replace("%2", str(timeline.undated_annotations))
        )

    def choose_export(self, kind: str) -> None:
        if self.chart.timeline is None:
            return
        title = self.tr("Annotations over time")
        wanted = self.tr("PNG image (*.png)") if kind == "png" else self.tr("SVG drawing (*.svg)")
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export Chart"), str(self._folder() / f"{title}.{kind}"), wanted
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(f"{target.name}.{kind}")
        written = (
            self.chart.write_png(target) if kind == "png" else self.chart.write_svg(target, title)
        )
        self.note.setText(
            (
                self.tr("Chart written to %1")
                if written
                else self.tr("The chart could not be written to %1")
            ).replace("%1", target.name)
        )

    def retranslate(self) -> None:
        self.export_png.setText(self.tr("Export PNG…"))
        self.export_svg.setText(self.tr("Export SVG…"))
        self._fill_note()
