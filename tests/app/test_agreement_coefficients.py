"""The nominal agreement figures against reference libraries and hand-worked examples."""

import math
import warnings

import krippendorff
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import (  # type: ignore[import-untyped]
    aggregate_raters,
    fleiss_kappa,
)

from app.agreement.coefficients import Nominal, nominal

Codes = npt.NDArray[np.int64]
NAMES = ("ann", "bo", "chen", "dai")


@st.composite
def code_matrices(draw: st.DrawFn) -> tuple[Codes, Codes | None]:
    """Small matrices, often degenerate (one value, one unit, one annotator)."""
    units = draw(st.integers(1, 12))
    raters = draw(st.integers(1, 4))
    top = draw(st.sampled_from([0, 1, 1, 2, 3]))
    cells = draw(st.lists(st.integers(0, top), min_size=units * raters, max_size=units * raters))
    codes = np.array(cells, dtype=np.int64).reshape(units, raters)
    weights = None
    if draw(st.booleans()):
        weights = np.array(draw(st.lists(st.integers(0, 4), min_size=units, max_size=units)))
    return codes, weights


def _reference_or_none(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _close(ours: float | None, reference: float | None) -> bool:
    if ours is None or reference is None:
        return ours is None and reference is None
    return abs(ours - reference) < 1e-9


def _gwet_loop(codes: Codes, categories: list[int]) -> float | None:
    """Gwet (2008) AC1 for several raters, one unit at a time."""
    units, raters = codes.shape
    q = len(categories)
    if raters < 2 or q < 2 or units == 0:
        return None
    agreement = 0.0
    shares = dict.fromkeys(categories, 0.0)
    for row in codes.tolist():
        for k in categories:
            r_k = row.count(k)
            agreement += r_k * (r_k - 1) / (raters * (raters - 1))
            shares[k] += r_k / raters
    agreement /= units
    chance = sum((s / units) * (1 - s / units) for s in shares.values()) / (q - 1)
    return (agreement - chance) / (1 - chance)


def _krippendorff(codes: Codes) -> float | None:
    try:
        value = krippendorff.alpha(reliability_data=codes.T, level_of_measurement="nominal")
    except ValueError:  # the library refuses data with a single value
        return None
    return _reference_or_none(value)


def _check_against_references(codes: Codes, result: Nominal) -> None:
    names = NAMES[: codes.shape[1]]
    assert result.units == len(codes)
    unanimous = np.mean([len(set(row.tolist())) == 1 for row in codes])
    assert result.percent is not None and abs(result.percent - unanimous) < 1e-12
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            reference = _reference_or_none(cohen_kappa_score(codes[:, i], codes[:, j]))
            assert _close(result.pairwise_cohen_kappa[f"{names[i]}|{names[j]}"], reference)
    defined = [k for k in result.pairwise_cohen_kappa.values() if k is not None]
    assert _close(result.cohen_kappa, float(np.mean(defined)) if defined else None)
    table, _ = aggregate_raters(codes)
    assert _close(result.fleiss_kappa, _reference_or_none(fleiss_kappa(table)))
    assert _close(result.krippendorff_alpha, _krippendorff(codes))
    values, counts = np.unique(codes, return_counts=True)
    assert _close(result.gwet_ac1, _gwet_loop(codes, values.tolist()))
    assert abs(result.majority_share - counts.max() / codes.size) < 1e-12


@settings(max_examples=150, deadline=None)
@given(code_matrices())
def test_figures_equal_the_reference_libraries(case: tuple[Codes, Codes | None]) -> None:
    codes, weights = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if weights is None:
            _check_against_references(codes, nominal(codes, NAMES[: codes.shape[1]]))
            return
        expanded = np.repeat(codes, weights, axis=0)
        result = nominal(codes, NAMES[: codes.shape[1]], weights)
        if len(expanded) == 0:
            assert result == nominal(expanded, NAMES[: codes.shape[1]])
            return
        _check_against_references(expanded, result)


def test_gwet_ac1_by_hand() -> None:
    codes = np.array([[0, 0], [0, 0], [1, 1], [0, 1]])
    # p_a = 3/4; π = (5/8, 3/8); p_e = 2 · 15/64 = 15/32; AC1 = (24 - 15) / (32 - 15).
    result = nominal(codes, ["a", "b"])
    assert result.gwet_ac1 == pytest.approx(9 / 17, abs=1e-12)
    assert result.percent == pytest.approx(0.75)
    # p_o = 3/4, p_e = 3/4 · 1/2 + 1/4 · 1/2 = 1/2, kappa = 1/2.
    assert result.pairwise_cohen_kappa == {"a|b": pytest.approx(0.5)}


def test_three_annotators_by_hand() -> None:
    codes = np.array([[1, 1, 1], [1, 1, 0], [0, 0, 0], [0, 0, 0]])
    result = nominal(codes, ["a", "b", "c"])
    # P̄ = (1 + 1/3 + 1 + 1) / 4 = 5/6; p = (7/12, 5/12); P̄e = 74/144.
    assert result.fleiss_kappa == pytest.approx((5 / 6 - 74 / 144) / (1 - 74 / 144))
    # p_e for AC1 = 2 · 35/144 = 70/144.
    assert result.gwet_ac1 == pytest.approx((5 / 6 - 70 / 144) / (1 - 70 / 144))
    assert result.majority_share == pytest.approx(7 / 12)
    assert result.percent == pytest.approx(0.75)


def test_one_value_throughout() -> None:
    codes = np.zeros((6, 3), dtype=np.int64)
    result = nominal(codes, ["a", "b", "c"])
    assert result.percent == 1.0
    assert result.pairwise_cohen_kappa == {"a|b": None, "a|c": None, "b|c": None}
    assert result.cohen_kappa is None
    assert result.fleiss_kappa is None
    assert result.krippendorff_alpha is None
    assert result.gwet_ac1 is None
    assert result.majority_share == 1.0


def test_binary_categories_define_ac1_for_one_observed_value() -> None:
    codes = np.zeros((6, 2), dtype=np.int64)
    # q = 2: π = (1, 0), p_e = 0, AC1 = p_a = 1.
    assert nominal(codes, ["a", "b"], categories=2).gwet_ac1 == 1.0
    mixed = np.array([[0, 1], [1, 1], [0, 0]])
    assert nominal(mixed, ["a", "b"], categories=2).gwet_ac1 == nominal(mixed, ["a", "b"]).gwet_ac1
    # Three possible categories, two observed: p_a = 2/3, π = (1/2, 1/2, 0),
    # p_e = (1/4 + 1/4) / 2 = 1/4, AC1 = (2/3 - 1/4) / (3/4) = 5/9.
    assert nominal(mixed, ["a", "b"], categories=3).gwet_ac1 == pytest.approx(5 / 9)
    with pytest.raises(ValueError):
        nominal(np.array([[0, 2]]), ["a", "b"], categories=2)


def test_no_units() -> None:
    for codes, weights in (
        (np.zeros((0, 2), dtype=np.int64), None),
        (np.array([[0, 1], [1, 1]]), np.array([0, 0])),
    ):
        result = nominal(codes, ["a", "b"], weights)
        assert result == Nominal(0, None, None, {"a|b": None}, None, None, None, 0.0)


def test_one_annotator_has_no_chance_corrected_figures() -> None:
    result = nominal(np.array([[0], [1], [1]]), ["solo"])
    assert result.percent == 1.0
    assert result.pairwise_cohen_kappa == {}
    assert result.cohen_kappa is None
    assert result.fleiss_kappa is None
    assert result.krippendorff_alpha is None
    assert result.gwet_ac1 is None
    assert result.majority_share == pytest.approx(2 / 3)


def test_run_length_weights_on_many_units() -> None:
    rng = np.random.default_rng(7)
    codes = rng.integers(0, 2, size=(400, 3))
    weights = rng.integers(1, 5000, size=400)
    result = nominal(codes, ["a", "b", "c"], weights)
    assert result.units == int(weights.sum())
    expanded = np.repeat(codes, weights, axis=0)
    reference = krippendorff.alpha(reliability_data=expanded.T, level_of_measurement="nominal")
    assert result.krippendorff_alpha == pytest.approx(reference, abs=1e-9)
    table, _ = aggregate_raters(expanded)
    assert result.fleiss_kappa == pytest.approx(fleiss_kappa(table), abs=1e-9)
    kappa = cohen_kappa_score(expanded[:, 0], expanded[:, 2])
    assert result.pairwise_cohen_kappa["a|c"] == pytest.approx(kappa, abs=1e-9)


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        nominal(np.array([[0, 1]]), ["a"])
    with pytest.raises(ValueError):
        nominal(np.array([[0, -1]]), ["a", "b"])
    with pytest.raises(ValueError):
        nominal(np.array([[0, 1]]), ["a", "b"], np.array([-1]))
    with pytest.raises(ValueError):
        nominal(np.zeros((2, 0), dtype=np.int64), [])
