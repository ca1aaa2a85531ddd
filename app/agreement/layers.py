"""The annotators' layers that agreement compares, and the units they are compared on.

Definitions (the README repeats them):

- Documents compared: those that every compared annotator annotated at least once or
  marked done.
- ``turn``: every question and answer turn with content in those documents; for each tag
  and annotator, 1 if the annotator has an annotation of that tag overlapping the turn's
  content (the words after the speaker label) by at least one character, else 0.
- ``char``: every character of those turns' contents; per tag, 1 if an annotation of the
  tag by that annotator covers it. Characters are counted in runs: a run of characters on
  which every annotator's value is the same is one row weighted by its length.
- ``span``: the annotations themselves (app.agreement.spans).

Pooled figures treat every (unit, tag) pair as one unit.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.agreement.errors import (
    NoSharedDocumentsError,
    NoTagsUsedError,
    TooFewAnnotatorsError,
    UnusedTagError,
)
from app.errors import UnknownTagNameError
from app.project import Project
from app.statistics.arrays import ContentColumns, Flags, Ints, SpanColumns, stride_of
from app.statistics.errors import UnknownAnnotatorNameError
from app.statistics.matrix import codebook, driver_rows
from app.team.visibility import GOLD_ANNOTATOR as GOLD_ANNOTATOR
from models import Annotation, Annotator, Assignment, Document, Turn
from models.documents import TURN_KINDS

# The annotator whose layer is the adjudicated reference; never compared by default.
SPOKEN = tuple(kind for kind in TURN_KINDS if kind in ("question", "answer"))


@dataclass(frozen=True)
class Coverage:
    """One annotator's annotations of one tag merged into sorted, disjoint intervals on
    the line through all documents (``document × stride + offset``)."""

    start: Ints
    end: Ints

    @classmethod
    def of(cls, starts: Ints, ends: Ints) -> "Coverage":
        if not len(starts):
            return cls(starts, ends)
        order = np.argsort(starts, kind="stable")
        starts, ends = starts[order], ends[order]
        reach = np.maximum.accumulate(ends)
        opens = np.ones(len(starts), dtype=np.bool_)
        opens[1:] = starts[1:] > reach[:-1]
        begins = np.flatnonzero(opens)
        last = np.append(begins[1:] - 1, len(starts) - 1)
        return cls(starts[begins], reach[last])

    def overlaps(self, starts: Ints, ends: Ints) -> Flags:
        """For each interval: does it share at least one character with the coverage?"""
        if not len(self.start):
            return np.zeros(len(starts), dtype=np.bool_)
        index = np.searchsorted(self.end, starts, side="right")
        safe = np.minimum(index, len(self.end) - 1)
        return (index < len(self.end)) & (self.start[safe] < ends)

    def covers(self, places: Ints) -> Flags:
        """For each place: is its character covered?"""
        if not len(self.start):
            return np.zeros(len(places), dtype=np.bool_)
        index = np.searchsorted(self.start, places, side="right") - 1
        safe = np.maximum(index, 0)
        return (index >= 0) & (places < self.end[safe])


@dataclass(frozen=True)
class Layers:
    """The compared annotators (in the order asked for), the compared documents and tags,
    and those annotators' annotations of those tags in those documents."""

    annotators: tuple[str, ...]
    documents: tuple[int, ...]
    tags: tuple[str, ...]
    spans: SpanColumns  # tag: index into ``tags``; annotator: index into ``annotators``
    contents: ContentColumns  # question and answer contents of the compared documents
    lengths: Mapping[int, int]  # characters of each compared document

    @property
    def stride(self) -> int:
        return max(stride_of(self.spans, self.contents), max(self.lengths.values(), default=0) + 1)

    def coverage(self, annotator: int, tag: int) -> Coverage:
        spans = self.spans
        chosen = (spans.annotator == annotator) & (spans.tag == tag)
        placed = spans.document[chosen] * np.int64(self.stride)
        return Coverage.of(placed + spans.start[chosen], placed + spans.end[chosen])

    def content_places(self) -> tuple[Ints, Ints]:
        placed = self.contents.document * np.int64(self.stride)
        return placed + self.contents.start, placed + self.contents.end

    def turn_codes(self, tag: int) -> Ints:
        """Units × annotators: 1 where the annotator's annotations of ``tag`` overlap the
        turn's content."""
        starts, ends = self.content_places()
        columns = [
            self.coverage(annotator, tag).overlaps(starts, ends)
            for annotator in range(len(self.annotators))
        ]
        if not columns:
            return np.zeros((0, 0), dtype=np.int64)
        return np.column_stack(columns).astype(np.int64)

    def char_codes(self, tag: int) -> tuple[Ints, Ints]:
        """Runs of characters × annotators (1 where covered by the annotator's annotations
        of ``tag``) and each run's length."""
        starts, ends = self.content_places()
        if not len(starts):  # no question or answer content (only narration): no characters
            empty = np.zeros(0, dtype=np.int64)
            return np.zeros((0, len(self.annotators)), dtype=np.int64), empty
        coverages = [self.coverage(annotator, tag) for annotator in range(len(self.annotators))]
        points = np.unique(
            np.concatenate(
                [starts, ends, *(c.start for c in coverages), *(c.end for c in coverages)]
            )
        )
        lefts, rights = points[:-1], points[1:]
        turn = np.searchsorted(starts, lefts, side="right") - 1
        inside = (turn >= 0) & (lefts < ends[np.maximum(turn, 0)])
        lefts, rights = lefts[inside], rights[inside]
        columns = [coverage.covers(lefts) for coverage in coverages]
        codes = np.column_stack(columns).astype(np.int64)
        return codes, rights - lefts

    def span_sets_by_tag(self) -> list[list[set[tuple[int, int, int, str]]]]:
        """Per tag, each annotator's annotations (document, start, end, tag name), from one
        pass over the annotations."""
        spans = self.spans
        found: list[list[set[tuple[int, int, int, str]]]] = [
            [set() for _ in self.annotators] for _ in self.tags
        ]
        rows = zip(
            *(c.tolist() for c in (spans.document, spans.start, spans.end, spans.tag)),
            spans.annotator.tolist(),
            strict=True,
        )
        for document, start, end, tag_index, annotator in rows:
            found[tag_index][annotator].add((document, start, end, self.tags[tag_index]))
        return found


def _names(session: Session) -> dict[str, int]:
    return {
        name: annotator_id
        for annotator_id, name in session.execute(select(Annotator.id, Annotator.name))
    }


def _annotated(session: Session) -> dict[int, set[int]]:
    """Documents each annotator annotated, by annotator id."""
    annotated: dict[int, set[int]] = {}
    rows = session.execute(
        select(Annotation.annotator_id, Annotation.document_id)
        .where(Annotation.annotator_id.is_not(None))
        .distinct()
    )
    for annotator_id, document_id in rows:
        if annotator_id is not None:
            annotated.setdefault(annotator_id, set()).add(document_id)
    return annotated


def _done(session: Session) -> dict[int, set[int]]:
    """Documents each annotator marked done, by annotator id."""
    done: dict[int, set[int]] = {}
    rows = session.execute(
        select(Assignment.annotator_id, Assignment.document_id).where(Assignment.status == "done")
    )
    for annotator_id, document_id in rows:
        done.setdefault(annotator_id, set()).add(document_id)
    return done


def _chosen_annotators(
    names: Mapping[str, int], annotated: Mapping[int, set[int]], asked: Sequence[str] | None
) -> tuple[str, ...]:
    if asked:
        missing = [name for name in asked if name not in names]
        if missing:
            raise UnknownAnnotatorNameError(name="、".join(missing))
        chosen = tuple(dict.fromkeys(asked))
    else:
        chosen = tuple(
            sorted(name for name, i in names.items() if annotated.get(i) and name != GOLD_ANNOTATOR)
        )
    if len(chosen) < 2:
        raise TooFewAnnotatorsError(found="、".join(chosen) or "nobody")
    return chosen


def load_layers(
    project: Project,
    annotators: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
) -> Layers:
    """The layers to compare: ``annotators`` by name (default: everyone with annotations
    except the gold layer), ``tags`` by name (default: every tag one of them used in the
    compared documents). Raises a FangtanError when there is nothing to compare."""
    with project.reading() as session:
        names = _names(session)
        annotated = _annotated(session)
        chosen = _chosen_annotators(names, annotated, annotators)
        ids = [names[name] for name in chosen]
        done = _done(session)
        shared = set.intersection(*(annotated.get(i, set()) | done.get(i, set()) for i in ids))
        if not shared:
            raise NoSharedDocumentsError(names="、".join(chosen))
        documents = tuple(sorted(shared))
        codebook_names = {tag.name: tag.id for tag in codebook(session)}
        id_of = {annotator_id: index for index, annotator_id in enumerate(ids)}
        rows = driver_rows(
            session,
            select(
                Annotation.document_id,
                Annotation.start,
                Annotation.end,
                Annotation.tag_id,
                Annotation.annotator_id,
            ).where(Annotation.annotator_id.in_(ids), Annotation.document_id.in_(documents)),
        )
        contents = driver_rows(
            session,
            select(Turn.document_id, Turn.kind, Turn.content_start, Turn.end).where(
                Turn.kind.in_(SPOKEN),
                Turn.content_start < Turn.end,
                Turn.document_id.in_(documents),
            ),
        )
        lengths: dict[int, int] = dict(
            session.execute(
                select(Document.id, func.length(Document.text)).where(Document.id.in_(documents))
            ).all()
        )
    used = {tag_id for _, _, _, tag_id, _ in rows}
    compared = _chosen_tags(codebook_names, used, tags, chosen)
    index_of = {codebook_names[name]: index for index, name in enumerate(compared)}
    kept = [
        (document, start, end, index_of[tag_id], id_of[annotator_id])
        for document, start, end, tag_id, annotator_id in rows
        if tag_id in index_of
    ]
    return Layers(
        annotators=chosen,
        documents=documents,
        tags=compared,
        spans=SpanColumns.of_rows(kept),
        contents=ContentColumns.of(contents),
        lengths=lengths,
    )


def _chosen_tags(
    codebook_names: Mapping[str, int],
    used: Iterable[int],
    asked: Sequence[str] | None,
    annotators: Sequence[str],
) -> tuple[str, ...]:
    used_ids = set(used)
    if asked:
        missing = [name for name in asked if name not in codebook_names]
        if missing:
            raise UnknownTagNameError(name="、".join(missing))
        for name in asked:
            if codebook_names[name] not in used_ids:
                raise UnusedTagError(names="、".join(annotators), tag=name)
        return tuple(dict.fromkeys(asked))
    chosen = tuple(name for name, tag_id in codebook_names.items() if tag_id in used_ids)
    if not chosen:
        raise NoTagsUsedError(names="、".join(annotators))
    return chosen
