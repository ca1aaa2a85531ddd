"""The places where the compared annotators differ, on the units of app.agreement.layers,
each with every annotator's annotations of the tag there (the window lists them and
opens each one in the text with those layers shown).

- ``turn``: a question or answer turn and a tag on which the annotators' values differ;
  the place is the turn's content.
- ``char``: a stretch of characters of those contents on which the annotators' values
  for a tag differ: characters some annotator covers and not every one does. Adjacent
  differing characters form one place even where who covers them changes (one place per
  contiguous differing stretch); a place ends where a turn's content ends.
- ``span``: annotations of one tag in one document that overlap (share a character),
  directly or through others, across annotators; the group is a place unless every
  annotator made exactly the same spans in it. Its extent is the place.

A version holds an annotator's annotations of the tag overlapping the place, sorted and
without repeats; an annotator with none there has an empty version. Places are ordered
by document, start and tag.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from sqlalchemy import select

from app.agreement.errors import UnknownUnitError
from app.agreement.layers import Layers, load_layers
from app.project import Project
from app.statistics.arrays import Ints, first_of_runs
from models import Document

Interval = tuple[int, int]
Places = tuple[Ints, Ints, Ints, Ints]  # document id, tag index, start, end


@dataclass(frozen=True)
class Version:
    """One annotator's annotations of the tag overlapping the place (none: empty)."""

    annotator: str
    spans: tuple[Interval, ...]


@dataclass(frozen=True)
class Difference:
    document_id: int
    title: str
    tag: str
    start: int
    end: int
    versions: tuple[Version, ...]  # one per compared annotator, in their order


@dataclass(frozen=True)
class _Table:
    """The compared annotations without repeats, sorted by ``key`` (document, tag and
    annotator: ``(document index × tags + tag) × annotators + annotator``), start and end;
    ``line_*`` place them on one line, ``key × stride + offset``."""

    documents: Ints  # the compared documents' ids, sorted: a document index points here
    tags: int
    annotators: int
    stride: int
    key: Ints
    start: Ints
    end: Ints
    line_start: Ints
    line_end: Ints
    reach: Ints  # the running maximum of ``line_end``

    @classmethod
    def of(cls, layers: Layers) -> "_Table":
        spans, stride = layers.spans, np.int64(layers.stride)
        documents = np.asarray(layers.documents, dtype=np.int64)
        tags, annotators = len(layers.tags), len(layers.annotators)
        key = (np.searchsorted(documents, spans.document) * tags + spans.tag) * annotators
        key += spans.annotator
        order = np.lexsort((spans.end, spans.start, key))
        key, start, end = key[order], spans.start[order], spans.end[order]
        fresh = first_of_runs(key, start, end)
        key, start, end = key[fresh], start[fresh], end[fresh]
        line_end = key * stride + end
        reach = np.maximum.accumulate(line_end) if len(key) else line_end
        return cls(
            documents=documents,
            tags=tags,
            annotators=annotators,
            stride=int(stride),
            key=key,
            start=start,
            end=end,
            line_end=line_end,
            line_start=key * stride + start,
            reach=reach,
        )

    def versions(self, places: Places) -> list[tuple[Interval, ...]]:
        """For each place, then each annotator: the annotations overlapping the place."""
        document, tag, start, end = places
        run = np.searchsorted(self.documents, document) * self.tags + tag
        owner_key = (run[:, None] * self.annotators + np.arange(self.annotators)).ravel()
        base = owner_key * np.int64(self.stride)
        low_end = base + np.repeat(start, self.annotators)
        # Annotations before ``low`` end at or before the place; from ``high`` on they
        # begin at or after its end (or belong to a later key).
        low = np.searchsorted(self.reach, low_end, side="right")
        high = np.searchsorted(self.line_start, base + np.repeat(end, self.annotators))
        counts = np.maximum(high - low, 0)
        owner = np.repeat(np.arange(len(counts)), counts)
        offsets = np.cumsum(counts) - counts
        index = np.repeat(low, counts) + np.arange(int(counts.sum())) - offsets[owner]
        kept = self.line_end[index] > low_end[owner]
        index, owner = index[kept], owner[kept]
        bounds = np.searchsorted(owner, np.arange(len(counts) + 1)).tolist()
        found = list(zip(self.start[index].tolist(), self.end[index].tolist(), strict=True))
        return [tuple(found[a:b]) for a, b in pairwise(bounds)]


def _empty() -> Places:
    nothing = np.zeros(0, dtype=np.int64)
    return nothing, nothing, nothing, nothing


def _joined(parts: Sequence[Places]) -> Places:
    if not parts:
        return _empty()
    document, tag, start, end = (np.concatenate(column) for column in zip(*parts, strict=True))
    return document, tag, start, end


def _turn_places(layers: Layers, table: _Table) -> Places:
    contents = layers.contents
    parts = []
    for tag in range(len(layers.tags)):
        codes = layers.turn_codes(tag)
        differ = np.flatnonzero(codes.min(axis=1) != codes.max(axis=1))
        parts.append(
            (
                contents.document[differ],
                np.full(len(differ), tag, dtype=np.int64),
                contents.start[differ],
                contents.end[differ],
            )
        )
    return _joined(parts)


def _char_places(layers: Layers, table: _Table) -> Places:
    starts, ends = layers.content_places()
    if not len(starts):
        return _empty()
    stride, count = np.int64(layers.stride), len(layers.annotators)
    parts = []
    for tag in range(len(layers.tags)):
        coverages = [layers.coverage(annotator, tag) for annotator in range(count)]
        bounds = [bound for c in coverages for bound in (c.start, c.end)]
        points = np.unique(np.concatenate([starts, ends, *bounds]))
        lefts, rights = points[:-1], points[1:]
        turn = np.searchsorted(starts, lefts, side="right") - 1
        inside = (turn >= 0) & (lefts < ends[np.maximum(turn, 0)])
        covered = np.sum([coverage.covers(lefts) for coverage in coverages], axis=0)
        differ = inside & (covered > 0) & (covered < count)
        lefts, rights, turn = lefts[differ], rights[differ], turn[differ]
        if not len(lefts):
            continue
        opens = first_of_runs(turn)
        opens[1:] |= lefts[1:] != rights[:-1]
        begins = np.flatnonzero(opens)
        last = np.append(begins[1:] - 1, len(lefts) - 1)
        document = lefts[begins] // stride
        base = document * stride
        tags = np.full(len(begins), tag, dtype=np.int64)
        parts.append((document, tags, lefts[begins] - base, rights[last] - base))
    return _joined(parts)


def _span_places(layers: Layers, table: _Table) -> Places:
    if not len(table.key):
        return _empty()
    stride = np.int64(table.stride)
    run = table.key // table.annotators  # document index × tags + tag
    order = np.lexsort((table.key, table.end, table.start, run))
    run, start, end = run[order], table.start[order], table.end[order]
    line_start, line_end = run * stride + start, run * stride + end
    reach = np.maximum.accumulate(line_end)
    opens = np.ones(len(run), dtype=np.bool_)
    opens[1:] = line_start[1:] >= reach[:-1]
    group = np.cumsum(opens) - 1
    # A group is the same in every layer when each of its (start, end) is everyone's.
    pairs = first_of_runs(line_start, line_end)
    shared = np.bincount(np.cumsum(pairs) - 1) == table.annotators
    differs = np.zeros(int(group[-1]) + 1, dtype=np.bool_)
    differs[group[pairs][~shared]] = True
    begins = np.flatnonzero(opens)
    last = np.append(begins[1:] - 1, len(run) - 1)
    chosen = np.flatnonzero(differs)
    runs = run[begins][chosen]
    base = runs * stride
    return (
        table.documents[runs // table.tags],
        runs % table.tags,
        line_start[begins][chosen] - base,
        reach[last][chosen] - base,
    )


PLACES: Mapping[str, Callable[[Layers, _Table], Places]] = {
    "turn": _turn_places,
    "char": _char_places,
    "span": _span_places,
}


def differences(
    project: Project,
    *,
    unit: str = "turn",
    annotators: Sequence[str] | None = None,
    tags: Sequence[str] | None = None,
    limit: int | None = None,
) -> tuple[Difference, ...]:
    """Every place where ``annotators`` differ on ``tags`` in the interviews they share
    (the same choice and errors as app.agreement.report.agreement), the first ``limit``."""
    if unit not in PLACES:
        raise UnknownUnitError(unit=unit)
    return differences_in(project, load_layers(project, annotators, tags), unit, limit)


def differences_in(
    project: Project, layers: Layers, unit: str, limit: int | None = None
) -> tuple[Difference, ...]:
    """The places of layers already read (for the figures of the same comparison)."""
    if unit not in PLACES:
        raise UnknownUnitError(unit=unit)
    table = _Table.of(layers)
    document, tag, start, end = PLACES[unit](layers, table)
    order = np.lexsort((tag, start, document))
    if limit is not None:
        order = order[: max(limit, 0)]
    places = (document[order], tag[order], start[order], end[order])
    versions = table.versions(places)
    with project.reading() as session:
        wanted = np.unique(places[0]).tolist()
        rows = session.execute(select(Document.id, Document.title).where(Document.id.in_(wanted)))
        titles = {int(document_id): str(title) for document_id, title in rows}
    names, count = layers.annotators, len(layers.annotators)
    rows_of = zip(*(column.tolist() for column in places), strict=True)
    return tuple(
        Difference(
            document_id=document_id,
            title=titles.get(document_id, ""),
            tag=layers.tags[tag_index],
            start=place_start,
            end=place_end,
            versions=tuple(
                Version(name, versions[row * count + index]) for index, name in enumerate(names)
            ),
        )
        for row, (document_id, tag_index, place_start, place_end) in enumerate(rows_of)
    )
