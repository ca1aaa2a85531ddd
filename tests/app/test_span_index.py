"""Spans overlapping a range, found among many, and taken out one by one."""

import random
from dataclasses import dataclass

from app.span_index import SpanIndex


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    name: str


def brute(spans, start, end):
    return sorted(
        (s for s in spans if s.start < end and start < s.end), key=lambda s: (s.start, s.end)
    )


def test_overlapping_matches_a_scan_of_every_span_through_removals():
    rng = random.Random(3)
    spans = []
    for number in range(400):
        start = rng.randrange(0, 2000)
        spans.append(Span(start, start + rng.randint(1, 80), f"s{number}"))
    spans += [Span(100, 140, "same start a"), Span(100, 140, "same start b")]
    index = SpanIndex(spans)
    held = list(spans)
    for _ in range(6):
        gone = rng.sample(held, 40) + [s for s in held if s.name == "same start b"]
        index.remove(gone)
        held = [s for s in held if s not in gone]
        for _ in range(50):
            start = rng.randrange(0, 2100)
            end = start + rng.randint(1, 200)
            assert sorted(
                index.overlapping(start, end), key=lambda s: (s.start, s.end, s.name)
            ) == sorted(brute(held, start, end), key=lambda s: (s.start, s.end, s.name))
    names = {s.name for s in index.overlapping(100, 101)}
    assert "same start a" in names or "same start a" not in {s.name for s in held}
    assert "same start b" not in names
