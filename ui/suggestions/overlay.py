"""Suggestions marked on the interview text so that the characters stay readable
however many overlap.

A transparent child of the text view's viewport that lets every mouse event through.
It computes the line rectangles of each suggested passage from the view's own layout
(block geometry and line positions), only for the blocks on screen. Each suggestion gets
a faint underline in its tag's colour below its lines (several tags on one passage share
the underline in alternating pieces, so it never grows into the text) and a bar in the
right margin, one lane per tag. Only the current suggestion is boxed. Hovering over a
passage lists its annotations first and then its suggestions (the text view asks
``describe_at``).
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.span_index import SpanIndex
from app.suggestions import Suggestion
from ui.text.view import TextView

UNDERLINE = 2.0  # thickness of a suggestion's underline
UNDERLINE_ALPHA = 150  # of 255: faint, under the text rather than over it
PIECE = 6.0  # length of one tag's piece of an underline shared by several tags
CURRENT_PEN = 2.0  # the current suggestion's box
MARK = 3.0  # width of a margin bar
MARK_GAP = 1.0
MARK_LANES = 4  # margin lanes; the text's own margin has room for this many


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
        value = value[0]
    if not isinstance(value, int | float):
        raise TypeError(f"QTextLine.cursorToX gave {value!r}")
    return float(value)


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
        view.hover_describers.append(self.describe_at)
        self._follow()
        self.show()

    @property
    def suggestions(self) -> list[Suggestion]:
        return list(self._suggestions)

    @property
    def current(self) -> Suggestion | None:
        return self._current

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
        """The line rectangles of every suggestion on screen, in viewport coordinates."""
        found: list[tuple[Suggestion, QRectF]] = []
        rects: dict[tuple[int, int], list[QRectF]] = {}
        for suggestion in self._shown():
            span = (suggestion.start, suggestion.end)
            if span not in rects:
                rects[span] = span_rects(self._view, suggestion.start, suggestion.end)
            found.extend((suggestion, rect) for rect in rects[span])
        return found

    def underlines(self) -> list[tuple[Suggestion, QRectF, int, int]]:
        """Each line rectangle with its suggestion, the suggestion's place among those of
        the same passage and how many share it (they share the underline in turns)."""
        by_span: dict[tuple[int, int], list[Suggestion]] = {}
        rects: dict[tuple[int, int], list[QRectF]] = {}
        for suggestion, rect in self.outlines():
            span = (suggestion.start, suggestion.end)
            sharing = by_span.setdefault(span, [])
            if suggestion not in sharing:
                sharing.append(suggestion)
            if len(sharing) == 1:
                rects.setdefault(span, []).append(rect)
        return [
            (suggestion, rect, place, len(sharing))
            for span, sharing in by_span.items()
            for place, suggestion in enumerate(sharing)
            for rect in rects[span]
        ]

    def margin_marks(self) -> list[tuple[Suggestion, QRectF]]:
        """A bar in the right margin beside each suggestion's lines, one lane per tag."""
        outlines = self.outlines()
        lanes: dict[int, int] = {}
        for suggestion, _rect in outlines:
            lanes.setdefault(suggestion.tag_id, min(len(lanes), MARK_LANES - 1))
        extents: dict[tuple[int, int, int, int], tuple[Suggestion, float, float]] = {}
        for suggestion, rect in outlines:
            known = extents.get(suggestion.key)
            top = rect.top() if known is None else min(known[1], rect.top())
            bottom = rect.bottom() if known is None else max(known[2], rect.bottom())
            extents[suggestion.key] = (suggestion, top, bottom)
        right = float(self.width()) - MARK_GAP
        return [
            (
                suggestion,
                QRectF(
                    right - (lanes[suggestion.tag_id] + 1) * (MARK + MARK_GAP),
                    top + 1,
                    MARK,
                    max(bottom - top - 2, 2.0),
                ),
            )
            for suggestion, top, bottom in extents.values()
        ]

    def suggestions_at(self, point: QPoint) -> list[Suggestion]:
        seen: list[Suggestion] = []
        for suggestion, rect in self.outlines():
            if rect.adjusted(-1, -1, 1, 1).contains(point) and suggestion not in seen:
                seen.append(suggestion)
        return seen

    def describe_at(self, point: QPoint) -> list[str]:
        """What the suggestions under ``point`` (viewport coordinates) say, one each."""
        return [self._describe(s) for s in self.suggestions_at(point)]

    # Painting ----------------------------------------------------------------------------

    def _color(self, suggestion: Suggestion, alpha: int = 255) -> QColor:
        color = QColor(self._colors.get(suggestion.tag_id, QColor("#888888")))
        color.setAlpha(alpha)
        return color

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._suggestions:
            return
        area = QRectF(event.rect())
        painter = QPainter(self)
        for suggestion, rect, place, sharing in self.underlines():
            if not rect.intersects(area):
                continue
            pen = QPen(self._color(suggestion, UNDERLINE_ALPHA), UNDERLINE)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if sharing > 1:
                unit = PIECE / UNDERLINE
                pen.setDashPattern([unit, unit * (sharing - 1)])
                pen.setDashOffset(-unit * place)
            painter.setPen(pen)
            y = rect.bottom() - UNDERLINE / 2
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.setPen(Qt.PenStyle.NoPen)
        for suggestion, bar in self.margin_marks():
            if bar.intersects(area):
                painter.fillRect(bar, self._color(suggestion))
        current = self._current
        if current is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self._color(current), CURRENT_PEN))
        for suggestion, rect in self.outlines():
            if suggestion.key == current.key and rect.intersects(area):
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)

    def _view_updated(self, _rect: object, dy: int) -> None:
        self._follow()
        if dy:
            self.update()  # the text moved under the marks

    def _follow(self) -> None:
        """Cover the whole viewport (it scrolls its children along with the text).
        Whatever else repaints part of the viewport repaints the marks there too."""
        rect = self._view.viewport().rect()
        if self.geometry() != rect:
            self.setGeometry(rect)
            self.raise_()
            self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._follow()
        return super().eventFilter(watched, event)
