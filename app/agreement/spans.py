"""Agreement on the annotations themselves: matched spans and Krippendorff's αU.

A span is ``(document_id, start, end, tag)``, offsets in code points, end exclusive.

- ``exact_f1``: a match is the same document, start, end and tag in both sets;
  F1 = 2 m / (|A| + |B|).
- ``overlap_f1``: a match pairs spans of the same document and tag that share at least
  one character, each span in at most one pair; m is the size of a maximum matching
  (augmenting paths per document and tag); F1 = 2 m / (|A| + |B|).

``unitizing_alpha`` is Krippendorff's αU for one tag (Krippendorff 1995, "On the
reliability of unitizing continuous data", Sociological Methodology 25; restated in
Krippendorff 2004, "Measuring the reliability of qualitative text analysis data",
Quality & Quantity 38; the same computation as DKPro Statistics'
KrippendorffAlphaUnitizingAgreement). Each of the m annotators partitions every document
into segments: the annotator's units of the tag (v = 1) and the gaps between them (v = 0).
Spans of one annotator that overlap are merged into one unit first; spans that only touch
stay two units. Gaps end at document boundaries. L is the total length of the documents,
N the number of units of all annotators, a segment has begin b and length l, and

- δ²(g, h) = (b_g − b_h)² + (b_g + l_g − b_h − l_h)² when g and h are overlapping units;
  l_g² when unit g lies inside gap h; l_h² when unit h lies inside gap g; else 0;
- D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(g_i, h_j) / (m (m − 1) L²);
- D_e = (2 / L) Σ_units [ (N − 1) (2 l³ − 3 l² + l) / 3 + l² Σ_{gaps k, l_k ≥ l} (l_k − l + 1) ]
  / ( m L (m L − 1) − Σ_units l (l − 1) ), the gaps k being those of all annotators;
- αU = 1 − D_o / D_e.

Identical layers give 1. An annotator with no unit of the tag is a layer of gaps only: it
disagrees with every unit of the others. Layers without any overlap give a negative value
in general. αU is None when fewer than two annotators are compared, when the continuum is
empty, or when D_e is 0 (nobody marked anything, or every unit is one character long and
there is no unit to place otherwise).
"""

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np

Span = tuple[int, int, int, str]
Segment = tuple[int, int, bool]  # begin, length, is a unit


def f1(matches: int, a: int, b: int) -> float | None:
    """2 m / (a + b); None when both sets are empty."""
    return None if a + b == 0 else 2 * matches / (a + b)


def exact_f1(a: Collection[Span], b: Collection[Span]) -> float | None:
    """F1 of identical spans; None when both sets are empty."""
    return f1(len(set(a) & set(b)), len(set(a)), len(set(b)))


def _groups(spans: Iterable[Span]) -> dict[tuple[int, str], list[tuple[int, int]]]:
    groups: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    for document, start, end, tag in spans:
        groups[document, tag].append((start, end))
    return groups


def _neighbours(left: list[tuple[int, int]], right: list[tuple[int, int]]) -> list[list[int]]:
    """For each span of ``left``, the spans of ``right`` sharing a character with it."""
    order = sorted(range(len(right)), key=lambda k: right[k][0])
    starts = [right[k][0] for k in order]
    found: list[list[int]] = []
    for start, end in left:
        reach = bisect_left(starts, end)
        found.append([order[k] for k in range(reach) if right[order[k]][1] > start])
    return found


def _augment(root: int, adjacent: list[list[int]], mate_a: list[int], mate_b: list[int]) -> bool:
    """Look for an augmenting path from the free span ``root`` and flip it if found."""
    seen: set[int] = set()
    parent: dict[int, int] = {}
    stack = [(root, iter(adjacent[root]))]
    while stack:
        node, choices = stack[-1]
        for other in choices:
            if other in seen:
                continue
            seen.add(other)
            parent[other] = node
            if mate_b[other] < 0:
                while True:
                    owner = parent[other]
                    previous = mate_a[owner]
                    mate_a[owner], mate_b[other] = other, owner
                    if owner == root:
                        return True
                    other = previous
            stack.append((mate_b[other], iter(adjacent[mate_b[other]])))
            break
        else:
            stack.pop()
    return False


def _maximum_matching(left: list[tuple[int, int]], right: list[tuple[int, int]]) -> int:
    adjacent = _neighbours(left, right)
    mate_a = [-1] * len(left)
    mate_b = [-1] * len(right)
    return sum(_augment(root, adjacent, mate_a, mate_b) for root in range(len(left)))


def overlap_matches(a: Collection[Span], b: Collection[Span]) -> int:
    """The size of a maximum one-to-one matching of overlapping spans of the same document
    and tag (matchings of disjoint tags add up, so pooled figures sum them)."""
    left, right = _groups(set(a)), _groups(set(b))
    return sum(_maximum_matching(spans, right[key]) for key, spans in left.items() if key in right)


def overlap_f1(a: Collection[Span], b: Collection[Span]) -> float | None:
    """F1 of a maximum one-to-one matching of overlapping spans of the same document and
    tag; None when both sets are empty."""
    return f1(overlap_matches(a, b), len(set(a)), len(set(b)))


def _merged(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping intervals joined; touching ones kept apart."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def segments(
    layer: Collection[tuple[int, int, int]], lengths: Mapping[int, int]
) -> dict[int, list[Segment]]:
    """One annotator's partition of each document into units and gaps, in order."""
    by_document: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for document, start, end in layer:
        if document not in lengths or not 0 <= start <= end <= lengths[document]:
            raise ValueError(f"span ({document}, {start}, {end}) lies outside its document")
        if start < end:
            by_document[document].append((start, end))
    result: dict[int, list[Segment]] = {}
    for document, length in lengths.items():
        parts: list[Segment] = []
        position = 0
        for start, end in _merged(by_document[document]):
            if start > position:
                parts.append((position, start - position, False))
            parts.append((start, end - start, True))
            position = end
        if length > position:
            parts.append((position, length - position, False))
        result[document] = parts
    return result


def delta_squared(g: Segment, h: Segment) -> int:
    """Krippendorff's δ² between two segments of different annotators."""
    (b_g, l_g, unit_g), (b_h, l_h, unit_h) = g, h
    if unit_g and unit_h:
        if b_g < b_h + l_h and b_h < b_g + l_g:
            return (b_g - b_h) ** 2 + (b_g + l_g - b_h - l_h) ** 2
        return 0
    if unit_g and not unit_h and b_h <= b_g and b_g + l_g <= b_h + l_h:
        return l_g * l_g
    if unit_h and not unit_g and b_g <= b_h and b_h + l_h <= b_g + l_g:
        return l_h * l_h
    return 0


def _pair_disagreement(first: list[Segment], second: list[Segment]) -> int:
    """Σ δ² over the overlapping segments of two partitions of one document: only
    segments that share a character can differ."""
    total = 0
    i = j = 0
    while i < len(first) and j < len(second):
        total += delta_squared(first[i], second[j])
        if first[i][0] + first[i][1] <= second[j][0] + second[j][1]:
            i += 1
        else:
            j += 1
    return total


def unitizing_alpha(
    layers: Sequence[Collection[tuple[int, int, int]]], lengths: Mapping[int, int]
) -> float | None:
    """Krippendorff's αU (module docstring) of one tag: ``layers`` holds each annotator's
    spans ``(document_id, start, end)``, ``lengths`` each document's length."""
    m = len(layers)
    total_length = sum(lengths.values())
    if m < 2 or total_length == 0:
        return None
    partitions = [segments(layer, lengths) for layer in layers]
    observed = 0
    for i in range(m):
        for j in range(i + 1, m):
            for document in lengths:
                observed += _pair_disagreement(partitions[i][document], partitions[j][document])
    units = np.array(
        [s[1] for p in partitions for parts in p.values() for s in parts if s[2]], dtype=np.float64
    )
    gaps = np.sort(
        np.array(
            [s[1] for p in partitions for parts in p.values() for s in parts if not s[2]],
            dtype=np.float64,
        )
    )
    # Σ over gaps k with l_k >= l of (l_k - l + 1), for every unit length l at once.
    suffix = np.concatenate([np.cumsum(gaps[::-1])[::-1], [0.0]])
    first = np.searchsorted(gaps, units, side="left")
    fitting = suffix[first] - (units - 1) * (len(gaps) - first)
    n = len(units)
    placements = (n - 1) * (2 * units**3 - 3 * units**2 + units) / 3 + units**2 * fitting
    denominator = m * total_length * (m * total_length - 1) - float(np.sum(units * (units - 1)))
    expected = 2 / total_length * float(np.sum(placements)) / denominator
    if expected == 0:
        return None
    return 1 - 2 * observed / (m * (m - 1) * total_length**2) / expected
