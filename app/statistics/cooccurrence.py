"""Which tags go together: for each pair of tags, how many of their annotations overlap
and how many question or answer turns carry both.

A turn carries a tag when an annotation of the tag overlaps the turn's content (after
the speaker label) by at least one character. The coefficient ``c`` is the Jaccard
index of the two sets of turns; it misleads when one tag is far more frequent than the
other, which ``skewed`` says.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from app.project import Project
from app.statistics.matrix import Content, Corpus, Span, TagRef, load_corpus

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


def _overlapping(spans: Sequence[Span], dense: Mapping[int, int], counts: list[list[int]]) -> None:
    """Add the document's overlapping pairs of annotations to ``counts[a][b]`` (tags by
    codebook index, a the tag of the one starting later, same tags included).

    One sweep by start: the annotations still open when one starts are exactly those
    before it that overlap it.
    """
    still_open: list[tuple[int, int]] = []  # (end, tag index)
    for _document, start, end, tag, _annotator in spans:
        index = dense[tag]
        if still_open:
            still_open = [item for item in still_open if item[0] > start]
            row = counts[index]
            for _end, other in still_open:
                row[other] += 1
        still_open.append((end, index))


def _turn_masks(
    spans: Sequence[Span], contents: Sequence[Content], dense: Mapping[int, int]
) -> list[int]:
    """The tags each question or answer turn carries, as bits by codebook index (turns
    sorted and not overlapping, so the first turn ending after a start only moves on)."""
    starts = [start for _kind, start, _end in contents]
    ends = [end for _kind, _start, end in contents]
    masks = [0] * len(contents)
    turns = len(contents)
    first = 0
    for _document, start, end, tag, _annotator in spans:
        while first < turns and ends[first] <= start:
            first += 1
        index = first
        bit = 1 << dense[tag]
        while index < turns and starts[index] < end:
            masks[index] |= bit
            index += 1
    return masks


def build_cooccurrence(corpus: Corpus) -> Cooccurrence:
    tags = corpus.tags
    dense = {tag.id: index for index, tag in enumerate(tags)}
    overlapping = [[0] * len(tags) for _ in tags]
    combined: dict[int, int] = {}  # a set of tags (as bits) → turns carrying exactly it
    for document_id, spans in corpus.spans.items():
        _overlapping(spans, dense, overlapping)
        for mask in _turn_masks(spans, corpus.contents.get(document_id, ()), dense):
            if mask:
                combined[mask] = combined.get(mask, 0) + 1
    carried = [0] * len(tags)
    same_turn = [[0] * len(tags) for _ in tags]
    for mask, number in combined.items():
        present = [index for index in range(len(tags)) if mask >> index & 1]
        for index in present:
            carried[index] += number
        for low, high in combinations(present, 2):
            same_turn[low][high] += number
    pairs: dict[tuple[int, int], TagPair] = {}
    for i, j in combinations(range(len(tags)), 2):
        first, second = tags[i], tags[j]
        pairs[(first.id, second.id)] = TagPair(
            first=first,
            second=second,
            overlapping=overlapping[i][j] + overlapping[j][i],
            same_turn=same_turn[i][j],
            first_turns=carried[i],
            second_turns=carried[j],
        )
    turns = {tag.id: carried[index] for index, tag in enumerate(tags)}
    return Cooccurrence(tags=tags, turns=turns, pairs=pairs)


def cooccurrence(project: Project) -> Cooccurrence:
    """Overlaps and shared turns of every pair of tags in the project."""
    with project.reading() as session:
        corpus = load_corpus(session)
    return build_cooccurrence(corpus)
