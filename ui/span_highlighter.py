"""Paints speaker labels, headings and tag highlights, block by block.

Annotations are indexed by the text blocks (paragraphs) they touch, so painting
a block looks only at its own spans, and adding or removing an annotation
re-paints only the blocks it covers. Overlapping annotations are cut into
segments; a segment under several tags gets a stronger mixed tint and a wavy
underline in the colour of the most recent tag.
"""

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.dto import AnnotationInfo, TagInfo, TurnInfo
from ui.colors import highlight_background
from ui.offsets import OffsetMap

QUESTION_LABEL_COLOR = QColor("#1d4e89")
ANSWER_LABEL_COLOR = QColor("#9b2226")
HEADING_COLOR = QColor("#333333")
MUTED_COLOR = QColor("#666666")

_Span = tuple[int, int, int, int]  # start, end, tag_id, annotation_id


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._offsets = OffsetMap("")
        self._block_starts: list[int] = [0]
        self._styles: dict[int, list[tuple[int, int, str]]] = {}
        self._spans_by_block: dict[int, list[_Span]] = defaultdict(list)
        self._spans: dict[int, _Span] = {}
        self._tag_colors: dict[int, QColor] = {}
        self._formats: dict[tuple[str, tuple[int, ...]], QTextCharFormat] = {}
        self._base_size = 0.0

    # Loading ---------------------------------------------------------------

    def load(
        self,
        text: str,
        offsets: OffsetMap,
        turns: Iterable[TurnInfo],
        annotations: Iterable[AnnotationInfo],
        tags: Iterable[TagInfo],
    ) -> None:
        """Index a freshly shown document; Qt then paints it once, visible part first."""
        self._offsets = offsets
        self._block_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self._styles = self._turn_styles(turns)
        self._spans_by_block = defaultdict(list)
        self._spans = {}
        self._set_tag_colors(tags)
        for annotation in annotations:
            self._index(annotation)
        self.rehighlight()

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
        self._rehighlight_blocks(set(self._spans_by_block))

    def add(self, annotations: Iterable[AnnotationInfo]) -> None:
        touched: set[int] = set()
        for annotation in annotations:
            if annotation.id in self._spans:
                touched |= self._unindex(annotation.id)
            touched |= self._index(annotation)
        self._rehighlight_blocks(touched)

    def remove(self, annotation_ids: Iterable[int]) -> None:
        touched: set[int] = set()
        for annotation_id in annotation_ids:
            touched |= self._unindex(annotation_id)
        self._rehighlight_blocks(touched)

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

    def _blocks_of(self, start: int, end: int) -> range:
        return range(self.block_of(start), self.block_of(max(start, end - 1)) + 1)

    def _index(self, annotation: AnnotationInfo) -> set[int]:
        span = (annotation.start, annotation.end, annotation.tag_id, annotation.id)
        self._spans[annotation.id] = span
        blocks = self._blocks_of(annotation.start, annotation.end)
        for block in blocks:
            self._spans_by_block[block].append(span)
        return set(blocks)

    def _unindex(self, annotation_id: int) -> set[int]:
        span = self._spans.pop(annotation_id, None)
        if span is None:
            return set()
        blocks = self._blocks_of(span[0], span[1])
        for block in blocks:
            remaining = [item for item in self._spans_by_block[block] if item[3] != annotation_id]
            if remaining:
                self._spans_by_block[block] = remaining
            else:
                del self._spans_by_block[block]
        return set(blocks)

    def _rehighlight_blocks(self, blocks: set[int]) -> None:
        document = self.document()
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    # Painting --------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:
        number = self.currentBlock().blockNumber()
        spans = self._spans_by_block.get(number)
        styles = self._styles.get(number)
        if (not spans and not styles) or number >= len(self._block_starts):
            return
        block_start = self._block_starts[number]
        block_end = block_start + len(text)
        block_utf16 = self._offsets.to_utf16(block_start)
        events: list[tuple[int, int, int]] = []  # offset, +1/-1, tag id
        for start, end, tag_id, _ in spans or ():
            first, last = max(start, block_start), min(end, block_end)
            if first < last:
                events.append((first, 1, tag_id))
                events.append((last, -1, tag_id))
        bounds = {block_start, block_end} | {event[0] for event in events}
        for start, end, _ in styles or ():
            bounds.update((max(start, block_start), min(end, block_end)))
        events.sort()
        active: list[int] = []
        cursor = 0
        ordered = sorted(bounds)
        for left, right in pairwise(ordered):
            while cursor < len(events) and events[cursor][0] <= left:
                _, change, tag_id = events[cursor]
                if change > 0:
                    active.append(tag_id)
                else:
                    active.remove(tag_id)
                cursor += 1
            style = next((name for start, end, name in styles or () if start <= left < end), "")
            if not active and not style:
                continue
            char_format = self._format(style, tuple(active))
            first = self._offsets.to_utf16(left) - block_utf16
            length = self._offsets.to_utf16(right) - block_utf16 - first
            self.setFormat(first, length, char_format)

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
        size = self.document().defaultFont().pointSizeF()
        return (size if size > 0 else 11.0) * 1.35
