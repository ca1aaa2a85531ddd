"""The interview text: read-only, selectable, highlighted by tag."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QRegion,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from app.dto import AnnotationInfo, DocumentContent, TagInfo
from app.user_activity import user_active
from ui.text.highlighter import SpanHighlighter
from ui.text.offsets import OffsetMap
from ui.text.stripes import StripeArea

HIT = QColor("#fff176")
CURRENT_HIT = QColor("#ffb300")
PAINT_CHUNK = 300  # blocks painted per idle step: about 10 ms on a long interview
READING_LINE = 50  # characters a line at most: longer lines are hard to follow


class TextView(QPlainTextEdit):
    """Shows one document. Positions in and out are code point offsets."""

    annotation_clicked = Signal(int)  # a coding stripe was clicked
    document_changed = Signal(object)  # the id of the interview now shown, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.25)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self.document().setUndoRedoEnabled(False)  # formats are written, not typed
        self.setCenterOnScroll(False)
        self._offsets = OffsetMap("")
        self._content: DocumentContent | None = None
        self._annotations: dict[int, AnnotationInfo] = {}
        self._tag_names: dict[int, str] = {}
        # Annotator -> layer marker, while more than one annotator's layer is shown.
        self._layer_marks: dict[str, int] = {}
        # Asked what else lies under the mouse (viewport point), after the annotations.
        self.hover_describers: list[Callable[[QPoint], list[str]]] = []
        self.highlighter = SpanHighlighter(self.document())
        self.stripes = StripeArea(
            self,
            self.highlighter.spans_in_blocks,
            self._describe_id,
            self._reveal,
            lambda offset: self._offsets.to_utf16(offset),
        )
        self.stripes.marker = self._marker
        self.updateRequest.connect(self._scroll_stripes)
        self._fit_stripes()
        self._paint_timer = QTimer(self)  # paints the rest of a long document when idle
        self._paint_timer.setInterval(0)
        self._paint_timer.timeout.connect(self._paint_more)
        self.verticalScrollBar().valueChanged.connect(self._moved)

    @property
    def content(self) -> DocumentContent | None:
        return self._content

    @property
    def offsets(self) -> OffsetMap:
        """Code point <-> Qt position conversion for the shown text."""
        return self._offsets

    def annotation(self, annotation_id: int) -> AnnotationInfo | None:
        """An annotation of the shown document, as painted."""
        return self._annotations.get(annotation_id)

    def annotations(self) -> list[AnnotationInfo]:
        """The annotations shown on the text."""
        return list(self._annotations.values())

    def show_hits(self, spans: list[tuple[int, int]], current: int | None = None) -> None:
        """Mark search hits (code point spans); ``current`` (an index) is marked stronger."""
        selections = []
        for number, (start, end) in enumerate(spans):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            first, last = self._offsets.span_to_utf16(start, end)
            cursor.setPosition(first)
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(CURRENT_HIT if number == current else HIT)
            selection.format.setForeground(QColor("#000000"))
            selections.append(selection)
        self.setExtraSelections(selections)

    def show_document(
        self,
        content: DocumentContent | None,
        annotations: list[AnnotationInfo],
        tags: list[TagInfo],
    ) -> None:
        previous = self._content.meta.id if self._content is not None else None
        self._content = content
        self.setExtraSelections([])
        text = content.text if content else ""
        self._offsets = OffsetMap(text)
        # The new text takes the format at the cursor, which sits in the old title: start
        # from a plain one, or the whole interview would be set as a heading.
        self.setCurrentCharFormat(QTextCharFormat())
        self.setPlainText(text)
        self.highlighter.load(
            text, self._offsets, content.turns if content else (), annotations, tags
        )
        self._annotations = {annotation.id: annotation for annotation in annotations}
        self._tag_names = {tag.id: tag.name for tag in tags}
        self.stripes.colors = {tag.id: QColor(tag.color) for tag in tags}
        self.stripes.lanes.load((a.id, a.start, a.end) for a in annotations)
        self._fit_stripes()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._paint_visible()
        self._paint_timer.start()
        shown = content.meta.id if content is not None else None
        if shown != previous:
            self.document_changed.emit(shown)

    def reading_width(self) -> int:
        """The widest the view should be: lines of ``READING_LINE`` Chinese characters, the
        margins, the coding stripes and the scroll bar."""
        line = self.fontMetrics().horizontalAdvance("中" * READING_LINE)
        margins = 2 * int(self.document().documentMargin())
        return line + margins + self.verticalScrollBar().sizeHint().width() + 64

    @property
    def fully_painted(self) -> bool:
        """Whether every highlight of the shown document has been drawn in."""
        return self.highlighter.unpainted == 0

    def _paint_more(self) -> None:
        self._paint_visible()  # whatever came on screen first, seen at once
        if not self.highlighter.paint_some(PAINT_CHUNK):
            self._paint_timer.stop()

    def _moved(self, _value: int) -> None:
        """The text moved (a scroll, a jump to a hit or an annotation): the reader is at
        work, so background work gives way while the new part is painted."""
        user_active()
        self._paint_visible()

    def _paint_visible(self) -> None:
        """Write the formats of the blocks on screen before they are drawn."""
        if not self.highlighter.unpainted:
            return
        block = self.firstVisibleBlock()
        first = last = block.blockNumber()
        offset, height = self.contentOffset(), self.viewport().height()
        while (
            block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() < height
        ):
            last = block.blockNumber()
            block = block.next()
        self.highlighter.paint_range(first, last)

    def upsert_annotations(self, annotations: list[AnnotationInfo]) -> None:
        """Paint new or changed annotations of the shown document (only their blocks)."""
        spans = []
        for annotation in annotations:
            old = self._annotations.get(annotation.id)
            if old is not None:
                self.stripes.lanes.remove(old.id, old.start, old.end)
                spans.append((old.start, old.end))
            self._annotations[annotation.id] = annotation
            self.stripes.lanes.add(annotation.id, annotation.start, annotation.end)
            spans.append((annotation.start, annotation.end))
        self._rewrite(spans, lambda: self.highlighter.add(annotations))
        self._fit_stripes()

    def remove_annotations(self, annotation_ids: list[int]) -> None:
        known, spans = [], []
        for annotation_id in annotation_ids:
            old = self._annotations.pop(annotation_id, None)
            if old is not None:
                self.stripes.lanes.remove(old.id, old.start, old.end)
                known.append(annotation_id)
                spans.append((old.start, old.end))
        self._rewrite(spans, lambda: self.highlighter.remove(known))
        self._fit_stripes()

    def _rewrite(self, spans: list[tuple[int, int]], write: Callable[[], None]) -> None:
        """Rewrite the highlights of the blocks under ``spans`` and repaint only those blocks.

        Qt's plain text layout repaints the whole viewport after any change of format; a
        highlight changes no line's height, so the blocks it touches are all that need
        drawing again. Should a height change after all, everything is repainted."""
        document = self.document()
        numbers = sorted(
            {n for start, end in spans for n in self.highlighter.blocks_of(start, end)}
        )
        blocks = [document.findBlockByNumber(n) for n in numbers]
        heights = [self.blockBoundingRect(block).height() for block in blocks]
        layout = document.documentLayout()
        blocked = layout.blockSignals(True)
        try:
            write()
        finally:
            layout.blockSignals(blocked)
        if [self.blockBoundingRect(block).height() for block in blocks] != heights:
            layout.documentSizeChanged.emit(layout.documentSize())
            self.viewport().update()
            return
        offset, area, region = self.contentOffset(), self.viewport().rect(), QRegion()
        for block in blocks:
            rect = self.blockBoundingGeometry(block).translated(offset).toAlignedRect()
            if rect.intersects(area):
                region += rect.adjusted(0, 0, 0, 1)
        if not region.isEmpty():
            self.viewport().update(region)

    def set_layer_marks(self, marks: dict[str, int]) -> None:
        """Mark each annotator's stripes (annotator -> marker, 0 plain) and name the
        annotator in tooltips; empty when only one layer is shown."""
        self._layer_marks = dict(marks)
        self.stripes.update()

    def _marker(self, annotation_id: int) -> int:
        annotation = self._annotations.get(annotation_id)
        return self._layer_marks.get(annotation.annotator, 0) if annotation else 0

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tag_names = {tag.id: tag.name for tag in tags}
        self.highlighter.set_tags(tags)
        self.stripes.colors = {tag.id: QColor(tag.color) for tag in tags}
        self.stripes.update()

    # Positions ---------------------------------------------------------------

    def selection_span(self) -> tuple[int, int] | None:
        """The selected passage in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.span_to_code_points(cursor.selectionStart(), cursor.selectionEnd())

    def cursor_offset(self) -> int:
        return self._offsets.to_code_point(self.textCursor().position())

    def offset_at(self, point: QPoint) -> int:
        """Code point offset of the gap between characters nearest to ``point``."""
        return self._offsets.to_code_point(self.cursorForPosition(point).position())

    def select_span(self, start: int, end: int) -> None:
        first, last = self._offsets.span_to_utf16(start, end)
        cursor = self.textCursor()
        cursor.setPosition(last)
        cursor.setPosition(first, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def _character_at(self, point: QPoint) -> int:
        """Code point offset of the character under ``point`` (not the nearest gap)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if position > 0 and point.x() < self.cursorRect(cursor).x():
            position -= 1
        return self._offsets.to_code_point(position)

    def clear_selection_at(self, offset: int) -> None:
        """Put the cursor at ``offset`` (code points), with nothing selected."""
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_utf16(offset))
        self.setTextCursor(cursor)

    def clear_selection(self) -> None:
        """Drop the selection, leaving the cursor and the text on screen where they are."""
        bar = self.verticalScrollBar()
        top = bar.value()
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)
        bar.setValue(top)

    # Hover: which tags are under the mouse --------------------------------------

    def event(self, event: QEvent) -> bool:
        if (
            isinstance(event, QHelpEvent)
            and event.type() == QEvent.Type.ToolTip
            and self._content is not None
        ):
            point = self.viewport().mapFromGlobal(event.globalPos())
            lines = [
                self._describe(self._annotations[i])
                for i in self.highlighter.annotations_at(self._character_at(point))
                if i in self._annotations
            ]
            extra = [line for describe in self.hover_describers for line in describe(point)]
            if lines and extra:
                lines.append("")  # the annotations, then what is only suggested
            lines.extend(extra)
            if lines:
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # Coding stripes in the left margin ----------------------------------------------

    def _fit_stripes(self) -> None:
        width = self.stripes.width_needed()
        if self.viewportMargins().left() != width:
            self.setViewportMargins(width, 0, 0, 0)
        rect = self.contentsRect()
        self.stripes.setGeometry(rect.left(), rect.top(), width, rect.height())
        self.stripes.update()

    def _scroll_stripes(self, _rect, dy: int) -> None:
        self.stripes.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_stripes()
        self._paint_visible()

    def _describe_id(self, annotation_id: int) -> str:
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return ""
        excerpt = annotation.text if len(annotation.text) <= 60 else annotation.text[:59] + "…"
        return self._describe(annotation) + "\n" + excerpt

    def _reveal(self, annotation_id: int) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is not None:
            self.select_span(annotation.start, annotation.end)
            self.annotation_clicked.emit(annotation_id)

    def _describe(self, annotation: AnnotationInfo) -> str:
        name = self._tag_names.get(annotation.tag_id, "?")
        if self._layer_marks:
            name = f"{name} · {annotation.annotator}"
        return f"{name} — {annotation.note}" if annotation.note else name
