"""Which tags go together: for each pair of tags, how many of their annotations overlap
and how many question or answer turns carry both.

A turn carries a tag when an annotation of the tag overlaps the turn's content (after
the speaker label) by at least one character. The coefficient ``c`` is the Jaccard
index of the two sets of turns; it misleads when one tag is far more frequent than the
other, which ``skewed`` says.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from app.project import Project
from app.statistics.arrays import Ints
from app.statistics.matrix import Corpus, TagRef, load_corpus

# One tag more than this many times as frequent (in turns) as the other: c misleads.
SKEW_RATIO = 5


@dataclass(frozen=True)
class TagPair:
    """Two tags, ``first`` before ``second`` in codebook order, and what they share.

    ``first_turns`` and ``second_turns`` are the numbers of question or answer turns
    carrying each tag, ``same_turn`` the number carrying both.
    """

    first: TagRef
    second: TagRef
    overlapping: int
    same_turn: int
    first_turns: int
    second_turns: int

    @property
    def key(self) -> str:
        return f"{self.first.name}|{self.second.name}"

    @property
    def c(self) -> float:
        union = self.first_turns + self.second_turns - self.same_turn
        return self.same_turn / union if union else 0.0

    @property
    def skewed(self) -> bool:
        low, high = sorted((self.first_turns, self.second_turns))
        return high > SKEW_RATIO * low


@dataclass(frozen=True)
class Cooccurrence:
    """Every pair of tags, keyed by their ids in codebook order and listed in that order,
    and the number of question or answer turns carrying each tag."""

    tags: tuple[TagRef, ...]
    turns: Mapping[int, int]
    pairs: Mapping[tuple[int, int], TagPair]

    def pair(self, first_id: int, second_id: int) -> TagPair:
        """The pair of these two (different) tags, given in either order."""
        found = self.pairs.get((first_id, second_id))
        return found if found is not None else self.pairs[(second_id, first_id)]


@dataclass(frozen=True)
class _Placed:
    """One tag's annotations as places on the line (app.statistics.arrays), in any
    order, with their starts and ends also each sorted, and their count per document."""

    documents: Ints
    starts: Ints
    ends: Ints
    sorted_starts: Ints
    sorted_ends: Ints
    per_document: Ints

    @classmethod
    def of(cls, documents: Ints, starts: Ints, ends: Ints, document_count: int) -> "_Placed":
        return cls(
            documents=documents,
            starts=starts,
            ends=ends,
            sorted_starts=np.sort(starts),
            sorted_ends=np.sort(ends),
            per_document=np.bincount(documents, minlength=document_count),
        )


def _overlapping(mine: _Placed, theirs: _Placed) -> int:
    """Pairs of one annotation of each, in the same document, sharing at least one
    character: all pairs in the same documents, less those where theirs lies wholly
    after mine (starts at or after its end) or wholly before it (ends at or before its
    start). Counted over sorted places: a sum does not depend on the order."""
    together = int(np.dot(mine.per_document, theirs.per_document))
    if not together:
        return 0
    # Theirs in documents up to and including each document, and before it.
    through = np.cumsum(theirs.per_document)
    up_to = int(np.dot(mine.per_document, through))
    before_document = int(np.dot(mine.per_document, through - theirs.per_document))
    after = up_to - int(np.searchsorted(theirs.sorted_starts, mine.sorted_ends, "left").sum())
    before = int(np.searchsorted(theirs.sorted_ends, mine.sorted_starts, "right").sum())
    return together - after - (before - before_document)


def _carried(corpus: Corpus, dense: Ints, starts: Ints, ends: Ints) -> NDArray[np.float64]:
    """Turns × tags: 1 where an annotation of the tag overlaps the turn's content (the
    contents are sorted and never overlap, so the turns an annotation overlaps are a
    run found with two binary searches)."""
    contents, stride = corpus.contents, corpus.stride
    placed = contents.document * np.int64(stride)
    turn_starts, turn_ends = placed + contents.start, placed + contents.end
    first = np.searchsorted(turn_ends, starts, side="right")
    count = np.maximum(np.searchsorted(turn_starts, ends, side="left") - first, 0)
    total = int(count.sum())
    runs = np.repeat(np.cumsum(count) - count, count)
    turns = np.repeat(first, count) + np.arange(total) - runs
    carried = np.zeros((len(contents), len(corpus.tags)), dtype=np.float64)
    carried[turns, np.repeat(dense, count)] = 1.0
    return carried


def build_cooccurrence(corpus: Corpus) -> Cooccurrence:
    tags, spans, stride = corpus.tags, corpus.spans, corpus.stride
    ids = np.fromiter((tag.id for tag in tags), dtype=np.int64, count=len(tags))
    by_id = np.argsort(ids)
    dense = by_id[np.searchsorted(ids, spans.tag, sorter=by_id)]
    placed = spans.document * np.int64(stride)
    starts, ends = placed + spans.start, placed + spans.end
    documents = np.unique(spans.document, return_inverse=True)[1].astype(np.int64)
    by_tag = [
        _Placed.of(
            documents[chosen], starts[chosen], ends[chosen], int(documents.max(initial=-1)) + 1
        )
        for chosen in (dense == index for index in range(len(tags)))
    ]
    carried = _carried(corpus, dense, starts, ends)
    turns_with = carried.sum(axis=0).round().astype(np.int64).tolist()
    both = (carried.T @ carried).round().astype(np.int64).tolist()
    pairs: dict[tuple[int, int], TagPair] = {}
    for i, j in combinations(range(len(tags)), 2):
        first, second = tags[i], tags[j]
        pairs[(first.id, second.id)] = TagPair(
            first=first,
            second=second,
            overlapping=_overlapping(by_tag[i], by_tag[j]),
            same_turn=both[i][j],
            first_turns=turns_with[i],
            second_turns=turns_with[j],
        )
    turns = {tag.id: turns_with[index] for index, tag in enumerate(tags)}
    return Cooccurrence(tags=tags, turns=turns, pairs=pairs)


def cooccurrence(project: Project) -> Cooccurrence:
    """Overlaps and shared turns of every pair of tags in the project."""
    with project.reading() as session:
        corpus = load_corpus(session)
    return build_cooccurrence(corpus)
