"""A project's annotations and turn contents as columns of integers, and the interval
arithmetic the overview needs, done on whole columns at once.

Every offset is also given a place on one line through all documents:
``document × stride + offset``, with ``stride`` beyond the longest document, so that
sorting, merging and binary searches over all documents never mix two documents.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Ints = NDArray[np.int64]
Flags = NDArray[np.bool_]

# One annotation as read: document id, start, end, tag id, annotator id (None: unknown).
Span = tuple[int, int, int, int, int | None]
# A question or answer turn's content: kind, content start, end.
Content = tuple[str, int, int]
# The annotator id of annotations without one.
NO_ANNOTATOR = 0


def _column(values: Iterable[int]) -> Ints:
    return np.fromiter(values, dtype=np.int64)


@dataclass(frozen=True)
class SpanColumns:
    """Annotations sorted by document, then start."""

    document: Ints
    start: Ints
    end: Ints
    tag: Ints
    annotator: Ints

    @classmethod
    def of(cls, rows: Sequence[Span]) -> "SpanColumns":
        if not rows:
            empty = _column(())
            return cls(empty, empty, empty, empty, empty)
        return cls.of_rows(
            [(d, s, e, t, NO_ANNOTATOR if a is None else a) for d, s, e, t, a in rows]
        )

    @classmethod
    def of_rows(cls, rows: Sequence[tuple[int, int, int, int, int]]) -> "SpanColumns":
        """From rows of document, start, end, tag and annotator (NO_ANNOTATOR for none)."""
        if not rows:
            return cls.of(())
        table = np.array(rows, dtype=np.int64)
        table = table[np.lexsort((table[:, 1], table[:, 0]))]
        return cls(*(np.ascontiguousarray(table[:, column]) for column in range(5)))

    def __len__(self) -> int:
        return len(self.start)


@dataclass(frozen=True)
class ContentColumns:
    """Question and answer contents sorted by document, then start, not overlapping."""

    document: Ints
    answer: Flags
    start: Ints
    end: Ints

    @classmethod
    def of(cls, rows: Sequence[tuple[int, str, int, int]]) -> "ContentColumns":
        ordered = sorted(rows, key=lambda row: (row[0], row[2]))
        return cls(
            document=_column(row[0] for row in ordered),
            answer=np.fromiter((row[1] == "answer" for row in ordered), dtype=np.bool_),
            start=_column(row[2] for row in ordered),
            end=_column(row[3] for row in ordered),
        )

    def __len__(self) -> int:
        return len(self.start)


def stride_of(spans: SpanColumns, contents: ContentColumns) -> int:
    """A number beyond every offset, as the distance between documents on the line."""
    ends = [int(column.max()) for column in (spans.end, contents.end) if len(column)]
    return max(ends, default=0) + 1


def first_of_runs(*keys: Ints) -> Flags:
    """For rows sorted by ``keys``: True where a run of equal keys begins."""
    length = len(keys[0])
    first = np.zeros(length, dtype=np.bool_)
    if length:
        first[0] = True
        for key in keys:
            first[1:] |= key[1:] != key[:-1]
    return first


@dataclass(frozen=True)
class Islands:
    """The union of intervals within each run: ``run`` is the index of the run an island
    belongs to, ``start`` and ``end`` its bounds."""

    run: Ints
    start: Ints
    end: Ints


def islands(starts: Ints, ends: Ints, first: Flags, stride: int) -> Islands:
    """Merge the intervals of each run into non-overlapping islands; the intervals are
    sorted by start within each run, ``first`` marks where runs begin and every end is
    below ``stride`` above the run's starts' base (true of offsets and of places on the
    line alike when runs never span two documents)."""
    if not len(starts):
        empty = _column(())
        return Islands(empty, empty, empty)
    run = np.cumsum(first) - 1
    # A running maximum of the ends that restarts with each run: lift each run above
    # everything before it.
    lift = run * np.int64(stride)
    reach = np.maximum.accumulate(lift + (ends - starts[first][run])) - lift
    reach += starts[first][run]
    opens = first.copy()
    opens[1:] |= starts[1:] > reach[:-1]
    begins = np.flatnonzero(opens)
    last = np.empty_like(begins)
    last[:-1] = begins[1:] - 1
    last[-1] = len(starts) - 1
    return Islands(run=run[begins], start=starts[begins], end=reach[last])


def run_sums(values: Ints, run: Ints, runs: int) -> Ints:
    """The sum of ``values`` per run index in ``range(runs)``."""
    return np.bincount(run, weights=values, minlength=runs).round().astype(np.int64)


class AnswerRuler:
    """How many answer characters lie before a place on the line: a cumulative count
    over every document's merged answer contents."""

    def __init__(self, contents: ContentColumns, stride: int) -> None:
        chosen = contents.answer
        documents = contents.document[chosen]
        placed = documents * np.int64(stride)
        merged = islands(
            placed + contents.start[chosen],
            placed + contents.end[chosen],
            first_of_runs(documents),
            stride,
        )
        self.starts = merged.start
        self.lengths = merged.end - merged.start
        self.before = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)
        self.documents = documents[first_of_runs(documents)]
        self.per_document = run_sums(self.lengths, merged.run, len(self.documents))

    def count_before(self, places: Ints) -> Ints:
        index = np.searchsorted(self.starts, places, side="right") - 1
        inside = index >= 0
        safe = np.where(inside, index, 0)
        if not len(self.starts):
            return np.zeros_like(places)
        counted = self.before[safe] + np.minimum(places - self.starts[safe], self.lengths[safe])
        return np.where(inside, counted, 0)

    def between(self, starts: Ints, ends: Ints) -> Ints:
        """Answer characters inside each place interval."""
        return self.count_before(ends) - self.count_before(starts)

    def totals(self) -> dict[int, int]:
        """Answer characters of each document that has answers."""
        return dict(zip(self.documents.tolist(), self.per_document.tolist(), strict=True))
