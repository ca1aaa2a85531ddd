"""The interview text: read-only, selectable, highlighted by tag."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from app.dto import AnnotationInfo, DocumentContent, TagInfo
from ui.offsets import OffsetMap
from ui.span_highlighter import SpanHighlighter


class TextView(QPlainTextEdit):
    """Shows one document. Positions in and out are code point offsets."""

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
        self.setCenterOnScroll(False)
        self._offsets = OffsetMap("")
        self._content: DocumentContent | None = None
        self._annotations: dict[int, AnnotationInfo] = {}
        self._tag_names: dict[int, str] = {}
        self.highlighter = SpanHighlighter(self.document())

    @property
    def content(self) -> DocumentContent | None:
        return self._content

    def show_document(
        self,
        content: DocumentContent | None,
        annotations: list[AnnotationInfo],
        tags: list[TagInfo],
    ) -> None:
        self._content = content
        text = content.text if content else ""
        self._offsets = OffsetMap(text)
        self.highlighter.blockSignals(True)
        self.setPlainText(text)
        self.highlighter.load(
            text, self._offsets, content.turns if content else (), annotations, tags
        )
        self.highlighter.blockSignals(False)
        self._annotations = {annotation.id: annotation for annotation in annotations}
        self._tag_names = {tag.id: tag.name for tag in tags}
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def upsert_annotations(self, annotations: list[AnnotationInfo]) -> None:
        """Paint new or changed annotations of the shown document (only their blocks)."""
        for annotation in annotations:
            self._annotations[annotation.id] = annotation
        self.highlighter.add(annotations)

    def remove_annotations(self, annotation_ids: list[int]) -> None:
        known = [i for i in annotation_ids if self._annotations.pop(i, None) is not None]
        self.highlighter.remove(known)

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tag_names = {tag.id: tag.name for tag in tags}
        self.highlighter.set_tags(tags)

    # Positions ---------------------------------------------------------------

    def selection_span(self) -> tuple[int, int] | None:
        """The selected passage in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.span_to_code_points(cursor.selectionStart(), cursor.selectionEnd())

    def cursor_offset(self) -> int:
        return self._offsets.to_code_point(self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        first, last = self._offsets.span_to_utf16(start, end)
        cursor = self.textCursor()
        cursor.setPosition(last)
        cursor.setPosition(first, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def clear_selection_at(self, offset: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_utf16(offset))
        self.setTextCursor(cursor)

    # Hover: which tags are under the mouse --------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._content is not None:
            cursor = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos()))
            offset = self._offsets.to_code_point(cursor.position())
            lines = [
                self._describe(self._annotations[i])
                for i in self.highlighter.annotations_at(offset)
                if i in self._annotations
            ]
            if lines:
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _describe(self, annotation: AnnotationInfo) -> str:
        name = self._tag_names.get(annotation.tag_id, "?")
        return f"{name} — {annotation.note}" if annotation.note else name
