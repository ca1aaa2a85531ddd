"""Agreement figures per tag and pooled over tags, as the window's table and
``fangtan agreement --json`` show them.

Warnings, by code: ``few_units`` (fewer than 30 units), ``one_value`` (one value takes
85 % or more of all ratings: kappa-type figures are unstable there), ``kappa_undefined``
(a kappa or alpha has no value because the chance term leaves nothing to correct).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from app.agreement.coefficients import Nominal, nominal
from app.agreement.errors import UnknownUnitError
from app.agreement.layers import Layers, load_layers
from app.agreement.spans import f1, overlap_matches, unitizing_alpha
from app.project import Project
from app.statistics.arrays import Ints

UNITS = ("turn", "char", "span")
FEW_UNITS = 30
ONE_VALUE_SHARE = 0.85
WARNINGS = ("few_units", "one_value", "kappa_undefined")
PAIR_SEPARATOR = "|"


@dataclass(frozen=True)
class Figures:
    """The coefficients of one tag (or of all pooled) and what to be wary of."""

    coefficients: Nominal
    warnings: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        c = self.coefficients
        return {
            "units": c.units,
            "percent": c.percent,
            "cohen_kappa": c.cohen_kappa,
            "pairwise_cohen_kappa": dict(c.pairwise_cohen_kappa),
            "fleiss_kappa": c.fleiss_kappa,
            "krippendorff_alpha": c.krippendorff_alpha,
            "gwet_ac1": c.gwet_ac1,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class NominalAgreement:
    """Agreement on turns or characters."""

    unit: str
    annotators: tuple[str, ...]
    documents: int
    units: int
    tags: Mapping[str, Figures]
    pooled: Figures

    def as_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "annotators": list(self.annotators),
            "documents": self.documents,
            "units": self.units,
            "tags": {name: figures.as_json() for name, figures in self.tags.items()},
            "pooled": self.pooled.as_json(),
        }


@dataclass(frozen=True)
class PairScores:
    exact_f1: float | None
    overlap_f1: float | None

    def as_json(self) -> dict[str, float | None]:
        return {"exact_f1": self.exact_f1, "overlap_f1": self.overlap_f1}


@dataclass(frozen=True)
class TagSpans:
    pairs: Mapping[str, PairScores]
    unitizing_alpha: float | None

    def as_json(self) -> dict[str, Any]:
        return {
            "pairs": {pair: scores.as_json() for pair, scores in self.pairs.items()},
            "unitizing_alpha": self.unitizing_alpha,
        }


@dataclass(frozen=True)
class SpanAgreement:
    """Agreement on the annotations themselves."""

    annotators: tuple[str, ...]
    documents: int
    pairs: Mapping[str, PairScores]
    tags: Mapping[str, TagSpans]
    unit: str = "span"

    def as_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "annotators": list(self.annotators),
            "documents": self.documents,
            "pairs": {pair: scores.as_json() for pair, scores in self.pairs.items()},
            "tags": {name: spans.as_json() for name, spans in self.tags.items()},
        }


Agreement = NominalAgreement | SpanAgreement


def warnings_of(coefficients: Nominal) -> tuple[str, ...]:
    found = []
    if coefficients.units < FEW_UNITS:
        found.append("few_units")
    if coefficients.units and coefficients.majority_share >= ONE_VALUE_SHARE:
        found.append("one_value")
    undefined = (
        coefficients.cohen_kappa is None
        or coefficients.fleiss_kappa is None
        or coefficients.krippendorff_alpha is None
        or any(kappa is None for kappa in coefficients.pairwise_cohen_kappa.values())
    )
    if undefined:
        found.append("kappa_undefined")
    return tuple(found)


def _figures(codes: Ints, names: Sequence[str], weights: Ints | None) -> Figures:
    coefficients = nominal(codes, names, weights, categories=2)
    return Figures(coefficients, warnings_of(coefficients))


def _nominal(layers: Layers, unit: str) -> NominalAgreement:
    per_tag: dict[str, Figures] = {}
    all_codes: list[Ints] = []
    all_weights: list[Ints] = []
    for index, name in enumerate(layers.tags):
        if unit == "turn":
            codes = layers.turn_codes(index)
            weights = np.ones(len(codes), dtype=np.int64)
        else:
            codes, weights = layers.char_codes(index)
        per_tag[name] = _figures(codes, layers.annotators, weights)
        all_codes.append(codes)
        all_weights.append(weights)
    pooled = _figures(np.concatenate(all_codes), layers.annotators, np.concatenate(all_weights))
    units = next(iter(per_tag.values())).coefficients.units
    return NominalAgreement(
        unit=unit,
        annotators=layers.annotators,
        documents=len(layers.documents),
        units=units,
        tags=per_tag,
        pooled=pooled,
    )


# Per pair: exact matches, overlap matches, spans of the first, spans of the second.
Counts = tuple[int, int, int, int]


def _pair_counts(sets: Sequence[set[tuple[int, int, int, str]]], i: int, j: int) -> Counts:
    a, b = sets[i], sets[j]
    return len(a & b), overlap_matches(a, b), len(a), len(b)


def _scores(counts: Counts) -> PairScores:
    exact, overlap, a, b = counts
    return PairScores(f1(exact, a, b), f1(overlap, a, b))


def _spans(layers: Layers) -> SpanAgreement:
    """Per tag and pair, then every tag pooled: matches never cross tags, so the pooled
    counts are the sums of the tags' counts."""
    names = layers.annotators
    pairs = list(combinations(range(len(names)), 2))
    label = {pair: f"{names[pair[0]]}{PAIR_SEPARATOR}{names[pair[1]]}" for pair in pairs}
    totals = dict.fromkeys(pairs, (0, 0, 0, 0))
    tags: dict[str, TagSpans] = {}
    for name, sets in zip(layers.tags, layers.span_sets_by_tag(), strict=True):
        scores = {}
        for pair in pairs:
            counts = _pair_counts(sets, *pair)
            exact, overlap, a, b = totals[pair]
            totals[pair] = (exact + counts[0], overlap + counts[1], a + counts[2], b + counts[3])
            scores[label[pair]] = _scores(counts)
        continuum = [{(d, s, e) for d, s, e, _ in spans} for spans in sets]
        tags[name] = TagSpans(scores, unitizing_alpha(continuum, layers.lengths))
    return SpanAgreement(
        annotators=names,
        documents=len(layers.documents),
        pairs={label[pair]: _scores(totals[pair]) for pair in pairs},
        tags=tags,
    )


COMPUTE: Mapping[str, Callable[[Layers], Agreement]] = {
    "turn": lambda layers: _nominal(layers, "turn"),
    "char": lambda layers: _nominal(layers, "char"),
    "span": _spans,
}


def agreement(
    project: Project,
    *,
    unit: str = "turn",
    annotators: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
) -> Agreement:
    """Agreement between ``annotators`` (default: everyone but the gold layer) on ``tags``
    (default: every tag they used) in the documents they share, on one of UNITS."""
    if unit not in COMPUTE:
        raise UnknownUnitError(unit=unit)
    return COMPUTE[unit](load_layers(project, annotators, tags))
