"""Word boundaries in one document's text, for selecting whole words in the window.

The text is segmented a turn at a time (a line, or a stretch, for very long turns) by
the project's ``Segmenter`` (app/chinese/segmentation.py), only where asked.
"""

from bisect import bisect_right
from collections.abc import Sequence

from app.chinese.segmentation import Segmenter
from app.dto import TurnInfo

LONGEST_UNIT = 4_000  # longer turns are segmented a line (or a stretch) at a time


class DocumentWords:
    """Word boundaries of one document's text, found a turn at a time when asked.

    With ``wait=False`` (the window thread) nothing waits for jieba: before it is loaded,
    ``word_at`` is None and the other answers are character-exact.
    """

    def __init__(self, segmenter: Segmenter, text: str, turns: Sequence[TurnInfo]) -> None:
        self._segmenter = segmenter
        self.text = text
        self._turns = list(turns)
        self._starts = [turn.start for turn in self._turns]

    def _unit(self, offset: int) -> tuple[int, int]:
        """The stretch of text segmented together with the character at ``offset``."""
        text = self.text
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._turns[index].end:
            start, end = self._turns[index].start, self._turns[index].end
            if end - start <= LONGEST_UNIT:
                return start, end
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        if line_end == -1:
            line_end = len(text)
        if line_end - line_start <= LONGEST_UNIT:
            return line_start, line_end
        # A very long line: a stretch around the offset, cut after a sentence end if it can.
        half = LONGEST_UNIT // 2
        start = max(line_start, offset - half)
        for stop in "。！？；;!?":
            cut = text.rfind(stop, start, offset)
            if cut != -1 and offset - cut < half:
                start = cut + 1
                break
        return start, min(line_end, start + LONGEST_UNIT)

    def word_at(self, offset: int, *, wait: bool = False) -> tuple[int, int] | None:
        """The word holding the character at ``offset``; None on whitespace, outside the
        text, or (with ``wait=False``) before jieba has loaded."""
        if not 0 <= offset < len(self.text) or self.text[offset].isspace():
            return None
        start, end = self._unit(offset)
        piece = self.text[start:end]
        spans = self._segmenter.word_spans(piece) if wait else self._segmenter.word_spans_now(piece)
        if spans is None:
            return None
        index = bisect_right(spans, (offset - start, len(piece) + 1)) - 1
        if index >= 0 and spans[index][0] <= offset - start < spans[index][1]:
            return spans[index][0] + start, spans[index][1] + start
        return None

    def snap(self, start: int, end: int, *, wait: bool = False) -> tuple[int, int]:
        """``start``..``end`` widened to whole words at both ends (unchanged if empty)."""
        if start >= end:
            return start, end
        first = self.word_at(start, wait=wait)
        last = self.word_at(end - 1, wait=wait)
        return (first[0] if first else start), (last[1] if last else end)

    def next_boundary(self, offset: int, *, wait: bool = False) -> int:
        """Where a word step to the right from ``offset`` ends: the end of the word at or
        after it (whitespace skipped); one character on before jieba has loaded."""
        text = self.text
        if offset >= len(text):
            return len(text)
        probe = offset
        while probe < len(text) and text[probe].isspace():
            probe += 1
        if probe == len(text):
            return len(text)
        word = self.word_at(probe, wait=wait)
        if word is None:
            return probe + 1
        return word[1]

    def previous_boundary(self, offset: int, *, wait: bool = False) -> int:
        """Where a word step to the left from ``offset`` ends: the start of the word before
        it (whitespace skipped); one character back before jieba has loaded."""
        text = self.text
        if offset <= 0:
            return 0
        probe = min(offset, len(text)) - 1
        while probe > 0 and text[probe].isspace():
            probe -= 1
        word = self.word_at(probe, wait=wait)
        if word is None:
            return probe
        return word[0]
