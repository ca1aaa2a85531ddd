"""Chance-corrected agreement on nominal codes: every annotator codes every unit.

``codes`` holds one row per unit and one column per annotator, each cell a small
non-negative integer category. A row may stand for several identical units (``weights``,
the run length of character units); every figure equals the figure on the expanded rows.

Definitions (``N`` units, ``r`` annotators, ``n_uk`` the number of annotators giving unit
``u`` the value ``k``):

- percent: share of units on which all annotators give the same value.
- Cohen's kappa (Cohen 1960) for each pair of annotators, ``(p_o - p_e) / (1 - p_e)`` with
  ``p_e`` from each annotator's own value shares; ``cohen_kappa`` is the mean of the
  defined pairwise values.
- Fleiss's kappa (Fleiss 1971): ``P̄`` the mean over units of
  ``Σ_k n_uk (n_uk - 1) / (r (r - 1))``, ``P̄e = Σ_k p_k²`` with ``p_k`` the share of all
  ratings with value ``k``.
- Krippendorff's alpha, nominal, through the coincidence matrix; with no missing values
  every unit is pairable: ``α = 1 - (n - 1) Σ_u (r² - Σ_k n_uk²) / (r - 1) / (n² - Σ_k n_k²)``
  with ``n = N r`` and ``n_k`` the number of ratings with value ``k``.
- Gwet's AC1 for several annotators (Gwet 2008): ``p_a = P̄`` as above,
  ``p_e = Σ_k p_k (1 - p_k) / (q - 1)``. ``q`` is the number of categories: ``categories``
  when the caller gives it (Fangtan's presence codes pass 2, so a tag nobody used still
  has two possible values), else the number of distinct values observed.

A figure that the formula leaves undefined (a zero denominator) is None, never NaN.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

PAIR_SEPARATOR = "|"
# Rows are counted by pattern through one bincount while there are at most this many.
COMPACT_PATTERNS = 1 << 16
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Nominal:
    """The agreement figures of one set of units."""

    units: int
    percent: float | None
    cohen_kappa: float | None
    pairwise_cohen_kappa: dict[str, float | None]
    fleiss_kappa: float | None
    krippendorff_alpha: float | None
    gwet_ac1: float | None
    majority_share: float


def _chance_corrected(observed: float, chance: float) -> float | None:
    return None if chance == 1 else (observed - chance) / (1 - chance)


def _weights_of(codes: npt.NDArray[np.int64], weights: npt.ArrayLike | None) -> Floats:
    if weights is None:
        return np.ones(len(codes), dtype=np.float64)
    w = np.asarray(weights)
    if w.shape != (len(codes),):
        raise ValueError("weights need one count per row of codes")
    if len(w) and w.min() < 0:
        raise ValueError("weights cannot be negative")
    return w.astype(np.float64)


def _compress(
    matrix: npt.NDArray[np.int64], w: Floats, size: int
) -> tuple[npt.NDArray[np.int64], Floats]:
    """The distinct rows of ``matrix`` and the total weight of each."""
    raters = matrix.shape[1]
    if size**raters <= COMPACT_PATTERNS:
        key = np.zeros(len(matrix), dtype=np.int64)
        for j in range(raters):
            key += matrix[:, j] * size**j
        totals = np.bincount(key, weights=w, minlength=size**raters)
        seen = np.flatnonzero(totals)
        digits = np.array([(seen // size**j) % size for j in range(raters)], dtype=np.int64)
        return digits.T.reshape(len(seen), raters), totals[seen].astype(np.float64)
    rows, inverse = np.unique(matrix, axis=0, return_inverse=True)
    totals = np.bincount(inverse.ravel(), weights=w, minlength=len(rows))
    keep = totals > 0
    return rows[keep], totals[keep].astype(np.float64)


def _pairwise(
    codes: npt.NDArray[np.int64], names: Sequence[str], w: Floats, size: int, total: float
) -> dict[str, float | None]:
    shares = [
        np.bincount(codes[:, j], weights=w, minlength=size) / total for j in range(len(names))
    ]
    pairs: dict[str, float | None] = {}
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            same = float(w[codes[:, i] == codes[:, j]].sum()) / total
            chance = float(np.dot(shares[i], shares[j]))
            pairs[f"{names[i]}{PAIR_SEPARATOR}{names[j]}"] = _chance_corrected(same, chance)
    return pairs


def _empty(names: Sequence[str]) -> Nominal:
    pairs: dict[str, float | None] = {
        f"{names[i]}{PAIR_SEPARATOR}{names[j]}": None
        for i in range(len(names))
        for j in range(i + 1, len(names))
    }
    return Nominal(0, None, None, pairs, None, None, None, 0.0)


def nominal(
    codes: npt.ArrayLike,
    names: Sequence[str],
    weights: npt.ArrayLike | None = None,
    *,
    categories: int | None = None,
) -> Nominal:
    """The figures of the module docstring for ``codes`` (units × annotators, in the order
    of ``names``), each row counted ``weights[row]`` times (default once)."""
    matrix = np.asarray(codes, dtype=np.int64)
    if matrix.ndim != 2 or matrix.shape[1] != len(names):
        raise ValueError("codes need one column per annotator name")
    if not names:
        raise ValueError("agreement needs at least one annotator")
    w = _weights_of(matrix, weights)
    total = float(w.sum())
    if matrix.size and matrix.min() < 0:
        raise ValueError("codes must be non-negative integers")
    size = int(matrix.max()) + 1 if matrix.size else 1
    if categories is not None and size > categories:
        raise ValueError(f"codes must lie below categories={categories}")
    if total == 0:
        return _empty(names)
    matrix, w = _compress(matrix, w, size)
    raters = len(names)
    ratings = np.zeros(size, dtype=np.float64)
    for j in range(raters):
        ratings += np.bincount(matrix[:, j], weights=w, minlength=size)
    present = np.flatnonzero(ratings)
    p = ratings / (total * raters)

    # Per unit Σ_k n_uk² and its weighted sum over units.
    squares = np.zeros(len(matrix), dtype=np.float64)
    for value in present:
        count = np.count_nonzero(matrix == value, axis=1)
        squares += count.astype(np.float64) ** 2
    sum_squares = float(np.dot(w, squares))

    unanimous = float(w[squares == raters * raters].sum()) / total
    pairwise = _pairwise(matrix, names, w, size, total)
    defined = [kappa for kappa in pairwise.values() if kappa is not None]

    fleiss = gwet = alpha = None
    if raters >= 2:
        agreeing = (sum_squares - total * raters) / (total * raters * (raters - 1))
        if len(present) >= 2:
            fleiss = _chance_corrected(agreeing, float(np.dot(p, p)))
        q = categories if categories is not None else len(present)
        if q >= 2:
            gwet = _chance_corrected(agreeing, float(np.dot(p, 1 - p)) / (q - 1))
        if len(present) >= 2:
            n = total * raters
            observed = (total * raters * raters - sum_squares) / (raters - 1)
            expected = n * n - float(np.dot(ratings, ratings))
            alpha = 1 - (n - 1) * observed / expected
    return Nominal(
        units=round(total),
        percent=unanimous,
        cohen_kappa=float(np.mean(defined)) if defined else None,
        pairwise_cohen_kappa=pairwise,
        fleiss_kappa=fleiss,
        krippendorff_alpha=alpha,
        gwet_ac1=gwet,
        majority_share=float(p.max()),
    )
