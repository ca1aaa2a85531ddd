"""Find, among many spans of one text, those that overlap a range, without reading them all.

Spans are kept sorted by start. Any span overlapping ``start..end`` begins before ``end``
and no earlier than ``start`` minus the longest span's length, so only that stretch of
the sorted list is looked at.
"""

from bisect import bisect_left
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


class SpanIndex(Generic[S]):
    def __init__(self, spans: Iterable[S]) -> None:
        self._spans = sorted(spans, key=lambda span: (span.start, span.end))
        self._starts = [span.start for span in self._spans]
        self._longest = max((span.end - span.start for span in self._spans), default=0)

    def remove(self, spans: Iterable[S]) -> None:
        """Take these spans out (each the first held that is equal), found by their start."""
        for span in spans:
            position = bisect_left(self._starts, span.start)
            while position < len(self._spans) and self._starts[position] == span.start:
                if self._spans[position] is span or self._spans[position] == span:
                    del self._spans[position]
                    del self._starts[position]
                    break
                position += 1

    def overlapping(self, start: int, end: int) -> list[S]:
        """The spans sharing at least one character with ``start..end``, by position."""
        first = bisect_left(self._starts, start - self._longest + 1)
        last = bisect_left(self._starts, end)
        return [span for span in self._spans[first:last] if start < span.end]
