"""Span agreement: F1 by exact and overlapping match, and Krippendorff's αU checked
against a brute-force reading of the published formula."""

from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]

from app.agreement.spans import Span, exact_f1, overlap_f1, unitizing_alpha

Piece = tuple[int, int, int]  # global begin, length, 1 for a unit and 0 for a gap


def _layer_pieces(layer: set[tuple[int, int, int]], lengths: Mapping[int, int]) -> list[Piece]:
    """Units (overlapping spans joined) and gaps on the line through all documents."""
    pieces: list[Piece] = []
    offset = 0
    for document in sorted(lengths):
        units: list[list[int]] = []
        for start, end in sorted((s, e) for d, s, e in layer if d == document and s < e):
            if units and start < units[-1][1]:
                units[-1][1] = max(units[-1][1], end)
            else:
                units.append([start, end])
        position = 0
        for start, end in units:
            if start > position:
                pieces.append((offset + position, start - position, 0))
            pieces.append((offset + start, end - start, 1))
            position = end
        if lengths[document] > position:
            pieces.append((offset + position, lengths[document] - position, 0))
        offset += lengths[document]
    return pieces


def _delta(g: Piece, h: Piece) -> int:
    (b_g, l_g, v_g), (b_h, l_h, v_h) = g, h
    if v_g == 1 and v_h == 1 and -l_g < b_g - b_h < l_h:
        return (b_g - b_h) ** 2 + (b_g + l_g - b_h - l_h) ** 2
    if v_g == 1 and v_h == 0 and l_h - l_g >= b_g - b_h >= 0:
        return l_g**2
    if v_g == 0 and v_h == 1 and l_g - l_h >= b_h - b_g >= 0:
        return l_h**2
    return 0


def _brute_alpha(
    layers: Sequence[set[tuple[int, int, int]]], lengths: Mapping[int, int]
) -> float | None:
    """Krippendorff (1995, 2004) αU over every pair of segments of every pair of
    annotators, in exact fractions of integers until the final division."""
    m, big_l = len(layers), sum(lengths.values())
    if m < 2 or big_l == 0:
        return None
    pieces = [_layer_pieces(layer, lengths) for layer in layers]
    d_o_sum = sum(
        _delta(g, h)
        for i in range(m)
        for j in range(m)
        if i != j
        for g in pieces[i]
        for h in pieces[j]
    )
    n_c = sum(v for p in pieces for _, _, v in p)
    numerator = 0
    for p in pieces:
        for _, l_g, v_g in p:
            if not v_g:
                continue
            fits = sum(l_h - l_g + 1 for q in pieces for _, l_h, v_h in q if not v_h and l_h >= l_g)
            numerator += 2 * ((n_c - 1) * (2 * l_g**3 - 3 * l_g**2 + l_g) + 3 * l_g**2 * fits)
    denominator = (
        3
        * big_l
        * (
            m * big_l * (m * big_l - 1)
            - sum(size * (size - 1) for p in pieces for _, size, v in p if v)
        )
    )
    if numerator == 0:
        return None
    d_o = d_o_sum / (m * (m - 1) * big_l**2)
    return 1 - d_o * denominator / numerator


@st.composite
def continua(draw: st.DrawFn) -> tuple[list[set[tuple[int, int, int]]], dict[int, int]]:
    lengths = {document: draw(st.integers(0, 25)) for document in range(draw(st.integers(1, 3)))}
    layers: list[set[tuple[int, int, int]]] = []
    for _ in range(draw(st.integers(2, 4))):
        layer: set[tuple[int, int, int]] = set()
        for _ in range(draw(st.integers(0, 5))):
            document = draw(st.sampled_from(sorted(lengths)))
            if lengths[document] == 0:
                continue
            start = draw(st.integers(0, lengths[document] - 1))
            layer.add((document, start, draw(st.integers(start + 1, lengths[document]))))
        layers.append(layer)
    return layers, lengths


@settings(max_examples=150, deadline=None)
@given(continua())
def test_unitizing_alpha_equals_the_formula_over_all_segment_pairs(
    case: tuple[list[set[tuple[int, int, int]]], dict[int, int]],
) -> None:
    layers, lengths = case
    ours, reference = unitizing_alpha(layers, lengths), _brute_alpha(layers, lengths)
    if reference is None:
        assert ours is None
    else:
        assert ours is not None and abs(ours - reference) < 1e-9


def test_krippendorff_worked_example() -> None:
    # Krippendorff (2004), category c: two observers on a continuum of 300 characters.
    first = {(0, 75, 145), (0, 220, 250)}
    second = {(0, 70, 150), (0, 205, 225), (0, 250, 270)}
    assert unitizing_alpha([first, second], {0: 300}) == pytest.approx(0.7285, abs=1e-4)


def test_identical_layers_agree_fully() -> None:
    layer = {(1, 2, 9), (1, 12, 20), (2, 0, 4)}
    assert unitizing_alpha([layer, set(layer), set(layer)], {1: 30, 2: 10}) == 1.0


def test_disjoint_layers() -> None:
    # Each unit lies in a gap of the other: D_o = 2 (10² + 10²) / (2 · 100²) = 0.02.
    # Gaps 90, 20, 70: each unit 1 · 570 + 10² · (81 + 11 + 61) = 15870;
    # D_e = (2 / 100) · 31740 / (200 · 199 − 2 · 90) = 634.8 / 39620 ≈ 0.016;
    # αU = 1 − 0.02 / D_e ≈ −0.248.
    alpha = unitizing_alpha([{(0, 0, 10)}, {(0, 20, 30)}], {0: 100})
    assert alpha == pytest.approx(1 - 0.02 * 39620 / 634.8, abs=1e-12)
    assert alpha is not None and alpha < 0


def test_one_silent_annotator_disagrees_with_every_unit() -> None:
    # The silent layer is one gap; each unit of the other lies inside it.
    layers: list[set[tuple[int, int, int]]] = [{(0, 10, 20), (0, 40, 45)}, set()]
    alpha = unitizing_alpha(layers, {0: 60})
    assert alpha == pytest.approx(_brute_alpha(layers, {0: 60}), abs=1e-12)
    assert alpha is not None and alpha < 0


def test_undefined_alpha() -> None:
    assert unitizing_alpha([set(), set()], {0: 50, 1: 7}) is None
    assert unitizing_alpha([{(0, 1, 5)}], {0: 50}) is None
    assert unitizing_alpha([set(), set()], {}) is None


def test_overlapping_spans_of_one_annotator_are_merged() -> None:
    merged = unitizing_alpha([{(0, 2, 8)}, {(0, 2, 8)}], {0: 20})
    assert unitizing_alpha([{(0, 2, 6), (0, 4, 8)}, {(0, 2, 8)}], {0: 20}) == merged == 1.0
    touching = unitizing_alpha([{(0, 2, 5), (0, 5, 8)}, {(0, 2, 8)}], {0: 20})
    assert touching is not None and touching < 1.0


def test_spans_outside_their_document_are_refused() -> None:
    with pytest.raises(ValueError):
        unitizing_alpha([{(0, 5, 30)}, set()], {0: 20})
    with pytest.raises(ValueError):
        unitizing_alpha([{(3, 0, 1)}, set()], {0: 20})


def test_exact_f1() -> None:
    a = {(1, 0, 5, "x"), (1, 6, 9, "x"), (2, 0, 3, "y")}
    b = {(1, 0, 5, "x"), (1, 6, 9, "y"), (2, 0, 3, "y"), (2, 4, 5, "y")}
    assert exact_f1(a, b) == pytest.approx(2 * 2 / 7)
    assert exact_f1(set(), set()) is None
    assert exact_f1(a, set()) == 0.0


def test_overlap_f1_needs_a_maximum_matching() -> None:
    # Taking the first overlap of (0, 10) would leave (9, 12) alone: the maximum is 2.
    a = {(0, 0, 10, "x"), (0, 9, 12, "x")}
    b = {(0, 0, 10, "x"), (0, 3, 4, "x")}
    assert overlap_f1(a, b) == 1.0
    # One span overlapping two: matched once.
    assert overlap_f1({(0, 0, 10, "x")}, {(0, 5, 15, "x"), (0, 8, 9, "x")}) == pytest.approx(2 / 3)
    # Touching is not overlapping; another tag or document never matches.
    assert overlap_f1({(0, 0, 5, "x")}, {(0, 5, 9, "x"), (0, 0, 5, "y"), (1, 0, 5, "x")}) == 0.0
    assert overlap_f1(set(), set()) is None


def _assignment_f1(a: set[Span], b: set[Span]) -> float | None:
    if not a and not b:
        return None
    left, right = sorted(a), sorted(b)
    if not left or not right:
        return 0.0
    overlap = np.array(
        [
            [int(x[0] == y[0] and x[3] == y[3] and x[1] < y[2] and y[1] < x[2]) for y in right]
            for x in left
        ]
    )
    rows, columns = linear_sum_assignment(overlap, maximize=True)
    return 2 * int(overlap[rows, columns].sum()) / (len(a) + len(b))


spans = st.sets(
    st.tuples(st.integers(0, 1), st.integers(0, 30), st.integers(1, 8), st.sampled_from("xy")).map(
        lambda t: (t[0], t[1], t[1] + t[2], t[3])
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(spans, spans)
def test_overlap_f1_equals_an_optimal_assignment(a: set[Span], b: set[Span]) -> None:
    overlap, reference = overlap_f1(a, b), _assignment_f1(a, b)
    if reference is None:
        assert overlap is None
        return
    assert overlap == pytest.approx(reference, abs=1e-12)
    assert overlap == overlap_f1(b, a)
    exact = exact_f1(a, b)
    assert exact is not None and overlap is not None and exact <= overlap
