"""The places where the compared annotators differ, on the units of app.agreement.layers,
each with every annotator's annotations of the tag there (the window lists them and
opens each one in the text with those layers shown).

- ``turn``: a question or answer turn and a tag on which the annotators' values differ;
  the place is the turn's content.
- ``char``: a stretch of characters of those contents on which the annotators' values
  for a tag differ: characters some annotator covers and not every one does. Adjacent
  differing characters form one place even where who covers them changes; a place ends
  where a turn's content ends.
- ``span``: annotations of one tag in one document that overlap, directly or through
  others, across annotators; the group is a place unless every annotator made exactly
  the same spans in it. An annotator with no annotation there has an empty version.

Places are ordered by document, start and tag.
"""

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from app.agreement.errors import UnknownUnitError
from app.agreement.layers import Layers, load_layers
from app.project import Project
from models import Document

Interval = tuple[int, int]
Key = tuple[int, int]  # document, tag index


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
    if unit not in ("turn", "char", "span"):
        raise UnknownUnitError(unit=unit)
    return differences_in(project, load_layers(project, annotators, tags), unit, limit)


def differences_in(
    project: Project, layers: Layers, unit: str, limit: int | None = None
) -> tuple[Difference, ...]:
    """The places of layers already read (for the figures of the same comparison)."""
    if unit not in ("turn", "char", "span"):
        raise UnknownUnitError(unit=unit)
    spans = _spans_by_key(layers)
    if unit == "turn":
        places = _turn_places(layers)
    elif unit == "char":
        places = _char_places(layers, spans)
    else:
        places = _span_places(layers, spans)
    places.sort(key=lambda place: (place[0], place[2], place[1], place[3]))
    if limit is not None:
        places = places[: max(limit, 0)]
    with project.reading() as session:
        wanted = sorted({place[0] for place in places})
        rows = session.execute(select(Document.id, Document.title).where(Document.id.in_(wanted)))
        titles = {int(document): str(title) for document, title in rows}
    return tuple(
        Difference(
            document_id=document,
            title=titles.get(document, ""),
            tag=layers.tags[tag],
            start=start,
            end=end,
            versions=tuple(
                Version(name, _overlapping(per_annotator, start, end))
                for name, per_annotator in zip(
                    layers.annotators, spans.get((document, tag), _silent(layers)), strict=True
                )
            ),
        )
        for document, tag, start, end in places
    )


def _silent(layers: Layers) -> list[list[Interval]]:
    return [[] for _ in layers.annotators]


def _spans_by_key(layers: Layers) -> dict[Key, list[list[Interval]]]:
    """Each (document, tag)'s annotations per annotator, sorted and deduplicated."""
    found: dict[Key, list[set[Interval]]] = {}
    columns = layers.spans
    rows = zip(
        columns.document.tolist(),
        columns.tag.tolist(),
        columns.annotator.tolist(),
        columns.start.tolist(),
        columns.end.tolist(),
        strict=True,
    )
    count = len(layers.annotators)
    for document, tag, annotator, start, end in rows:
        found.setdefault((document, tag), [set() for _ in range(count)])[annotator].add(
            (start, end)
        )
    return {key: [sorted(spans) for spans in sets] for key, sets in found.items()}


def _overlapping(spans: Sequence[Interval], start: int, end: int) -> tuple[Interval, ...]:
    return tuple(span for span in spans if span[0] < end and span[1] > start)


def _turn_places(layers: Layers) -> list[tuple[int, int, int, int]]:
    contents = layers.contents
    places = []
    for tag in range(len(layers.tags)):
        codes = layers.turn_codes(tag)
        if not codes.size:
            continue
        differ = np.flatnonzero(codes.min(axis=1) != codes.max(axis=1))
        documents = contents.document[differ].tolist()
        starts = contents.start[differ].tolist()
        ends = contents.end[differ].tolist()
        places += [(d, tag, s, e) for d, s, e in zip(documents, starts, ends, strict=True)]
    return places


def _merged(spans: Iterable[Interval]) -> list[Interval]:
    """Sorted, disjoint intervals covering the same characters (touching ones joined)."""
    merged: list[Interval] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _intersection(first: list[Interval], second: list[Interval]) -> list[Interval]:
    found = []
    i = j = 0
    while i < len(first) and j < len(second):
        start, end = max(first[i][0], second[j][0]), min(first[i][1], second[j][1])
        if start < end:
            found.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return found


def _minus(whole: list[Interval], cut: list[Interval]) -> list[Interval]:
    found = []
    j = 0
    for start, end in whole:
        position = start
        while j < len(cut) and cut[j][1] <= position:
            j += 1
        k = j
        while k < len(cut) and cut[k][0] < end:
            if cut[k][0] > position:
                found.append((position, cut[k][0]))
            position = max(position, cut[k][1])
            k += 1
        if position < end:
            found.append((position, end))
    return found


def _contents_by_document(layers: Layers) -> dict[int, list[Interval]]:
    contents = layers.contents
    found: dict[int, list[Interval]] = {}
    rows = zip(
        contents.document.tolist(), contents.start.tolist(), contents.end.tolist(), strict=True
    )
    for document, start, end in rows:
        found.setdefault(document, []).append((start, end))
    return found


def _clip(places: list[Interval], turns: list[Interval]) -> list[Interval]:
    """``places`` within the turns' contents, split where a content ends."""
    found = []
    for start, end in places:
        index = max(bisect_left(turns, (start, start)) - 1, 0)
        while index < len(turns) and turns[index][0] < end:
            low, high = max(start, turns[index][0]), min(end, turns[index][1])
            if low < high:
                found.append((low, high))
            index += 1
    return found


def _char_places(
    layers: Layers, spans: dict[Key, list[list[Interval]]]
) -> list[tuple[int, int, int, int]]:
    turns = _contents_by_document(layers)
    places = []
    for (document, tag), per_annotator in spans.items():
        covered = [_merged(annotator_spans) for annotator_spans in per_annotator]
        union = _merged(span for coverage in covered for span in coverage)
        common = covered[0]
        for coverage in covered[1:]:
            common = _intersection(common, coverage)
        differing = _merged(_minus(union, common))
        places += [
            (document, tag, start, end) for start, end in _clip(differing, turns.get(document, []))
        ]
    return places


def _span_places(
    layers: Layers, spans: dict[Key, list[list[Interval]]]
) -> list[tuple[int, int, int, int]]:
    places = []
    for (document, tag), per_annotator in spans.items():
        every = sorted(
            (start, end, annotator)
            for annotator, annotator_spans in enumerate(per_annotator)
            for start, end in annotator_spans
        )
        groups: list[list[tuple[int, int, int]]] = []
        reach = -1
        for span in every:
            if groups and span[0] < reach:
                groups[-1].append(span)
                reach = max(reach, span[1])
            else:
                groups.append([span])
                reach = span[1]
        for group in groups:
            versions = [
                {(start, end) for start, end, who in group if who == annotator}
                for annotator in range(len(per_annotator))
            ]
            if any(version != versions[0] for version in versions[1:]):
                places.append((document, tag, group[0][0], max(span[1] for span in group)))
    return places
