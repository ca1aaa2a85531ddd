"""Shares of a table's row or column totals, and which pairs of tags are too unequal in
frequency for the c-coefficient to be read (the overview's "Show" modes and its marks).
"""

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from app.statistics.cooccurrence import SKEW_RATIO

# What a share is shown as when its row's or column's total is 0.
NO_SHARE = "—"

Shares = list[list[float | None]]


def _shares(values: Sequence[Sequence[float]], axis: int) -> Shares:
    table = np.asarray(values, dtype=np.float64)
    if table.size == 0:
        return [[] for _ in values]
    totals = table.sum(axis=axis, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        percent = np.where(totals > 0, table * 100.0 / totals, np.nan)
    return [[None if np.isnan(share) else float(share) for share in row] for row in percent]


def row_shares(values: Sequence[Sequence[float]]) -> Shares:
    """Each value as a percentage of its row's total; None where that total is 0."""
    return _shares(values, axis=1)


def column_shares(values: Sequence[Sequence[float]]) -> Shares:
    """Each value as a percentage of its column's total; None where that total is 0."""
    return _shares(values, axis=0)


def share_text(share: float | None) -> str:
    """A percentage with one decimal ("12.5%"), or NO_SHARE."""
    return NO_SHARE if share is None else f"{share:.1f}%"


def skewed(first: Sequence[int], second: Sequence[int], ratio: int = SKEW_RATIO) -> list[bool]:
    """For each pair of counts: is one more than ``ratio`` times the other? (Exactly
    ``ratio`` times is not; two zeros are not.)"""
    ones: NDArray[np.int64] = np.asarray(first, dtype=np.int64)
    others: NDArray[np.int64] = np.asarray(second, dtype=np.int64)
    flags = (ones > ratio * others) | (others > ratio * ones)
    return [bool(flag) for flag in flags]
