"""Tag highlights drawn behind the interview's text.

The text view paints them before its text, for the paragraphs (blocks) being repainted
only. Where each highlight's line pieces go is worked out per block, relative to the
block, and kept until the block's highlights or line breaks change: scrolling moves the
pieces, a new tag recomputes only the blocks it touches, and a highlight far down a long
interview costs nothing until it is scrolled to.
"""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QRegion, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

from ui.text.colors import highlight_background
from ui.text.highlighter import Segment
from ui.text.lines import cursor_x
from ui.text.offsets import OffsetMap

WAVE = 2.0  # height and half period of the wavy underline under overlapping tags


@dataclass(frozen=True)
class Piece:
    """One line's stretch of one highlighted segment, relative to its block's top left."""

    rect: QRectF
    color: QColor
    wave: QColor | None  # the underline of a segment under several tags


class HighlightPainter:
    def __init__(
        self,
        view: QPlainTextEdit,
        segments: Callable[[int], list[Segment]],
        offsets: Callable[[], OffsetMap],
    ) -> None:
        self._view = view
        self._segments = segments
        self._offsets = offsets
        self._colors: dict[int, QColor] = {}
        self._backgrounds: dict[tuple[int, ...], QColor] = {}
        self._pieces: dict[int, list[Piece]] = {}  # block number -> its pieces
        self._layout: Hashable = None  # what the kept pieces were laid out for

    def set_colors(self, colors: dict[int, str]) -> None:
        self._colors = {tag_id: QColor(color) for tag_id, color in colors.items()}
        self._backgrounds = {}
        self.forget_all()

    def forget(self, blocks: Iterable[int]) -> None:
        """The highlights or the line breaks of ``blocks`` changed."""
        for number in blocks:
            self._pieces.pop(number, None)

    def forget_all(self) -> None:
        self._pieces = {}

    def pieces(self, block: QTextBlock) -> list[Piece]:
        """The highlight pieces of ``block``, worked out once while its lines stay put."""
        layout_key = self._layout_key()
        if layout_key != self._layout:
            self._layout = layout_key
            self._pieces = {}
        number = block.blockNumber()
        kept = self._pieces.get(number)
        if kept is None:
            kept = self._pieces[number] = self._lay_out(block)
        return kept

    def area(self, blocks: Iterable[int]) -> QRegion:
        """The viewport area of those of ``blocks`` on screen."""
        view = self._view
        document = view.document()
        offset, screen, region = view.contentOffset(), view.viewport().rect(), QRegion()
        for number in blocks:
            block = document.findBlockByNumber(number)
            if not block.isValid():
                continue
            rect = view.blockBoundingGeometry(block).translated(offset).toAlignedRect()
            if rect.intersects(screen):
                region += rect.adjusted(0, 0, 0, 1)
        return region

    def paint(self, painter: QPainter, area: QRect) -> None:
        """Draw the highlights of the blocks that reach into ``area`` (viewport)."""
        view = self._view
        offset = view.contentOffset()
        block = view.firstVisibleBlock()
        waves: list[tuple[QRectF, QColor]] = []
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > area.bottom():
                break
            if geometry.bottom() >= area.top() and block.isVisible():
                corner = geometry.topLeft()
                for piece in self.pieces(block):
                    rect = piece.rect.translated(corner)
                    painter.fillRect(rect, piece.color)
                    if piece.wave is not None:
                        waves.append((rect, piece.wave))
            block = block.next()
        for rect, color in waves:
            painter.setPen(QPen(color, 1.0))
            painter.drawPath(_wave(rect))

    def _layout_key(self) -> Hashable:
        """What the lines of every block depend on: the width the text is laid out in
        and the font."""
        view = self._view
        font = view.font()
        return (
            view.viewport().width(),
            view.document().textWidth(),
            font.family(),
            font.pointSizeF(),
        )

    def _background(self, tags: tuple[int, ...]) -> QColor | None:
        color = self._backgrounds.get(tags)
        if color is None:
            colors = [self._colors[tag] for tag in tags if tag in self._colors]
            if not colors:
                return None
            color = self._backgrounds[tags] = highlight_background(colors)
        return color

    def _lay_out(self, block: QTextBlock) -> list[Piece]:
        segments = self._segments(block.blockNumber())
        layout = block.layout()
        if not segments or layout is None:
            return []
        to_utf16 = self._offsets().to_utf16
        base = block.position()
        lines = [layout.lineAt(number) for number in range(layout.lineCount())]
        pieces: list[Piece] = []
        for start, end, tags in segments:
            color = self._background(tags)
            if color is None:
                continue
            known = [self._colors[tag] for tag in tags if tag in self._colors]
            wave = known[-1].darker(130) if len(known) > 1 else None
            first, last = to_utf16(start) - base, to_utf16(end) - base
            for line in lines:
                line_start = line.textStart()
                left = max(first, line_start)
                right = min(last, line_start + line.textLength())
                if left >= right:
                    continue
                x1, x2 = cursor_x(line, left), cursor_x(line, right)
                rect = QRectF(min(x1, x2), line.y(), abs(x2 - x1), line.height())
                pieces.append(Piece(rect, color, wave))
        return pieces


def _wave(rect: QRectF) -> QPainterPath:
    """A zigzag along the bottom of ``rect``."""
    bottom = rect.bottom() - 0.5
    path = QPainterPath(QPointF(rect.left(), bottom))
    x, up = rect.left(), True
    while x < rect.right():
        x = min(x + WAVE, rect.right())
        path.lineTo(QPointF(x, bottom - WAVE if up else bottom))
        up = not up
    return path
