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

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QRegion
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

Outline = tuple[Suggestion, QRectF]
Underline = tuple[Suggestion, QRectF, int, int]  # with its place among n on one passage


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


def _underlines(outlines: list[Outline]) -> list[Underline]:
    """Each line rectangle with its suggestion, the suggestion's place among those of the
    same passage and how many share it (they share the underline in turns)."""
    by_span: dict[tuple[int, int], list[Suggestion]] = {}
    rects: dict[tuple[int, int], list[QRectF]] = {}
    for suggestion, rect in outlines:
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


def _margin_marks(outlines: list[Outline], width: float) -> list[Outline]:
    """A bar in the right margin beside each suggestion's lines, one lane per tag."""
    lanes: dict[int, int] = {}
    for suggestion, _rect in outlines:
        lanes.setdefault(suggestion.tag_id, min(len(lanes), MARK_LANES - 1))
    extents: dict[tuple[int, int, int, int], tuple[Suggestion, float, float]] = {}
    for suggestion, rect in outlines:
        known = extents.get(suggestion.key)
        top = rect.top() if known is None else min(known[1], rect.top())
        bottom = rect.bottom() if known is None else max(known[2], rect.bottom())
        extents[suggestion.key] = (suggestion, top, bottom)
    right = width - MARK_GAP
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


@dataclass(frozen=True)
class _Geometry:
    """Where the marks of the suggestions on screen go, for one layout of the screen."""

    key: Hashable
    outlines: list[Outline]
    underlines: list[Underline]
    marks: list[Outline]

    def without(self, gone: set[tuple[int, int, int, int]]) -> "_Geometry":
        """The same with the suggestions of ``gone`` (keys) taken out; the rest stay put."""
        return _Geometry(
            self.key,
            [o for o in self.outlines if o[0].key not in gone],
            [u for u in self.underlines if u[0].key not in gone],
            [m for m in self.marks if m[0].key not in gone],
        )

    def area_of(self, keys: set[tuple[int, int, int, int]]) -> QRegion:
        """The viewport area the marks of these suggestions (keys) cover."""
        region = QRegion()
        for suggestion, rect in (*self.outlines, *self.marks):
            if suggestion.key in keys:
                region += rect.adjusted(-3, -2, 3, 3).toAlignedRect()
        return region


class SuggestionOverlay(QWidget):
    """Where the marks go is worked out once per layout of the screen (scroll position,
    size, font, suggestions) and kept: a repaint that changes none of those, such as the
    highlight of a new tag, only draws."""

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
        self._version = 0  # of the suggestions shown: part of the geometry's key
        self._geometry: _Geometry | None = None
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
        self,
        suggestions: Sequence[Suggestion],
        current: Suggestion | None = None,
        gone: Sequence[Suggestion] | None = None,
    ) -> None:
        """Show ``suggestions``. Given ``gone``, the ones shown that are no longer among
        them (decided), the rest keep their places and only the marks that went are
        repainted."""
        new = list(suggestions)
        old_current, self._current = self._current, current
        if gone is not None and self._suggestions:
            self._suggestions = new
            self._index.remove(gone)
            keys = {s.key for s in gone}
            geometry = self._valid_geometry()
            if geometry is not None:
                self._geometry = geometry.without(keys)
                self._repaint_keys(keys | self._keys_of(old_current, current), geometry)
                return
        else:
            self._suggestions = new
            self._index = SpanIndex(new)
        self._version += 1
        self._geometry = None
        self.update()

    def suggestions_in(self, start: int, end: int) -> list[Suggestion]:
        """The suggestions shown that overlap ``start``..``end``."""
        return self._index.overlapping(start, end)

    def set_current(self, current: Suggestion | None) -> None:
        previous, self._current = self._current, current
        geometry = self._valid_geometry()
        if geometry is None:
            self.update()
        else:
            self._repaint_keys(self._keys_of(previous, current), geometry)

    @staticmethod
    def _keys_of(*suggestions: Suggestion | None) -> set[tuple[int, int, int, int]]:
        return {s.key for s in suggestions if s is not None}

    def _repaint_keys(self, keys: set[tuple[int, int, int, int]], geometry: _Geometry) -> None:
        region = geometry.area_of(keys)
        if not region.isEmpty():
            self.update(region)

    # Geometry ----------------------------------------------------------------------

    def _layout_key(self) -> Hashable:
        """What the marks' places depend on: the suggestions, the interview, where it is
        scrolled to, the size of the view, the font and the width the text is laid out in."""
        view = self._view
        content = view.content
        offset = view.contentOffset()
        font = view.font()
        return (
            self._version,
            content.meta.id if content is not None else None,
            view.firstVisibleBlock().blockNumber(),
            offset.x(),
            offset.y(),
            self.width(),
            self.height(),
            font.family(),
            font.pointSizeF(),
            view.document().pageSize().width(),
        )

    def _valid_geometry(self) -> _Geometry | None:
        """The geometry kept, if the screen is still laid out as it was for it."""
        geometry = self._geometry
        return geometry if geometry is not None and geometry.key == self._layout_key() else None

    def _current_geometry(self) -> _Geometry:
        geometry = self._valid_geometry()
        if geometry is None:
            outlines = self._outlines()
            geometry = _Geometry(
                self._layout_key(),
                outlines,
                _underlines(outlines),
                _margin_marks(outlines, float(self.width())),
            )
            self._geometry = geometry
        return geometry

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

    def _outlines(self) -> list[Outline]:
        found: list[Outline] = []
        rects: dict[tuple[int, int], list[QRectF]] = {}
        for suggestion in self._shown():
            span = (suggestion.start, suggestion.end)
            if span not in rects:
                rects[span] = span_rects(self._view, suggestion.start, suggestion.end)
            found.extend((suggestion, rect) for rect in rects[span])
        return found

    def outlines(self) -> list[Outline]:
        """The line rectangles of every suggestion on screen, in viewport coordinates."""
        return self._current_geometry().outlines

    def underlines(self) -> list[Underline]:
        """Each line rectangle with its suggestion, its place among the suggestions of the
        same passage and how many share it."""
        return self._current_geometry().underlines

    def margin_marks(self) -> list[Outline]:
        """A bar in the right margin beside each suggestion's lines, one lane per tag."""
        return self._current_geometry().marks

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
        geometry = self._current_geometry()
        area = QRectF(event.rect())
        painter = QPainter(self)
        for suggestion, rect, place, sharing in geometry.underlines:
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
        for suggestion, bar in geometry.marks:
            if bar.intersects(area):
                painter.fillRect(bar, self._color(suggestion))
        current = self._current
        if current is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self._color(current), CURRENT_PEN))
        for suggestion, rect in geometry.outlines:
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
