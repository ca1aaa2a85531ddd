"""Suggestions drawn over the interview text as outlined boxes in their tag's colour.

A transparent child of the text view's viewport that lets every mouse event through.
It computes the line rectangles of each suggested passage from the view's own layout
(block geometry and line positions), only for the blocks on screen, and draws the
current suggestion with a thicker solid outline, the others dashed. Hovering over a
suggestion shows why it is suggested.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app.span_index import SpanIndex
from app.suggestions import Suggestion
from ui.text_view import TextView

PEN = 1.5
CURRENT_PEN = 3.0
INSET = 2.0  # between outlines of several tags on the same passage


def span_rects(view: TextView, start: int, end: int) -> list[QRectF]:
    """Viewport rectangles of the lines that ``start``..``end`` (code points) covers,
    for the blocks on screen only."""
    first, last = view.offsets.span_to_utf16(start, end)
    document = view.document()
    block = document.findBlock(first)
    offset = view.contentOffset()
    height = view.viewport().height()
    rects: list[QRectF] = []
    while block.isValid() and block.position() < last:
        geometry = view.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > height:
            break
        layout = block.layout()
        if geometry.bottom() >= 0 and layout is not None:
            base = block.position()
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                line_start = base + line.textStart()
                line_end = line_start + line.textLength()
                left, right = max(first, line_start), min(last, line_end)
                if left >= right:
                    continue
                x1 = _x(line.cursorToX(left - base))
                x2 = _x(line.cursorToX(right - base))
                rects.append(
                    QRectF(
                        geometry.left() + min(x1, x2),
                        geometry.top() + line.y(),
                        abs(x2 - x1),
                        line.height(),
                    )
                )
        block = block.next()
    return rects


def _x(value: object) -> float:
    """QTextLine.cursorToX gives a float, or (float, position) in some bindings."""
    if isinstance(value, tuple):
        return float(value[0])
    return float(value)  # type: ignore[arg-type]


class SuggestionOverlay(QWidget):
    def __init__(self, view: TextView, describe: Callable[[Suggestion], str]) -> None:
        super().__init__(view.viewport())
        self.setObjectName("suggestionOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._view = view
        self._describe = describe
        self._suggestions: list[Suggestion] = []
        self._index: SpanIndex[Suggestion] = SpanIndex([])
        self._current: Suggestion | None = None
        self._colors: dict[int, QColor] = {}
        view.viewport().installEventFilter(self)
        view.updateRequest.connect(self._view_updated)
        self._follow()
        self.show()

    @property
    def suggestions(self) -> list[Suggestion]:
        return list(self._suggestions)

    def set_colors(self, colors: dict[int, str]) -> None:
        self._colors = {tag_id: QColor(color) for tag_id, color in colors.items()}
        self.update()

    def set_suggestions(
        self, suggestions: Sequence[Suggestion], current: Suggestion | None = None
    ) -> None:
        self._suggestions = list(suggestions)
        self._index = SpanIndex(self._suggestions)
        self._current = current
        self.update()

    def suggestions_in(self, start: int, end: int) -> list[Suggestion]:
        """The suggestions shown that overlap ``start``..``end``."""
        return self._index.overlapping(start, end)

    def set_current(self, current: Suggestion | None) -> None:
        self._current = current
        self.update()

    # Geometry ----------------------------------------------------------------------

    def _shown(self) -> list[Suggestion]:
        """The suggestions of the document shown (never stale ones from another) that reach
        into the part on screen."""
        content = self._view.content
        if content is None or not self._suggestions:
            return []
        first, last = self._visible_range()
        shown = content.meta.id
        return [s for s in self._index.overlapping(first, last) if s.document_id == shown]

    def _visible_range(self) -> tuple[int, int]:
        """Code point offsets from the first to the end of the last block on screen."""
        view = self._view
        block = view.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        start = block.position()
        end = start
        offset = view.contentOffset()
        height = view.viewport().height()
        while block.isValid():
            if view.blockBoundingGeometry(block).translated(offset).top() > height:
                break
            end = block.position() + block.length()
            block = block.next()
        return view.offsets.to_code_point(start), view.offsets.to_code_point(end)

    def outlines(self) -> list[tuple[Suggestion, QRectF]]:
        """Every rectangle drawn, with its suggestion, in viewport coordinates."""
        found: list[tuple[Suggestion, QRectF]] = []
        depth: dict[tuple[int, int], int] = {}
        for suggestion in self._shown():
            span = (suggestion.start, suggestion.end)
            inset = INSET * depth.get(span, 0)
            depth[span] = depth.get(span, 0) + 1
            for rect in span_rects(self._view, suggestion.start, suggestion.end):
                found.append((suggestion, rect.adjusted(inset, inset, -inset, -inset)))
        return found

    def suggestions_at(self, point: QPoint) -> list[Suggestion]:
        seen: list[Suggestion] = []
        for suggestion, rect in self.outlines():
            if rect.adjusted(-1, -1, 1, 1).contains(point) and suggestion not in seen:
                seen.append(suggestion)
        return seen

    # Painting and hovering -------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._suggestions:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for suggestion, rect in self.outlines():
            if not rect.intersects(QRectF(event.rect())):
                continue
            color = self._colors.get(suggestion.tag_id, QColor("#888888"))
            current = self._current is not None and suggestion.key == self._current.key
            pen = QPen(color, CURRENT_PEN if current else PEN)
            pen.setStyle(Qt.PenStyle.SolidLine if current else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(rect, 3, 3)

    def _view_updated(self, _rect: object, dy: int) -> None:
        self._follow()
        if dy:
            self.update()  # the text moved under the outlines

    def _follow(self) -> None:
        """Cover the whole viewport (it scrolls its children along with the text).
        Whatever else repaints part of the viewport repaints the outlines there too."""
        rect = self._view.viewport().rect()
        if self.geometry() != rect:
            self.setGeometry(rect)
            self.raise_()
            self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._follow()
        elif event.type() == QEvent.Type.ToolTip and self._suggestions:
            under = self.suggestions_at(event.pos())
            if under:
                lines = [self._describe(s) for s in under]
                QToolTip.showText(event.globalPos(), "\n".join(lines), self._view.viewport())
                return True
        return super().eventFilter(watched, event)
