"""Coding stripes: a margin beside the text with one coloured bar per annotation.

Annotations that overlap get different lanes, so overlapping tags stay visible
side by side however the highlights mix. Lanes are assigned once per annotation
(the first lane free over its span) and do not move when others come and go.
Only the annotations of the visible blocks are painted.
"""

from bisect import bisect_left
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

LANE_WIDTH = 5
LANE_GAP = 2
MARGIN = 6
MAX_LANES = 12
# Laid over a stripe's tag colour to tell annotators' layers apart: the first has none.
LAYER_PATTERNS = (
    Qt.BrushStyle.Dense5Pattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.Dense3Pattern,
    Qt.BrushStyle.HorPattern,
)


class Lanes:
    """Interval lanes: no two annotations in one lane overlap."""

    def __init__(self) -> None:
        self._lanes: list[list[tuple[int, int, int]]] = []  # sorted (start, end, id)
        self.lane_of: dict[int, int] = {}

    def clear(self) -> None:
        self._lanes = []
        self.lane_of = {}

    @property
    def count(self) -> int:
        return len(self._lanes)

    def add(self, annotation_id: int, start: int, end: int) -> None:
        item = (start, end, annotation_id)
        for number, lane in enumerate(self._lanes):
            position = bisect_left(lane, item)
            before = lane[position - 1] if position > 0 else None
            after = lane[position] if position < len(lane) else None
            if (before is None or before[1] <= start) and (after is None or end <= after[0]):
                lane.insert(position, item)
                self.lane_of[annotation_id] = number
                return
        self._lanes.append([item])
        self.lane_of[annotation_id] = len(self._lanes) - 1

    def remove(self, annotation_id: int, start: int, end: int) -> None:
        number = self.lane_of.pop(annotation_id, None)
        if number is None:
            return
        lane = self._lanes[number]
        position = bisect_left(lane, (start, end, annotation_id))
        if position < len(lane) and lane[position][2] == annotation_id:
            del lane[position]
        while self._lanes and not self._lanes[-1]:
            self._lanes.pop()

    def load(self, spans: Iterable[tuple[int, int, int]]) -> None:
        """Assign lanes to many (id, start, end) at once, earliest first."""
        self.clear()
        ends: list[tuple[int, int]] = []  # (end of the lane's last span, lane), for a sweep
        lanes, lane_of = self._lanes, self.lane_of
        for annotation_id, start, end in sorted(spans, key=lambda s: (s[1], -s[2], s[0])):
            for free, (lane_end, lane) in enumerate(ends):
                if lane_end <= start:
                    ends[free] = (end, lane)
                    break
            else:
                lane = len(lanes)
                lanes.append([])
                ends.append((end, lane))
            # Spans come by start and a lane's never overlap: each goes at its lane's end.
            lanes[lane].append((start, end, annotation_id))
            lane_of[annotation_id] = lane


class StripeArea(QWidget):
    """Painted inside the text view's left margin."""

    def __init__(
        self,
        editor: QPlainTextEdit,
        visible_spans: Callable[[int, int], list[tuple[int, int, int, int]]],
        describe: Callable[[int], str],
        activate: Callable[[int], None],
        utf16: Callable[[int], int],
    ) -> None:
        super().__init__(editor)
        self.setObjectName("codingStripes")
        self._editor = editor
        self._visible_spans = visible_spans
        self._describe = describe
        self._activate = activate
        self._utf16 = utf16
        self.lanes = Lanes()
        self.colors: dict[int, QColor] = {}
        # The layer marker of an annotation: 0 plain, n > 0 the n-th of LAYER_PATTERNS.
        self.marker: Callable[[int], int] = lambda _annotation_id: 0
        self._painted: list[tuple[QRect, int]] = []
        self.setMouseTracking(True)

    def width_needed(self) -> int:
        lanes = min(self.lanes.count, MAX_LANES)
        return MARGIN * 2 + max(1, lanes) * (LANE_WIDTH + LANE_GAP)

    def sizeHint(self) -> QSize:
        return QSize(self.width_needed(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window().color().lighter(104))
        self._painted = []
        editor = self._editor
        block = editor.firstVisibleBlock()
        if not block.isValid():
            return
        offset = editor.contentOffset()
        height = self.height()
        first_block = block.blockNumber()
        last_block = first_block
        while block.isValid():
            top = editor.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            last_block = block.blockNumber()
            block = block.next()
        for start, end, tag_id, annotation_id in self._visible_spans(first_block, last_block):
            lane = self.lanes.lane_of.get(annotation_id, 0)
            if lane >= MAX_LANES:
                continue
            top = self._y(start, top=True)
            bottom = self._y(max(start, end - 1), top=False)
            x = MARGIN + lane * (LANE_WIDTH + LANE_GAP)
            rect = QRect(x, int(top) + 1, LANE_WIDTH, max(4, int(bottom - top) - 2))
            painter.fillRect(rect, self.colors.get(tag_id, QColor("#999999")))
            marker = self.marker(annotation_id)
            if marker > 0:
                pattern = LAYER_PATTERNS[(marker - 1) % len(LAYER_PATTERNS)]
                painter.fillRect(rect, QBrush(QColor(255, 255, 255, 230), pattern))
            self._painted.append((rect, annotation_id))

    def _y(self, offset: int, top: bool) -> float:
        document = self._editor.document()
        position = self._utf16(offset)
        block = document.findBlock(position)
        geometry = self._editor.blockBoundingGeometry(block).translated(
            self._editor.contentOffset()
        )
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position())
        if not line.isValid():
            return geometry.top() if top else geometry.bottom()
        y = geometry.top() + line.y()
        return y if top else y + line.height()

    def _hit(self, point: QPoint) -> int | None:
        for rect, annotation_id in reversed(self._painted):
            if rect.adjusted(-1, 0, 1, 0).contains(point):
                return annotation_id
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        annotation_id = self._hit(event.position().toPoint())
        if annotation_id is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self._describe(annotation_id), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        annotation_id = self._hit(event.position().toPoint())
        if annotation_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self._activate(annotation_id)
