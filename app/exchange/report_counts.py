"""How much of an interview each tag covers, for the report (app.exchange.report).

Characters are counted once however many annotations cover them (the spans of a tag are
merged first); the share of answer text is the part of those characters inside what
interviewees say (the contents of answer turns, without their labels) out of all of it,
as in the corpus overview (app.statistics.matrix). Offsets are code points.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from app.dto import AnnotationInfo, DocumentContent, TagInfo, TurnInfo


@dataclass(frozen=True)
class TagCount:
    """How much one tag (``tag_id``; None for all tags together) covers: ``characters``
    distinct characters, ``answer_characters`` of them inside answers, out of
    ``answer_total`` characters of answer text."""

    tag_id: int | None
    annotations: int
    characters: int
    answer_characters: int
    answer_total: int

    @property
    def answer_share(self) -> float:
        return self.answer_characters / self.answer_total if self.answer_total else 0.0

    def plus(self, other: "TagCount") -> "TagCount":
        return TagCount(
            self.tag_id,
            self.annotations + other.annotations,
            self.characters + other.characters,
            self.answer_characters + other.answer_characters,
            self.answer_total + other.answer_total,
        )


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans joined where they overlap or touch, in order; empty ones dropped."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def overlap(first: Sequence[tuple[int, int]], second: Sequence[tuple[int, int]]) -> int:
    """Characters inside both of two merged span lists."""
    total = i = j = 0
    while i < len(first) and j < len(second):
        total += max(0, min(first[i][1], second[j][1]) - max(first[i][0], second[j][0]))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return total


def answer_spans(turns: Iterable[TurnInfo]) -> list[tuple[int, int]]:
    """What the interviewee says: the contents of answer turns, without their labels."""
    return merged((turn.content_start, turn.end) for turn in turns if turn.kind == "answer")


def summarize(
    content: DocumentContent, annotations: Sequence[AnnotationInfo], tags: Sequence[TagInfo]
) -> tuple[TagCount, ...]:
    """A count per tag used, in codebook order, and one for all tags together."""
    answers = answer_spans(content.turns)
    answer_total = sum(end - start for start, end in answers)

    def count(tag_id: int | None, chosen: list[AnnotationInfo]) -> TagCount:
        covered = merged((annotation.start, annotation.end) for annotation in chosen)
        characters = sum(end - start for start, end in covered)
        return TagCount(tag_id, len(chosen), characters, overlap(covered, answers), answer_total)

    rows = []
    for tag in tags:
        chosen = [annotation for annotation in annotations if annotation.tag_id == tag.id]
        if chosen:
            rows.append(count(tag.id, chosen))
    rows.append(count(None, list(annotations)))
    return tuple(rows)


def selection_summary(
    summaries: Sequence[Sequence[TagCount]], tags: Sequence[TagInfo]
) -> tuple[TagCount, ...]:
    """The summaries of several interviews (each from ``summarize``) added up, tags in
    codebook order and all tags last: characters are counted per interview, then summed."""
    answer_total = sum(summary[-1].answer_total for summary in summaries if summary)
    totals: dict[int | None, TagCount] = {}
    for summary in summaries:
        for row in summary:
            before = totals.get(row.tag_id, TagCount(row.tag_id, 0, 0, 0, 0))
            totals[row.tag_id] = before.plus(replace(row, answer_total=0))
    order: list[int | None] = [tag.id for tag in tags if tag.id in totals]
    order.append(None)
    return tuple(
        replace(totals.get(tag_id, TagCount(tag_id, 0, 0, 0, 0)), answer_total=answer_total)
        for tag_id in order
    )
