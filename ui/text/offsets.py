"""The one place where Qt's UTF-16 positions meet Python's code point offsets.

Everything stored and passed to app/ is a code point offset. Qt counts UTF-16
units, so every character above U+FFFF (𠮷, emoji) takes two positions in Qt
and one in Python. An OffsetMap built from a document's text converts both ways
in O(log n) using the positions of those characters only.
"""

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_utf16 = [offset + rank for rank, offset in enumerate(self._astral)]
        self.length = len(text)

    def to_utf16(self, offset: int) -> int:
        """Qt position of the code point offset ``offset``."""
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, position: int) -> int:
        """Code point offset of Qt position ``position``.

        A position between the two halves of a surrogate pair maps to the start
        of that character, so a selection never splits one.
        """
        return position - bisect_left(self._astral_utf16, position)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        """Code point span of a Qt selection, widened to whole characters."""
        first = self.to_code_point(start)
        last = self.to_code_point(end)
        if self.to_utf16(last) < end:
            last += 1
        return first, min(last, self.length)


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))
