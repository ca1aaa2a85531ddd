"""Paints speaker labels, headings and tag highlights as the document's character formats.

Annotations are indexed by the text blocks (paragraphs) they touch. Opening a
document only indexes them: the view paints the blocks on screen at once and the rest
a few hundred at a time while the window is idle, so a long interview shows at once
and stays responsive. Adding or removing an annotation rewrites only the blocks it
covers.
(A QSyntaxHighlighter would call back into Python for every block of the document
on every load: about three times slower on a 2 MB interview.)

Overlapping annotations are cut into segments; a segment under several tags gets
a stronger mixed tint and a wavy underline in the colour of the most recent tag.
"""

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument

from app.dto import AnnotationInfo, TagInfo, TurnInfo
from ui.text.colors import highlight_background
from ui.text.offsets import OffsetMap

QUESTION_LABEL_COLOR = QColor("#1d4e89")
ANSWER_LABEL_COLOR = QColor("#9b2226")
HEADING_COLOR = QColor("#333333")
MUTED_COLOR = QColor("#666666")

_Span = tuple[int, int, int, int]  # start, end, tag_id, annotation_id
_KEEP = QTextCursor.MoveMode.KeepAnchor


class SpanHighlighter:
    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._offsets = OffsetMap("")
        self._length = 0
        self._block_starts: list[int] = [0]
        self._styles: dict[int, list[tuple[int, int, str]]] = {}
        self._spans_by_block: dict[int, list[_Span]] = defaultdict(list)
        self._spans: dict[int, _Span] = {}
        self._tag_colors: dict[int, QColor] = {}
        self._formats: dict[tuple[str, tuple[int, ...]], QTextCharFormat] = {}
        self._pending: set[int] = set()  # blocks with formats not written yet
        self._queue: list[int] = []  # the same, in document order, for paint_some
        self._next = 0  # how far paint_some has come through _queue

    # Loading ---------------------------------------------------------------

    def load(
        self,
        text: str,
        offsets: OffsetMap,
        turns: Iterable[TurnInfo],
        annotations: Iterable[AnnotationInfo],
        tags: Iterable[TagInfo],
    ) -> None:
        """Index a document just set as the editor's text; paint_range and paint_some
        then write its formats."""
        self._offsets = offsets
        self._length = len(text)
        self._block_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self._styles = self._turn_styles(turns)
        self._spans_by_block = defaultdict(list)
        self._spans = {}
        self._set_tag_colors(tags)
        for annotation in annotations:
            self._index(annotation)
        self._pending = set(self._styles) | set(self._spans_by_block)
        self._queue = sorted(self._pending)
        self._next = 0

    @property
    def unpainted(self) -> int:
        """How many blocks still wait for their formats."""
        return len(self._pending)

    def paint_range(self, first: int, last: int) -> None:
        """Paint whichever of the blocks ``first``..``last`` (those on screen) still wait."""
        if self._pending:
            self._paint([b for b in range(first, last + 1) if b in self._pending], reset=False)

    def paint_some(self, count: int) -> bool:
        """Paint up to ``count`` more waiting blocks in document order, none of them on
        screen (the caller paints those first); True while any wait.

        Qt's plain-text layout answers any change of several blocks by repainting the
        whole viewport: for blocks off screen that repaint shows nothing new, so the
        layout's signals are held while they are written. Their layouts are still cleared,
        and drawn anew when they come on screen."""
        chosen: list[int] = []
        while self._next < len(self._queue) and len(chosen) < count:
            block = self._queue[self._next]
            self._next += 1
            if block in self._pending:
                chosen.append(block)
        layout = self._document.documentLayout()
        held = layout.blockSignals(True)
        try:
            self._paint(chosen, reset=False)
        finally:
            layout.blockSignals(held)
        return bool(self._pending)

    def _turn_styles(self, turns: Iterable[TurnInfo]) -> dict[int, list[tuple[int, int, str]]]:
        styles: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        title_done = False
        for turn in turns:
            if turn.kind == "heading":
                style = "muted" if title_done else "title"
                title_done = True
                styles[self.block_of(turn.start)].append((turn.start, turn.end, style))
            elif turn.content_start > turn.start:
                style = "question_label" if turn.kind == "question" else "answer_label"
                styles[self.block_of(turn.start)].append((turn.start, turn.content_start, style))
        return styles

    def _set_tag_colors(self, tags: Iterable[TagInfo]) -> None:
        self._tag_colors = {tag.id: QColor(tag.color) for tag in tags}
        self._formats = {}

    # Changes ---------------------------------------------------------------

    def set_tags(self, tags: Iterable[TagInfo]) -> None:
        """New colours: repaint the blocks that carry highlights."""
        self._set_tag_colors(tags)
        self._paint(set(self._spans_by_block), reset=True)

    def add(self, annotations: Iterable[AnnotationInfo]) -> None:
        touched: set[int] = set()
        for annotation in annotations:
            if annotation.id in self._spans:
                touched |= self._unindex(annotation.id)
            touched.update(self._index(annotation))
        self._paint(touched, reset=True)

    def remove(self, annotation_ids: Iterable[int]) -> None:
        touched: set[int] = set()
        for annotation_id in annotation_ids:
            touched |= self._unindex(annotation_id)
        self._paint(touched, reset=True)

    def annotations_at(self, offset: int) -> list[int]:
        """Ids of the annotations covering the code point ``offset``, innermost last."""
        block = self.block_of(offset)
        return [
            span[3] for span in self._spans_by_block.get(block, ()) if span[0] <= offset < span[1]
        ]

    def spans_in_blocks(self, first: int, last: int) -> list[_Span]:
        """Every annotation touching blocks ``first``..``last``, each once."""
        seen: dict[int, _Span] = {}
        for block in range(first, last + 1):
            for span in self._spans_by_block.get(block, ()):
                seen[span[3]] = span
        return list(seen.values())

    def block_of(self, offset: int) -> int:
        return max(0, bisect_right(self._block_starts, offset) - 1)

    def blocks_of(self, start: int, end: int) -> range:
        return range(self.block_of(start), self.block_of(max(start, end - 1)) + 1)

    def _index(self, annotation: AnnotationInfo) -> range:
        """Index one annotation; the blocks it touches."""
        start, end = annotation.start, annotation.end
        span = (start, end, annotation.tag_id, annotation.id)
        self._spans[annotation.id] = span
        blocks = self.blocks_of(start, end)
        by_block = self._spans_by_block
        for block in blocks:
            by_block[block].append(span)
        return blocks

    def _unindex(self, annotation_id: int) -> set[int]:
        span = self._spans.pop(annotation_id, None)
        if span is None:
            return set()
        blocks = self.blocks_of(span[0], span[1])
        for block in blocks:
            remaining = [item for item in self._spans_by_block[block] if item[3] != annotation_id]
            if remaining:
                self._spans_by_block[block] = remaining
            else:
                del self._spans_by_block[block]
        return set(blocks)

    # Painting --------------------------------------------------------------

    def _block_range(self, number: int) -> tuple[int, int]:
        start = self._block_starts[number]
        following = number + 1
        end = (
            self._block_starts[following] - 1
            if following < len(self._block_starts)
            else self._length
        )
        return start, end

    def _paint(self, blocks: Iterable[int], reset: bool) -> None:
        """Rewrite the character formats of ``blocks`` in one edit."""
        numbers = sorted(block for block in blocks if block < len(self._block_starts))
        self._pending.difference_update(numbers)
        if not numbers:
            return
        to_utf16 = self._offsets.to_utf16
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()
        plain = QTextCharFormat()
        for number in numbers:
            block_start, block_end = self._block_range(number)
            if reset and block_end > block_start:
                cursor.setPosition(to_utf16(block_start))
                cursor.setPosition(to_utf16(block_end), _KEEP)
                cursor.setCharFormat(plain)
            for left, right, char_format in self._segments(number, block_start, block_end):
                cursor.setPosition(to_utf16(left))
                cursor.setPosition(to_utf16(right), _KEEP)
                cursor.setCharFormat(char_format)
        cursor.endEditBlock()

    def _segments(
        self, number: int, block_start: int, block_end: int
    ) -> list[tuple[int, int, QTextCharFormat]]:
        """The formatted stretches of one block, overlaps cut into segments."""
        spans = self._spans_by_block.get(number, ())
        styles = self._styles.get(number, ())
        events: list[tuple[int, int, int]] = []  # offset, +1/-1, tag id
        for start, end, tag_id, _ in spans:
            first, last = max(start, block_start), min(end, block_end)
            if first < last:
                events.append((first, 1, tag_id))
                events.append((last, -1, tag_id))
        bounds = {block_start, block_end} | {event[0] for event in events}
        for start, end, _ in styles:
            bounds.update((max(start, block_start), min(end, block_end)))
        events.sort()
        segments = []
        active: list[int] = []
        cursor = 0
        for left, right in pairwise(sorted(bounds)):
            while cursor < len(events) and events[cursor][0] <= left:
                _, change, tag_id = events[cursor]
                if change > 0:
                    active.append(tag_id)
                else:
                    active.remove(tag_id)
                cursor += 1
            style = next((name for start, end, name in styles if start <= left < end), "")
            if active or style:
                segments.append((left, right, self._format(style, tuple(active))))
        return segments

    def _format(self, style: str, tag_ids: tuple[int, ...]) -> QTextCharFormat:
        key = (style, tag_ids)
        cached = self._formats.get(key)
        if cached is not None:
            return cached
        char_format = QTextCharFormat()
        if style == "title":
            char_format.setFontWeight(QFont.Weight.Bold)
            char_format.setFontPointSize(self._title_size())
            char_format.setForeground(HEADING_COLOR)
        elif style == "muted":
            char_format.setForeground(MUTED_COLOR)
        elif style in ("question_label", "answer_label"):
            char_format.setFontWeight(QFont.Weight.Bold)
            color = QUESTION_LABEL_COLOR if style == "question_label" else ANSWER_LABEL_COLOR
            char_format.setForeground(color)
        colors = [self._tag_colors[tag] for tag in tag_ids if tag in self._tag_colors]
        if colors:
            char_format.setBackground(highlight_background(colors))
            if len(colors) > 1:
                char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                char_format.setUnderlineColor(colors[-1].darker(130))
        self._formats[key] = char_format
        return char_format

    def _title_size(self) -> float:
        size = self._document.defaultFont().pointSizeF()
        return (size if size > 0 else 11.0) * 1.35
